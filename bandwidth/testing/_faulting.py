"""The simulator's fault injection and request recording (a part of ``VoiceSimulator``).

:class:`FaultsAndRequests` scripts what the next requests of an operation
meet (a status, a delay, a dropped connection, a garbled body) and reads
back every request received. Operations are named by SDK method
(:data:`~bandwidth.testing.OPERATIONS`).
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Union

from bandwidth.testing._faults import DROP_WHEN, MALFORMED_KINDS, Fault
from bandwidth.testing._rest import JSON_HEADER, RecordedRequest, RestApi

__all__ = ["FaultsAndRequests"]


class FaultsAndRequests:
    """Faults and recorded requests (a mixin of ``VoiceSimulator``)."""

    _rest: RestApi
    if TYPE_CHECKING:
        _lock: threading.Lock

    def fail_next(
        self,
        operation: Optional[str],
        status: int,
        *,
        count: int = 1,
        headers: Optional[Mapping[str, str]] = None,
        body: Union[bytes, str, Dict[str, Any], List[Any], None] = None,
    ) -> None:
        """Answer the next ``count`` requests of ``operation`` (``None``: any) with ``status``.

        The request is not processed. ``body`` defaults to a ``voiceApiError``
        JSON for the status; a dict or list is sent as JSON, bytes or str as
        they are. A 429 gets ``Retry-After: 0`` unless ``headers`` sets it.
        """
        header_items = list((headers or {}).items())
        names = {name.lower() for name, _ in header_items}
        if status == 429 and "retry-after" not in names:
            header_items.append(("Retry-After", "0"))
        if isinstance(body, (dict, list)):
            raw: Optional[bytes] = json.dumps(body).encode()
        elif isinstance(body, str):
            raw = body.encode()
        else:
            raw = body
        if raw is not None and "content-type" not in names:
            header_items.append(JSON_HEADER)
        self._add_fault(
            Fault(operation, count, "fail", status=status, headers=tuple(header_items), body=raw)
        )

    def delay_next(self, operation: Optional[str], seconds: float, *, count: int = 1) -> None:
        """Wait ``seconds`` (real time) before answering the next ``count`` requests.

        A delay combines with one other fault on the same request.
        """
        self._add_fault(Fault(operation, count, "delay", seconds=seconds))

    def drop_next(
        self, operation: Optional[str], *, when: str = "before_read", count: int = 1
    ) -> None:
        """Close the connection without answering the next ``count`` requests.

        ``when``: ``before_read`` (after the request head, the body unread and
        nothing done), ``after_read`` (body read, nothing done) or
        ``after_process`` (the request took effect, e.g. the call exists, but
        the answer is lost).
        """
        if when not in DROP_WHEN:
            raise ValueError(f"when must be one of {DROP_WHEN}")
        self._add_fault(Fault(operation, count, "drop", when=when))

    def malformed_next(
        self, operation: Optional[str], *, count: int = 1, kind: str = "json"
    ) -> None:
        """Answer the next ``count`` requests with a 2xx whose body is garbage.

        The request is processed first (a call does get created). ``kind``:
        ``json`` (truncated JSON) or ``schema`` (valid JSON of the wrong shape).
        """
        if kind not in MALFORMED_KINDS:
            raise ValueError(f"kind must be one of {MALFORMED_KINDS}")
        self._add_fault(Fault(operation, count, "malformed", when=kind))

    def clear_faults(self) -> None:
        """Drop every scripted fault that has not fired yet."""
        with self._lock:
            self._rest.faults.clear()

    def _add_fault(self, fault: Fault) -> None:
        with self._lock:
            self._rest.faults.add(fault)

    # -- recording -------------------------------------------------------------------------

    @property
    def requests(self) -> List[RecordedRequest]:
        """Every request received so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._rest.requests)

    def requests_for(self, operation: Optional[str]) -> List[RecordedRequest]:
        """The recorded requests routed to ``operation`` (``None``: unroutable ones)."""
        with self._lock:
            return [r for r in self._rest.requests if r.operation == operation]

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._rest.requests.clear()

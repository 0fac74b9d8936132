"""The simulator's fault injection and request recording.

:class:`FaultControls` scripts what the next requests of an operation
meet (a status, a delay, a dropped connection, a garbled body) and reads
back every request received. Operations are named by SDK method
(:data:`~bandwidth.testing.OPERATIONS`).
"""

from __future__ import annotations

import json
import threading
from typing import Any, Dict, List, Mapping, Optional, Union

from bandwidth.testing._core.faults import DROP_WHEN, MALFORMED_KINDS, Fault
from bandwidth.testing._core.http_answers import Pace
from bandwidth.testing._core.rest_service import JSON_HEADER, RecordedRequest, RestApi

__all__ = ["FaultControls"]


class FaultControls:
    """Faults and recorded requests."""

    def __init__(self, rest: RestApi) -> None:
        self._rest = rest
        self._lock: threading.Lock = rest.lock

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

        The request is not processed. Any status works, a 2xx too: it scripts
        an exact answer. ``body`` defaults to a ``voiceApiError`` JSON for the
        status; a dict or list is sent as JSON, bytes or str as they are. A
        429 gets ``Retry-After: 0`` unless ``headers`` sets it.
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

    def raw_next(self, operation: Optional[str], data: bytes, *, count: int = 1) -> None:
        """Answer the next ``count`` requests of ``operation`` with exactly ``data``.

        For answers a well-behaved server never writes: a hostile header, a
        wrong ``Content-Length``, a body with no framing, a bare ``HTTP/1.0``.
        The request is read but not processed; ``data`` goes out as it is
        (no ``Date`` or ``Content-Length`` added), then the connection closes,
        so a body may simply run to the close.
        """
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("data must be bytes: the answer exactly as it goes on the wire")
        self._add_fault(Fault(operation, count, "raw", body=bytes(data)))

    def delay_next(self, operation: Optional[str], seconds: float, *, count: int = 1) -> None:
        """Wait ``seconds`` (real time) before answering the next ``count`` requests.

        A delay combines with a :meth:`slow_next` and one other fault on the
        same request.
        """
        self._add_fault(Fault(operation, count, "delay", seconds=seconds))

    def slow_next(
        self,
        operation: Optional[str],
        *,
        bytes_per_interval: int = 1,
        interval: float = 0.05,
        head_at_once: bool = False,
        count: int = 1,
    ) -> None:
        """Drip the answers to the next ``count`` requests: ``bytes_per_interval`` bytes at a time.

        Each piece follows the last after ``interval`` seconds (real time), so
        no single read waits long, yet the whole answer takes long: what a
        client's per-read timeout cannot catch and only a deadline can. With
        ``head_at_once`` the head arrives whole and only the body drips. The
        request is processed as usual (a call does get created); only the
        writing is slow. It combines with a :meth:`delay_next` and one other
        fault on the same request (drip a 429, or :meth:`raw_next` bytes), and
        ``stop()`` cuts it short.
        """
        if isinstance(bytes_per_interval, bool) or not isinstance(bytes_per_interval, int):
            raise TypeError("bytes_per_interval must be an integer")
        if bytes_per_interval < 1:
            raise ValueError("bytes_per_interval must be at least 1")
        if isinstance(interval, bool) or not isinstance(interval, (int, float)):
            raise TypeError("interval must be a number of seconds")
        if not interval >= 0:  # NaN too
            raise ValueError("interval must be zero or more seconds")
        pace = Pace(bytes_per_interval, float(interval), bool(head_at_once))
        self._add_fault(Fault(operation, count, "slow", pace=pace))

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

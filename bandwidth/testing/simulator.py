"""``VoiceSimulator``: a stateful, in-process stand-in for the Voice API's Calls endpoints.

Standard library only. It serves HTTP/1.1 with keep-alive on loopback from a
background thread, answers the five Calls operations the way the spec
documents them, lets the test drive (or auto-run) each call's lifecycle on a
clock the test controls, injects faults and records every request.

This module is the public face; the parts live in modules named for what
they hold: ``_http`` (the HTTP server), ``_rest`` (the routes and
operations), ``_store`` (calls and their lifecycle), ``_calls`` (a call's
record and wire form), ``_clock``, ``_faults`` and ``_validate``.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Dict, List, Mapping, Optional, Union
from urllib.parse import quote

from bandwidth.testing._calls import (
    ANSWERED,
    DISCONNECTED,
    INITIATED,
    QUEUED,
    STATES,
    AutoProgress,
    SimulatedCall,
)
from bandwidth.testing._clock import ManualClock
from bandwidth.testing._faults import DROP_WHEN, MALFORMED_KINDS, OPERATIONS, Fault
from bandwidth.testing._http import HttpServer
from bandwidth.testing._rest import BASE_PATH, JSON_HEADER, RecordedRequest, RestApi
from bandwidth.testing._store import CallStore
from bandwidth.testing._validate import CREATE_CALL_FIELDS

if TYPE_CHECKING:
    from bandwidth.configuration import Configuration

__all__ = ["OPERATIONS", "RecordedRequest", "VoiceSimulator"]

Clock = Callable[[], datetime]

_CALL_STATE_EXTRAS = {
    "parentCallId",
    "stirShaken",
    "identity",
    "disconnectCause",
    "errorMessage",
    "errorId",
}


def _camel(name: str) -> str:
    if name in ("from_", "var_from"):
        return "from"
    head, *rest = name.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)


class VoiceSimulator:
    """A local Voice API (Calls endpoints) for tests and benchmarks.

    Use it as a context manager (``with VoiceSimulator() as sim:``) or call
    :meth:`start` / :meth:`stop`. It accepts HTTP Basic ``username:password``
    and, when ``access_token`` is set, ``Bearer <access_token>``; requests for
    another account than ``account_id`` get 403.

    ``clock`` is a :class:`ManualClock` (the default: time stands still until
    :meth:`advance`) or any callable returning an aware ``datetime``.
    ``auto_progress`` is ``False`` (the test moves calls with :meth:`answer`,
    :meth:`hangup`, ...), ``True`` (default :class:`AutoProgress`) or an
    :class:`AutoProgress`. Set ``record_requests=False`` for long benchmarks.
    ``idle_timeout`` bounds every socket wait in seconds: a connection idle
    that long is closed, and a request stalled that long gets a 408.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        account_id: str = "9900000",
        username: str = "username",
        password: str = "password",
        access_token: Optional[str] = None,
        clock: Optional[Union[ManualClock, Clock]] = None,
        auto_progress: Union[bool, AutoProgress, None] = False,
        *,
        record_requests: bool = True,
        idle_timeout: float = 60.0,
    ) -> None:
        if isinstance(idle_timeout, bool) or not (
            isinstance(idle_timeout, (int, float)) and idle_timeout > 0
        ):
            raise ValueError("idle_timeout must be a positive number of seconds")
        self.host = host
        self.username = username
        self.password = password
        self.access_token = access_token
        self.clock: Union[ManualClock, Clock] = ManualClock() if clock is None else clock
        self._now: Clock = self.clock.now if isinstance(self.clock, ManualClock) else self.clock
        if auto_progress is True:
            auto_progress = AutoProgress()
        self.record_requests = record_requests
        #: The bound port (known after :meth:`start`; the requested one before).
        self.port = port

        self._store = CallStore(account_id, auto_progress or None)
        self._lock = self._store.lock
        self._rest = RestApi(self, self._store)
        self._http = HttpServer(self._rest, host, port, float(idle_timeout))
        self._url = ""
        self._advertised: Optional[str] = None
        self._calls_prefix = ""

    @property
    def account_id(self) -> str:
        """The one account this simulator serves (others get 403)."""
        return self._store.account_id

    @account_id.setter
    def account_id(self, value: str) -> None:
        self._store.account_id = value
        if self._url:
            self._set_calls_prefix()

    @property
    def auto_progress(self) -> Optional[AutoProgress]:
        """How calls move on their own (``None``: only when the test moves them)."""
        return self._store.auto_progress

    @auto_progress.setter
    def auto_progress(self, value: Optional[AutoProgress]) -> None:
        self._store.auto_progress = value

    # -- lifecycle of the server -----------------------------------------------------------

    def start(self) -> VoiceSimulator:
        """Bind the socket and start serving in a daemon thread; returns ``self``."""
        port = self._http.start()
        netloc = f"[{self.host}]" if ":" in self.host else self.host
        self.port = port
        self._url = f"http://{netloc}:{port}{BASE_PATH}"
        self._set_calls_prefix()
        return self

    def stop(self) -> None:
        """Stop serving and close every open connection; safe to call twice."""
        self._http.stop()

    def __enter__(self) -> VoiceSimulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the simulator is serving."""
        return self._http.running

    @property
    def url(self) -> str:
        """Base URL including the API base path, e.g. ``http://127.0.0.1:54321/api/v2``."""
        if not self._url:
            raise RuntimeError("the simulator has not been started")
        return self._url

    @property
    def advertised_url(self) -> str:
        """The base URL put in ``Location``, ``callUrl`` and ``Link`` (default: :attr:`url`).

        Set it when clients reach the simulator through a proxy (Prism, say),
        so the links they follow go through the proxy too. ``None`` resets it.
        """
        return self._advertised or self.url

    @advertised_url.setter
    def advertised_url(self, value: Optional[str]) -> None:
        self._advertised = value.rstrip("/") if value else None
        self._set_calls_prefix()

    def _set_calls_prefix(self) -> None:
        base = self._advertised or self._url
        self._calls_prefix = f"{base}/accounts/{quote(self.account_id, safe='')}/calls"

    @property
    def calls_url(self) -> str:
        """The URL of the account's calls (``create_call``, ``list_calls`` and ``Link``)."""
        if not self._url:
            raise RuntimeError("the simulator has not been started")
        return self._calls_prefix

    def call_url(self, call_id: str) -> str:
        """The URL of one call, as the ``Location`` header and ``callUrl`` give it."""
        return f"{self.calls_url}/{quote(call_id, safe='')}"

    def configuration(self, **overrides: Any) -> Configuration:
        """A ``bandwidth.Configuration`` pointing at this simulator with its credentials."""
        from bandwidth import Configuration

        options: Dict[str, Any] = {"username": self.username, "password": self.password}
        options.update(overrides)
        return Configuration(host=self.url, **options)

    # -- clock and call lifecycle ----------------------------------------------------------

    def now(self) -> datetime:
        """The simulator's current time."""
        return self._now()

    def advance(self, seconds: float) -> datetime:
        """Move the :class:`ManualClock` forward and apply auto-progress that fell due."""
        if not isinstance(self.clock, ManualClock):
            raise TypeError("advance() needs the simulator to run on a ManualClock")
        now = self.clock.advance(seconds)
        with self._lock:
            self._store.tick(now)
        return now

    def initiate(self, call_id: str) -> None:
        """Move a queued call to ``initiated`` (dequeued and ringing)."""
        with self._lock:
            now = self._now()
            self._store.tick(now)
            call = self._store.get(call_id)
            if call.state != QUEUED:
                raise ValueError(f"call {call_id} is {call.state}, not queued")
            self._store.move(call, "initiate", now)

    def answer(self, call_id: str) -> None:
        """Answer a queued or ringing call (a queued one is initiated first)."""
        with self._lock:
            now = self._now()
            self._store.tick(now)
            call = self._store.get(call_id)
            if call.state not in (QUEUED, INITIATED):
                raise ValueError(f"call {call_id} is {call.state}; only a ringing call answers")
            self._store.move(call, "answer", now)

    def hangup(
        self,
        call_id: str,
        cause: str = "hangup",
        *,
        error_message: Optional[str] = None,
        error_id: Optional[str] = None,
    ) -> None:
        """End a call that has not ended yet, with ``disconnectCause`` ``cause``."""
        with self._lock:
            now = self._now()
            self._store.tick(now)
            call = self._store.get(call_id)
            if call.state == DISCONNECTED:
                raise ValueError(f"call {call_id} has already ended")
            self._store.disconnect(call, cause, now, error_message, error_id)

    @property
    def calls(self) -> List[SimulatedCall]:
        """Copies of every stored call, oldest first (the ``list_calls`` order)."""
        with self._lock:
            self._store.tick(self._now())
            return [call.snapshot() for call in self._store.order]

    def call(self, call_id: str) -> SimulatedCall:
        """A copy of one stored call; ``KeyError`` if there is none."""
        with self._lock:
            self._store.tick(self._now())
            return self._store.get(call_id).snapshot()

    def clear_calls(self) -> None:
        """Forget every call."""
        with self._lock:
            self._store.clear()

    def add_call(self, **fields: Any) -> str:
        """Store one call directly (no HTTP) and return its id; see :meth:`bulk_create`."""
        return self.bulk_create(1, **fields)[0]

    def bulk_create(
        self,
        n: int,
        *,
        state: str = QUEUED,
        direction: str = "outbound",
        spacing: float = 0.0,
        **fields: Any,
    ) -> List[str]:
        """Store ``n`` calls directly (no HTTP) and return their ids, oldest first.

        ``fields`` are ``createCall`` fields (``to``, ``from_``, ``answer_url``,
        ``tag``, ...) or ``callState`` extras (``disconnect_cause``,
        ``parent_call_id``, ``stir_shaken``, ``identity``, ``error_message``,
        ``error_id``), in snake_case or JSON spelling. Calls are created
        ``spacing`` seconds apart, the newest now. A call in a later ``state``
        has all its timestamps at its creation time; ``disconnected`` calls
        default to ``disconnectCause`` ``hangup``.
        """
        if state not in STATES:
            raise ValueError(f"state must be one of {STATES}")
        if direction not in ("inbound", "outbound"):
            raise ValueError("direction must be 'inbound' or 'outbound'")
        data = {_camel(key): value for key, value in fields.items()}
        unknown = set(data) - CREATE_CALL_FIELDS - _CALL_STATE_EXTRAS
        if unknown:
            raise TypeError(f"unknown call fields: {sorted(unknown)}")
        request = {k: v for k, v in data.items() if k in CREATE_CALL_FIELDS}
        request.setdefault("to", "+19195551234")
        request.setdefault("from", "+19195554321")
        request.setdefault("applicationId", "04e88489-df02-4e34-a0ee-27a91849555f")
        request.setdefault("answerUrl", "https://myServer.example/bandwidth/webhooks/answer")
        cause = data.get("disconnectCause")
        if state == DISCONNECTED and cause is None:
            cause = "hangup"
        ids: List[str] = []
        with self._lock:
            now = self._now()
            self._store.tick(now)
            for index in range(n):
                created = now - timedelta(seconds=spacing * (n - 1 - index))
                call = self._store.new_call(dict(request), created)
                call.direction = direction
                call.state = state
                call.parent_call_id = data.get("parentCallId")
                call.stir_shaken = data.get("stirShaken")
                call.identity = data.get("identity")
                if state != QUEUED:
                    call.start_time = created
                if state == ANSWERED or (state == DISCONNECTED and cause == "hangup"):
                    call.answer_time = created
                if state == DISCONNECTED:
                    call.end_time = created
                    call.disconnect_cause = cause
                    call.error_message = data.get("errorMessage")
                    call.error_id = data.get("errorId")
                self._store.insert(call)
                self._store.schedule(call, now)
                ids.append(call.call_id)
        return ids

    # -- faults ----------------------------------------------------------------------------

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

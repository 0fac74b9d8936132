"""``VoiceSimulator``: a stateful, in-process stand-in for the Voice API's Calls endpoints.

Standard library only. It serves HTTP/1.1 with keep-alive on loopback from a
background thread, answers the five Calls operations the way the spec
documents them, lets the test drive (or auto-run) each call's lifecycle on a
clock the test controls, injects faults and records every request.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import contextlib
import heapq
import http
import json
import selectors
import socket
import sys
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Set,
    Tuple,
    Type,
    Union,
    cast,
)
from urllib.parse import parse_qsl, quote, unquote, urlencode

from bandwidth.testing._calls import (
    ANSWERED,
    DISCONNECTED,
    INITIATED,
    QUEUED,
    STATES,
    AutoProgress,
    SimulatedCall,
)
from bandwidth.testing._clock import ManualClock, parse_time
from bandwidth.testing._faults import DROP_WHEN, MALFORMED_KINDS, OPERATIONS, Fault, FaultQueue
from bandwidth.testing._validate import (
    CREATE_CALL_FIELDS,
    Invalid,
    check_bxml,
    check_create_call,
    check_update_call,
    parse_json_object,
)

if TYPE_CHECKING:
    from bandwidth.configuration import Configuration

__all__ = ["OPERATIONS", "RecordedRequest", "VoiceSimulator"]

BASE_PATH = "/api/v2"
#: Call records stay readable this long after hang-up, then 404 / drop out of lists.
RETENTION = timedelta(days=7)
MAX_PAGE_SIZE = 10000
DEFAULT_PAGE_SIZE = 1000

Response = Tuple[int, List[Tuple[str, str]], bytes]
Clock = Callable[[], datetime]

_JSON = ("Content-Type", "application/json")
_ERROR_TYPES = {
    400: "validation",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    415: "unsupported-media-type",
    429: "rate_limit_exceeded",
    500: "internal-server-error",
    502: "bad-gateway",
    503: "service-unavailable",
    504: "gateway-timeout",
}
_NO_BODY = frozenset({204, 304})
_SUCCESS = {
    "create_call": 201,
    "get_call_state": 200,
    "list_calls": 200,
    "update_call": 200,
    "update_call_bxml": 200,  # a garbled answer needs a body, which 204 cannot carry
}
_GARBLED_JSON = b'{"callId": "c-15ac29a2-1331029c-2cb0-4a07-b215-b2286566'
_GARBLED_SCHEMA = {
    "create_call": b'{"callId": 42, "accountId": null, "callUrl": ["not", "a", "url"]}',
    "get_call_state": b'["not", "a", "callState"]',
    "list_calls": b'{"calls": "not an array"}',
}
_CALL_STATE_EXTRAS = {
    "parentCallId",
    "stirShaken",
    "identity",
    "disconnectCause",
    "errorMessage",
    "errorId",
}


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the simulator received it, for assertions.

    ``headers`` has lower-cased names; ``query`` is the parsed query string
    (every value of a repeated key, in order); ``operation`` is the SDK method
    name the request was routed to, or ``None`` for a wrong path or method.
    ``time`` is the simulator's clock when it arrived.
    """

    method: str
    path: str
    query_string: str
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    body: bytes
    operation: Optional[str]
    time: datetime

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)

    @property
    def text(self) -> str:
        """The body decoded as UTF-8."""
        return self.body.decode("utf-8")


@dataclass(frozen=True)
class _Route:
    operation: Optional[str]  # None: no such path, or a method the path does not allow
    account_id: str = ""
    call_id: str = ""
    allow: str = ""  # set when the path exists


_NOT_FOUND = _Route(None)


def _route(method: str, path: str) -> _Route:
    if not path.startswith(BASE_PATH + "/accounts/"):
        return _NOT_FOUND
    parts = path[len(BASE_PATH) + 1 :].split("/")
    count = len(parts)
    if count < 3 or parts[2] != "calls" or not parts[1]:
        return _NOT_FOUND
    account = unquote(parts[1])
    if count == 3:
        op = {"GET": "list_calls", "POST": "create_call"}.get(method)
        return _Route(op, account, allow="GET, POST")
    call_id = unquote(parts[3])
    if not call_id:
        return _NOT_FOUND
    if count == 4:
        op = {"GET": "get_call_state", "POST": "update_call"}.get(method)
        return _Route(op, account, call_id, allow="GET, POST")
    if count == 5 and parts[4] == "bxml":
        op = "update_call_bxml" if method == "PUT" else None
        return _Route(op, account, call_id, allow="PUT")
    return _NOT_FOUND


def _media_type(headers: Mapping[str, str]) -> str:
    return headers.get("content-type", "").split(";", 1)[0].strip().lower()


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
    ) -> None:
        self.host = host
        self.account_id = account_id
        self.username = username
        self.password = password
        self.access_token = access_token
        self.clock: Union[ManualClock, Clock] = ManualClock() if clock is None else clock
        self._now: Clock = self.clock.now if isinstance(self.clock, ManualClock) else self.clock
        if auto_progress is True:
            auto_progress = AutoProgress()
        self.auto_progress: Optional[AutoProgress] = auto_progress or None
        self.record_requests = record_requests
        self._requested_port = port
        #: The bound port (known after :meth:`start`; the requested one before).
        self.port = port

        self._lock = threading.Lock()
        self._calls: Dict[str, SimulatedCall] = {}
        self._order: List[SimulatedCall] = []  # sorted by sort_key (list_calls order)
        self._keys: List[Tuple[datetime, int]] = []  # parallel to _order, for bisect
        self._seq = 0
        self._due: List[Tuple[datetime, int, str, str, str]] = []  # auto-progress heap
        self._faults = FaultQueue()
        self._requests: List[RecordedRequest] = []

        self._auth_key: Tuple[str, str, Optional[str]] = ("", "", None)
        self._auth_ok: Set[str] = set()

        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None
        self._stopping = threading.Event()
        self._connections: Set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._url = ""
        self._advertised: Optional[str] = None
        self._calls_prefix = ""

    # -- lifecycle of the server -----------------------------------------------------------

    def start(self) -> VoiceSimulator:
        """Bind the socket and start serving in a daemon thread; returns ``self``."""
        if self._server is not None:
            raise RuntimeError("the simulator is already running")
        server_class: Type[_Server] = _Server6 if ":" in self.host else _Server
        server = server_class((self.host, self._requested_port), _Handler)
        server.simulator = self
        port = server.server_address[1]
        netloc = f"[{self.host}]" if ":" in self.host else self.host
        self.port = port
        self._url = f"http://{netloc}:{port}{BASE_PATH}"
        self._set_calls_prefix()
        self._stopping.clear()
        self._server = server
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = threading.Thread(
            target=self._serve_forever, name=f"VoiceSimulator:{port}", daemon=True
        )
        self._thread.start()
        return self

    def _serve_forever(self) -> None:
        # Like socketserver's serve_forever, but woken at once by stop() instead
        # of polling, so stopping a simulator costs no poll interval.
        server = self._server
        assert server is not None
        with selectors.DefaultSelector() as selector:
            selector.register(server.socket, selectors.EVENT_READ)
            selector.register(self._wake_r, selectors.EVENT_READ)
            while not self._stopping.is_set():
                for key, _ in selector.select():
                    if key.fileobj is self._wake_r or self._stopping.is_set():
                        return
                    server._handle_request_noblock()  # type: ignore[attr-defined]

    def stop(self) -> None:
        """Stop serving and close every open connection; safe to call twice."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._stopping.set()
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if thread is not None:
            thread.join(timeout=5)
        server.server_close()
        self._wake_r.close()
        self._wake_w.close()
        with self._connections_lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._server = None
        self._thread = None

    def __enter__(self) -> VoiceSimulator:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the simulator is serving."""
        return self._server is not None

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

    def call_url(self, call_id: str) -> str:
        """The URL of one call, as the ``Location`` header and ``callUrl`` give it."""
        if not self._url:
            raise RuntimeError("the simulator has not been started")
        return f"{self._calls_prefix}/{quote(call_id, safe='')}"

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
            self._tick(now)
        return now

    def initiate(self, call_id: str) -> None:
        """Move a queued call to ``initiated`` (dequeued and ringing)."""
        with self._lock:
            now = self._now()
            self._tick(now)
            call = self._get(call_id)
            if call.state != QUEUED:
                raise ValueError(f"call {call_id} is {call.state}, not queued")
            self._move(call, "initiate", now)

    def answer(self, call_id: str) -> None:
        """Answer a queued or ringing call (a queued one is initiated first)."""
        with self._lock:
            now = self._now()
            self._tick(now)
            call = self._get(call_id)
            if call.state not in (QUEUED, INITIATED):
                raise ValueError(f"call {call_id} is {call.state}; only a ringing call answers")
            self._move(call, "answer", now)

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
            self._tick(now)
            call = self._get(call_id)
            if call.state == DISCONNECTED:
                raise ValueError(f"call {call_id} has already ended")
            self._disconnect(call, cause, now, error_message, error_id)

    @property
    def calls(self) -> List[SimulatedCall]:
        """Copies of every stored call, oldest first (the ``list_calls`` order)."""
        with self._lock:
            self._tick(self._now())
            return [call.snapshot() for call in self._order]

    def call(self, call_id: str) -> SimulatedCall:
        """A copy of one stored call; ``KeyError`` if there is none."""
        with self._lock:
            self._tick(self._now())
            return self._get(call_id).snapshot()

    def clear_calls(self) -> None:
        """Forget every call."""
        with self._lock:
            self._calls.clear()
            self._order.clear()
            self._keys.clear()
            self._due.clear()

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
            self._tick(now)
            for index in range(n):
                created = now - timedelta(seconds=spacing * (n - 1 - index))
                call = self._new_call(dict(request), created)
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
                self._insert(call)
                self._schedule(call, now)
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
            header_items.append(_JSON)
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
            self._faults.clear()

    def _add_fault(self, fault: Fault) -> None:
        with self._lock:
            self._faults.add(fault)

    # -- recording -------------------------------------------------------------------------

    @property
    def requests(self) -> List[RecordedRequest]:
        """Every request received so far, in arrival order (a copy)."""
        with self._lock:
            return list(self._requests)

    def requests_for(self, operation: Optional[str]) -> List[RecordedRequest]:
        """The recorded requests routed to ``operation`` (``None``: unroutable ones)."""
        with self._lock:
            return [r for r in self._requests if r.operation == operation]

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        with self._lock:
            self._requests.clear()

    # -- internals: state ------------------------------------------------------------------

    def _get(self, call_id: str) -> SimulatedCall:
        call = self._calls.get(call_id)
        if call is None:
            raise KeyError(call_id)
        return call

    def _live(self, call_id: str, now: datetime) -> Optional[SimulatedCall]:
        call = self._calls.get(call_id)
        if call is None or self._expired(call, now):
            return None
        return call

    @staticmethod
    def _expired(call: SimulatedCall, now: datetime) -> bool:
        return call.end_time is not None and now - call.end_time > RETENTION

    def _new_call(self, request: Dict[str, Any], now: datetime) -> SimulatedCall:
        self._seq += 1
        return SimulatedCall(
            call_id=f"c-{uuid.uuid4().hex[:8]}-{uuid.uuid4()}",
            account_id=self.account_id,
            application_id=request["applicationId"],
            to=request["to"],
            from_=request["from"],
            direction="outbound",
            state=QUEUED,
            enqueued_time=now,
            last_update=now,
            tag=request.get("tag") or None,
            request=request,
            seq=self._seq,
        )

    def _insert(self, call: SimulatedCall) -> None:
        key = call.sort_key
        self._calls[call.call_id] = call
        if not self._keys or key > self._keys[-1]:
            self._keys.append(key)
            self._order.append(call)
        else:
            index = bisect.bisect_right(self._keys, key)
            self._keys.insert(index, key)
            self._order.insert(index, call)

    def _schedule(self, call: SimulatedCall, since: datetime) -> None:
        auto = self.auto_progress
        if auto is None:
            return
        if call.state == QUEUED and auto.initiate_after is not None:
            self._push(since + timedelta(seconds=auto.initiate_after), call, "initiate")
        elif call.state == INITIATED:
            timeout = call.request.get("callTimeout") or 30
            if auto.answer_after is not None and auto.answer_after < timeout:
                self._push(since + timedelta(seconds=auto.answer_after), call, "answer")
            else:
                self._push(since + timedelta(seconds=timeout), call, "timeout")
        elif call.state == ANSWERED and auto.hangup_after is not None:
            self._push(since + timedelta(seconds=auto.hangup_after), call, "hangup")

    def _push(self, due: datetime, call: SimulatedCall, action: str) -> None:
        self._seq += 1
        heapq.heappush(self._due, (due, self._seq, call.call_id, call.state, action))

    def _tick(self, now: datetime) -> None:
        due = self._due
        while due and due[0][0] <= now:
            when, _, call_id, expected, action = heapq.heappop(due)
            call = self._calls.get(call_id)
            if call is not None and call.state == expected:
                self._move(call, action, when)

    def _move(self, call: SimulatedCall, action: str, when: datetime) -> None:
        if action == "initiate":
            call.state = INITIATED
            call.start_time = when
        elif action == "answer":
            if call.start_time is None:
                call.start_time = when
            call.state = ANSWERED
            call.answer_time = when
        elif action == "timeout":
            self._disconnect(call, "timeout", when)
            return
        else:  # "hangup"
            auto = self.auto_progress
            self._disconnect(call, auto.hangup_cause if auto else "hangup", when)
            return
        call.changed(when)
        self._schedule(call, when)

    @staticmethod
    def _disconnect(
        call: SimulatedCall,
        cause: str,
        when: datetime,
        error_message: Optional[str] = None,
        error_id: Optional[str] = None,
    ) -> None:
        call.state = DISCONNECTED
        call.end_time = when
        call.disconnect_cause = cause
        call.error_message = error_message
        call.error_id = error_id
        call.changed(when)

    # -- internals: HTTP -------------------------------------------------------------------

    def _record(
        self,
        method: str,
        path: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        operation: Optional[str],
    ) -> None:
        if not self.record_requests:
            return
        params: Dict[str, List[str]] = {}
        for key, value in parse_qsl(query, keep_blank_values=True):
            params.setdefault(key, []).append(value)
        entry = RecordedRequest(
            method, path, query, params, dict(headers), body, operation, self._now()
        )
        with self._lock:
            self._requests.append(entry)

    def _take_fault(self, operation: Optional[str]) -> Tuple[float, Optional[Fault]]:
        if not self._faults:  # unlocked peek: the common case costs nothing
            return 0.0, None
        with self._lock:
            return self._faults.take(operation)

    def _error(
        self, status: int, description: str, headers: Iterable[Tuple[str, str]] = ()
    ) -> Response:
        payload = {
            "type": _ERROR_TYPES.get(status, "error"),
            "description": description,
            "id": str(uuid.uuid4()),
        }
        return status, [_JSON, *headers], json.dumps(payload).encode()

    def _fault_response(self, fault: Fault) -> Response:
        headers = list(fault.headers)
        if fault.body is not None:
            return fault.status, headers, fault.body
        if fault.status in _NO_BODY or fault.status < 200:
            return fault.status, headers, b""
        phrase = _reason(fault.status)
        return self._error(fault.status, f"Simulated failure: {phrase}.", headers)

    def _garble(self, operation: Optional[str], response: Response, kind: str) -> Response:
        status, headers, _ = response
        op = operation or ""
        success = _SUCCESS.get(op, 200)
        keep = [h for h in headers if h[0] == "Location"] if status == success else []
        body = _GARBLED_SCHEMA.get(op, _GARBLED_JSON) if kind == "schema" else _GARBLED_JSON
        return success, [_JSON, *keep], body

    def _authorized(self, value: Optional[str]) -> bool:
        if value is None:
            return False
        key = (self.username, self.password, self.access_token)
        if key != self._auth_key:  # credentials may be changed on a running simulator
            token = base64.b64encode(f"{key[0]}:{key[1]}".encode()).decode("ascii")
            accepted = {"Basic " + token}
            if key[2] is not None:
                accepted.add("Bearer " + key[2])
            self._auth_ok, self._auth_key = accepted, key
        if value in self._auth_ok:
            return True
        scheme, _, credentials = value.strip().partition(" ")
        scheme = scheme.lower()
        credentials = credentials.strip()
        if scheme == "basic":
            try:
                decoded = base64.b64decode(credentials, validate=True).decode("utf-8")
            except (binascii.Error, UnicodeDecodeError):
                return False
            return decoded == f"{self.username}:{self.password}"
        if scheme == "bearer":
            return self.access_token is not None and credentials == self.access_token
        return False

    def _respond(
        self,
        method: str,
        route: _Route,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
    ) -> Response:
        if not self._authorized(headers.get("authorization")):
            return self._error(
                401,
                "Missing or invalid credentials.",
                [("WWW-Authenticate", 'Basic realm="Bandwidth Voice API"')],
            )
        op = route.operation
        if op is None:
            if not route.allow:
                return self._error(404, "The requested resource does not exist.")
            return self._error(
                405, f"Method {method} is not allowed here.", [("Allow", route.allow)]
            )
        if route.account_id != self.account_id:
            return self._error(403, f"Access to account {route.account_id} is forbidden.")
        try:
            if op == "create_call":
                return self._create_call(headers, body)
            if op == "get_call_state":
                return self._get_call_state(route.call_id)
            if op == "list_calls":
                return self._list_calls(query)
            if op == "update_call":
                return self._update_call(route.call_id, headers, body)
            return self._update_call_bxml(route.call_id, headers, body)
        except Invalid as exc:
            return self._error(400, str(exc))
        except _Unsupported as exc:
            return self._error(415, str(exc))

    def _create_call(self, headers: Mapping[str, str], body: bytes) -> Response:
        _require_media_type(headers, "application/json")
        request = parse_json_object(body)
        check_create_call(request)
        with self._lock:
            now = self._now()
            self._tick(now)
            call = self._new_call(request, now)
            self._insert(call)
            self._schedule(call, now)
            url = self.call_url(call.call_id)
            payload = call.to_create_response(url)
        return 201, [_JSON, ("Location", url)], json.dumps(payload).encode()

    def _get_call_state(self, call_id: str) -> Response:
        with self._lock:
            now = self._now()
            self._tick(now)
            call = self._live(call_id, now)
            if call is None:
                return self._error(404, f"Call {call_id} was not found.")
            return 200, [_JSON], call.state_json()

    def _list_calls(self, query: str) -> Response:
        pairs = parse_qsl(query, keep_blank_values=True)
        params: Dict[str, str] = {}
        for key, value in pairs:
            params.setdefault(key, value)
        size_text = params.get("pageSize")
        page_size = DEFAULT_PAGE_SIZE
        if size_text is not None:
            try:
                page_size = int(size_text)
            except ValueError:
                raise Invalid("Invalid pageSize: must be an integer.") from None
            if not 1 <= page_size <= MAX_PAGE_SIZE:
                raise Invalid(f"Invalid pageSize: must be between 1 and {MAX_PAGE_SIZE}.")
        bounds: List[Optional[datetime]] = []
        for name in ("minStartTime", "maxStartTime"):
            text = params.get(name)
            try:
                bounds.append(None if text is None else parse_time(text))
            except ValueError:
                raise Invalid(f"Invalid {name}: must be an ISO 8601 timestamp.") from None
        low, high = bounds
        token = params.get("pageToken")
        after = None if token is None else _decode_token(token)
        to, sender, cause = params.get("to"), params.get("from"), params.get("disconnectCause")
        timed = low is not None or high is not None

        page: List[bytes] = []
        last: Optional[SimulatedCall] = None
        more = False
        with self._lock:
            now = self._now()
            self._tick(now)
            start = 0 if after is None else bisect.bisect_right(self._keys, after)
            for call in self._order[start:] if start else self._order:
                if (
                    (to is not None and call.to != to)
                    or (sender is not None and call.from_ != sender)
                    or (cause is not None and call.disconnect_cause != cause)
                    or self._expired(call, now)
                ):
                    continue
                if timed:
                    begun = call.start_time
                    if (
                        begun is None
                        or (low is not None and begun < low)
                        or (high is not None and begun > high)
                    ):
                        continue
                if len(page) == page_size:
                    more = True
                    break
                page.append(call.state_json())
                last = call
        headers = [_JSON]
        if more and last is not None:
            kept = [(k, v) for k, v in pairs if k != "pageToken"]
            kept.append(("pageToken", _encode_token(last.sort_key)))
            headers.append(("Link", f'<{self._calls_prefix}?{urlencode(kept)}>; rel="next"'))
        return 200, headers, b"[" + b",".join(page) + b"]"

    def _update_call(self, call_id: str, headers: Mapping[str, str], body: bytes) -> Response:
        _require_media_type(headers, "application/json")
        request = parse_json_object(body)
        state = check_update_call(request)
        with self._lock:
            now = self._now()
            self._tick(now)
            call = self._live(call_id, now)
            if call is None:
                return self._error(404, f"Call {call_id} was not found.")
            if call.state == DISCONNECTED:
                return self._error(409, f"Call {call_id} has already ended.")
            if state == "completed":
                if call.state == ANSWERED:
                    cause = "hangup"
                elif call.direction == "inbound":
                    cause = "rejected"
                else:
                    cause = "cancel"
                self._disconnect(call, cause, now)
            else:
                if call.state == QUEUED:
                    return self._error(
                        409, f"Call {call_id} is still queued and cannot be redirected yet."
                    )
                # Not a state change, so lastUpdate (and the cached callState) stay.
                call.redirects.append(request)
                if request.get("tag") is not None:
                    call.tag = request["tag"] or None
        return 200, [], b""

    def _update_call_bxml(self, call_id: str, headers: Mapping[str, str], body: bytes) -> Response:
        _require_media_type(headers, "application/xml")
        document = check_bxml(body)
        with self._lock:
            now = self._now()
            self._tick(now)
            call = self._live(call_id, now)
            if call is None:
                return self._error(404, f"Call {call_id} was not found.")
            if call.state != ANSWERED:
                return self._error(
                    409, f"Call {call_id} is {call.state}; only an answered call runs BXML."
                )
            call.bxml.append(document)
        return 204, [], b""


class _Unsupported(Exception):
    """The request's Content-Type is not the one the operation takes (415)."""


def _require_media_type(headers: Mapping[str, str], expected: str) -> None:
    media_type = _media_type(headers)
    if media_type != expected:
        shown = media_type or "none"
        raise _Unsupported(f"Content-Type {shown} is not supported here: send {expected}.")


def _encode_token(key: Tuple[datetime, int]) -> str:
    stamp = int(key[0].timestamp() * 1_000_000)
    raw = json.dumps({"t": stamp, "s": key[1]}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode_token(token: str) -> Tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
        stamp, seq = data["t"], data["s"]
        if not isinstance(stamp, int) or not isinstance(seq, int):
            raise ValueError
        moment = datetime.fromtimestamp(stamp / 1_000_000, tz=timezone.utc)
    except (ValueError, TypeError, KeyError, OverflowError, OSError, binascii.Error):
        raise Invalid("Invalid pageToken.") from None
    return moment.replace(microsecond=stamp % 1_000_000), seq


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


_MAX_LINE = 65536
_MAX_HEADERS = 100
_date_cache: List[Any] = [0, ""]


def _http_date() -> str:
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0] = now
        _date_cache[1] = formatdate(now, usegmt=True)
    return cast(str, _date_cache[1])


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    simulator: VoiceSimulator

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that went away; a real bug still prints."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError, socket.timeout)):
            super().handle_error(request, client_address)


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "bandwidth-voice-simulator"

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests read ``sim.requests`` instead."""

    def setup(self) -> None:
        super().setup()
        sim = cast(_Server, self.server).simulator
        with sim._connections_lock:
            sim._connections.add(self.connection)

    def finish(self) -> None:
        sim = cast(_Server, self.server).simulator
        with sim._connections_lock:
            sim._connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def handle_one_request(self) -> None:
        """Read one request and answer it.

        Replaces the stdlib's version, whose ``email``-based header parsing
        was over half of the per-request cost: this one reads the request
        line and headers into a plain dict with lower-cased names.
        """
        try:
            line = self.rfile.readline(_MAX_LINE + 1)
            if not line:
                self.close_connection = True
                return
            parts = line.decode("latin-1").split()
            if len(line) > _MAX_LINE or len(parts) != 3 or not parts[2].startswith("HTTP/"):
                self._reject(400, "Malformed request line.")
                return
            method, target, version = parts
            headers: Dict[str, str] = {}
            for _ in range(_MAX_HEADERS):
                raw = self.rfile.readline(_MAX_LINE + 1)
                if raw in (b"\r\n", b"\n", b""):
                    break
                name, colon, value = raw.decode("latin-1").partition(":")
                if not colon or len(raw) > _MAX_LINE:
                    self._reject(400, "Malformed request header.")
                    return
                key = name.strip().lower()
                value = value.strip()
                headers[key] = f"{headers[key]}, {value}" if key in headers else value
            else:
                self._reject(431, "Too many request headers.")
                return
        except (TimeoutError, socket.timeout):
            self.close_connection = True
            return
        self.command, self.path, self.request_version = method, target, version
        self.raw_requestline = line
        connection = headers.get("connection", "").lower()
        if version == "HTTP/1.1":
            self.close_connection = "close" in connection
        else:
            self.close_connection = "keep-alive" not in connection
        if headers.get("expect", "").lower() == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self._serve(method, target, headers)

    def _reject(self, status: int, description: str) -> None:
        self.close_connection = True
        sim = cast(_Server, self.server).simulator
        self._write(sim._error(status, description), "GET")

    def _serve(self, method: str, target: str, headers: Dict[str, str]) -> None:
        sim = cast(_Server, self.server).simulator
        path, _, query = target.partition("?")
        route = _route(method, path)
        delay, fault = sim._take_fault(route.operation)
        if fault is not None and fault.kind == "drop" and fault.when == "before_read":
            sim._record(method, path, query, headers, b"", route.operation)
            self._drop()
            return
        try:
            body = self._read_body(headers)
        except ValueError as exc:
            self.close_connection = True
            self._write(sim._error(400, f"Unreadable request body: {exc}."), method)
            return
        sim._record(method, path, query, headers, body, route.operation)
        if delay and sim._stopping.wait(delay):
            self._drop()
            return
        if fault is not None and fault.kind == "fail":
            self._write(sim._fault_response(fault), method)
            return
        if fault is not None and fault.kind == "drop" and fault.when == "after_read":
            self._drop()
            return
        response = sim._respond(method, route, query, headers, body)
        if fault is not None and fault.kind == "drop":  # after_process
            self._drop()
            return
        if fault is not None and fault.kind == "malformed":
            response = sim._garble(route.operation, response, fault.when)
        self._write(response, method)

    def _read_body(self, headers: Mapping[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            chunks: List[bytes] = []
            while True:
                size_line = self.rfile.readline(1024)
                size = int(size_line.split(b";", 1)[0].strip() or b"x", 16)
                if size == 0:
                    while self.rfile.readline(1024).strip():  # trailers
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline(8)
        length_text = headers.get("content-length")
        if length_text is None:
            return b""
        length = int(length_text)
        if length < 0:
            raise ValueError("negative Content-Length")
        body = self.rfile.read(length)
        if len(body) != length:
            raise ValueError("the body is shorter than its Content-Length")
        return body

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _write(self, response: Response, method: str) -> None:
        status, headers, body = response
        lines = [
            f"HTTP/1.1 {status} {_reason(status)}",
            "Server: bandwidth-voice-simulator",
            "Date: " + _http_date(),
        ]
        lines.extend(f"{name}: {value}" for name, value in headers)
        if status in _NO_BODY or status < 200:
            body = b""
        else:
            lines.append(f"Content-Length: {len(body)}")
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            self.wfile.write(head if method == "HEAD" else head + body)
        except OSError:
            self.close_connection = True

"""The simulator's REST API: routes, auth, the five Calls operations, faults and recording.

:class:`RestApi` is the :class:`~bandwidth.testing._http.Service` the HTTP
server hands each request to. It answers the way the spec documents (status,
headers, ``voiceApiError`` bodies), applies scripted faults, and records
every request for the test's assertions.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
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
)
from urllib.parse import parse_qsl, quote, unquote, urlencode

from bandwidth.testing._calls import ANSWERED, DISCONNECTED, QUEUED, SimulatedCall
from bandwidth.testing._clock import parse_time
from bandwidth.testing._faults import Fault, FaultQueue
from bandwidth.testing._http import NO_BODY, Response, reason
from bandwidth.testing._store import CallStore
from bandwidth.testing._validate import (
    Invalid,
    check_bxml,
    check_create_call,
    check_decimal,
    check_update_call,
    parse_json_object,
)
from bandwidth.testing._verbs import InvalidBxml, parse_document

if TYPE_CHECKING:
    from bandwidth.testing._flows import FlowEngine
    from bandwidth.testing.simulator import VoiceSimulator

__all__ = ["BASE_PATH", "JSON_HEADER", "RecordedRequest", "RestApi"]

BASE_PATH = "/api/v2"
MAX_PAGE_SIZE = 10000
DEFAULT_PAGE_SIZE = 1000

JSON_HEADER = ("Content-Type", "application/json")
_ERROR_TYPES = {
    400: "validation",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    408: "request-timeout",
    409: "conflict",
    413: "request-too-large",
    415: "unsupported-media-type",
    429: "rate_limit_exceeded",
    500: "internal-server-error",
    501: "not-implemented",
    502: "bad-gateway",
    503: "service-unavailable",
    504: "gateway-timeout",
}
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


@dataclass
class _Ticket:
    """A request whose head was read: where it goes and which faults apply to it."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    route: _Route
    delay: float
    fault: Optional[Fault]


class RestApi:
    """The Calls endpoints of one simulator, served by :class:`~bandwidth.testing._http.HttpServer`.

    It reads the simulator's public settings (account, credentials, clock,
    URLs) at each request, so they may change while it runs; calls live in
    the shared :class:`CallStore`, under its lock.
    """

    def __init__(self, sim: VoiceSimulator, store: CallStore, engine: FlowEngine) -> None:
        self.sim = sim
        self.store = store
        self.engine = engine
        self.faults = FaultQueue()
        self.requests: List[RecordedRequest] = []
        self._auth_key: Tuple[str, str, Optional[str]] = ("", "", None)
        self._auth_ok: Set[str] = set()

    # -- the HTTP service ------------------------------------------------------------------

    def accept(self, method: str, target: str, headers: Mapping[str, str]) -> Optional[_Ticket]:
        """Route a request head and take its faults; ``None`` drops it before the body."""
        path, _, query = target.partition("?")
        route = _route(method, path)
        delay, fault = self._take_fault(route.operation)
        if fault is not None and fault.kind == "drop" and fault.when == "before_read":
            self._record(method, path, query, headers, b"", route.operation)
            return None
        return _Ticket(method, path, query, headers, route, delay, fault)

    def respond(
        self, ticket: _Ticket, body: bytes, sleep: Callable[[float], bool]
    ) -> Optional[Response]:
        """Record the request, apply its faults and answer it (``None``: drop the connection)."""
        route, fault = ticket.route, ticket.fault
        self._record(
            ticket.method, ticket.path, ticket.query, ticket.headers, body, route.operation
        )
        if ticket.delay and sleep(ticket.delay):
            return None
        if fault is not None and fault.kind == "fail":
            return self._fault_response(fault)
        if fault is not None and fault.kind == "drop" and fault.when == "after_read":
            return None
        response = self._respond(ticket.method, route, ticket.query, ticket.headers, body)
        if fault is not None and fault.kind == "drop":  # after_process
            return None
        if fault is not None and fault.kind == "malformed":
            response = self._garble(route.operation, response, fault.when)
        return response

    def error(
        self, status: int, description: str, headers: Iterable[Tuple[str, str]] = ()
    ) -> Response:
        """A ``voiceApiError`` answer: ``{"type", "description", "id"}``."""
        payload = {
            "type": _ERROR_TYPES.get(status, "error"),
            "description": description,
            "id": str(uuid.uuid4()),
        }
        return status, [JSON_HEADER, *headers], json.dumps(payload).encode()

    # -- faults and recording --------------------------------------------------------------

    def _take_fault(self, operation: Optional[str]) -> Tuple[float, Optional[Fault]]:
        if not self.faults:  # unlocked peek: the common case costs nothing
            return 0.0, None
        with self.store.lock:
            return self.faults.take(operation)

    def _record(
        self,
        method: str,
        path: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        operation: Optional[str],
    ) -> None:
        if not self.sim.record_requests:
            return
        params: Dict[str, List[str]] = {}
        for key, value in parse_qsl(query, keep_blank_values=True):
            params.setdefault(key, []).append(value)
        entry = RecordedRequest(
            method, path, query, params, dict(headers), body, operation, self.sim.now()
        )
        with self.store.lock:
            self.requests.append(entry)

    def _fault_response(self, fault: Fault) -> Response:
        headers = list(fault.headers)
        if fault.body is not None:
            return fault.status, headers, fault.body
        if fault.status in NO_BODY or fault.status < 200:
            return fault.status, headers, b""
        return self.error(fault.status, f"Simulated failure: {reason(fault.status)}.", headers)

    @staticmethod
    def _garble(operation: Optional[str], response: Response, kind: str) -> Response:
        status, headers, _ = response
        op = operation or ""
        success = _SUCCESS.get(op, 200)
        keep = [h for h in headers if h[0] == "Location"] if status == success else []
        body = _GARBLED_SCHEMA.get(op, _GARBLED_JSON) if kind == "schema" else _GARBLED_JSON
        return success, [JSON_HEADER, *keep], body

    # -- auth and dispatch -----------------------------------------------------------------

    def _authorized(self, value: Optional[str]) -> bool:
        if value is None:
            return False
        sim = self.sim
        key = (sim.username, sim.password, sim.access_token)
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
            return decoded == f"{key[0]}:{key[1]}"
        if scheme == "bearer":
            return key[2] is not None and credentials == key[2]
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
            return self.error(
                401,
                "Missing or invalid credentials.",
                [("WWW-Authenticate", 'Basic realm="Bandwidth Voice API"')],
            )
        op = route.operation
        if op is None:
            if not route.allow:
                return self.error(404, "The requested resource does not exist.")
            return self.error(
                405, f"Method {method} is not allowed here.", [("Allow", route.allow)]
            )
        if route.account_id != self.sim.account_id:
            return self.error(403, f"Access to account {route.account_id} is forbidden.")
        engine = self.engine
        engine.run(wait=False)  # catch up first (a run in progress elsewhere does it)
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
            return self.error(400, str(exc))
        except _Unsupported as exc:
            return self.error(415, str(exc))
        finally:
            engine.run(wait=False)  # webhooks the request set off (redirect, disconnect)

    # -- the operations --------------------------------------------------------------------

    def _create_call(self, headers: Mapping[str, str], body: bytes) -> Response:
        _require_media_type(headers, "application/json")
        request = parse_json_object(body)
        check_create_call(request)
        store = self.store
        with store.lock:
            now = self.sim.now()
            self.engine.tick(now)
            call = store.new_call(request, now)
            store.insert(call)
            call.note(now, f"create_call: queued, answerUrl {request['answerUrl']}")
            store.schedule(call, now)
            url = self.sim.call_url(call.call_id)
            payload = call.to_create_response(url)
        return 201, [JSON_HEADER, ("Location", url)], json.dumps(payload).encode()

    def _get_call_state(self, call_id: str) -> Response:
        store = self.store
        with store.lock:
            now = self.sim.now()
            self.engine.tick(now)
            call = store.live(call_id, now)
            if call is None:
                return self.error(404, f"Call {call_id} was not found.")
            return 200, [JSON_HEADER], call.state_json()

    def _list_calls(self, query: str) -> Response:
        pairs = parse_qsl(query, keep_blank_values=True)
        params: Dict[str, str] = {}
        for key, value in pairs:
            params.setdefault(key, value)
        size_text = params.get("pageSize")
        page_size = DEFAULT_PAGE_SIZE
        if size_text is not None:
            page_size = check_decimal(size_text, "pageSize")
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
        store = self.store
        with store.lock:
            now = self.sim.now()
            self.engine.tick(now)
            start = 0 if after is None else bisect.bisect_right(store.keys, after)
            for call in store.order[start:] if start else store.order:
                if (
                    (to is not None and call.to != to)
                    or (sender is not None and call.from_ != sender)
                    or (cause is not None and call.disconnect_cause != cause)
                    or store.expired(call, now)
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
        headers = [JSON_HEADER]
        if more and last is not None:
            kept = [(k, v) for k, v in pairs if k != "pageToken"]
            kept.append(("pageToken", _encode_token(last.sort_key)))
            headers.append(("Link", f'<{self._calls_url()}?{urlencode(kept)}>; rel="next"'))
        return 200, headers, b"[" + b",".join(page) + b"]"

    def _calls_url(self) -> str:
        sim = self.sim
        return f"{sim.advertised_url}/accounts/{quote(sim.account_id, safe='')}/calls"

    def _update_call(self, call_id: str, headers: Mapping[str, str], body: bytes) -> Response:
        _require_media_type(headers, "application/json")
        request = parse_json_object(body)
        state = check_update_call(request)
        store = self.store
        with store.lock:
            now = self.sim.now()
            self.engine.tick(now)
            call = store.live(call_id, now)
            if call is None:
                return self.error(404, f"Call {call_id} was not found.")
            if call.state == DISCONNECTED:
                return self.error(409, f"Call {call_id} has already ended.")
            if state == "completed":
                if call.state == ANSWERED:
                    cause = "hangup"
                elif call.direction == "inbound":
                    cause = "rejected"
                else:
                    cause = "cancel"
                store.disconnect(call, cause, now)
            else:
                if call.state == QUEUED:
                    return self.error(
                        409, f"Call {call_id} is still queued and cannot be redirected yet."
                    )
                # Not a state change, so lastUpdate (and the cached callState) stay.
                call.redirects.append(request)
                if request.get("tag") is not None:
                    call.tag = request["tag"] or None
                if call.state == ANSWERED or call.direction == "inbound":
                    self.engine.redirect(call, request, now)
                else:
                    call.note(now, "update_call: redirect recorded (not answered: no BXML runs)")
        return 200, [], b""

    def _update_call_bxml(self, call_id: str, headers: Mapping[str, str], body: bytes) -> Response:
        _require_media_type(headers, "application/xml")
        document = check_bxml(body)
        try:
            parse_document(document, root="Bxml")
        except InvalidBxml as exc:
            raise Invalid(f"Invalid BXML: {exc}") from None
        store = self.store
        with store.lock:
            now = self.sim.now()
            self.engine.tick(now)
            call = store.live(call_id, now)
            if call is None:
                return self.error(404, f"Call {call_id} was not found.")
            if call.state != ANSWERED:
                return self.error(
                    409, f"Call {call_id} is {call.state}; only an answered call runs BXML."
                )
            call.bxml.append(document)
            self.engine.replace(call, document, now)
        return 204, [], b""


class _Unsupported(Exception):
    """The request's Content-Type is not the one the operation takes (415)."""


def _require_media_type(headers: Mapping[str, str], expected: str) -> None:
    media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
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

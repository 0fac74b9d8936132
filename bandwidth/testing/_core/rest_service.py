"""The simulator's REST service: auth, faults, recording, and dispatch to the products.

:class:`RestApi` is the :class:`~bandwidth.testing._core.http_server.Service`
the HTTP server hands each request to. It authenticates
(:mod:`~bandwidth.testing._core.credentials`), applies scripted faults,
records every request for the test's assertions, and hands the request to
the product whose operation it is (a
:class:`~bandwidth.testing._core.products.ProductService`: voice today),
answering what the product refuses with the product's error body. The OAuth
token endpoint is the core's own. Requests for the control routes
(``/_control``) skip faults and recording, and go to the product whose
control endpoint they are, with the same credentials.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    Union,
)
from urllib.parse import parse_qsl

from bandwidth.testing._core.credentials import (
    TOKEN_OPERATION,
    TOKEN_PATH,
    Credentials,
    Principal,
    basic_pair,
)
from bandwidth.testing._core.faults import NOTHING, Fault, FaultQueue, Taken
from bandwidth.testing._core.handlers import JSON_HEADER, InvalidRequest, Problem, Request
from bandwidth.testing._core.http_answers import (
    MAX_BODY_BYTES,
    NO_BODY,
    Pace,
    Response,
    Shaped,
    reason,
)
from bandwidth.testing._core.masking import masked_body, masked_headers
from bandwidth.testing._core.products import ProductService, Route

__all__ = ["CONTROL_PATH", "JSON_HEADER", "RecordedRequest", "RestApi", "RestSettings"]

#: One INFO line per request answered (``bandwidth simulator`` shows them; silent otherwise).
_log = logging.getLogger("bandwidth.simulator")

#: Where the control routes live on the simulator's origin (no API path starts so).
CONTROL_PATH = "/_control"
_GARBLED_JSON = b'{"callId": "c-15ac29a2-1331029c-2cb0-4a07-b215-b2286566'
_GARBLED_SCHEMA = {
    "create_call": b'{"callId": 42, "accountId": null, "callUrl": ["not", "a", "url"]}',
    "get_call_state": b'["not", "a", "callState"]',
    "list_calls": b'{"calls": "not an array"}',
}
#: Valid JSON of the wrong type for the other operations: an object where a list
#: is due, a list where an object is (a schema whose fields are all optional
#: accepts any object, so only the type can be wrong).
_WRONG_LIST = b'{"items": "not an array"}'
_WRONG_OBJECT = b'["not", "an", "object"]'
_CHALLENGE = ("WWW-Authenticate", 'Basic realm="Bandwidth Voice API"')
_NOT_FOUND = Route(None)
_TOKEN = Route(TOKEN_OPERATION, allow="POST")


class RestSettings(Protocol):
    """What the REST service reads of the simulator at each request (they may change)."""

    username: str
    password: str
    access_token: Optional[str]
    client_id: str
    client_secret: str
    record_requests: bool

    @property
    def account_id(self) -> str:
        """The one account served."""

    def now(self) -> datetime:
        """The simulator's current time."""


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the simulator received it, for assertions.

    ``headers`` has lower-cased names; ``query`` is the parsed query string
    (every value of a repeated key, in order); ``operation`` is the SDK method
    name the request was routed to (``oauth_token`` for the token endpoint),
    or ``None`` for a wrong path or method. ``time`` is the simulator's clock
    when it arrived. ``connection`` numbers the connection it came on (1 for
    the simulator's first): requests that share it came over one kept-alive
    connection, so a client's reuse (or a reconnect after a fault) shows.
    """

    method: str
    path: str
    query_string: str
    query: Dict[str, List[str]]
    headers: Dict[str, str]
    body: bytes
    operation: Optional[str]
    time: datetime
    connection: int = 0

    def __repr__(self) -> str:
        # Credentials redacted: Authorization by name, the body's secrets by the models' rule.
        return (
            f"RecordedRequest(method={self.method!r}, path={self.path!r}, "
            f"query_string={self.query_string!r}, headers={masked_headers(self.headers)!r}, "
            f"body={masked_body(self.body)}, operation={self.operation!r}, "
            f"time={self.time!r}, connection={self.connection!r})"
        )

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)

    @property
    def text(self) -> str:
        """The body decoded as UTF-8."""
        return self.body.decode("utf-8")


@dataclass
class _ControlTicket:
    """A request for a control route (``/_control/...``): never faulted nor recorded."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]


@dataclass
class _Ticket:
    """A request whose head was read: where it goes and which faults apply to it."""

    method: str
    path: str
    query: str
    headers: Mapping[str, str]
    route: Route
    product: Optional[ProductService]
    connection: int
    taken: Taken


def _paced(response: Response, pace: Optional[Pace]) -> Union[Response, Shaped]:
    return response if pace is None else Shaped(response, pace)


class RestApi:
    """The REST API of one simulator, served by :class:`~.http_server.HttpServer`.

    It reads the simulator's public settings (account, credentials, clock)
    at each request, so they may change while it runs; everything the
    products hold lives under the one ``lock``.
    """

    def __init__(
        self,
        settings: RestSettings,
        lock: threading.Lock,
        credentials: Credentials,
        products: Sequence[ProductService],
    ) -> None:
        if not products:
            raise ValueError("a simulator serves at least one product")
        self.settings = settings
        self.lock = lock
        self.credentials = credentials
        self.products: Tuple[ProductService, ...] = tuple(products)
        operations = [TOKEN_OPERATION]
        for product in self.products:
            operations.extend(product.success)
        #: every operation name faults and recordings may use
        self.operations: Tuple[str, ...] = tuple(operations)
        self.faults = FaultQueue(self.operations)
        self.requests: List[RecordedRequest] = []
        self._auth_key: Tuple[Any, ...] = ()
        #: control requests run one at a time (two ``advance``s must not interleave)
        self._control_lock = threading.Lock()
        self._auth_ok: Dict[str, Principal] = {}

    # -- the HTTP service ------------------------------------------------------------------

    def accept(
        self, method: str, target: str, headers: Mapping[str, str], connection: int
    ) -> Union[_Ticket, _ControlTicket, None]:
        """Route a request head and take its faults; ``None`` drops it before the body."""
        path, _, query = target.partition("?")
        if path == CONTROL_PATH or path.startswith(CONTROL_PATH + "/"):
            return _ControlTicket(method, path, query, headers)
        route, product = self._route(method, path)
        taken = self._take_faults(route.operation)
        fault = taken.fault
        if fault is not None and fault.kind == "drop" and fault.when == "before_read":
            self._record(method, path, query, headers, b"", route.operation, connection)
            return None
        return _Ticket(method, path, query, headers, route, product, connection, taken)

    def _route(self, method: str, path: str) -> Tuple[Route, Optional[ProductService]]:
        """The route of a request and the product it belongs to (``None``: the core's)."""
        if path == TOKEN_PATH:
            return (_TOKEN if method == "POST" else Route(None, allow="POST")), None
        # Several products share a prefix (``/api/v2``): one that knows the path wins over
        # one that only claims the prefix (answering 404 for it).
        unknown: Optional[Tuple[Route, ProductService]] = None
        for product in self.products:
            found = product.route(method, path)
            if found is None:
                continue
            if found.operation is not None or found.allow:
                return found, product
            if unknown is None:
                unknown = (found, product)
        return unknown or (_NOT_FOUND, None)

    def body_limit(self, ticket: Union[_Ticket, _ControlTicket]) -> int:
        """The largest body the request's route takes (control routes: the default)."""
        return ticket.route.max_body if isinstance(ticket, _Ticket) else MAX_BODY_BYTES

    def refuse(
        self, ticket: Union[_Ticket, _ControlTicket], status: int, description: str
    ) -> Response:
        """The error of a request whose body is refused, in its product's error body."""
        product = ticket.product if isinstance(ticket, _Ticket) else None
        return self.error(status, description, (), product)

    def respond(
        self,
        ticket: Union[_Ticket, _ControlTicket],
        body: bytes,
        sleep: Callable[[float], bool],
    ) -> Union[Response, Shaped, None]:
        """Record the request, apply its faults and answer it (``None``: drop the connection).

        Each answer is logged at INFO on ``bandwidth.simulator``: method, path
        (no query), status and the time taken.
        """
        if not _log.isEnabledFor(logging.INFO):
            return self._answer(ticket, body, sleep)
        started = time.perf_counter()
        answer = self._answer(ticket, body, sleep)
        status: object = answer[0] if isinstance(answer, tuple) else answer
        shown = "dropped" if status is None else status if isinstance(status, int) else "raw"
        took = (time.perf_counter() - started) * 1000
        _log.info("%s %s %s %.1f ms", ticket.method, ticket.path, shown, took)
        return answer

    def _answer(
        self,
        ticket: Union[_Ticket, _ControlTicket],
        body: bytes,
        sleep: Callable[[float], bool],
    ) -> Union[Response, Shaped, None]:
        if isinstance(ticket, _ControlTicket):
            return self._control(ticket, body)
        route, taken = ticket.route, ticket.taken
        fault = taken.fault
        self._record(
            ticket.method,
            ticket.path,
            ticket.query,
            ticket.headers,
            body,
            route.operation,
            ticket.connection,
        )
        if taken.delay and sleep(taken.delay):
            return None
        if fault is not None and fault.kind == "raw":
            return Shaped(fault.body or b"", taken.pace)
        if fault is not None and fault.kind == "fail":
            return _paced(self._fault_response(fault, ticket.product), taken.pace)
        if fault is not None and fault.kind == "drop" and fault.when == "after_read":
            return None
        response = self._respond(ticket, body)
        if fault is not None and fault.kind == "drop":  # after_process
            return None
        if fault is not None and fault.kind == "malformed":
            response = self._garble(ticket.product, route.operation, response, fault.when)
        return _paced(response, taken.pace)

    def error(
        self,
        status: int,
        description: str,
        headers: Iterable[Tuple[str, str]] = (),
        product: Optional[ProductService] = None,
    ) -> Response:
        """The product's error answer (the first product's for a request no product's)."""
        return (product or self.products[0]).error(status, description, tuple(headers))

    # -- faults and recording --------------------------------------------------------------

    def _take_faults(self, operation: Optional[str]) -> Taken:
        if not self.faults:  # unlocked peek: the common case costs nothing
            return NOTHING
        with self.lock:
            return self.faults.take(operation)

    def _record(
        self,
        method: str,
        path: str,
        query: str,
        headers: Mapping[str, str],
        body: bytes,
        operation: Optional[str],
        connection: int,
    ) -> None:
        if not self.settings.record_requests:
            return
        params: Dict[str, List[str]] = {}
        for key, value in parse_qsl(query, keep_blank_values=True):
            params.setdefault(key, []).append(value)
        entry = RecordedRequest(
            method,
            path,
            query,
            params,
            dict(headers),
            body,
            operation,
            self.settings.now(),
            connection,
        )
        with self.lock:
            self.requests.append(entry)

    def _fault_response(self, fault: Fault, product: Optional[ProductService]) -> Response:
        headers = list(fault.headers)
        if fault.body is not None:
            return fault.status, headers, fault.body
        if fault.status in NO_BODY or fault.status < 200:
            return fault.status, headers, b""
        description = f"Simulated failure: {reason(fault.status)}."
        return self.error(fault.status, description, headers, product)

    @staticmethod
    def _garble(
        product: Optional[ProductService], operation: Optional[str], response: Response, kind: str
    ) -> Response:
        status, headers, _ = response
        op = operation or ""
        success = product.success.get(op, 200) if product is not None else 200
        if success == 204:  # a garbled answer needs a body, which 204 cannot carry
            success = 200
        keep = [h for h in headers if h[0] == "Location"] if status == success else []
        body = _GARBLED_JSON
        if kind == "schema":
            wrong = _WRONG_LIST if op.startswith("list_") else _WRONG_OBJECT
            body = _GARBLED_SCHEMA.get(op, wrong)
        return success, [JSON_HEADER, *keep], body

    # -- auth and dispatch -----------------------------------------------------------------

    def _accepted(self) -> Dict[str, Principal]:
        """Header values that authenticate as they are (Basic users, the static token)."""
        sim, credentials = self.settings, self.credentials
        key = (sim.username, sim.password, sim.access_token, credentials.version)
        if key != self._auth_key:  # credentials may be changed on a running simulator
            accepted: Dict[str, Principal] = {}
            with self.lock:
                users = dict(credentials.users)
            users[sim.username] = (sim.password, True)
            for name, (password, voice) in users.items():
                token = base64.b64encode(f"{name}:{password}".encode()).decode("ascii")
                accepted["Basic " + token] = Principal(name, voice)
            if sim.access_token is not None:
                accepted["Bearer " + sim.access_token] = Principal("access token", True)
            self._auth_ok, self._auth_key = accepted, key
        return self._auth_ok

    def _authenticate(self, value: Optional[str]) -> Optional[Principal]:
        """Who sent the request, or ``None`` (401)."""
        if value is None:
            return None
        accepted = self._accepted()
        known = accepted.get(value)
        if known is not None:
            return known
        scheme, _, credentials = value.strip().partition(" ")
        scheme = scheme.lower()
        credentials = credentials.strip()
        if scheme == "basic":
            pair = basic_pair(value)
            if pair is None:
                return None
            token = base64.b64encode(f"{pair[0]}:{pair[1]}".encode()).decode("ascii")
            return accepted.get("Basic " + token)  # the canonical spelling of the same pair
        if scheme == "bearer":
            static = accepted.get("Bearer " + credentials)
            if static is not None:
                return static
            with self.lock:
                return self.credentials.bearer(credentials, self.settings.now())
        return None

    def _control(self, ticket: _ControlTicket, body: bytes) -> Response:
        """Answer a control route, with the API's credentials and its order of checks."""
        principal = self._authenticate(ticket.headers.get("authorization"))
        if principal is None:
            return self.error(401, "Missing or invalid credentials.", [_CHALLENGE])
        rest = ticket.path[len(CONTROL_PATH) :]
        for product in self.products:
            found = product.control(ticket.method, rest)
            if found is not None:
                break
        else:
            return self.error(404, "The requested resource does not exist.")
        if found.handler is None:
            return self.error(
                405,
                f"Method {ticket.method} is not allowed here.",
                [("Allow", found.allow)],
                product,
            )
        if not product.permits(principal):
            return self.error(403, f"{principal.name} has no access to the {product.api_name}.")
        request = Request(ticket.method, found.params, ticket.query, ticket.headers, body)
        try:
            with self._control_lock:
                return found.handler(request)
        except Problem as exc:
            return self.error(exc.status, exc.description, (), product)
        except InvalidRequest as exc:
            return self.error(400, str(exc), (), product)

    def _token(self, headers: Mapping[str, str], body: bytes) -> Response:
        settings = self.settings
        with self.lock:
            return self.credentials.token_answer(
                headers, body, settings.now(), (settings.client_id, settings.client_secret)
            )

    def _respond(self, ticket: _Ticket, body: bytes) -> Response:
        method, route, headers, product = (
            ticket.method,
            ticket.route,
            ticket.headers,
            ticket.product,
        )
        op = route.operation
        if op == TOKEN_OPERATION and product is None:
            return self._token(headers, body)
        principal = self._authenticate(headers.get("authorization"))
        if principal is None:
            return self.error(401, "Missing or invalid credentials.", [_CHALLENGE], product)
        if op is None or product is None:
            if not route.allow:
                return self.error(404, "The requested resource does not exist.", (), product)
            return self.error(
                405, f"Method {method} is not allowed here.", [("Allow", route.allow)], product
            )
        if not product.permits(principal):
            description = f"{principal.name} has no access to the {product.api_name}."
            return self.error(403, description, (), product)
        if route.account_id != self.settings.account_id:
            description = f"Access to account {route.account_id} is forbidden."
            return self.error(403, description, (), product)
        request = Request(method, route.params, ticket.query, headers, body)
        try:
            return product.answer(route, request)
        except Problem as exc:
            return self.error(exc.status, exc.description, (), product)
        except InvalidRequest as exc:
            return self.error(400, str(exc), (), product)

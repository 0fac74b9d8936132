"""The Endpoints API (BRTC) as the core serves it: five operations and ``brtcErrorResponse``.

:class:`EndpointService` is the :class:`~bandwidth.testing._core.products.ProductService`
of the endpoints paths (under their real ``/v2`` and under ``/api/v2``). Every
answer is the envelope ``{"links", "data", "errors"}`` (``page`` too for the
list); a refusal is one ``brtcError`` in ``errors`` with its ``type``,
``code`` and ``source``, and a full account is a 429 ``too_many_endpoints``
with ``Retry-After``.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
import threading
import uuid
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple
from urllib.parse import urlencode

from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import (
    JSON_HEADER,
    InvalidRequest,
    Request,
    check_decimal,
    empty,
    json_answer,
    parse_json_object,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._numbers import control
from bandwidth.testing._numbers.control import NumbersControlTarget
from bandwidth.testing._numbers.endpoint_book import EndpointBook, QuotaReached
from bandwidth.testing._numbers.paths import ENDPOINT_PATHS, ENDPOINT_PREFIXES, match
from bandwidth.testing._numbers.tfv_rules import FieldsRefused, check_model
from bandwidth.testing._numbers.tfv_service import NumbersSettings
from bandwidth.testing._voice.bxml_reading import InvalidBxml, read_verbs

__all__ = ["ENDPOINT_SUCCESS", "RETRY_AFTER_SECONDS", "EndpointService"]

ENDPOINT_SUCCESS: Mapping[str, int] = {
    "list_endpoints": 200,
    "create_endpoint": 201,
    "get_endpoint": 200,
    "delete_endpoint": 204,
    "update_endpoint_bxml": 204,
}
#: What a 429 ``too_many_endpoints`` asks the client to wait (the spec's example).
RETRY_AFTER_SECONDS = 900
_TYPES = {
    400: "invalid_parameter",
    401: "unauthorized",
    403: "forbidden",
    404: "resource_not_found",
    405: "method_not_allowed",
    415: "unsupported_media_type",
    429: "too_many_endpoints",
    500: "service_unavailable",
}
_BXML_ROOT = re.compile(rb"\s*(<\?xml[^>]*\?>\s*)?<Bxml[\s>/]")
_TYPES_ALLOWED = ("WEBRTC",)
#: The request's path among a route's parameters (the list's ``next`` link repeats it).
_PATH = "requestPath"
_STATUSES_ALLOWED = ("CONNECTED", "DISCONNECTED")


class EndpointRefused(Exception):
    """A refusal with its ``brtcError`` source (``{"parameter": ...}``, ...) and headers."""

    def __init__(
        self,
        status: int,
        description: str,
        source: Optional[Mapping[str, str]] = None,
        headers: Tuple[Tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.source = dict(source or {})
        self.headers = headers


Handler = Callable[["EndpointService", Request], Response]


class EndpointService:
    """The Endpoints operations and error body (a ``ProductService``)."""

    api_name = "Endpoints API"
    success: Mapping[str, int] = ENDPOINT_SUCCESS

    def __init__(
        self,
        settings: NumbersSettings,
        lock: threading.Lock,
        book: EndpointBook,
        run: Callable[[], None],
    ) -> None:
        self.settings = settings
        self.lock = lock
        self.book = book
        self._run = run
        #: the test API its control routes drive (the facade, once it is built)
        self.control_target: Optional[NumbersControlTarget] = None

    def route(self, method: str, path: str) -> Optional[Route]:
        """An Endpoints operation's route, ``None`` for any other path."""
        found = match(method, path, ENDPOINT_PREFIXES, ENDPOINT_PATHS, self.settings.account_id)
        if found is None:
            return None
        return dataclasses.replace(found, params={**found.params, _PATH: path})

    def permits(self, principal: Principal) -> bool:
        """Any authenticated caller (roles are modelled for voice only)."""
        return True

    def answer(self, route: Route, request: Request) -> Response:
        """Run the operation's handler (an endpoint expiring meanwhile is gone first)."""
        assert route.operation is not None
        self._run()
        try:
            return _HANDLERS[route.operation](self, request)
        except EndpointRefused as exc:
            return self._error(exc.status, exc.description, exc.source, exc.headers)
        except FieldsRefused as exc:
            first = next(iter(exc.errors), "body")
            detail = "; ".join(f"{k}: {', '.join(v)}" for k, v in exc.errors.items())
            return self._error(400, f"Invalid request: {detail}", {"field": first})
        finally:
            self._run()

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """A ``brtcErrorResponse`` answer."""
        source = {"header": "Authorization"} if status in (401, 403) else {}
        return self._error(status, description, source, headers)

    def _error(
        self,
        status: int,
        description: str,
        source: Mapping[str, str],
        headers: Tuple[Tuple[str, str], ...] = (),
    ) -> Response:
        error: Dict[str, Any] = {
            "id": str(uuid.uuid4()),
            "type": _TYPES.get(status, "error"),
            "description": description,
            "code": str(status),
        }
        if source:
            error["source"] = dict(source)
        payload = {"links": [], "data": None, "errors": [error]}
        return status, [JSON_HEADER, *headers], json.dumps(payload).encode()

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """The numbers control endpoints below ``/_control/endpoints``."""
        return control.find(self.control_target, control.ENDPOINTS_ROOT, method, path)


def _envelope(data: Any, links: Optional[List[Dict[str, str]]] = None) -> Dict[str, Any]:
    return {"links": links or [], "data": data, "errors": []}


def _endpoint(service: EndpointService, request: Request) -> Any:
    endpoint_id = request.params["endpointId"]
    found = service.book.endpoints.get(endpoint_id)
    if found is None:
        raise EndpointRefused(
            404, f"Endpoint {endpoint_id} was not found.", {"reference": endpoint_id}
        )
    return found


def _create(service: EndpointService, request: Request) -> Response:
    from bandwidth.models import CreateWebRtcConnectionRequest

    body = parse_json_object(request.body)
    check_model(CreateWebRtcConnectionRequest, body)
    with service.lock:
        try:
            created = service.book.create(body, service.settings.now())
        except QuotaReached:
            raise EndpointRefused(
                429,
                "Too many endpoints: delete one, or wait for one to expire (24 hours).",
                headers=(("Retry-After", str(RETRY_AFTER_SECONDS)),),
            ) from None
        return json_answer(_envelope(created.detail(with_token=True)), 201)


def _get(service: EndpointService, request: Request) -> Response:
    with service.lock:
        return json_answer(_envelope(_endpoint(service, request).detail()))


def _delete(service: EndpointService, request: Request) -> Response:
    with service.lock:
        service.book.delete(_endpoint(service, request).endpoint_id, service.settings.now())
    return empty(204)


def _cursor(text: Optional[str]) -> int:
    if text is None:
        return 0
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        return check_decimal(raw.decode("ascii"), "afterCursor")
    except (ValueError, binascii.Error, InvalidRequest):
        raise EndpointRefused(400, "Invalid afterCursor.", {"parameter": "afterCursor"}) from None


def _choice(query: Any, name: str, allowed: Tuple[str, ...]) -> Optional[str]:
    value: Optional[str] = query.get(name)
    if value is not None and value not in allowed:
        raise EndpointRefused(
            400, f"Invalid {name}: must be one of {', '.join(allowed)}.", {"parameter": name}
        )
    return value


def _list(service: EndpointService, request: Request) -> Response:
    query = request.parsed_query()
    type_ = _choice(query, "type", _TYPES_ALLOWED)
    status = _choice(query, "status", _STATUSES_ALLOWED)
    after = _cursor(query.get("afterCursor"))
    limit = 100
    text = query.get("limit")
    if text is not None:
        try:
            limit = check_decimal(text, "limit")
        except InvalidRequest:
            limit = 0
        if not 1 <= limit <= 1000:
            raise EndpointRefused(
                400, "Invalid limit: must be between 1 and 1000.", {"parameter": "limit"}
            )
    with service.lock:
        found, total, before, more = service.book.page(type_, status, after, limit)
        data = [e.summary() for e in found]
        last = found[-1].seq if found else after
    links = []
    if more:
        kept = [(k, v) for k, v in query.pairs if k != "afterCursor"]
        cursor = base64.urlsafe_b64encode(str(last).encode()).decode("ascii").rstrip("=")
        kept.append(("afterCursor", cursor))
        host = request.headers.get("host", "127.0.0.1")
        href = f"http://{host}{request.params[_PATH]}?{urlencode(kept)}"
        links.append({"href": href, "rel": "next", "method": "GET"})
    page = {
        "pageSize": limit,
        "totalElements": total,
        "totalPages": -(-total // limit),
        "pageNumber": before // limit,
    }
    return json_answer({**_envelope(data, links), "page": page})


def _update_bxml(service: EndpointService, request: Request) -> Response:
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != "application/xml":
        raise EndpointRefused(415, "Send the BXML as application/xml.", {"header": "Content-Type"})
    root = "Bxml" if _BXML_ROOT.match(request.body) else "Response"
    try:
        read_verbs(request.body, root=root)
    except InvalidBxml as exc:
        raise EndpointRefused(400, f"Invalid BXML: {exc}", {"field": "body"}) from None
    with service.lock:
        endpoint = _endpoint(service, request)
        service.book.keep_bxml(endpoint.endpoint_id, request.body.decode("utf-8"))
    return empty(204)


_HANDLERS: Mapping[str, Handler] = {
    "list_endpoints": _list,
    "create_endpoint": _create,
    "get_endpoint": _get,
    "delete_endpoint": _delete,
    "update_endpoint_bxml": _update_bxml,
}

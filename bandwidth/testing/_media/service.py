"""The Media API as the core serves it: its routes, its error body, its control endpoints.

:class:`MediaService` is the :class:`~bandwidth.testing._core.products.ProductService`
of the Media API (``/api/v2/users/{accountId}/media...``, the Messaging
server's path). Errors are ``messagingRequestError`` bodies
(``{"type", "description"}``). Roles are modelled for voice only: any
authenticated principal may use media.
"""

from __future__ import annotations

import functools
import json
from typing import Mapping, Optional, Tuple

from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import JSON_HEADER, Request
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._media import control_routes, routes
from bandwidth.testing._media.library import MediaLibrary
from bandwidth.testing._media.media_access import MediaAccess

__all__ = ["MediaService"]

#: ``messagingRequestError.type`` by status.
_ERROR_TYPES = {
    400: "request-validation",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    408: "request-timeout",
    413: "request-entity-too-large",
    415: "unsupported-content-type",
    429: "too-many-requests",
    500: "internal-server-error",
    502: "bad-gateway",
    503: "service-unavailable",
    504: "gateway-timeout",
    507: "insufficient-storage",
}


class MediaService:
    """The Media API's routes, error body and control endpoints (a ``ProductService``)."""

    api_name = "Media API"
    success: Mapping[str, int] = routes.SUCCESS

    def __init__(self, access: MediaAccess) -> None:
        self.access = access
        self.library: MediaLibrary = access.library

    def api_base(self) -> str:
        """The base URL ``list_media``'s ``content`` URLs are under."""
        return self.access.api_base()

    def route(self, method: str, path: str) -> Optional[Route]:
        """A Media operation's route, ``None`` for a path that is not the Media API's."""
        return routes.route(method, path)

    def permits(self, principal: Principal) -> bool:
        """Any authenticated principal (roles are modelled for voice only)."""
        return True

    def answer(self, route: Route, request: Request) -> Response:
        """Run the operation's handler."""
        assert route.operation is not None
        return routes.HANDLERS[route.operation](self, request)

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """A ``messagingRequestError`` answer: ``{"type", "description"}``."""
        payload = {"type": _ERROR_TYPES.get(status, "error"), "description": description}
        return status, [JSON_HEADER, *headers], json.dumps(payload).encode()

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """The ``/_control/media`` endpoints."""
        found = control_routes.find(method, path)
        if found is None:
            return None
        handler, params, allow = found
        if handler is None:
            return ControlMatch(None, params, allow)
        bound = functools.partial(control_routes.respond, self.access, handler)
        return ControlMatch(bound, params, allow)

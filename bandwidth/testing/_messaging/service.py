"""The messaging product as the core serves it: its routes, its error body, its control routes.

:class:`MessagingService` is the Messages API's
:class:`~bandwidth.testing._core.products.ProductService`. Roles are
modelled for voice only: any authenticated principal may use messaging.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Callable, Mapping, Optional, Protocol, Tuple

from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import JSON_HEADER, Request
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._messaging import operations
from bandwidth.testing._messaging.message_routes import HANDLERS
from bandwidth.testing._messaging.message_store import MessageStore
from bandwidth.testing._messaging.text_flow import TextFlow

__all__ = ["ClockDriver", "MessagingService"]

#: ``messagingRequestError.type`` by status.
_ERROR_TYPES = {
    400: "request-validation",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    413: "request-too-large",
    415: "unsupported-content-type",
    429: "rate_limit_exceeded",
    500: "internal-server-error",
    502: "bad-gateway",
    503: "service-unavailable",
    504: "gateway-timeout",
}


class ClockDriver(Protocol):
    """What runs the shared timer queue and delivers webhooks (the flow engine)."""

    def run(self, *, wait: bool = True) -> None:
        """Run everything due by now, webhooks included."""


class MessagingService:
    """The Messages API's routes, error body and control routes (a ``ProductService``)."""

    api_name = "Messaging API"
    success: Mapping[str, int] = operations.SUCCESS

    def __init__(
        self,
        store: MessageStore,
        flow: TextFlow,
        now: Callable[[], datetime],
        account_id: Callable[[], str],
        base_url: Callable[[], str],
        driver: ClockDriver,
    ) -> None:
        self.store = store
        self.flow = flow
        self.now = now
        self.account_id = account_id
        self.base_url = base_url
        self._driver = driver
        self._control: Optional[Callable[[str, str], Optional[ControlMatch]]] = None

    def control_with(self, find: Callable[[str, str], Optional[ControlMatch]]) -> None:
        """How its control routes are found (set once the test API is built)."""
        self._control = find

    def route(self, method: str, path: str) -> Optional[Route]:
        """A Messages operation's route, ``None`` for a path that is not messaging's."""
        return operations.route(method, path)

    def permits(self, principal: Principal) -> bool:
        """Any authenticated principal (roles are modelled for voice only)."""
        return True

    def answer(self, route: Route, request: Request) -> Response:
        """Run the operation's handler, catching up on due steps before and after."""
        assert route.operation is not None
        driver = self._driver
        driver.run(wait=False)
        try:
            return HANDLERS[route.operation](self, request)
        finally:
            driver.run(wait=False)

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """A ``messagingRequestError`` answer: ``{"type", "description"}``."""
        payload = {"type": _ERROR_TYPES.get(status, "error"), "description": description}
        return status, [JSON_HEADER, *headers], json.dumps(payload).encode()

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """Its control route below ``/_control``, ``None`` when the path is not messaging's."""
        return None if self._control is None else self._control(method, path)

"""The voice product as the core serves it: its routes, its errors, its control endpoints.

:class:`VoiceService` is the :class:`~bandwidth.testing._core.products.ProductService`
of the Voice API. The composition root builds it from the voice store and
flow engine; the REST service asks it which requests are Voice operations
(:mod:`.routes.router`), hands them over, and asks it for the control
endpoints (:mod:`.routes.control`), which drive the simulator's public test
API (the facade, attached with :meth:`VoiceService.control_with`).
"""

from __future__ import annotations

import functools
import json
import uuid
from typing import Mapping, Optional, Tuple

from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import JSON_HEADER, Request
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.flow_engine import FlowEngine
from bandwidth.testing._voice.operations import SUCCESS
from bandwidth.testing._voice.routes import control, router
from bandwidth.testing._voice.routes.common import RouteSettings

__all__ = ["VoiceService"]

#: ``voiceApiError.type`` by status.
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


class VoiceService:
    """The Voice API's routes, error body and control endpoints (a ``ProductService``)."""

    api_name = "Voice API"
    success: Mapping[str, int] = SUCCESS

    def __init__(self, settings: RouteSettings, store: CallStore, engine: FlowEngine) -> None:
        #: what handlers read of the simulator (the :class:`RouteHost` they get is this object)
        self.sim = settings
        self.store = store
        self.engine = engine
        self._control_target: Optional[control.ControlTarget] = None

    def control_with(self, target: control.ControlTarget) -> None:
        """The test API the control endpoints drive (the facade, once it is built)."""
        self._control_target = target

    def route(self, method: str, path: str) -> Optional[Route]:
        """A Voice operation's route, or ``None`` outside ``/api/v2``."""
        return router.route(method, path)

    def permits(self, principal: Principal) -> bool:
        """Whether ``principal`` has the Voice role."""
        return principal.voice

    def answer(self, route: Route, request: Request) -> Response:
        """Run the operation's handler, catching up on due steps before and after."""
        assert route.operation is not None
        engine = self.engine
        engine.run(wait=False)  # catch up first (a run in progress elsewhere does it)
        try:
            return router.HANDLERS[route.operation](self, request)
        finally:
            engine.run(wait=False)  # webhooks the request set off (redirect, disconnect)

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """A ``voiceApiError`` answer: ``{"type", "description", "id"}``."""
        payload = {
            "type": _ERROR_TYPES.get(status, "error"),
            "description": description,
            "id": str(uuid.uuid4()),
        }
        return status, [JSON_HEADER, *headers], json.dumps(payload).encode()

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """The control endpoint below ``/_control`` (every one is voice's today)."""
        handler, params, allow = control.find(method, path)
        if handler is None and not allow:
            return None
        target = self._control_target
        if handler is None or target is None:
            return ControlMatch(None, params, allow)
        return ControlMatch(functools.partial(control.respond, target, handler), params, allow)

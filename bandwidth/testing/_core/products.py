"""The seam between the core and a product (voice today; messaging, MFA, ... next).

A product gives the REST service one :class:`ProductService`: which
requests are its operations (:meth:`~ProductService.route`), who may use
them, how it answers them, and its control endpoints under ``/_control``.
The core authenticates, applies faults, records, and hands the request over;
it knows no product's paths, state or errors beyond what this protocol says.
The composition root (:mod:`bandwidth.testing._composition`) lists the
products a simulator serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Mapping, Optional, Protocol, Tuple

from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import Request
from bandwidth.testing._core.http_answers import MAX_BODY_BYTES, Response

__all__ = ["ControlMatch", "ProductService", "Route"]


@dataclass(frozen=True)
class Route:
    """Where a request goes: its operation (``None``: none matches), account and parameters.

    ``allow`` lists the methods the path takes (empty: no such path). ``max_body`` is
    the largest body it takes, in bytes: a longer one is answered 413 before it is read.
    """

    operation: Optional[str]
    account_id: str = ""
    params: Mapping[str, str] = field(default_factory=dict)
    allow: str = ""
    max_body: int = MAX_BODY_BYTES


@dataclass(frozen=True)
class ControlMatch:
    """A control request's handler (``None``: the path does not take the method), its path
    parameters, and the methods the path takes."""

    handler: Optional[Callable[[Request], Response]]
    params: Mapping[str, str]
    allow: str


class ProductService(Protocol):
    """One product's REST operations and control endpoints, as the core serves them."""

    #: how 403 answers name it ("Voice API")
    api_name: str
    #: its operations' success statuses, by SDK method name
    success: Mapping[str, int]

    def route(self, method: str, path: str) -> Optional[Route]:
        """The route of a request for ``path`` (no query), ``None`` when the path is not its."""

    def permits(self, principal: Principal) -> bool:
        """Whether ``principal`` may use the product."""

    def answer(self, route: Route, request: Request) -> Response:
        """Answer one of its operations (may raise ``Problem`` or ``InvalidRequest``)."""

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """Its error body (``voiceApiError`` for voice) with ``status``."""

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """Its control endpoint for ``path`` below ``/_control``, ``None`` when not its."""

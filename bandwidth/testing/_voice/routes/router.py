"""The voice routes: which Voice operation a request is, and the handler that answers it.

:func:`route` maps a method and path to an operation (the table is
:mod:`bandwidth.testing._voice.operations`); :data:`HANDLERS` maps each
operation to its handler, one module per resource: ``calls``,
``conferences``, ``recordings`` (conference recordings too),
``transcriptions`` and ``statistics``. Handlers share :mod:`.common`. The
control routes (``/_control``, for tests in another process) are apart, in
:mod:`.control`: they are not Voice operations, so they are neither faulted
nor recorded.
"""

from __future__ import annotations

from typing import Callable, Dict, Optional
from urllib.parse import unquote

from bandwidth.testing._core.handlers import Request
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import Route
from bandwidth.testing._voice.operations import TABLE, match
from bandwidth.testing._voice.routes import (
    calls,
    conferences,
    recordings,
    statistics,
    transcriptions,
)
from bandwidth.testing._voice.routes.common import RouteHost

__all__ = ["BASE_PATH", "HANDLERS", "route"]

BASE_PATH = "/api/v2"
_ACCOUNTS = BASE_PATH + "/accounts/"

Handler = Callable[[RouteHost, Request], Response]

HANDLERS: Dict[str, Handler] = {
    **calls.HANDLERS,
    **conferences.HANDLERS,
    **recordings.HANDLERS,
    **transcriptions.HANDLERS,
    **statistics.HANDLERS,
}
if set(HANDLERS) != {op.name for op in TABLE}:  # pragma: no cover - caught by any test run
    raise AssertionError("every operation of the table needs exactly one handler")


def route(method: str, path: str) -> Optional[Route]:
    """The route of a request for ``path`` (no query) with ``method``; ``None`` for a path
    that is no Voice operation's (another product's, or none: the core answers 404)."""
    if not path.startswith(_ACCOUNTS):
        return None
    account, _, rest = path[len(_ACCOUNTS) :].partition("/")
    if not account or not rest:
        return None
    found = match([unquote(segment) for segment in rest.split("/")])
    if found is None:
        return None
    return Route(found.methods.get(method), unquote(account), found.params, found.allow)

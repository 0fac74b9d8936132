"""The simulator's routes: which operation a request is, and the handler that answers it.

:func:`route` maps a method and path to an operation (the table is
:mod:`bandwidth.testing.voice.operations`); :data:`HANDLERS` maps each operation to
its handler, one module per resource: ``calls``, ``conferences``,
``recordings`` (conference recordings too), ``transcriptions`` and
``statistics``. Handlers share :mod:`._common`. The control routes
(``/_control``, for tests in another process) are apart, in :mod:`.control`:
they are not Voice operations, so they are neither faulted nor recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, Mapping, Optional
from urllib.parse import unquote

from bandwidth.testing.core.http_server import Response
from bandwidth.testing.voice.operations import TABLE, TOKEN_OPERATION, TOKEN_PATH, match
from bandwidth.testing.voice.routes import (
    calls,
    conferences,
    recordings,
    statistics,
    transcriptions,
)
from bandwidth.testing.voice.routes.common import Host, Request

__all__ = ["BASE_PATH", "HANDLERS", "Route", "route"]

BASE_PATH = "/api/v2"
_ACCOUNTS = BASE_PATH + "/accounts/"

Handler = Callable[[Host, Request], Response]

HANDLERS: Dict[str, Handler] = {
    **calls.HANDLERS,
    **conferences.HANDLERS,
    **recordings.HANDLERS,
    **transcriptions.HANDLERS,
    **statistics.HANDLERS,
}
if set(HANDLERS) != {op.name for op in TABLE}:  # pragma: no cover - caught by any test run
    raise AssertionError("every operation of the table needs exactly one handler")


@dataclass(frozen=True)
class Route:
    """Where a request goes: its operation (``None``: none matches), account and parameters.

    ``allow`` lists the methods the path takes (empty: no such path).
    """

    operation: Optional[str]
    account_id: str = ""
    params: Mapping[str, str] = field(default_factory=dict)
    allow: str = ""


_NOT_FOUND = Route(None)
_TOKEN = Route(TOKEN_OPERATION, allow="POST")


def route(method: str, path: str) -> Route:
    """The route of a request for ``path`` (no query) with ``method``."""
    if path == TOKEN_PATH:
        return _TOKEN if method == "POST" else Route(None, allow="POST")
    if not path.startswith(_ACCOUNTS):
        return _NOT_FOUND
    account, _, rest = path[len(_ACCOUNTS) :].partition("/")
    if not account or not rest:
        return _NOT_FOUND
    found = match([unquote(segment) for segment in rest.split("/")])
    if found is None:
        return _NOT_FOUND
    return Route(found.methods.get(method), unquote(account), found.params, found.allow)

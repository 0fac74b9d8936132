"""The Messages API's operations as the simulator routes them: names, paths, statuses.

Messaging's real prefix is ``/api/v2`` (``bandwidth._servers.MESSAGING_SERVERS``),
the same as the simulator's base path, so one table serves both. Only
``/users/{accountId}/messages`` is messaging's here: media
(``/users/{accountId}/media...``) and multi-channel (``.../messages/multiChannel``)
are other products' paths, so :func:`route` leaves them (``None``).
"""

from __future__ import annotations

from typing import Dict, Mapping, Optional, Tuple
from urllib.parse import unquote

from bandwidth.testing._core.products import Route

__all__ = ["MESSAGING_OPERATIONS", "MESSAGING_PREFIX", "SUCCESS", "route"]

MESSAGING_PREFIX = "/api/v2"
_USERS = MESSAGING_PREFIX + "/users/"

#: The SDK methods (``MessagesApi``) and their success statuses.
SUCCESS: Mapping[str, int] = {"create_message": 202, "list_messages": 200}
MESSAGING_OPERATIONS: Tuple[str, ...] = tuple(SUCCESS)
_METHODS: Dict[str, str] = {"POST": "create_message", "GET": "list_messages"}


def route(method: str, path: str) -> Optional[Route]:
    """The route of ``/api/v2/users/{accountId}/messages``; ``None`` for any other path."""
    if not path.startswith(_USERS):
        return None
    account, _, rest = path[len(_USERS) :].partition("/")
    if not account or rest != "messages":
        return None
    return Route(
        _METHODS.get(method), unquote(account), {"accountId": unquote(account)}, "GET, POST"
    )

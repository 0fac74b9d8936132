"""Which requests are MFA or Phone Number Lookup operations.

``sim.configuration()`` sends every product to ``host + operation path``
(the host ends in ``/api/v2``), and ``Configuration(product_servers=...)``
pointing at the simulator's origin sends each to its real prefix: MFA
``/api/v1``, lookup ``/v2``. Both are accepted. The operation paths
(``/accounts/{id}/code/...``, ``/accounts/{id}/phoneNumberLookup...``) share
no first segment after the account with voice's.
"""

from __future__ import annotations

from typing import Dict, Optional, Sequence, Tuple
from urllib.parse import unquote

from bandwidth.testing._core.products import Route

__all__ = [
    "LOOKUP_OPERATIONS",
    "LOOKUP_PREFIXES",
    "LOOKUP_SUCCESS",
    "MFA_OPERATIONS",
    "MFA_PREFIXES",
    "MFA_SUCCESS",
    "lookup_route",
    "mfa_route",
]

#: Where ``sim.configuration()`` sends every product, and each one's own server prefix.
SHARED_PREFIX = "/api/v2"
MFA_PREFIXES: Tuple[str, ...] = ("/api/v1", SHARED_PREFIX)
LOOKUP_PREFIXES: Tuple[str, ...] = ("/v2", SHARED_PREFIX)

#: SDK method name -> success status.
MFA_SUCCESS: Dict[str, int] = {
    "generate_voice_code": 200,
    "generate_messaging_code": 200,
    "verify_code": 200,
}
LOOKUP_SUCCESS: Dict[str, int] = {
    "create_sync_lookup": 200,
    "create_async_bulk_lookup": 202,
    "get_async_bulk_lookup": 200,
}
MFA_OPERATIONS: Tuple[str, ...] = tuple(MFA_SUCCESS)
LOOKUP_OPERATIONS: Tuple[str, ...] = tuple(LOOKUP_SUCCESS)

_MFA_BY_SEGMENT = {
    "voice": "generate_voice_code",
    "messaging": "generate_messaging_code",
    "verify": "verify_code",
}


def _account_path(path: str, prefixes: Sequence[str]) -> Optional[Tuple[str, Sequence[str]]]:
    """The account and the segments after it, when ``path`` is ``<prefix>/accounts/{id}/...``."""
    for prefix in prefixes:
        head = prefix + "/accounts/"
        if path.startswith(head):
            account, _, rest = path[len(head) :].partition("/")
            if account and rest:
                return unquote(account), [unquote(part) for part in rest.split("/")]
    return None


def mfa_route(method: str, path: str) -> Optional[Route]:
    """The MFA operation of a request, ``None`` when the path is not an MFA one."""
    found = _account_path(path, MFA_PREFIXES)
    if found is None:
        return None
    account, segments = found
    if len(segments) != 2 or segments[0] != "code" or segments[1] not in _MFA_BY_SEGMENT:
        return None
    operation = _MFA_BY_SEGMENT[segments[1]] if method == "POST" else None
    return Route(operation, account, {}, allow="POST")


def lookup_route(method: str, path: str) -> Optional[Route]:
    """The lookup operation of a request, ``None`` when the path is not a lookup one."""
    found = _account_path(path, LOOKUP_PREFIXES)
    if found is None:
        return None
    account, segments = found
    if not segments or segments[0] != "phoneNumberLookup":
        return None
    if len(segments) == 1:
        return Route("create_sync_lookup" if method == "POST" else None, account, {}, "POST")
    if segments[1] != "bulk" or len(segments) > 3:
        return None
    if len(segments) == 2:
        operation = "create_async_bulk_lookup" if method == "POST" else None
        return Route(operation, account, {}, allow="POST")
    params = {"requestId": segments[2]}
    return Route("get_async_bulk_lookup" if method == "GET" else None, account, params, "GET")

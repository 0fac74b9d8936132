"""Which numbers operation a request is: the Toll-Free Verification and Endpoints path tables.

With ``Configuration(host=sim.url)`` every product's operation path comes
under ``/api/v2``; with ``product_servers`` each comes under its real prefix
(TFV ``/api/v2``, endpoints ``/v2``). :func:`match` takes a path below one of
a table's prefixes and gives the operation its method names, its path
parameters (by spec name) and the methods the path takes. None of these
paths is a Voice path (``/accounts/{id}/calls|conferences|recordings|...``).
"""

from __future__ import annotations

from typing import Dict, Mapping, Optional, Sequence, Tuple
from urllib.parse import unquote

from bandwidth.testing._core.products import Route

__all__ = ["ENDPOINT_PATHS", "ENDPOINT_PREFIXES", "TFV_PATHS", "TFV_PREFIXES", "match"]

#: A path's segments (``{name}`` a parameter) and its operation by method.
PathTable = Sequence[Tuple[Tuple[str, ...], Mapping[str, str]]]

TFV_PREFIXES = ("/api/v2",)
ENDPOINT_PREFIXES = ("/api/v2", "/v2")

TFV_PATHS: PathTable = (
    (
        ("accounts", "{accountId}", "tollFreeVerification"),
        {"POST": "request_toll_free_verification"},
    ),
    (
        ("accounts", "{accountId}", "phoneNumbers", "{phoneNumber}", "tollFreeVerification"),
        {
            "GET": "get_toll_free_verification_status",
            "PUT": "update_toll_free_verification_request",
            "DELETE": "delete_verification_request",
        },
    ),
    (
        ("accounts", "{accountId}", "tollFreeVerification", "webhooks", "subscriptions"),
        {"GET": "list_webhook_subscriptions", "POST": "create_webhook_subscription"},
    ),
    (
        ("accounts", "{accountId}", "tollFreeVerification", "webhooks", "subscriptions", "{id}"),
        {"PUT": "update_webhook_subscription", "DELETE": "delete_webhook_subscription"},
    ),
    (("tollFreeVerification", "useCases"), {"GET": "list_toll_free_use_cases"}),
)

ENDPOINT_PATHS: PathTable = (
    (
        ("accounts", "{accountId}", "endpoints"),
        {"GET": "list_endpoints", "POST": "create_endpoint"},
    ),
    (
        ("accounts", "{accountId}", "endpoints", "{endpointId}"),
        {"GET": "get_endpoint", "DELETE": "delete_endpoint"},
    ),
    (
        ("accounts", "{accountId}", "endpoints", "{endpointId}", "bxml"),
        {"PUT": "update_endpoint_bxml"},
    ),
)


def _below(path: str, prefixes: Sequence[str]) -> Optional[str]:
    for prefix in prefixes:
        if path.startswith(prefix + "/"):
            return path[len(prefix) + 1 :]
    return None


def match(
    method: str, path: str, prefixes: Sequence[str], table: PathTable, account_id: str
) -> Optional[Route]:
    """The route of ``path`` in ``table``; ``None`` when no entry has its shape.

    ``account_id`` stands in for a path without one (the use cases).
    """
    rest = _below(path, prefixes)
    if rest is None:
        return None
    segments = [unquote(part) for part in rest.split("/")]
    for shape, methods in table:
        if len(shape) != len(segments):
            continue
        params: Dict[str, str] = {}
        for expected, given in zip(shape, segments):
            if expected.startswith("{"):
                if not given:
                    break
                params[expected[1:-1]] = given
            elif expected != given:
                break
        else:
            account = params.get("accountId", account_id)
            allow = ", ".join(sorted(methods))
            return Route(methods.get(method), account, params, allow)
    return None

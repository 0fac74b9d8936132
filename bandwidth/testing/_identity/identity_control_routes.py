"""The identity products' control routes: seed lookups and read MFA codes over HTTP.

For tests that drive a simulator in another process (``bandwidth
simulator``), as the in-process test API does:

- ``POST /_control/lookups``: ``{"phoneNumber", "found"?, "carrierName"?, ...}``
  and any ``lookupResult`` field by its wire name (``lineType``,
  ``messagingProvider``, ``rcsEnabled``, ...): ``sim.seed_lookup``; 204.
  ``DELETE /_control/lookups``: ``sim.clear_lookups()``; 204.
- ``GET /_control/mfa/codes``: ``{"codes": [{"to", "scope", "channel", "code",
  "sentId", "issuedAt", "used"}]}``, the values included (the test asked
  for them); ``DELETE`` forgets them; 204.

JSON in, JSON out; a refused body is a 400 in the product's error body.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, Optional

from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.handlers import (
    InvalidRequest,
    Request,
    empty,
    json_answer,
    parse_json_object,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import ControlMatch
from bandwidth.testing._identity.identity_controls import IdentityControls
from bandwidth.testing._voice.wire_forms import model_fields

__all__ = ["ControlFinder", "lookup_control", "mfa_control"]

ControlFinder = Callable[[str, str], Optional[ControlMatch]]
Handler = Callable[[IdentityControls, Request], Response]


def _seed(controls: IdentityControls, request: Request) -> Response:
    body = parse_json_object(request.body)
    by_wire = {wire: name for name, wire in model_fields("LookupResult")}
    number = body.pop("phoneNumber", None)
    found = body.pop("found", True)
    carrier = body.pop("carrierName", None)
    if not isinstance(found, bool):
        raise InvalidRequest("found must be true or false")
    if carrier is not None and not isinstance(carrier, str):
        raise InvalidRequest("carrierName must be a string")
    unknown = sorted(key for key in body if key not in by_wire)
    if unknown:
        raise InvalidRequest(f"lookupResult has no field {', '.join(unknown)}")
    fields: Dict[str, Any] = {by_wire[key]: value for key, value in body.items()}
    try:
        if found:
            controls.seed_lookup(str(number), carrier_name=carrier, **fields)
        else:
            controls.seed_lookup(str(number), found=False, carrier_name=carrier, **fields)
    except (TypeError, ValueError) as exc:
        raise InvalidRequest(str(exc)) from None
    return empty(204)


def _clear_lookups(controls: IdentityControls, request: Request) -> Response:
    controls.clear_lookups()
    return empty(204)


def _codes(controls: IdentityControls, request: Request) -> Response:
    codes = [
        {
            "to": issued.to,
            "scope": issued.scope,
            "channel": issued.channel,
            "code": issued.code,
            "sentId": issued.sent_id,
            "issuedAt": format_time(issued.issued_at),
            "used": issued.used,
        }
        for issued in controls.mfa_codes
    ]
    return json_answer({"codes": codes})


def _clear_codes(controls: IdentityControls, request: Request) -> Response:
    controls.clear_mfa_codes()
    return empty(204)


_LOOKUP_ROUTES: Mapping[str, Mapping[str, Handler]] = {
    "/lookups": {"POST": _seed, "DELETE": _clear_lookups},
}
_MFA_ROUTES: Mapping[str, Mapping[str, Handler]] = {
    "/mfa/codes": {"GET": _codes, "DELETE": _clear_codes},
}


def _finder(
    controls: IdentityControls, routes: Mapping[str, Mapping[str, Handler]]
) -> ControlFinder:
    def find(method: str, path: str) -> Optional[ControlMatch]:
        methods = routes.get(path.rstrip("/") or "/")
        if methods is None:
            return None
        allow = ", ".join(sorted(methods))
        handler = methods.get(method)
        if handler is None:
            return ControlMatch(None, {}, allow)
        return ControlMatch(_bound(handler, controls), {}, allow)

    return find


def _bound(handler: Handler, controls: IdentityControls) -> Callable[[Request], Response]:
    return lambda request: handler(controls, request)


def lookup_control(controls: IdentityControls) -> ControlFinder:
    """The lookup's control endpoints, acting on ``controls``."""
    return _finder(controls, _LOOKUP_ROUTES)


def mfa_control(controls: IdentityControls) -> ControlFinder:
    """The MFA's control endpoints, acting on ``controls``."""
    return _finder(controls, _MFA_ROUTES)

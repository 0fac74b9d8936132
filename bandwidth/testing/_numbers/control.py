"""The numbers control routes: decide reviews and connect devices from another process.

Under ``/_control`` beside voice's routes, JSON in, JSON out, each doing
what one method of the in-process test API does (the handlers call the
simulator's public methods, typed as :class:`NumbersControlTarget`):

* ``GET /_control/tollfree`` and ``PUT`` (``reviewSeconds``, ``useCases``,
  ``businessRegistrationRequiredFrom``): the review settings;
* ``GET /_control/tollfree/{phoneNumber}``: the request, as ``tfvStatus``;
* ``POST /_control/tollfree/{phoneNumber}/approve``, ``/deny``
  (``reasons``, ``denialStatusCode``, ``resubmitAllowed``), ``/fail``
  (``errorMessage``, ``errors``, ``errorCode``) and ``/block`` (``reason``);
* ``GET /_control/endpoints`` and ``PUT`` (``maxEndpoints``, ``eventShape``);
* ``POST /_control/endpoints/{endpointId}/connect`` (``deviceName``; answers
  ``{"deviceId"}``) and ``/disconnect`` (``deviceId``: one, else all);
* ``GET /_control/endpoints/{endpointId}/bxml``: the documents it was sent.

Refusals map as voice's do: an unknown number or endpoint (``KeyError``) is
404, what cannot be done now (``ValueError``) 409, a bad body 400, an
exception the app raised while handling the webhook 500.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Sequence, Tuple

from bandwidth.testing._core.app_errors import WebhookAppError
from bandwidth.testing._core.clock import format_time, parse_time
from bandwidth.testing._core.handlers import (
    InvalidRequest,
    Problem,
    Request,
    empty,
    json_answer,
    parse_json_object,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import ControlMatch

__all__ = ["ENDPOINTS_ROOT", "TOLLFREE_ROOT", "NumbersControlTarget", "find"]

TOLLFREE_ROOT = "tollfree"
ENDPOINTS_ROOT = "endpoints"


class NumbersControlTarget(Protocol):
    """The part of the simulator's public test API the numbers control routes drive."""

    toll_free_review_seconds: Optional[float]
    toll_free_use_cases: List[str]
    business_registration_required_from: Optional[datetime]
    max_endpoints: int
    endpoint_event_shape: str

    def toll_free_verification(self, phone_number: str) -> Any:
        """The request as a ``TfvStatus``."""

    def approve_toll_free_verification(self, phone_number: str) -> None:
        """Approve the pending request."""

    def deny_toll_free_verification(
        self, phone_number: str, *reasons: str, denial_status_code: int, resubmit_allowed: bool
    ) -> None:
        """Deny the pending request."""

    def fail_toll_free_verification(
        self, phone_number: str, error_message: str, *errors: str, error_code: str
    ) -> None:
        """Send a failure webhook."""

    def block_toll_free_number(self, phone_number: str, reason: str) -> None:
        """Block the number."""

    def connect_endpoint(self, endpoint_id: str, *, device_name: Optional[str] = None) -> str:
        """Connect a device."""

    def disconnect_endpoint(self, endpoint_id: str, device_id: Optional[str] = None) -> None:
        """Disconnect a device (or all)."""

    def endpoint_bxml(self, endpoint_id: str) -> List[str]:
        """The documents the endpoint was sent."""


Handler = Callable[[NumbersControlTarget, Request], Response]


def _body(request: Request) -> Dict[str, Any]:
    return parse_json_object(request.body) if request.body.strip() else {}


def _text(body: Mapping[str, Any], key: str, default: Optional[str] = None) -> Optional[str]:
    value = body.get(key, default)
    if value is not None and not isinstance(value, str):
        raise InvalidRequest(f"{key} must be a string.")
    return value


def _texts(body: Mapping[str, Any], key: str) -> List[str]:
    value = body.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InvalidRequest(f"{key} must be an array of strings.")
    return list(value)


# -- toll-free verification -----------------------------------------------------------------


def _tollfree_settings(sim: NumbersControlTarget) -> Response:
    start = sim.business_registration_required_from
    return json_answer(
        {
            "reviewSeconds": sim.toll_free_review_seconds,
            "useCases": sim.toll_free_use_cases,
            "businessRegistrationRequiredFrom": None if start is None else format_time(start),
        }
    )


def get_tollfree(sim: NumbersControlTarget, request: Request) -> Response:
    """``GET /_control/tollfree``: the review settings."""
    return _tollfree_settings(sim)


def put_tollfree(sim: NumbersControlTarget, request: Request) -> Response:
    """``PUT /_control/tollfree``: change the settings the body names."""
    body = _body(request)
    if "reviewSeconds" in body:
        try:
            sim.toll_free_review_seconds = body["reviewSeconds"]
        except ValueError as exc:
            raise InvalidRequest(str(exc)) from None
    if "useCases" in body:
        sim.toll_free_use_cases = _texts(body, "useCases")
    if "businessRegistrationRequiredFrom" in body:
        text = _text(body, "businessRegistrationRequiredFrom")
        try:
            sim.business_registration_required_from = None if text is None else parse_time(text)
        except ValueError:
            raise InvalidRequest("businessRegistrationRequiredFrom must be ISO 8601.") from None
    return _tollfree_settings(sim)


def get_request(sim: NumbersControlTarget, request: Request) -> Response:
    """``GET /_control/tollfree/{phoneNumber}``: the request as ``tfvStatus``."""
    status = sim.toll_free_verification(request.params["phoneNumber"])
    return json_answer(json.loads(status.to_json()))


def approve(sim: NumbersControlTarget, request: Request) -> Response:
    """``POST .../approve``."""
    sim.approve_toll_free_verification(request.params["phoneNumber"])
    return empty(204)


def deny(sim: NumbersControlTarget, request: Request) -> Response:
    """``POST .../deny``."""
    body = _body(request)
    code = body.get("denialStatusCode", 511)
    if isinstance(code, bool) or not isinstance(code, int):
        raise InvalidRequest("denialStatusCode must be an integer.")
    allowed = body.get("resubmitAllowed", True)
    if not isinstance(allowed, bool):
        raise InvalidRequest("resubmitAllowed must be a boolean.")
    sim.deny_toll_free_verification(
        request.params["phoneNumber"],
        *_texts(body, "reasons"),
        denial_status_code=code,
        resubmit_allowed=allowed,
    )
    return empty(204)


def fail(sim: NumbersControlTarget, request: Request) -> Response:
    """``POST .../fail``."""
    body = _body(request)
    message = _text(body, "errorMessage", "Cannot process request") or ""
    code = _text(body, "errorCode", "400") or "400"
    sim.fail_toll_free_verification(
        request.params["phoneNumber"], message, *_texts(body, "errors"), error_code=code
    )
    return empty(204)


def block(sim: NumbersControlTarget, request: Request) -> Response:
    """``POST .../block``."""
    reason = _text(_body(request), "reason", "Spam") or "Spam"
    sim.block_toll_free_number(request.params["phoneNumber"], reason)
    return empty(204)


# -- endpoints ------------------------------------------------------------------------------


def _endpoint_settings(sim: NumbersControlTarget) -> Response:
    return json_answer({"maxEndpoints": sim.max_endpoints, "eventShape": sim.endpoint_event_shape})


def get_endpoints(sim: NumbersControlTarget, request: Request) -> Response:
    """``GET /_control/endpoints``: the endpoint settings."""
    return _endpoint_settings(sim)


def put_endpoints(sim: NumbersControlTarget, request: Request) -> Response:
    """``PUT /_control/endpoints``: change the settings the body names."""
    body = _body(request)
    try:
        if "maxEndpoints" in body:
            sim.max_endpoints = body["maxEndpoints"]
        if "eventShape" in body:
            sim.endpoint_event_shape = body["eventShape"]
    except ValueError as exc:
        raise InvalidRequest(str(exc)) from None
    return _endpoint_settings(sim)


def connect(sim: NumbersControlTarget, request: Request) -> Response:
    """``POST /_control/endpoints/{endpointId}/connect``: ``{"deviceId"}``."""
    name = _text(_body(request), "deviceName")
    device_id = sim.connect_endpoint(request.params["endpointId"], device_name=name)
    return json_answer({"deviceId": device_id}, 201)


def disconnect(sim: NumbersControlTarget, request: Request) -> Response:
    """``POST /_control/endpoints/{endpointId}/disconnect``."""
    device_id = _text(_body(request), "deviceId")
    sim.disconnect_endpoint(request.params["endpointId"], device_id)
    return empty(204)


def bxml(sim: NumbersControlTarget, request: Request) -> Response:
    """``GET /_control/endpoints/{endpointId}/bxml``: ``{"documents": [...]}``."""
    return json_answer({"documents": sim.endpoint_bxml(request.params["endpointId"])})


# -- routing --------------------------------------------------------------------------------

_ROUTES: Mapping[Tuple[str, ...], Tuple[str, Mapping[str, Handler]]] = {
    (TOLLFREE_ROOT,): ("", {"GET": get_tollfree, "PUT": put_tollfree}),
    (TOLLFREE_ROOT, "*"): ("phoneNumber", {"GET": get_request}),
    (TOLLFREE_ROOT, "*", "approve"): ("phoneNumber", {"POST": approve}),
    (TOLLFREE_ROOT, "*", "deny"): ("phoneNumber", {"POST": deny}),
    (TOLLFREE_ROOT, "*", "fail"): ("phoneNumber", {"POST": fail}),
    (TOLLFREE_ROOT, "*", "block"): ("phoneNumber", {"POST": block}),
    (ENDPOINTS_ROOT,): ("", {"GET": get_endpoints, "PUT": put_endpoints}),
    (ENDPOINTS_ROOT, "*", "connect"): ("endpointId", {"POST": connect}),
    (ENDPOINTS_ROOT, "*", "disconnect"): ("endpointId", {"POST": disconnect}),
    (ENDPOINTS_ROOT, "*", "bxml"): ("endpointId", {"GET": bxml}),
}


def find(
    sim: Optional[NumbersControlTarget],
    root: str,
    method: str,
    below: str,
) -> Optional[ControlMatch]:
    """The control endpoint below ``/_control`` whose first segment is ``root``, or ``None``."""
    from urllib.parse import unquote

    segments: Sequence[str] = [unquote(s) for s in below.strip("/").split("/")]
    if not segments or segments[0] != root:
        return None
    shape = tuple(segments)
    if len(segments) >= 2:
        if not segments[1]:
            return None
        shape = (segments[0], "*", *segments[2:])
    entry = _ROUTES.get(shape)
    if entry is None:
        return None
    name, methods = entry
    params = {name: segments[1]} if name else {}
    allow = ", ".join(sorted(methods))
    handler = methods.get(method)
    if handler is None or sim is None:
        return ControlMatch(None, params, allow)
    chosen: Handler = handler
    target: NumbersControlTarget = sim

    def respond(request: Request) -> Response:
        try:
            return chosen(target, request)
        except KeyError as exc:
            raise Problem(404, str(exc.args[0]) if exc.args else "Not found.") from None
        except WebhookAppError as exc:
            cause = exc.__cause__
            detail = f"{type(cause).__name__}: {cause}" if cause is not None else str(exc)
            raise Problem(500, f"The app raised {detail} while handling a webhook.") from None
        except ValueError as exc:
            raise Problem(409, str(exc)) from None

    return ControlMatch(respond, params, allow)

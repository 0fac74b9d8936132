"""The control routes: drive the simulator over HTTP from another process.

They live under ``/_control`` on the simulator's origin, beside the Voice
API's ``/api/v2`` (no Voice path can start so), and do what the in-process
test API does: place an inbound call, answer, press, hang up, advance the
clock, read calls, webhooks and recorded requests. JSON in, JSON out, errors
as ``voiceApiError``. The REST service authenticates them with the API's own
credentials first; they are never faulted nor recorded (they are the test
speaking, not the code under test).

A handler is ``handler(sim, request) -> Response`` and calls the simulator's
public methods (typed as :class:`ControlTarget`, the part of the facade they
use), mapping their refusals: ``KeyError`` (an unknown call) to
404, ``ValueError`` (what the call cannot do now) to 409, a bad body to 400.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Tuple, Union
from urllib.parse import unquote

from bandwidth.testing._core.app_errors import WebhookAppError
from bandwidth.testing._core.clock import ManualClock, format_time
from bandwidth.testing._core.control_json import request_json, webhook_json
from bandwidth.testing._core.handlers import (
    InvalidRequest,
    Problem,
    QueryString,
    Request,
    empty,
    json_answer,
    parse_json_object,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.rest_service import RecordedRequest
from bandwidth.testing._core.webhooks import Webhook
from bandwidth.testing._voice.calls import DTMF, SimulatedCall

__all__ = ["ControlTarget", "find", "respond"]


class ControlTarget(Protocol):
    """The part of the simulator's public test API the control routes drive."""

    clock: Union[ManualClock, Callable[[], datetime]]
    record_requests: bool

    @property
    def account_id(self) -> str:
        """The one account served."""

    @property
    def url(self) -> str:
        """The API base URL."""

    @property
    def call_flows(self) -> bool:
        """Whether calls run flows."""

    @property
    def calls(self) -> List[SimulatedCall]:
        """Copies of every call."""

    @property
    def webhooks(self) -> List[Webhook]:
        """Every webhook delivered."""

    @property
    def requests(self) -> List[RecordedRequest]:
        """Every request recorded."""

    def now(self) -> datetime:
        """The current time."""

    def next_due(self) -> Optional[datetime]:
        """When the next step falls due."""

    def run_due(self) -> None:
        """Run what is due."""

    def advance(self, seconds: float) -> datetime:
        """Move the manual clock."""

    def call(self, call_id: str) -> SimulatedCall:
        """A copy of one call."""

    def awaiting_digits(self, call_id: str) -> bool:
        """Whether a Gather waits for a first key."""

    def inbound_call(
        self, to: str, from_: str, *, answer_url: str, answer_method: str = ..., **fields: Any
    ) -> str:
        """Place an inbound call."""

    def clear_calls(self) -> None:
        """Forget every call."""

    def initiate(self, call_id: str) -> None:
        """Dequeue a call."""

    def answer(self, call_id: str) -> None:
        """Answer a call."""

    def press(self, call_id: str, digits: str) -> None:
        """Press digits."""

    def hangup(
        self,
        call_id: str,
        cause: str = ...,
        *,
        error_message: Optional[str] = ...,
        error_id: Optional[str] = ...,
    ) -> None:
        """End a call."""

    def requests_for(self, operation: Optional[str]) -> List[RecordedRequest]:
        """The requests of one operation."""

    def clear_requests(self) -> None:
        """Forget the recorded requests."""


Handler = Callable[[ControlTarget, Request], Response]
#: A ``disconnectCause``: the platform's list is open (``hangup``, ``busy``, ``timeout``, ...).
_CAUSE = re.compile(r"[a-z][a-z-]{0,63}")


def _body(request: Request) -> Dict[str, Any]:
    """The JSON object a request carries (an empty body is ``{}``)."""
    if not request.body.strip():
        return {}
    return parse_json_object(request.body)


def _string(body: Mapping[str, Any], key: str, default: Optional[str] = None) -> Optional[str]:
    value = body.get(key, default)
    if value is not None and not isinstance(value, str):
        raise InvalidRequest(f"{key} must be a string.")
    return value


def _call_id(request: Request) -> str:
    return request.params["callId"]


def _shown(sim: ControlTarget, call_id: str) -> Response:
    """The call as :func:`call_json` shows it (404 when unknown)."""
    awaiting = sim.awaiting_digits(call_id)
    return json_answer(call_json(sim.call(call_id), awaiting))


def call_json(call: SimulatedCall, awaiting_digits: bool) -> Dict[str, Any]:
    """A call as the control routes show it: its ``callState`` plus what the flow did."""
    shown = call.to_call_state()
    shown.update(
        tag=call.tag,
        heard=list(call.heard),
        pressed=list(call.pressed),
        dtmfSent=list(call.dtmf_sent),
        awaitingDigits=awaiting_digits,
        webhookCount=len(call.webhooks),
        timeline=call.timeline(),
    )
    return shown


# -- the simulator --------------------------------------------------------------------------


def status(sim: ControlTarget, request: Request) -> Response:
    """``GET /_control``: the clock, the next step due and how the simulator runs."""
    sim.run_due()
    due = sim.next_due()
    return json_answer(
        {
            "now": format_time(sim.now()),
            "nextDue": None if due is None else format_time(due),
            "clock": "manual" if isinstance(sim.clock, ManualClock) else "real",
            "callFlows": sim.call_flows,
            "recordRequests": sim.record_requests,
            "accountId": sim.account_id,
            "url": sim.url,
        }
    )


def advance(sim: ControlTarget, request: Request) -> Response:
    """``POST /_control/advance {"seconds": N}``: move the manual clock, running what falls due."""
    seconds = _body(request).get("seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds >= 0:
        raise InvalidRequest("seconds must be a number of seconds, 0 or more.")
    if not isinstance(sim.clock, ManualClock):
        raise Problem(409, "The simulator runs on the real clock: start it with --manual-clock.")
    if seconds > 366 * 86400:
        raise InvalidRequest("seconds must be at most a year.")
    moment = sim.advance(float(seconds))
    return json_answer({"now": format_time(moment)})


# -- calls ----------------------------------------------------------------------------------


def inbound(sim: ControlTarget, request: Request) -> Response:
    """``POST /_control/inbound``: a createCall-shaped body; answers 201 with the call."""
    body = _body(request)
    fields = dict(body)
    try:
        to, sender, answer_url = fields.pop("to"), fields.pop("from"), fields.pop("answerUrl")
    except KeyError as exc:
        raise InvalidRequest(f"{exc.args[0]} is required.") from None
    answer_method = fields.pop("answerMethod", "POST")
    for name, value in (("to", to), ("from", sender), ("answerUrl", answer_url)):
        if not isinstance(value, str):
            raise InvalidRequest(f"{name} must be a string.")
    if not sim.call_flows:
        raise Problem(
            409,
            "Inbound calls need call flows: start bandwidth simulator with --deliver-webhooks.",
        )
    try:
        call_id = sim.inbound_call(
            to, sender, answer_url=answer_url, answer_method=answer_method, **fields
        )
    except (TypeError, ValueError) as exc:
        raise InvalidRequest(str(exc)) from None
    awaiting = sim.awaiting_digits(call_id)
    return json_answer(call_json(sim.call(call_id), awaiting), 201)


def list_calls(sim: ControlTarget, request: Request) -> Response:
    """``GET /_control/calls``: every call, oldest first."""
    return json_answer([call_json(c, sim.awaiting_digits(c.call_id)) for c in sim.calls])


def clear_calls(sim: ControlTarget, request: Request) -> Response:
    """``DELETE /_control/calls``: forget every call and webhook."""
    sim.clear_calls()
    return empty(204)


def get_call(sim: ControlTarget, request: Request) -> Response:
    """``GET /_control/calls/{callId}``."""
    return _shown(sim, _call_id(request))


def initiate(sim: ControlTarget, request: Request) -> Response:
    """``POST /_control/calls/{callId}/initiate``."""
    _body(request)
    sim.initiate(_call_id(request))
    return _shown(sim, _call_id(request))


def answer(sim: ControlTarget, request: Request) -> Response:
    """``POST /_control/calls/{callId}/answer``."""
    _body(request)
    sim.answer(_call_id(request))
    return _shown(sim, _call_id(request))


def press(sim: ControlTarget, request: Request) -> Response:
    """``POST /_control/calls/{callId}/press {"digits": "1#"}``."""
    digits = _string(_body(request), "digits")
    if not digits or not DTMF.fullmatch(digits):
        raise InvalidRequest("digits must be DTMF characters: 0-9, *, #, A-D.")
    sim.press(_call_id(request), digits)
    return _shown(sim, _call_id(request))


def hangup(sim: ControlTarget, request: Request) -> Response:
    """``POST /_control/calls/{callId}/hangup {"cause": "hangup"}`` (the body is optional)."""
    body = _body(request)
    cause = _string(body, "cause", "hangup") or "hangup"
    if not _CAUSE.fullmatch(cause):
        raise InvalidRequest("cause must be a disconnect cause such as hangup, busy or timeout.")
    sim.hangup(
        _call_id(request),
        cause,
        error_message=_string(body, "errorMessage"),
        error_id=_string(body, "errorId"),
    )
    return _shown(sim, _call_id(request))


# -- what it received and sent --------------------------------------------------------------


def webhooks(sim: ControlTarget, request: Request) -> Response:
    """``GET /_control/webhooks[?callId=...]``: every delivery, oldest first."""
    call_id = QueryString(request.query).get("callId")
    delivered = sim.webhooks
    if call_id is not None:
        delivered = [w for w in delivered if w.call_id == call_id]
    return json_answer([webhook_json(w) for w in delivered])


def requests(sim: ControlTarget, request: Request) -> Response:
    """``GET /_control/requests[?operation=...]``: the recorded API requests, oldest first."""
    if not sim.record_requests:
        raise Problem(
            409,
            "Requests are not recorded: start bandwidth simulator with --record-requests.",
        )
    operation = QueryString(request.query).get("operation")
    recorded = sim.requests if operation is None else sim.requests_for(operation)
    return json_answer([request_json(r) for r in recorded])


def clear_requests(sim: ControlTarget, request: Request) -> Response:
    """``DELETE /_control/requests``."""
    sim.clear_requests()
    return empty(204)


# -- routing --------------------------------------------------------------------------------

_ROUTES: Dict[Tuple[str, ...], Dict[str, Handler]] = {
    (): {"GET": status},
    ("advance",): {"POST": advance},
    ("inbound",): {"POST": inbound},
    ("calls",): {"GET": list_calls, "DELETE": clear_calls},
    ("calls", "*"): {"GET": get_call},
    ("calls", "*", "initiate"): {"POST": initiate},
    ("calls", "*", "answer"): {"POST": answer},
    ("calls", "*", "press"): {"POST": press},
    ("calls", "*", "hangup"): {"POST": hangup},
    ("webhooks",): {"GET": webhooks},
    ("requests",): {"GET": requests, "DELETE": clear_requests},
}


def find(method: str, below: str) -> Tuple[Optional[Handler], Dict[str, str], str]:
    """The handler of a control request, its path parameters, and the methods the path takes.

    ``below`` is the path after ``/_control``. ``(None, {}, "")`` for an unknown path,
    ``(None, {}, allow)`` for a method it does not take.
    """
    rest = below.strip("/")
    segments: List[str] = [unquote(s) for s in rest.split("/")] if rest else []
    params: Dict[str, str] = {}
    shape: Tuple[str, ...] = tuple(segments)
    if len(segments) >= 2 and segments[0] == "calls":
        if not segments[1]:
            return None, {}, ""
        params["callId"] = segments[1]
        shape = ("calls", "*", *segments[2:])
    methods = _ROUTES.get(shape)
    if methods is None:
        return None, {}, ""
    return methods.get(method), params, ", ".join(sorted(methods))


def respond(sim: ControlTarget, handler: Handler, request: Request) -> Response:
    """Run a handler, mapping the simulator's refusals to statuses (see the module docstring)."""
    try:
        return handler(sim, request)
    except KeyError as exc:
        raise Problem(404, f"Call {exc.args[0] if exc.args else ''} was not found.") from None
    except WebhookAppError as exc:
        cause = exc.__cause__
        detail = f"{type(cause).__name__}: {cause}" if cause is not None else str(exc)
        raise Problem(500, f"The app raised {detail} while handling a webhook.") from None
    except ValueError as exc:
        raise Problem(409, str(exc)) from None

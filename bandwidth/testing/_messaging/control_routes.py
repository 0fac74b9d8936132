"""Messaging's control routes: drive handsets, applications and failures over HTTP.

Under ``/_control`` beside voice's, JSON in and JSON out, errors as
``messagingRequestError``; they call the same
:class:`~.messaging_controls.MessagingControls` the in-process test API
uses. A bad body is 400, what cannot be done (a text to a number no
application owns) 409, an exception the in-process app raised 500.

=======  ==========================================  ==================================
method   path (below ``/_control``)                  does
=======  ==========================================  ==================================
GET      ``/messaging/applications``                 list the applications (no password)
POST     ``/messaging/applications``                 add one: ``{applicationId, callbackUrl,
                                                     numbers, username, password}``
POST     ``/messaging/failures``                     ``fail_next_message``: ``{errorCode, to,
                                                     description}``
GET      ``/messaging/timeline``                     ``{"timeline": text}``
DELETE   ``/messaging/messages``                     forget every message and inbox
GET      ``/handsets/{number}``                      ``{number, reachable, messages}``
PUT      ``/handsets/{number}``                      ``{"reachable": false}``
GET      ``/handsets/{number}/messages``             the texts it received, oldest first
POST     ``/handsets/{number}/messages``             it texts: ``{to, text, media}``
=======  ==========================================  ==================================
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple
from urllib.parse import unquote

from bandwidth.testing._core.app_errors import WebhookAppError
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
from bandwidth.testing._messaging.messaging_controls import MessagingControls

__all__ = ["control_finder"]

Handler = Callable[[MessagingControls, Request], Response]


def _body(request: Request) -> Dict[str, Any]:
    return parse_json_object(request.body)


def _text(body: Mapping[str, Any], name: str, *, required: bool = True) -> Optional[str]:
    value = body.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise InvalidRequest(f"{name} must be a non-empty string.")
    return value


def _strings(body: Mapping[str, Any], name: str) -> List[str]:
    value = body.get(name, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidRequest(f"{name} must be an array of strings.")
    return value


def list_applications(controls: MessagingControls, request: Request) -> Response:
    """``GET /_control/messaging/applications``."""
    return json_answer([app.public() for app in controls.messaging_applications])


def add_application(controls: MessagingControls, request: Request) -> Response:
    """``POST /_control/messaging/applications``."""
    body = _body(request)
    application = controls.add_messaging_application(
        _text(body, "applicationId") or "",
        _text(body, "callbackUrl") or "",
        numbers=_strings(body, "numbers"),
        username=_text(body, "username", required=False),
        password=_text(body, "password", required=False),
    )
    return json_answer(application.public(), 201)


def fail_next(controls: MessagingControls, request: Request) -> Response:
    """``POST /_control/messaging/failures``."""
    body = _body(request)
    code = body.get("errorCode", 4720)
    if isinstance(code, bool) or not isinstance(code, int):
        raise InvalidRequest("errorCode must be an integer.")
    controls.fail_next_message(
        code,
        to=_text(body, "to", required=False),
        description=_text(body, "description", required=False),
    )
    return empty(204)


def timeline(controls: MessagingControls, request: Request) -> Response:
    """``GET /_control/messaging/timeline``."""
    return json_answer({"timeline": controls.messaging_timeline()})


def clear(controls: MessagingControls, request: Request) -> Response:
    """``DELETE /_control/messaging/messages``."""
    controls.clear_messages()
    return empty(204)


def _number(request: Request) -> str:
    return request.params["number"]


def handset(controls: MessagingControls, request: Request) -> Response:
    """``GET /_control/handsets/{number}``."""
    number = _number(request)
    return json_answer(
        {
            "number": number,
            "reachable": controls.reachable(number),
            "messages": controls.texts_of(number),
        }
    )


def set_handset(controls: MessagingControls, request: Request) -> Response:
    """``PUT /_control/handsets/{number}``: ``{"reachable": bool}``."""
    body = _body(request)
    reachable = body.get("reachable")
    if not isinstance(reachable, bool):
        raise InvalidRequest("reachable must be true or false.")
    controls.set_reachable(_number(request), reachable)
    return handset(controls, request)


def inbox(controls: MessagingControls, request: Request) -> Response:
    """``GET /_control/handsets/{number}/messages``."""
    return json_answer(controls.texts_of(_number(request)))


def send(controls: MessagingControls, request: Request) -> Response:
    """``POST /_control/handsets/{number}/messages``: ``{to, text, media}``."""
    body = _body(request)
    to = _strings(body, "to")
    text = body.get("text", "")
    if not isinstance(text, str):
        raise InvalidRequest("text must be a string.")
    ids = controls.send_from(_number(request), to, text, _strings(body, "media"))
    return json_answer({"messageIds": ids}, 201)


_ROUTES: Dict[Tuple[str, ...], Dict[str, Handler]] = {
    ("messaging", "applications"): {"GET": list_applications, "POST": add_application},
    ("messaging", "failures"): {"POST": fail_next},
    ("messaging", "timeline"): {"GET": timeline},
    ("messaging", "messages"): {"DELETE": clear},
    ("handsets", "*"): {"GET": handset, "PUT": set_handset},
    ("handsets", "*", "messages"): {"GET": inbox, "POST": send},
}


def _respond(controls: MessagingControls, handler: Handler, request: Request) -> Response:
    try:
        return handler(controls, request)
    except WebhookAppError as exc:
        cause = exc.__cause__
        detail = f"{type(cause).__name__}: {cause}" if cause is not None else str(exc)
        raise Problem(500, f"The app raised {detail} while handling a webhook.") from None
    except ValueError as exc:
        raise Problem(409, str(exc)) from None


def _find(controls: MessagingControls, method: str, below: str) -> Optional[ControlMatch]:
    segments = [unquote(s) for s in below.strip("/").split("/")]
    params: Dict[str, str] = {}
    shape = tuple(segments)
    if len(segments) >= 2 and segments[0] == "handsets" and segments[1]:
        params["number"] = segments[1]
        shape = ("handsets", "*", *segments[2:])
    methods = _ROUTES.get(shape)
    if methods is None:
        return None
    allow = ", ".join(sorted(methods))
    handler = methods.get(method)
    if handler is None:
        return ControlMatch(None, params, allow)
    return ControlMatch(functools.partial(_respond, controls, handler), params, allow)


def control_finder(controls: MessagingControls) -> Callable[[str, str], Optional[ControlMatch]]:
    """How messaging's control routes are found, each driving ``controls``."""
    return functools.partial(_find, controls)

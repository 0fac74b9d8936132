"""Driving a simulator from another process: the control routes' JSON, and a client for them.

Every simulator serves, beside the Voice API, a few **control routes** under
``/_control`` (see ``_voice/routes/control.py`` and ``docs/simulator.md``): place
an inbound call, answer, press, hang up, advance the clock, read calls,
webhooks and recorded requests. They take the simulator's own credentials.
:class:`SimulatorControl` calls them with the standard library, so a test
in one process can drive ``bandwidth simulator`` running in another, and
read back the same :class:`~bandwidth.testing.Webhook` and
:class:`~bandwidth.testing.RecordedRequest` objects the in-process API
returns.

The JSON forms of webhooks and recorded requests are written in
:mod:`~bandwidth.testing._core.control_json`, in both directions, so the
server and the client cannot disagree.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import json
import socket
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, TypeVar, Union
from urllib.parse import quote, urlencode, urlsplit

from bandwidth.exceptions import OpenApiException
from bandwidth.testing._core.clock import parse_time
from bandwidth.testing._core.control_json import request_from_json, webhook_from_json
from bandwidth.testing._core.rest_service import CONTROL_PATH, RecordedRequest
from bandwidth.testing._core.webhooks import Webhook
from bandwidth.testing._media.control_routes import media_from_json
from bandwidth.testing._media.library import StoredMedia

__all__ = ["SimulatorControl", "SimulatorControlError", "control_url"]

#: The largest answer the client reads (the recorded requests of a long test).
MAX_ANSWER_BYTES = 64 * 1024 * 1024


class SimulatorControlError(OpenApiException):
    """The simulator refused a control request, or could not be reached.

    ``status`` is the HTTP status (``None``: no answer); ``type`` and
    ``description`` come from its ``voiceApiError`` body: 404 for an unknown
    call, 409 for what the call cannot do now (``press`` on a call that has
    ended), 400 for a bad request, 401/403 for credentials.
    """

    def __init__(self, status: Optional[int], type: str, description: str) -> None:
        shown = f"({status}) " if status is not None else ""
        super().__init__(f"{shown}{description}")
        self.status = status
        self.type = type
        self.description = description


# -- the client -----------------------------------------------------------------------------

_T = TypeVar("_T")


def _decoded(decode: Callable[[Mapping[str, Any]], _T], answer: Any) -> List[_T]:
    """Each item of a JSON array decoded; a wrong shape is the simulator's fault, said so."""
    try:
        if not isinstance(answer, list):
            raise TypeError("not an array")
        return [decode(item) for item in answer]
    except (KeyError, TypeError, ValueError, AttributeError, binascii.Error) as exc:
        raise SimulatorControlError(
            None, "invalid-answer", f"unexpected answer from the simulator: {exc!r}"
        ) from None


def control_url(url: str) -> str:
    """The control routes' base URL on the origin of ``url`` (a simulator's URL)."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{CONTROL_PATH}"


def _origin(url: str) -> Tuple[str, int]:
    parts = urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise ValueError(f"expected the simulator's http:// URL, got {url!r}")
    try:
        port = parts.port or 80
    except ValueError:
        raise ValueError(f"invalid port in {url!r}") from None
    if parts.username is not None or parts.password is not None:
        raise ValueError("give the credentials as username and password, not in the URL")
    return parts.hostname, port


class SimulatorControl:
    """Drive a simulator in another process (``bandwidth simulator``) through its control routes.

    ``url`` is the simulator's URL as it prints it (``http://127.0.0.1:8099/api/v2``)
    or just its origin; ``username`` and ``password`` are its API credentials.
    Each method is one HTTP request with ``timeout`` seconds to connect and to
    read; a refusal or a failure raises :class:`SimulatorControlError`.
    The methods mirror :class:`~bandwidth.testing.VoiceSimulator`'s.
    """

    def __init__(self, url: str, username: str, password: str, *, timeout: float = 30.0) -> None:
        self._host, self._port = _origin(url)
        token = base64.b64encode(f"{username}:{password}".encode()).decode("ascii")
        self._authorization = "Basic " + token
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"SimulatorControl('http://{self._host}:{self._port}')"

    # -- transport ----------------------------------------------------------------------------

    def _request(self, method: str, path: str, body: Optional[Any] = None) -> Any:
        headers = {"Authorization": self._authorization, "Accept": "application/json"}
        data: Optional[bytes] = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        connection = http.client.HTTPConnection(self._host, self._port, timeout=self.timeout)
        where = f"http://{self._host}:{self._port}{CONTROL_PATH}"
        try:
            connection.request(method, CONTROL_PATH + path, body=data, headers=headers)
            response = connection.getresponse()
            raw = response.read(MAX_ANSWER_BYTES + 1)
        except (OSError, http.client.HTTPException) as exc:
            detail = str(exc) or type(exc).__name__
            if isinstance(exc, socket.timeout):
                detail = "timed out"
            raise SimulatorControlError(None, "connection", f"{where}: {detail}") from None
        finally:
            connection.close()
        if len(raw) > MAX_ANSWER_BYTES:
            raise SimulatorControlError(
                response.status, "too-large", f"the answer is over {MAX_ANSWER_BYTES} bytes"
            )
        answer: Any = None
        if raw:
            try:
                answer = json.loads(raw)
            except ValueError:
                raise SimulatorControlError(
                    response.status, "invalid-answer", "the answer is not JSON"
                ) from None
        if not 200 <= response.status < 300:
            error = answer if isinstance(answer, dict) else {}
            nested = error.get("errors")
            if isinstance(nested, list) and nested and isinstance(nested[0], dict):
                error = nested[0]  # an Endpoints API refusal (brtcErrorResponse)
            raise SimulatorControlError(
                response.status,
                str(error.get("type") or "error"),
                str(error.get("description") or response.reason),
            )
        return answer

    @staticmethod
    def _call_path(call_id: str, action: str = "") -> str:
        path = "/calls/" + quote(call_id, safe="")
        return path + ("/" + action if action else "")

    # -- the simulator ------------------------------------------------------------------------

    def status(self) -> Dict[str, Any]:
        """``now``, ``nextDue``, ``clock`` (``manual`` or ``real``), ``callFlows``,
        ``recordRequests``, ``accountId`` and ``url`` of the simulator."""
        answer: Dict[str, Any] = self._request("GET", "")
        return answer

    def now(self) -> datetime:
        """The simulator's current time."""
        return parse_time(self.status()["now"])

    def advance(self, seconds: float) -> datetime:
        """Move its :class:`ManualClock` forward (``bandwidth simulator --manual-clock``)."""
        return parse_time(self._request("POST", "/advance", {"seconds": seconds})["now"])

    # -- calls --------------------------------------------------------------------------------

    def inbound_call(
        self, to: str, from_: str, *, answer_url: str, answer_method: str = "POST", **fields: Any
    ) -> str:
        """Place an inbound call (its ``initiate`` webhook goes out); returns its id.

        ``fields`` are the other ``createCall`` fields, in wire spelling
        (``disconnectUrl``, ``username``, ``password``, ``tag``, ...) or
        snake_case.
        """
        from bandwidth.testing._voice.resource_controls import camel

        body = {camel(key): value for key, value in fields.items()}
        body.update(to=to, answerUrl=answer_url, answerMethod=answer_method)
        body["from"] = from_
        return str(self._request("POST", "/inbound", body)["callId"])

    def call(self, call_id: str) -> Dict[str, Any]:
        """The call: its ``callState`` keys plus ``tag``, ``heard``, ``pressed``,
        ``dtmfSent``, ``awaitingDigits``, ``webhookCount`` and ``timeline`` (text)."""
        answer: Dict[str, Any] = self._request("GET", self._call_path(call_id))
        return answer

    def calls(self) -> List[Dict[str, Any]]:
        """Every call, oldest first, as :meth:`call` shows one."""
        answer: List[Dict[str, Any]] = self._request("GET", "/calls")
        return answer

    def initiate(self, call_id: str) -> Dict[str, Any]:
        """Move a queued call to ``initiated``; returns the call."""
        answer: Dict[str, Any] = self._request("POST", self._call_path(call_id, "initiate"), {})
        return answer

    def answer(self, call_id: str) -> Dict[str, Any]:
        """Answer a queued or ringing call (its ``answer`` webhook goes out); returns the call."""
        answer: Dict[str, Any] = self._request("POST", self._call_path(call_id, "answer"), {})
        return answer

    def press(self, call_id: str, digits: str) -> Dict[str, Any]:
        """The far end presses ``digits`` (0-9, ``*``, ``#``, A-D); returns the call."""
        path = self._call_path(call_id, "press")
        answer: Dict[str, Any] = self._request("POST", path, {"digits": digits})
        return answer

    def hangup(
        self,
        call_id: str,
        cause: str = "hangup",
        *,
        error_message: Optional[str] = None,
        error_id: Optional[str] = None,
    ) -> Dict[str, Any]:
        """End the call with ``cause`` (its ``disconnect`` webhook goes out); returns the call."""
        body: Dict[str, Any] = {"cause": cause}
        if error_message is not None:
            body["errorMessage"] = error_message
        if error_id is not None:
            body["errorId"] = error_id
        answer: Dict[str, Any] = self._request("POST", self._call_path(call_id, "hangup"), body)
        return answer

    def clear_calls(self) -> None:
        """Forget every call and webhook (``sim.clear_calls()``)."""
        self._request("DELETE", "/calls")

    # -- what it received and sent ------------------------------------------------------------

    def webhooks(self, call_id: Optional[str] = None) -> List[Webhook]:
        """Every webhook delivered so far (of one call, with ``call_id``), oldest first."""
        query = "" if call_id is None else "?" + urlencode({"callId": call_id})
        return _decoded(webhook_from_json, self._request("GET", "/webhooks" + query))

    def requests(self, operation: Optional[str] = None) -> List[RecordedRequest]:
        """The recorded API requests (of one ``operation``), oldest first.

        The ``Authorization`` header's credentials read ``*****``. The
        simulator must record requests (``bandwidth simulator --record-requests``).
        """
        query = "" if operation is None else "?" + urlencode({"operation": operation})
        return _decoded(request_from_json, self._request("GET", "/requests" + query))

    def clear_requests(self) -> None:
        """Forget the recorded requests."""
        self._request("DELETE", "/requests")

    # -- media ----------------------------------------------------------------------------------

    @staticmethod
    def _media_path(media_id: str) -> str:
        return "/media/" + "/".join(quote(part, safe="") for part in media_id.split("/"))

    def media(self, media_id: str) -> StoredMedia:
        """The media file stored under ``media_id`` (``sim.media``): its bytes and headers."""
        [stored] = _decoded(media_from_json, [self._request("GET", self._media_path(media_id))])
        return stored

    def media_files(self) -> List[Dict[str, Any]]:
        """Every media file, in media-id order, as ``GET /_control/media`` shows them
        (``mediaId``, ``contentType``, ``cacheControl``, ``contentLength``, ``uploaded``,
        ``expires``, ``url``; no bytes)."""
        answer: List[Dict[str, Any]] = self._request("GET", "/media")
        return answer

    def seed_media(
        self,
        media_id: str,
        content: bytes,
        content_type: str,
        *,
        cache_control: Optional[str] = None,
    ) -> str:
        """Store a media file as if uploaded now (``sim.seed_media``); returns its URL."""
        body = {
            "content": base64.b64encode(content).decode("ascii"),
            "contentType": content_type,
            "cacheControl": cache_control,
        }
        answer: Dict[str, Any] = self._request("PUT", self._media_path(media_id), body)
        return str(answer["url"])

    def remove_media(self, media_id: str) -> None:
        """Delete a media file (``sim.remove_media``)."""
        self._request("DELETE", self._media_path(media_id))

    def clear_media(self) -> None:
        """Forget every media file (``sim.clear_media()``)."""
        self._request("DELETE", "/media")

    # -- toll-free verification and endpoints (the numbers products) -------------------------

    @staticmethod
    def _numbers_path(root: str, key: str, action: str = "") -> str:
        return f"/{root}/" + quote(key, safe="") + ("/" + action if action else "")

    def toll_free_verification(self, phone_number: str) -> Dict[str, Any]:
        """The number's request as ``tfvStatus`` JSON (``sim.toll_free_verification``)."""
        answer: Dict[str, Any] = self._request("GET", self._numbers_path("tollfree", phone_number))
        return answer

    def approve_toll_free_verification(self, phone_number: str) -> None:
        """``sim.approve_toll_free_verification``."""
        self._request("POST", self._numbers_path("tollfree", phone_number, "approve"), {})

    def deny_toll_free_verification(
        self,
        phone_number: str,
        *reasons: str,
        denial_status_code: int = 511,
        resubmit_allowed: bool = True,
    ) -> None:
        """``sim.deny_toll_free_verification``."""
        body = {
            "reasons": list(reasons),
            "denialStatusCode": denial_status_code,
            "resubmitAllowed": resubmit_allowed,
        }
        self._request("POST", self._numbers_path("tollfree", phone_number, "deny"), body)

    def fail_toll_free_verification(
        self, phone_number: str, error_message: str, *errors: str, error_code: str = "400"
    ) -> None:
        """``sim.fail_toll_free_verification``."""
        body = {"errorMessage": error_message, "errors": list(errors), "errorCode": error_code}
        self._request("POST", self._numbers_path("tollfree", phone_number, "fail"), body)

    def block_toll_free_number(self, phone_number: str, reason: str = "Spam") -> None:
        """``sim.block_toll_free_number``."""
        path = self._numbers_path("tollfree", phone_number, "block")
        self._request("POST", path, {"reason": reason})

    def connect_endpoint(self, endpoint_id: str, *, device_name: Optional[str] = None) -> str:
        """``sim.connect_endpoint``: the new device's id."""
        path = self._numbers_path("endpoints", endpoint_id, "connect")
        answer = self._request("POST", path, {"deviceName": device_name})
        if not isinstance(answer, dict) or not isinstance(answer.get("deviceId"), str):
            raise SimulatorControlError(None, "invalid-answer", "no deviceId in the answer")
        return str(answer["deviceId"])

    def disconnect_endpoint(self, endpoint_id: str, device_id: Optional[str] = None) -> None:
        """``sim.disconnect_endpoint``."""
        path = self._numbers_path("endpoints", endpoint_id, "disconnect")
        self._request("POST", path, {"deviceId": device_id})

    def endpoint_bxml(self, endpoint_id: str) -> List[str]:
        """``sim.endpoint_bxml``: the documents ``update_endpoint_bxml`` sent it."""
        answer = self._request("GET", self._numbers_path("endpoints", endpoint_id, "bxml"))
        documents = answer.get("documents") if isinstance(answer, dict) else None
        if not isinstance(documents, list):
            raise SimulatorControlError(None, "invalid-answer", "no documents in the answer")
        return [str(d) for d in documents]

    # -- messaging (``_messaging/control_routes.py``) ----------------------------------------

    def add_messaging_application(
        self,
        application_id: str,
        callback_url: str,
        *,
        numbers: Sequence[str] = (),
        username: Optional[str] = None,
        password: Optional[str] = None,
    ) -> Dict[str, Any]:
        """``sim.add_messaging_application``: its JSON (``hasPassword``, never the password)."""
        body: Dict[str, Any] = {
            "applicationId": application_id,
            "callbackUrl": callback_url,
            "numbers": list(numbers),
        }
        if username is not None:
            body["username"] = username
        if password is not None:
            body["password"] = password
        answer: Dict[str, Any] = self._request("POST", "/messaging/applications", body)
        return answer

    def fail_next_message(
        self, error_code: int = 4720, *, to: Optional[str] = None, description: Optional[str] = None
    ) -> None:
        """``sim.fail_next_message``: the next message (to ``to``) ends ``message-failed``."""
        body: Dict[str, Any] = {"errorCode": error_code}
        if to is not None:
            body["to"] = to
        if description is not None:
            body["description"] = description
        self._request("POST", "/messaging/failures", body)

    def handset_messages(self, number: str) -> List[Dict[str, Any]]:
        """What the platform delivered to ``number`` (wire ``message`` objects), oldest first."""
        answer: List[Dict[str, Any]] = self._request("GET", self._handset_path(number, "/messages"))
        return answer

    def handset_send(
        self, number: str, to: Union[str, Sequence[str]], text: str, media: Sequence[str] = ()
    ) -> List[str]:
        """``sim.handset(number).send(to, text, media)``: the inbound copies' message ids."""
        body = {"to": [to] if isinstance(to, str) else list(to), "text": text, "media": list(media)}
        answer = self._request("POST", self._handset_path(number, "/messages"), body)
        return [str(message_id) for message_id in answer["messageIds"]]

    def set_handset_reachable(self, number: str, reachable: bool) -> None:
        """``sim.handset(number).reachable = reachable``."""
        self._request("PUT", self._handset_path(number), {"reachable": reachable})

    def messaging_timeline(self) -> str:
        """``sim.messaging_timeline()``."""
        return str(self._request("GET", "/messaging/timeline")["timeline"])

    @staticmethod
    def _handset_path(number: str, action: str = "") -> str:
        return f"/handsets/{quote(number, safe='')}{action}"

    # -- identity: number lookup and MFA codes ----------------------------------------------

    def seed_lookup(
        self,
        number: str,
        *,
        found: bool = True,
        carrier_name: Optional[str] = None,
        **fields: Any,
    ) -> None:
        """What a lookup of ``number`` answers from now on (``sim.seed_lookup``).

        ``fields`` are ``lookupResult`` fields, in wire spelling (``lineType``,
        ``rcsEnabled``, ...) or snake_case.
        """
        from bandwidth.testing._voice.resource_controls import camel

        body: Dict[str, Any] = {camel(key): value for key, value in fields.items()}
        body.update(phoneNumber=number, found=found)
        if carrier_name is not None:
            body["carrierName"] = carrier_name
        self._request("POST", "/lookups", body)

    def clear_lookups(self) -> None:
        """Forget every seeded number and bulk lookup (``sim.clear_lookups()``)."""
        self._request("DELETE", "/lookups")

    def mfa_codes(self) -> List[Dict[str, Any]]:
        """The MFA codes that can still verify: ``to``, ``scope``, ``channel``, ``code``,
        ``sentId``, ``issuedAt`` and ``used`` (the values themselves), oldest first."""
        codes: List[Dict[str, Any]] = self._request("GET", "/mfa/codes")["codes"]
        return codes

    def mfa_code(self, to: str, scope: str = "2FA") -> str:
        """The code last sent to ``to`` for ``scope`` (``KeyError`` if none can still verify)."""
        for entry in reversed(self.mfa_codes()):
            if entry["to"] == to and entry["scope"] == scope:
                return str(entry["code"])
        raise KeyError(f"no MFA code was sent to {to} for scope {scope!r}")

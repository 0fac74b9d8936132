"""Request checks the real Voice API makes, written from the spec and its prose.

Every check raises :class:`InvalidRequest` with a description in the API's style
(``"Invalid answerUrl: only http and https are allowed."``); the simulator
answers it with a 400 ``voiceApiError``.
"""

from __future__ import annotations

import xml.parsers.expat
from typing import Any, FrozenSet, Mapping, Optional, Union
from urllib.parse import urlsplit

from bandwidth import _formats as formats
from bandwidth.testing._core.handlers import InvalidRequest

__all__ = [
    "CREATE_CALL_FIELDS",
    "check_bxml",
    "check_create_call",
    "check_transcribe_recording",
    "check_update_call",
    "check_update_call_recording",
    "check_update_conference",
    "check_update_conference_member",
]


_METHODS = frozenset({"GET", "POST"})

CREATE_CALL_FIELDS: FrozenSet[str] = frozenset(
    {
        "to",
        "from",
        "privacy",
        "displayName",
        "uui",
        "applicationId",
        "answerUrl",
        "answerMethod",
        "username",
        "password",
        "answerFallbackUrl",
        "answerFallbackMethod",
        "fallbackUsername",
        "fallbackPassword",
        "disconnectUrl",
        "disconnectMethod",
        "callTimeout",
        "callbackTimeout",
        "machineDetection",
        "priority",
        "tag",
    }
)


# -- field checks --------------------------------------------------------------------------


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _wrong_type(name: str, expected: str, value: Any) -> InvalidRequest:
    return InvalidRequest(f"Invalid {name}: expected {expected}, got {_type_name(value)}.")


def _string(
    body: Mapping[str, Any],
    key: str,
    name: str,
    *,
    required: bool = False,
    nullable: bool = True,
    max_length: Optional[int] = None,
) -> Optional[str]:
    if key not in body:
        if required:
            raise InvalidRequest(f"Missing required field {name}.")
        return None
    value = body[key]
    if value is None:
        if nullable and not required:
            return None
        raise InvalidRequest(f"Invalid {name}: must not be null.")
    if not isinstance(value, str):
        raise _wrong_type(name, "a string", value)
    if max_length is not None and len(value) > max_length:
        raise InvalidRequest(f"Invalid {name}: longer than {max_length} characters.")
    return value


def _url(
    body: Mapping[str, Any],
    key: str,
    name: str,
    *,
    required: bool = False,
    max_length: Optional[int] = 2048,
) -> Optional[str]:
    value = _string(body, key, name, required=required, max_length=max_length)
    if value is None:
        return None
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidRequest(f"Invalid {name}: only http and https are allowed.")
    if not parts.hostname or any(c.isspace() for c in value):
        raise InvalidRequest(f"Invalid {name}: not a valid absolute URL.")
    return value


def _enum(
    body: Mapping[str, Any],
    key: str,
    name: str,
    allowed: FrozenSet[str],
    *,
    nullable: bool = True,
) -> Optional[str]:
    value = _string(body, key, name, nullable=nullable)
    if value is not None and value not in allowed:
        choices = ", ".join(sorted(allowed))
        raise InvalidRequest(f"Invalid {name}: {value!r} is not one of {choices}.")
    return value


def _number(
    body: Mapping[str, Any],
    key: str,
    name: str,
    *,
    minimum: Optional[float] = None,
    maximum: Optional[float] = None,
    integer: bool = False,
) -> Optional[float]:
    if body.get(key) is None:
        return None
    value: Union[int, float] = body[key]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _wrong_type(name, "an integer" if integer else "a number", value)
    if integer and not isinstance(value, int):
        raise _wrong_type(name, "an integer", value)
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise InvalidRequest(f"Invalid {name}: must be between {minimum:g} and {maximum:g}.")
    return value


def _boolean(body: Mapping[str, Any], key: str, name: str) -> Optional[bool]:
    value = body.get(key)
    if value is not None and not isinstance(value, bool):
        raise _wrong_type(name, "a boolean", value)
    return value


def _credentials(body: Mapping[str, Any], prefix: str, user_key: str, pass_key: str) -> bool:
    user = _string(body, user_key, prefix + user_key, max_length=1024)
    password = _string(body, pass_key, prefix + pass_key, max_length=1024)
    return user is not None or password is not None


#: Hosts whose http URLs may carry credentials here (the real API wants https everywhere):
#: a webhook app running on the test machine must be testable with Basic auth.
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


def _require_https(url: Optional[str], name: str) -> None:
    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" and (parts.hostname or "").lower() not in LOOPBACK_HOSTS:
        raise InvalidRequest(f"Invalid {name}: must use https when credentials are given.")


# -- operations ----------------------------------------------------------------------------


def check_create_call(body: Mapping[str, Any]) -> None:
    """Validate a ``createCall`` body: schema constraints plus the documented prose rules."""
    to = _string(body, "to", "to", required=True)
    assert to is not None
    if not formats.is_e164_or_sip(to):
        raise InvalidRequest(
            "Invalid to: must be an E.164 number (like +15555551212) "
            "or a SIP URI (like sip:user@server.example)."
        )
    sender = _string(body, "from", "from", required=True)
    assert sender is not None
    if not formats.is_e164(sender):
        raise InvalidRequest("Invalid from: must be an E.164 number (like +15555551212).")
    privacy = _boolean(body, "privacy", "privacy")
    display_name = _string(body, "displayName", "displayName", max_length=256)
    if display_name is not None:
        if formats.has_control_characters(display_name):
            raise InvalidRequest("Invalid displayName: control characters are not allowed.")
        if privacy and display_name not in formats.PRIVACY_NAMES:
            raise InvalidRequest(
                "Invalid displayName: with privacy, only Restricted, Anonymous, "
                "Private or Unavailable are allowed."
            )
    uui = _string(body, "uui", "uui")
    if uui is not None and not formats.is_uui(uui):
        raise InvalidRequest(
            "Invalid uui: at most 350 characters of comma-separated values, "
            "each ending with ;encoding=jwt, base64 or hex."
        )
    _string(body, "applicationId", "applicationId", required=True)
    answer_url = _url(body, "answerUrl", "answerUrl", required=True)
    fallback_url = _url(body, "answerFallbackUrl", "answerFallbackUrl")
    _url(body, "disconnectUrl", "disconnectUrl")
    for key in ("answerMethod", "answerFallbackMethod", "disconnectMethod"):
        _enum(body, key, key, _METHODS)
    if _credentials(body, "", "username", "password"):
        _require_https(answer_url, "answerUrl")
    if _credentials(body, "", "fallbackUsername", "fallbackPassword"):
        _require_https(fallback_url, "answerFallbackUrl")
    _number(body, "callTimeout", "callTimeout", minimum=1, maximum=300)
    _number(body, "callbackTimeout", "callbackTimeout", minimum=1, maximum=25)
    _number(body, "priority", "priority", minimum=1, maximum=5, integer=True)
    _string(body, "tag", "tag", max_length=4096)
    if "machineDetection" in body:
        _check_machine_detection(body["machineDetection"])


_MD = "machineDetection."


def _check_machine_detection(value: Any) -> None:
    if not isinstance(value, dict):
        raise _wrong_type("machineDetection", "an object", value)
    _enum(value, "mode", _MD + "mode", frozenset({"sync", "async"}), nullable=False)
    for key in (
        "detectionTimeout",
        "silenceTimeout",
        "speechThreshold",
        "speechEndThreshold",
        "machineSpeechEndThreshold",
    ):
        _number(value, key, _MD + key)
    _boolean(value, "delayResult", _MD + "delayResult")
    _url(value, "callbackUrl", _MD + "callbackUrl")
    _url(value, "fallbackUrl", _MD + "fallbackUrl")
    for key in ("callbackMethod", "fallbackMethod"):
        _enum(value, key, _MD + key, _METHODS)
    _credentials(value, _MD, "username", "password")
    _credentials(value, _MD, "fallbackUsername", "fallbackPassword")


def check_update_call(body: Mapping[str, Any]) -> str:
    """Validate an ``updateCall`` body and return the requested state (default ``active``)."""
    state = _enum(body, "state", "state", frozenset({"active", "completed"})) or "active"
    redirect_url = _url(body, "redirectUrl", "redirectUrl", max_length=None)
    _url(body, "redirectFallbackUrl", "redirectFallbackUrl", max_length=None)
    for key in ("redirectMethod", "redirectFallbackMethod"):
        _enum(body, key, key, _METHODS)
    _credentials(body, "", "username", "password")
    _credentials(body, "", "fallbackUsername", "fallbackPassword")
    tag = _string(body, "tag", "tag", max_length=4096)
    if state == "active" and redirect_url is None:
        raise InvalidRequest("Invalid redirectUrl: required when state is active.")
    if state == "completed":
        # The spec also lists redirectMethod as not allowed with completed, but
        # the real server tolerates it (SDKs send the default), so only these two.
        if redirect_url is not None:
            raise InvalidRequest("Invalid redirectUrl: not allowed when state is completed.")
        if tag is not None:
            raise InvalidRequest("Invalid tag: not allowed when state is completed.")
    return state


def check_update_conference(body: Mapping[str, Any]) -> str:
    """Validate an ``updateConference`` body and return the status (default ``active``)."""
    status = _enum(body, "status", "status", frozenset({"active", "completed"})) or "active"
    redirect_url = _url(body, "redirectUrl", "redirectUrl", max_length=None)
    fallback_url = _url(body, "redirectFallbackUrl", "redirectFallbackUrl", max_length=None)
    for key in ("redirectMethod", "redirectFallbackMethod"):
        _enum(body, key, key, _METHODS)
    _credentials(body, "", "username", "password")
    _credentials(body, "", "fallbackUsername", "fallbackPassword")
    if status == "active" and redirect_url is None:
        raise InvalidRequest("Invalid redirectUrl: required when status is active.")
    if status == "completed":
        # As for calls, the methods' defaults are tolerated; the URLs are not.
        for name, value in (("redirectUrl", redirect_url), ("redirectFallbackUrl", fallback_url)):
            if value is not None:
                raise InvalidRequest(f"Invalid {name}: not allowed when status is completed.")
    return status


def check_update_conference_member(body: Mapping[str, Any]) -> None:
    """Validate an ``updateConferenceMember`` body (``mute``, ``hold``, ``callIdsToCoach``)."""
    _boolean(body, "mute", "mute")
    _boolean(body, "hold", "hold")
    coached = body.get("callIdsToCoach")
    if coached is None:
        return
    if not isinstance(coached, list):
        raise _wrong_type("callIdsToCoach", "an array", coached)
    for index, item in enumerate(coached):
        if not isinstance(item, str) or not item:
            raise InvalidRequest(f"Invalid callIdsToCoach[{index}]: expected a call id.")


def check_update_call_recording(body: Mapping[str, Any]) -> str:
    """Validate an ``updateCallRecording`` body and return its ``state``."""
    state = _enum(body, "state", "state", frozenset({"paused", "recording"}), nullable=False)
    if state is None:
        raise InvalidRequest("Missing required field state.")
    return state


def check_transcribe_recording(body: Mapping[str, Any]) -> None:
    """Validate a ``transcribeRecording`` body."""
    _url(body, "callbackUrl", "callbackUrl", max_length=None)
    _enum(body, "callbackMethod", "callbackMethod", _METHODS)
    _credentials(body, "", "username", "password")
    _string(body, "tag", "tag")
    _number(body, "callbackTimeout", "callbackTimeout", minimum=1, maximum=25)
    _boolean(body, "detectLanguage", "detectLanguage")


def check_bxml(body: bytes) -> str:
    """Check that ``body`` is a well-formed XML document (its root and verbs are
    :func:`~bandwidth.testing._voice.bxml_reading.read_document`'s to check)."""
    if not body.strip():
        raise InvalidRequest("The request body is empty: a BXML document is required.")
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse(body, True)
    except xml.parsers.expat.ExpatError as exc:
        raise InvalidRequest(
            f"Invalid BXML: the document is not well-formed XML ({exc})."
        ) from None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("latin-1")

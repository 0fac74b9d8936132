"""Attribute kinds many verbs share: URLs, HTTP methods, numbers, names, ids.

Each is a field class with its platform rule preset; a verb declares
``gather_url: Url = Url()``. What ``validate()`` checks comes from the BXML
reference; construction only needs a value of a plausible type.
"""

from __future__ import annotations

import re
from typing import Any, Optional, Pattern

from bandwidth._formats import E164, E164_EXAMPLE, PRIVACY_NAMES, SIP_EXAMPLE, SIP_URI
from bandwidth.models.bxml._fields import Choice, Str
from bandwidth.models.bxml.enums import CallbackMethodEnum

__all__ = [
    "MAX_PARAMS",
    "PRIVACY_NAMES",
    "DisplayName",
    "Dtmf",
    "Method",
    "ParamName",
    "ParamValue",
    "Phone",
    "PhoneOrSip",
    "Sip",
    "StreamName",
    "TagText",
    "Token",
    "Url",
    "WsUrl",
    "check_privacy_name",
]

#: StartStream and StartTranscription each carry at most this many parameters.
MAX_PARAMS = 12


class Url(Str):
    """A webhook or media URL. Relative URLs are fine: Bandwidth resolves them."""

    pattern: Optional[Pattern[str]] = re.compile(r"\S+")
    expects = "a URL without spaces"
    non_empty = True


class WsUrl(Str):
    """A ``ws://`` or ``wss://`` URL (stream and transcription destinations)."""

    pattern: Optional[Pattern[str]] = re.compile(r"wss?://\S+", re.IGNORECASE)
    expects = "a WebSocket URL (ws:// or wss://)"


class Method(Choice[CallbackMethodEnum]):
    """The HTTP method of a webhook: ``GET`` or ``POST``, exactly."""

    def __init__(self, **options: Any) -> None:
        super().__init__(CallbackMethodEnum, **options)


class TagText(Str):
    """A ``tag``: up to 256 characters; ``""`` clears the call's tag."""

    max_length: Optional[int] = 256


class Phone(Str):
    """An E.164 number (``+15555551212``)."""

    pattern: Optional[Pattern[str]] = E164
    expects = f"an E.164 number such as {E164_EXAMPLE}"


class Sip(Str):
    """A SIP URI (``sip:user@host``)."""

    pattern: Optional[Pattern[str]] = SIP_URI
    expects = f"a SIP URI such as {SIP_EXAMPLE}"


class PhoneOrSip(Str):
    """An E.164 number or a SIP URI (``Forward``'s ``to``)."""

    pattern: Optional[Pattern[str]] = re.compile(f"{E164.pattern}|{SIP_URI.pattern}", re.IGNORECASE)
    expects = f"an E.164 number or a SIP URI ({SIP_EXAMPLE})"


class Dtmf(Str):
    """DTMF characters (``terminatingDigits``)."""

    pattern: Optional[Pattern[str]] = re.compile(r"[0-9*#a-dA-D]*")
    expects = "DTMF characters (0-9, *, #, A-D)"


class DisplayName(Str):
    """A caller display name: at most 256 characters, no control characters."""

    max_length: Optional[int] = 256
    no_control = True


class Token(Str):
    """An opaque id or name: not blank, no spaces."""

    pattern: Optional[Pattern[str]] = re.compile(r"\S+")
    expects = "non-empty text without spaces"


def check_privacy_name(verb: str, privacy: object, name: object, attribute: str) -> None:
    """With ``privacy`` true, only the four privacy keywords may be the display name."""
    from bandwidth.models.bxml.errors import BxmlValidationError

    if privacy in (True, "true") and name is not None and name not in PRIVACY_NAMES:
        allowed = ", ".join(sorted(PRIVACY_NAMES))
        raise BxmlValidationError(verb, attribute, f"must be one of {allowed} when privacy is true")


class ParamName(Str):
    """A stream or transcription parameter's name (at most 256 characters)."""

    max_length: Optional[int] = 256
    non_empty = True


class ParamValue(Str):
    """A stream or transcription parameter's value (at most 2048 characters)."""

    max_length: Optional[int] = 2048


class StreamName(Str):
    """A stream's name: not blank, no control characters."""

    non_empty = True
    no_control = True

"""Reusable field types: the checks the spec states (some only in prose).

Each is an ``Annotated`` type so a model declares a field in one line and the
error pydantic raises names that field.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from typing import Any, Callable, Optional, Union

from pydantic import AfterValidator, Field, PlainSerializer, PlainValidator, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models.call_state_enum import CallStateEnum
from bandwidth.models.callback_method_enum import CallbackMethodEnum
from bandwidth.models.machine_detection_mode_enum import MachineDetectionModeEnum
from bandwidth.models.redirect_method_enum import RedirectMethodEnum

__all__ = [
    "E164",
    "LEFT_TO_RIGHT",
    "CallStateTarget",
    "CallTimeout",
    "CallbackMethod",
    "CallbackTimeout",
    "CallbackUrl",
    "DisplayName",
    "E164OrSip",
    "HttpUrl",
    "MachineDetectionMode",
    "RedirectMethod",
    "Seconds",
    "Str256",
    "Str1024",
    "Str4096",
    "Timestamp",
]

_E164 = re.compile(r"\+[1-9][0-9]{1,14}")
_SIP = re.compile(r"sips?:[^@\s]+@[^@\s]+", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# scheme://authority[path][?query][#fragment], no whitespace; the authority
# holds a host (optionally user info and a port), so "https://" alone fails.
_HTTP_URL = re.compile(
    r"https?://(?:[^\s/?#@]*@)?(?:\[[0-9a-f:.]+\]|[^\s/?#@:\[\]]+)(?::[0-9]*)?(?:[/?#]\S*)?", re.I
)
_WHITESPACE = re.compile(r"\s")


def _e164(value: str) -> str:
    if not _E164.fullmatch(value):
        raise ValueError("must be an E.164 phone number such as +15555551212")
    return value


def _e164_or_sip(value: str) -> str:
    if not (_E164.fullmatch(value) or _SIP.fullmatch(value)):
        raise ValueError(
            "must be an E.164 phone number such as +15555551212 "
            "or a SIP URI such as sip:user@server.example"
        )
    return value


def _http_url(value: str) -> str:
    if _HTTP_URL.fullmatch(value) is None:
        if _HTTP_URL.match(value) and _WHITESPACE.search(value):
            raise ValueError("must not contain whitespace")
        raise ValueError("must be an absolute http or https URL")
    return value


def _no_control(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


E164 = Annotated[StrictStr, AfterValidator(_e164)]
E164OrSip = Annotated[StrictStr, AfterValidator(_e164_or_sip)]
CallbackUrl = Annotated[StrictStr, Field(max_length=2048), AfterValidator(_http_url)]
HttpUrl = Annotated[StrictStr, AfterValidator(_http_url)]
DisplayName = Annotated[StrictStr, Field(max_length=256), AfterValidator(_no_control)]


def _number_in(ge: float, le: Optional[float]) -> Callable[[Any], Union[int, float]]:
    """A check for a JSON number (``int`` stays ``int``) within ``[ge, le]``.

    Booleans and numeric strings are rejected: ``True`` is not a timeout.
    """

    def check(value: Any) -> Union[int, float]:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("Input should be a number")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("Input should be a finite number")
        if value < ge:
            raise ValueError(f"Input should be greater than or equal to {ge:g}")
        if le is not None and value > le:
            raise ValueError(f"Input should be less than or equal to {le:g}")
        return value

    return check


#: ``callTimeout``: seconds to ring, 1..300.
CallTimeout = Annotated[Union[int, float], PlainValidator(_number_in(1, 300))]
#: ``callbackTimeout``: seconds to wait for a webhook answer, 1..25.
CallbackTimeout = Annotated[Union[int, float], PlainValidator(_number_in(1, 25))]
#: Machine-detection thresholds: the spec sets no bounds, but a negative
#: duration is always a mistake.
Seconds = Annotated[Union[int, float], PlainValidator(_number_in(0, None))]

Str256 = Annotated[StrictStr, Field(max_length=256)]
Str1024 = Annotated[StrictStr, Field(max_length=1024)]
Str4096 = Annotated[StrictStr, Field(max_length=4096)]


def _iso(value: datetime) -> str:
    """ISO 8601 as the API writes it: ``Z`` for UTC, milliseconds unless finer."""
    if value.tzinfo is not None and value.utcoffset() == timedelta(0):
        value = value.replace(tzinfo=None)
        suffix = "Z"
    else:
        suffix = ""
    if value.microsecond % 1000 == 0:
        text = value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
    else:
        text = value.isoformat()
    return text + suffix


#: A date-time that serializes the way the API writes them (``2022-06-16T13:15:07.160Z``).
Timestamp = Annotated[datetime, PlainSerializer(_iso, when_used="json")]

# Enum-typed request fields also accept the plain strings, for type checkers
# too: ``UpdateCall(state="completed")`` type-checks. At run time the value
# always becomes the enum member (the enum is tried first).
CallbackMethod = Annotated[
    Union[CallbackMethodEnum, Literal["GET", "POST"]], Field(union_mode="left_to_right")
]
RedirectMethod = Annotated[
    Union[RedirectMethodEnum, Literal["GET", "POST"]], Field(union_mode="left_to_right")
]
CallStateTarget = Annotated[
    Union[CallStateEnum, Literal["active", "completed"]], Field(union_mode="left_to_right")
]
MachineDetectionMode = Annotated[
    Union[MachineDetectionModeEnum, Literal["sync", "async"]], Field(union_mode="left_to_right")
]

#: Marks an enum-typed response field as tolerant: ``Union[Enum, str]`` tried
#: left to right, so known values become members and new ones stay strings.
LEFT_TO_RIGHT = Field(union_mode="left_to_right")

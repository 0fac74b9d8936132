"""Reusable field types: the checks the spec states (some only in prose).

Each is an ``Annotated`` type so a model declares a field in one line. A type
has two layers, like the generated SDK's models and the server:

* the Python type (a ``str``, a number, a model), checked when a model is
  built or a field assigned, as the generated SDK does;
* the value rules (formats, ranges, lengths, enum members), declared with
  :func:`~bandwidth.models._checks.rule` and run by ``model.check()``, which
  ``create_call``/``update_call`` call before sending. So a model the
  generated SDK would build is built here too, and a bad value becomes the
  same 400-like :class:`~bandwidth.exceptions.RequestValidationError` however
  it got in.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable, Optional, Type, Union

from pydantic import Field, PlainSerializer, PlainValidator, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth import _formats as formats
from bandwidth.models._checks import rule
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
    "NonEmpty",
    "Priority",
    "RedirectMethod",
    "Seconds",
    "Str1024",
    "Str4096",
    "Timestamp",
    "Uui",
    "enum_field",
]

# scheme://authority[path][?query][#fragment], no whitespace; the authority
# holds a host (optionally user info and a port), so "https://" alone fails.
_HTTP_URL = re.compile(
    r"https?://(?:[^\s/?#@]*@)?(?:\[[0-9a-f:.]+\]|[^\s/?#@:\[\]]+)(?::[0-9]*)?(?:[/?#]\S*)?", re.I
)
_WHITESPACE = re.compile(r"\s")


def _e164(value: str) -> str:
    if not formats.is_e164(value):
        raise ValueError(f"must be an E.164 phone number such as {formats.E164_EXAMPLE}")
    return value


def _e164_or_sip(value: str) -> str:
    if not formats.is_e164_or_sip(value):
        raise ValueError(
            f"must be an E.164 phone number such as {formats.E164_EXAMPLE} "
            f"or a SIP URI such as {formats.SIP_EXAMPLE}"
        )
    return value


def _http_url(value: str) -> str:
    if _HTTP_URL.fullmatch(value) is None:
        if _HTTP_URL.match(value) and _WHITESPACE.search(value):
            raise ValueError("must not contain whitespace")
        raise ValueError("must be an absolute http or https URL")
    return value


def _no_control(value: str) -> str:
    if formats.has_control_characters(value):
        raise ValueError("must not contain control characters")
    return value


def _uui(value: str) -> str:
    if not formats.is_uui(value):
        raise ValueError(
            f"must be at most {formats.UUI_MAX_LENGTH} characters of comma-separated "
            "values, each ending with ;encoding=jwt, base64 or hex"
        )
    return value


def _max_length(limit: int) -> Callable[[str], str]:
    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(f"String should have at most {limit} characters")
        return value

    return check


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("String should have at least 1 character")
    return value


E164 = Annotated[StrictStr, rule(_e164)]
E164OrSip = Annotated[StrictStr, rule(_e164_or_sip)]
CallbackUrl = Annotated[StrictStr, rule(_max_length(2048), _http_url)]
HttpUrl = Annotated[StrictStr, rule(_http_url)]
DisplayName = Annotated[StrictStr, rule(_max_length(256), _no_control)]
NonEmpty = Annotated[StrictStr, rule(_non_empty)]
Uui = Annotated[StrictStr, rule(_uui)]
Str1024 = Annotated[StrictStr, rule(_max_length(1024))]
Str4096 = Annotated[StrictStr, rule(_max_length(4096))]


def _number(value: Any) -> Union[int, float]:
    """A JSON number (``int`` stays ``int``): booleans and numeric strings are not.

    ``True`` is not a timeout, as in the generated SDK (whose numbers are strict).
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("Input should be a number")
    number: Union[int, float] = value
    return number


def _in_range(ge: float, le: Optional[float]) -> Callable[[Union[int, float]], Union[int, float]]:
    """A rule: the number is finite and within ``[ge, le]``."""

    def check(value: Union[int, float]) -> Union[int, float]:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("Input should be a finite number")
        if value < ge:
            raise ValueError(f"Input should be greater than or equal to {ge:g}")
        if le is not None and value > le:
            raise ValueError(f"Input should be less than or equal to {le:g}")
        return value

    return check


_Number = Annotated[Union[int, float], PlainValidator(_number)]
#: ``callTimeout``: seconds to ring, 1..300.
CallTimeout = Annotated[_Number, rule(_in_range(1, 300))]
#: ``callbackTimeout``: seconds to wait for a webhook answer, 1..25.
CallbackTimeout = Annotated[_Number, rule(_in_range(1, 25))]
#: Machine-detection thresholds: the spec sets no bounds, but a negative
#: duration is always a mistake.
Seconds = Annotated[_Number, rule(_in_range(0, None))]


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("Input should be a valid integer")
    number: int = value
    return number


#: ``priority``: 1 (highest) to 5.
Priority = Annotated[int, PlainValidator(_int), rule(_in_range(1, 5))]


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

#: Marks an enum-typed response field as tolerant: ``Union[Enum, str]`` tried
#: left to right, so known values become members and new ones stay strings.
LEFT_TO_RIGHT = Field(union_mode="left_to_right")


def _member_of(enum: Type[Enum]) -> Callable[[Any], Any]:
    values = ", ".join(repr(member.value) for member in enum)

    def check(value: Any) -> Any:
        if not isinstance(value, enum):
            raise ValueError(f"Input should be {values}")
        return value

    return check


def enum_field(enum: Type[Enum]) -> Any:
    """An enum-typed request field: the member for a known value, else the string as
    given (built as the generated SDK would not, but never sent: a rule rejects it)."""
    return Annotated[Union[enum, StrictStr], LEFT_TO_RIGHT, rule(_member_of(enum))]


# Enum-typed request fields also accept the plain strings, for type checkers
# too: ``UpdateCall(state="completed")`` type-checks. At run time a known
# value becomes the enum member (the enum is tried first).
if TYPE_CHECKING:
    CallbackMethod = Union[CallbackMethodEnum, Literal["GET", "POST"]]
    RedirectMethod = Union[RedirectMethodEnum, Literal["GET", "POST"]]
    CallStateTarget = Union[CallStateEnum, Literal["active", "completed"]]
    MachineDetectionMode = Union[MachineDetectionModeEnum, Literal["sync", "async"]]
else:
    CallbackMethod = enum_field(CallbackMethodEnum)
    RedirectMethod = enum_field(RedirectMethodEnum)
    CallStateTarget = enum_field(CallStateEnum)
    MachineDetectionMode = enum_field(MachineDetectionModeEnum)

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

from datetime import datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING, Any, Type, Union

from pydantic import Field, PlainSerializer, PlainValidator, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth import _formats as formats
from bandwidth.models._checks import rule
from bandwidth.models._constraints import e164, http_url, in_range, max_length, member_of
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


def _e164_or_sip(value: str) -> str:
    if not formats.is_e164_or_sip(value):
        raise ValueError(
            f"must be an E.164 phone number such as {formats.E164_EXAMPLE} "
            f"or a SIP URI such as {formats.SIP_EXAMPLE}"
        )
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


def _non_empty(value: str) -> str:
    if not value:
        raise ValueError("String should have at least 1 character")
    return value


E164 = Annotated[StrictStr, rule(e164)]
E164OrSip = Annotated[StrictStr, rule(_e164_or_sip)]
CallbackUrl = Annotated[StrictStr, rule(max_length(2048), http_url)]
HttpUrl = Annotated[StrictStr, rule(http_url)]
DisplayName = Annotated[StrictStr, rule(max_length(256), _no_control)]
NonEmpty = Annotated[StrictStr, rule(_non_empty)]
Uui = Annotated[StrictStr, rule(_uui)]
Str1024 = Annotated[StrictStr, rule(max_length(1024))]
Str4096 = Annotated[StrictStr, rule(max_length(4096))]


def _number(value: Any) -> Union[int, float]:
    """A JSON number (``int`` stays ``int``): booleans and numeric strings are not.

    ``True`` is not a timeout, as in the generated SDK (whose numbers are strict).
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("Input should be a number")
    number: Union[int, float] = value
    return number


_Number = Annotated[Union[int, float], PlainValidator(_number)]
#: ``callTimeout``: seconds to ring, 1..300.
CallTimeout = Annotated[_Number, rule(in_range(1, 300))]
#: ``callbackTimeout``: seconds to wait for a webhook answer, 1..25.
CallbackTimeout = Annotated[_Number, rule(in_range(1, 25))]
#: Machine-detection thresholds: the spec sets no bounds, but a negative
#: duration is always a mistake.
Seconds = Annotated[_Number, rule(in_range(0, None))]


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("Input should be a valid integer")
    number: int = value
    return number


#: ``priority``: 1 (highest) to 5.
Priority = Annotated[int, PlainValidator(_int), rule(in_range(1, 5))]


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


def enum_field(enum: Type[Enum]) -> Any:
    """An enum-typed request field: the member for a known value, else the string as
    given (built as the generated SDK would not, but never sent: a rule rejects it)."""
    return Annotated[Union[enum, StrictStr], LEFT_TO_RIGHT, rule(member_of(enum))]


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

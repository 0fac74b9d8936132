"""The base of every callback model, and the tolerant field types they share.

Callbacks are what Bandwidth *sends*, so they are as forgiving as response
models: unknown fields are kept (``additional_properties``), unknown enum
values stay strings, and ``null``, absent and (from form-encoded GET
callbacks) empty values all read as ``None``.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar, Dict, Mapping, Optional, TypeVar, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models._types import Timestamp as _ApiTimestamp
from bandwidth.models.bxml.enums import FileFormatEnum
from bandwidth.models.call_direction_enum import CallDirectionEnum

__all__ = [
    "Bool",
    "Callback",
    "Direction",
    "FileFormat",
    "Float",
    "Int",
    "Nested",
    "Str",
    "StrMap",
    "Timestamp",
    "UnknownCallback",
    "adapter_safe",
]


def _blank_to_none(value: Any) -> Any:
    """Form-encoded callbacks carry only strings: an empty one means "no value"."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _json_object(value: Any) -> Any:
    """Nested objects may arrive JSON-encoded in a form field; decode them."""
    if isinstance(value, (str, bytes)):
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
        if not text.strip():
            return None
        try:
            return json.loads(text)
        except ValueError:
            return value  # not JSON: let validation report the field
        except RecursionError:
            raise ValueError("nested too deeply") from None
    return value


_M = TypeVar("_M")

#: An optional string (``null`` and absent both read as ``None``).
Str = Optional[StrictStr]
#: An ISO 8601 date-time (written back the way the API writes them); empty
#: form values read as ``None``.
Timestamp = Annotated[Optional[_ApiTimestamp], BeforeValidator(_blank_to_none)]
#: An integer (form values such as ``"486"`` are converted).
Int = Annotated[Optional[int], BeforeValidator(_blank_to_none)]
#: A number (form values are converted).
Float = Annotated[Optional[float], BeforeValidator(_blank_to_none)]
#: A boolean (form values ``true``/``false`` are converted).
Bool = Annotated[Optional[bool], BeforeValidator(_blank_to_none)]
#: ``inbound``/``outbound`` as a :class:`CallDirectionEnum`, any other value as a string.
Direction = Optional[Annotated[Union[CallDirectionEnum, str], LEFT_TO_RIGHT]]
#: ``mp3``/``wav`` as a :class:`FileFormatEnum`, any other value as a string.
FileFormat = Optional[Annotated[Union[FileFormatEnum, str], LEFT_TO_RIGHT]]
#: A nested object, also accepted JSON-encoded (as a GET callback may send it).
Nested = Annotated[Optional[_M], BeforeValidator(_json_object)]
#: A string-to-string map, also accepted JSON-encoded.
StrMap = Annotated[Optional[Dict[str, StrictStr]], BeforeValidator(_json_object)]


class Callback(ResponseModel):
    """Base of every Voice callback model: the two fields every event carries.

    ``expects_bxml`` says whether Bandwidth runs the BXML your webhook answers
    with (``answer``, ``gather``, ...) or ignores the reply (``disconnect``,
    ``recordingAvailable``, ...: answer those with an empty 2xx).
    """

    # Schemas are built on first use, not at import: an app that only ever
    # sees a few event types never pays for the others. (Every public class
    # then goes through adapter_safe: see there why.)
    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    #: whether the reply to this event may carry BXML that Bandwidth runs
    expects_bxml: ClassVar[bool] = False

    event_type: Str = Field(default=None, description="The event name, such as answer.")
    event_time: Timestamp = Field(
        default=None,
        description="Approximate UTC time Bandwidth generated the event.",
    )


class UnknownCallback(Callback):
    """An event this SDK does not model (yet): every field but the two common ones
    is in :attr:`additional_properties`, so an app can still read it.

    ``event_type`` keeps whatever was sent, even a non-string.
    """

    event_type: Any = Field(default=None, description="The event name, as sent.")


def adapter_safe(namespace: Mapping[str, Any]) -> None:
    """Make the public models of a module (its ``__all__``) safe to wrap in a ``TypeAdapter``.

    The models are created with ``defer_build`` so that importing a module
    builds no schema. A ``TypeAdapter`` copies that flag from the model's
    config and defers too; FastAPI wraps every body parameter in one, as
    ``Annotated[Model, Body(alias=...)]``, and building that later makes
    pydantic (2.12+) warn that ``alias`` has no effect there
    (``UnsupportedFieldAttributeWarning``). Once a class exists its deferral
    lives in its placeholder validator, so the flag can leave its config: the
    class still builds on first use, and adapters build at once, as for any
    model. A class created from one of these afterwards builds when created,
    so call this at the end of a module, for classes no later module extends.
    """
    for name in namespace["__all__"]:
        value = namespace[name]
        deferred = isinstance(value, type) and issubclass(value, BaseModel)
        if deferred and value.model_config.get("defer_build"):
            config = value.model_config.copy()
            del config["defer_build"]
            value.model_config = config


adapter_safe(globals())

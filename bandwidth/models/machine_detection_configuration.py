"""``MachineDetectionConfiguration``: the ``machineDetectionConfiguration`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, Optional

from pydantic import Field, StrictBool

from bandwidth.models._base import RequestModel
from bandwidth.models._types import (
    CallbackMethod,
    CallbackUrl,
    MachineDetectionMode,
    Seconds,
    Str1024,
)
from bandwidth.models.callback_method_enum import CallbackMethodEnum
from bandwidth.models.machine_detection_mode_enum import MachineDetectionModeEnum


class MachineDetectionConfiguration(RequestModel):
    """Answering-machine detection settings for :class:`~bandwidth.models.CreateCall`.

    Every field is optional and, like every request model, only the fields
    you set are sent; the values shown as defaults are the server's own. The
    API asks for whole numbers of seconds. Values are checked with the
    :class:`~bandwidth.models.CreateCall` that carries them.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"mode"})

    mode: Optional[MachineDetectionMode] = Field(
        default=MachineDetectionModeEnum.ASYNC,
        description="`async` reports in a `machineDetectionComplete` callback; `sync` delays "
        "the answer callback until detection ends.",
    )
    detection_timeout: Optional[Seconds] = Field(
        default=15, description="Seconds before detection gives up."
    )
    silence_timeout: Optional[Seconds] = Field(
        default=10, description="Seconds of initial silence before giving up."
    )
    speech_threshold: Optional[Seconds] = Field(
        default=10, description="Seconds of speech above which the answerer is a machine."
    )
    speech_end_threshold: Optional[Seconds] = Field(
        default=5, description="Seconds of silence that end a human's speech."
    )
    machine_speech_end_threshold: Optional[Seconds] = Field(
        default=None,
        description="Seconds of silence that end a machine's speech "
        "(the server uses `speech_end_threshold` when unset).",
    )
    delay_result: Optional[StrictBool] = Field(
        default=False,
        description="Wait until the machine stops speaking before reporting `answering-machine`.",
    )
    callback_url: Optional[CallbackUrl] = Field(
        default=None, description="Where the `machineDetectionComplete` callback goes (async mode)."
    )
    callback_method: Optional[CallbackMethod] = Field(
        default=CallbackMethodEnum.POST, description="Method of that callback."
    )
    username: Optional[Str1024] = Field(
        default=None, description="Basic-auth user for `callback_url`."
    )
    password: Optional[Str1024] = Field(
        default=None, description="Basic-auth password for `callback_url`."
    )
    fallback_url: Optional[CallbackUrl] = Field(
        default=None, description="Used when `callback_url` fails."
    )
    fallback_method: Optional[CallbackMethod] = Field(
        default=CallbackMethodEnum.POST, description="Method of the fallback callback."
    )
    fallback_username: Optional[Str1024] = Field(
        default=None, description="Basic-auth user for `fallback_url`."
    )
    fallback_password: Optional[Str1024] = Field(
        default=None, description="Basic-auth password for `fallback_url`."
    )

"""``TranscribeRecording``: the ``transcribeRecording`` schema
(body of ``transcribe_call_recording``)."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, Optional

from pydantic import Field, StrictBool, StrictStr

from bandwidth.models._base import RequestModel
from bandwidth.models._types import CallbackMethod, CallbackTimeout, HttpUrl, Str1024
from bandwidth.models.callback_method_enum import CallbackMethodEnum


class TranscribeRecording(RequestModel):
    """A request to transcribe a finished call recording, for
    ``RecordingsApi.transcribe_call_recording``.

    Every field is optional; ``TranscribeRecording()`` sends ``{}``. When
    the transcription is ready Bandwidth posts a ``transcriptionAvailable``
    event to ``callback_url`` (then ``get_recording_transcription`` reads
    it). Only recordings longer than 0.5 s and shorter than 4 hours can be
    transcribed. :meth:`check`, run before sending, checks the URL, the
    method, the credentials' lengths and the 1..25 s timeout.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"callback_url"})

    callback_url: Optional[HttpUrl] = Field(
        default=None,
        description="Where the `transcriptionAvailable` event goes. Put credentials in "
        "`username`/`password`, never in the URL.",
    )
    callback_method: Optional[CallbackMethod] = Field(
        default=CallbackMethodEnum.POST, description="Method of the `callback_url` webhook."
    )
    username: Optional[Str1024] = Field(
        default=None, description="Basic-auth user for `callback_url`."
    )
    password: Optional[Str1024] = Field(
        default=None, description="Basic-auth password for `callback_url`."
    )
    tag: Optional[StrictStr] = Field(
        default=None,
        description="Text for the `transcriptionAvailable` event (the spec describes it as "
        "the call's tag).",
    )
    callback_timeout: Optional[CallbackTimeout] = Field(
        default=15, description="Seconds to wait for `callback_url` to answer, 1..25."
    )
    detect_language: Optional[StrictBool] = Field(
        default=False,
        description="Detect the dominant language (English, French or Spanish) instead of "
        "assuming English.",
    )

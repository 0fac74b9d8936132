"""Recording and transcription events of ``<Record>``/``<StartRecording>``."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from bandwidth.callbacks._fields import (
    CallEvent,
    CallFields,
    EnqueuedTime,
    Tag,
    TransferLeg,
)
from bandwidth.callbacks._recording_fields import Channels, RecordingFile, RecordingStatus
from bandwidth.callbacks.base import Float, Int, Nested, Str, Timestamp, adapter_safe
from bandwidth.models._base import ResponseModel

__all__ = [
    "RecordingAvailableCallback",
    "RecordingCompleteCallback",
    "Transcription",
    "TranscriptionAvailableCallback",
]


class Transcription(ResponseModel):
    """A recording's transcription.

    The spec describes the text itself (``text``, ``confidence``,
    ``speaker``); the docs' examples show a link to fetch it (``id``, ``url``,
    ``status``, ``completed_time``). Both shapes are modelled.
    """

    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    speaker: Int = Field(default=None, description="Zero-based index of the speaker.")
    text: Str = Field(default=None, description="The transcribed text.")
    confidence: Float = Field(default=None, description="Confidence from 0.0 to 1.0.")
    id: Str = Field(default=None, description="The transcription's id (docs shape).")
    url: Str = Field(default=None, description="Where to fetch the transcription (docs shape).")
    status: Str = Field(
        default=None, description="none, processing, available, error, timeout, ... (docs shape)."
    )
    completed_time: Timestamp = Field(default=None, description="When it completed (docs shape).")


class RecordingCompleteCallback(RecordingFile, TransferLeg, CallEvent):
    """A ``<Record>`` finished while the call is up; answer with BXML.

    Bandwidth sends ``eventType`` ``recordComplete`` (docs) or
    ``recordingComplete`` (spec); :func:`~bandwidth.callbacks.parse_callback`
    accepts both. The file is downloadable only after recordingAvailable.
    """

    expects_bxml: ClassVar[bool] = True

    channels: Channels = None


class _ProcessedRecording(RecordingFile, TransferLeg, CallFields):
    """Events sent once a recording is processed (maybe after the call ended).

    They carry the call base set without ``answerTime``.
    """

    enqueued_time: EnqueuedTime = None
    tag: Tag = None


class RecordingAvailableCallback(_ProcessedRecording):
    """A recording is processed and downloadable from ``media_url``; the reply is ignored."""

    channels: Channels = None
    status: RecordingStatus = None


class TranscriptionAvailableCallback(_ProcessedRecording):
    """A recording's transcription is ready; the reply is ignored."""

    transcription: Nested[Transcription] = Field(
        default=None, description="The transcription (text, or a link to fetch it)."
    )


adapter_safe(globals())

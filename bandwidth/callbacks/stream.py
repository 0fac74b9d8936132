"""Media-stream and real-time-transcription events (docs only: not in the spec file).

Sent to ``<StartStream streamEventUrl>`` and ``<StartTranscription
transcriptionEventUrl>``; replies are ignored. Field names follow the
dev.bandwidth.com tables.
"""

from __future__ import annotations

from typing import Any, ClassVar, List, Optional

from pydantic import ConfigDict, Field

from bandwidth.callbacks._fields import CallerName, CallEvent, Cause
from bandwidth.callbacks.base import Bool, Nested, Str, Timestamp, adapter_safe
from bandwidth.models._base import ResponseModel

__all__ = [
    "MediaStream",
    "MediaStreamRejectedCallback",
    "MediaStreamStartedCallback",
    "MediaStreamStoppedCallback",
    "RealTimeTranscription",
    "RealTimeTranscriptionAvailableCallback",
    "RealTimeTranscriptionRejectedCallback",
    "RealTimeTranscriptionStartedCallback",
    "RealTimeTranscriptionStoppedCallback",
]


class MediaStream(ResponseModel):
    """A media stream started by ``<StartStream>``."""

    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    id: Str = Field(default=None, description="The stream's generated id.")
    name: Str = Field(default=None, description="The name given in StartStream, or the id.")
    destination: Str = Field(default=None, description="The WebSocket URL.")
    start_time: Timestamp = Field(default=None, description="When it started.")
    tracks: Optional[List[Any]] = Field(default=None, description="The streamed tracks.")
    type: Str = Field(default=None, description="The transport; currently WebSocket.")
    duration: Str = Field(default=None, description="How long it ran (ISO 8601), once stopped.")


class RealTimeTranscription(ResponseModel):
    """A real-time transcription started by ``<StartTranscription>``."""

    model_config: ClassVar[ConfigDict] = ConfigDict(defer_build=True)

    id: Str = Field(default=None, description="The transcription's generated id.")
    name: Str = Field(default=None, description="The name given in StartTranscription, or the id.")
    start_time: Timestamp = Field(default=None, description="When it started.")
    tracks: Optional[List[Any]] = Field(default=None, description="The transcribed tracks.")
    destination: Str = Field(default=None, description="The WebSocket URL, if any.")
    stabilized: Bool = Field(default=None, description="Whether only stable results are sent.")
    duration: Str = Field(default=None, description="How long it ran (ISO 8601), once stopped.")
    status: Str = Field(default=None, description="available or failed, once it has ended.")
    url: Str = Field(default=None, description="Where to fetch the full transcription.")
    completed_time: Timestamp = Field(default=None, description="When the transcription completed.")


class _MediaStreamEvent(CallerName, CallEvent):
    """The call base set, the caller's name and the stream: what every stream event carries."""

    media_stream: Nested[MediaStream] = Field(
        default=None, description="The stream this event is about."
    )


class _TranscriptionEvent(CallerName, CallEvent):
    """The call base set, the caller's name and the transcription (every transcription event)."""

    real_time_transcription: Nested[RealTimeTranscription] = Field(
        default=None,
        description="The transcription this event is about.",
    )


class MediaStreamStartedCallback(_MediaStreamEvent):
    """A ``<StartStream>`` WebSocket connected."""


class MediaStreamRejectedCallback(Cause, _MediaStreamEvent):
    """A stream could not start: ``cause`` is connection-error, duplicate, error or track-limit."""

    original_media_stream: Nested[MediaStream] = Field(
        default=None,
        description="On a duplicate name: the stream already using it.",
    )


class MediaStreamStoppedCallback(Cause, _MediaStreamEvent):
    """A stream stopped: ``cause`` is closed, connection-error or error."""


class RealTimeTranscriptionStartedCallback(_TranscriptionEvent):
    """A ``<StartTranscription>`` started."""


class RealTimeTranscriptionRejectedCallback(Cause, _TranscriptionEvent):
    """A real-time transcription could not start (connection-error, duplicate, ...)."""

    original_transcription: Nested[RealTimeTranscription] = Field(
        default=None,
        description="On a duplicate name: the transcription already using it.",
    )


class RealTimeTranscriptionStoppedCallback(Cause, _TranscriptionEvent):
    """A real-time transcription stopped: ``cause`` is closed, connection-error or error."""


class RealTimeTranscriptionAvailableCallback(_TranscriptionEvent):
    """A finished real-time transcription can be fetched from its ``url``."""


adapter_safe(globals())

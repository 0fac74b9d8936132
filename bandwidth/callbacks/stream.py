"""Media-stream and real-time-transcription events (docs only: not in the spec file).

Sent to ``<StartStream streamEventUrl>`` and ``<StartTranscription
transcriptionEventUrl>``; replies are ignored. Field names follow the
dev.bandwidth.com tables.
"""

from __future__ import annotations

from typing import Any, List, Optional

from pydantic import ConfigDict, Field

from bandwidth.callbacks.base import Bool, Callback, Direction, Nested, Str, Timestamp
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

    model_config = ConfigDict(defer_build=True)

    id: Str = Field(default=None, description="The stream's generated id.")
    name: Str = Field(default=None, description="The name given in StartStream, or the id.")
    destination: Str = Field(default=None, description="The WebSocket URL.")
    start_time: Timestamp = Field(default=None, description="When it started.")
    tracks: Optional[List[Any]] = Field(default=None, description="The streamed tracks.")
    type: Str = Field(default=None, description="The transport; currently WebSocket.")
    duration: Str = Field(default=None, description="How long it ran (ISO 8601), once stopped.")


class RealTimeTranscription(ResponseModel):
    """A real-time transcription started by ``<StartTranscription>``."""

    model_config = ConfigDict(defer_build=True)

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


class MediaStreamStartedCallback(Callback):
    """A ``<StartStream>`` WebSocket connected."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
    media_stream: Nested[MediaStream] = Field(
        default=None, description="The stream this event is about."
    )


class MediaStreamRejectedCallback(Callback):
    """A stream could not start: ``cause`` is connection-error, duplicate, error or track-limit."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
    media_stream: Nested[MediaStream] = Field(
        default=None, description="The stream this event is about."
    )
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")
    original_media_stream: Nested[MediaStream] = Field(
        default=None,
        description="On a duplicate name: the stream already using it.",
    )


class MediaStreamStoppedCallback(Callback):
    """A stream stopped: ``cause`` is closed, connection-error or error."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
    media_stream: Nested[MediaStream] = Field(
        default=None, description="The stream this event is about."
    )
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")


class RealTimeTranscriptionStartedCallback(Callback):
    """A ``<StartTranscription>`` started."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
    real_time_transcription: Nested[RealTimeTranscription] = Field(
        default=None,
        description="The transcription this event is about.",
    )


class RealTimeTranscriptionRejectedCallback(Callback):
    """A real-time transcription could not start (connection-error, duplicate, ...)."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
    real_time_transcription: Nested[RealTimeTranscription] = Field(
        default=None,
        description="The transcription this event is about.",
    )
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")
    original_transcription: Nested[RealTimeTranscription] = Field(
        default=None,
        description="On a duplicate name: the transcription already using it.",
    )


class RealTimeTranscriptionStoppedCallback(Callback):
    """A real-time transcription stopped: ``cause`` is closed, connection-error or error."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
    real_time_transcription: Nested[RealTimeTranscription] = Field(
        default=None,
        description="The transcription this event is about.",
    )
    cause: Str = Field(
        default=None,
        description="The reason, from an open set (hangup, busy, timeout, rejected, error, ...).",
    )
    error_message: Str = Field(default=None, description="Human-readable error text.")


class RealTimeTranscriptionAvailableCallback(Callback):
    """A finished real-time transcription can be fetched from its ``url``."""

    account_id: Str = Field(default=None, description="Your account id.")
    application_id: Str = Field(
        default=None,
        description="The Voice application the call belongs to.",
    )
    var_from: Str = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The caller: E.164, or Private/Restricted/Anonymous/Unavailable.",
    )
    to: Str = Field(default=None, description="The called number (E.164) or SIP URI.")
    direction: Direction = Field(
        default=None, description="inbound or outbound; never changes during a call."
    )
    call_id: Str = Field(default=None, description="The call's id.")
    call_url: Str = Field(default=None, description="The call's REST URL.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    privacy: Bool = Field(
        default=None, description="Whether the caller asked for privacy (current docs only)."
    )
    caller_display_name: Str = Field(
        default=None,
        description="The caller's display name (current docs only).",
    )
    real_time_transcription: Nested[RealTimeTranscription] = Field(
        default=None,
        description="The transcription this event is about.",
    )

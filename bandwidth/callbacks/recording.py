"""Recording and transcription events of ``<Record>``/``<StartRecording>``."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ConfigDict, Field

from bandwidth.callbacks.base import (
    Callback,
    Direction,
    FileFormat,
    Float,
    Int,
    Nested,
    Str,
    Timestamp,
)
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

    model_config = ConfigDict(defer_build=True)

    speaker: Int = Field(default=None, description="Zero-based index of the speaker.")
    text: Str = Field(default=None, description="The transcribed text.")
    confidence: Float = Field(default=None, description="Confidence from 0.0 to 1.0.")
    id: Str = Field(default=None, description="The transcription's id (docs shape).")
    url: Str = Field(default=None, description="Where to fetch the transcription (docs shape).")
    status: Str = Field(
        default=None, description="none, processing, available, error, timeout, ... (docs shape)."
    )
    completed_time: Timestamp = Field(default=None, description="When it completed (docs shape).")


class RecordingCompleteCallback(Callback):
    """A ``<Record>`` finished while the call is up; answer with BXML.

    Bandwidth sends ``eventType`` ``recordComplete`` (docs) or
    ``recordingComplete`` (spec); :func:`~bandwidth.callbacks.parse_callback`
    accepts both. The file is downloadable only after recordingAvailable.
    """

    expects_bxml: ClassVar[bool] = True

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
    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )
    recording_id: Str = Field(default=None, description="The recording's id.")
    media_url: Str = Field(
        default=None,
        description="Where to download the recording, once it is available.",
    )
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    answer_time: Timestamp = Field(default=None, description="When the call was answered.")
    end_time: Timestamp = Field(default=None, description="When the call, leg or recording ended.")
    duration: Str = Field(
        default=None, description="The recording's length as an ISO 8601 duration (PT13.67S)."
    )
    file_format: FileFormat = Field(default=None, description="mp3 or wav.")
    channels: Int = Field(default=None, description="1, or 2 for multi-channel call recordings.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")


class RecordingAvailableCallback(Callback):
    """A recording is processed and downloadable from ``media_url``; the reply is ignored."""

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
    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )
    recording_id: Str = Field(default=None, description="The recording's id.")
    media_url: Str = Field(
        default=None,
        description="Where to download the recording, once it is available.",
    )
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    end_time: Timestamp = Field(default=None, description="When the call, leg or recording ended.")
    duration: Str = Field(
        default=None, description="The recording's length as an ISO 8601 duration (PT13.67S)."
    )
    file_format: FileFormat = Field(default=None, description="mp3 or wav.")
    channels: Int = Field(default=None, description="1, or 2 for multi-channel call recordings.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    status: Str = Field(
        default=None,
        description="Processing state: processing, partial, complete, deleted, error, ...",
    )
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")


class TranscriptionAvailableCallback(Callback):
    """A recording's transcription is ready; the reply is ignored."""

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
    media_url: Str = Field(
        default=None,
        description="Where to download the recording, once it is available.",
    )
    parent_call_id: Str = Field(
        default=None,
        description="On a Transfer's B-leg: the A-leg's call id.",
    )
    recording_id: Str = Field(default=None, description="The recording's id.")
    enqueued_time: Timestamp = Field(
        default=None, description="When a queued outbound call was queued."
    )
    start_time: Timestamp = Field(
        default=None,
        description="When the call (or, on recording events, the recording) started.",
    )
    end_time: Timestamp = Field(default=None, description="When the call, leg or recording ended.")
    duration: Str = Field(
        default=None, description="The recording's length as an ISO 8601 duration (PT13.67S)."
    )
    file_format: FileFormat = Field(default=None, description="mp3 or wav.")
    tag: Str = Field(default=None, description="The call's current tag; absent when none is set.")
    transcription: Nested[Transcription] = Field(
        default=None, description="The transcription (text, or a link to fetch it)."
    )
    transfer_caller_id: Str = Field(default=None, description="The B-leg's caller id.")
    transfer_to: Str = Field(default=None, description="The B-leg's destination.")

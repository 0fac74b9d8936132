"""``CallRecordingMetadata``: the ``callRecordingMetadata`` schema (``get_call_recording``,
items of ``list_call_recordings`` and ``list_account_call_recordings``)."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.call_direction_enum import CallDirectionEnum
from bandwidth.models.file_format_enum import FileFormatEnum
from bandwidth.models.recording_transcription_metadata import RecordingTranscriptionMetadata

_Direction = Annotated[Union[CallDirectionEnum, str], LEFT_TO_RIGHT]
_FileFormat = Annotated[Union[FileFormatEnum, str], LEFT_TO_RIGHT]


class CallRecordingMetadata(ResponseModel):
    """A call's recording: whose call, when, how long, in which format, and where
    its media and transcription are.

    The API declares no field required, so every field may be ``None``.
    ``status`` is an open string (``processing``, ``partial``, ``complete``,
    ``deleted``, ``error``, …); ``direction`` and ``file_format`` are enum
    members when known and plain strings otherwise. ``media_url`` is set
    once the media can be downloaded.
    """

    application_id: Optional[StrictStr] = Field(
        default=None, description="The application the call uses."
    )
    account_id: Optional[StrictStr] = Field(
        default=None, description="The account the call belongs to."
    )
    call_id: Optional[StrictStr] = Field(default=None, description="The recorded call's id.")
    parent_call_id: Optional[StrictStr] = Field(
        default=None, description="The A-leg's id when the recording is of a `<Transfer>` B-leg."
    )
    recording_id: Optional[StrictStr] = Field(
        default=None, description="The recording's id (`r-…`)."
    )
    to: Optional[StrictStr] = Field(default=None, description="Called number (E.164).")
    var_from: Optional[StrictStr] = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="Calling number (E.164). Wire name `from`.",
    )
    transfer_caller_id: Optional[StrictStr] = Field(
        default=None, description="The B-leg's `from` number, for a `<Transfer>` B-leg."
    )
    transfer_to: Optional[StrictStr] = Field(
        default=None, description="The B-leg's `to` number, for a `<Transfer>` B-leg."
    )
    duration: Optional[StrictStr] = Field(
        default=None, description="Length as an ISO 8601 duration (`PT13.67S`)."
    )
    direction: Optional[_Direction] = Field(
        default=None, description="`inbound` or `outbound` (an unknown value stays a string)."
    )
    channels: Optional[int] = Field(
        default=None, description="Number of audio channels (1, or 2 for multi-channel)."
    )
    start_time: Optional[Timestamp] = Field(default=None, description="When the recording started.")
    end_time: Optional[Timestamp] = Field(default=None, description="When the recording ended.")
    file_format: Optional[_FileFormat] = Field(
        default=None, description="`mp3` or `wav` (an unknown value stays a string)."
    )
    status: Optional[StrictStr] = Field(
        default=None,
        description="`processing`, `partial`, `complete`, `deleted` or `error`; new values "
        "may appear.",
    )
    media_url: Optional[StrictStr] = Field(
        default=None, description="Where to download the media, once it can be."
    )
    transcription: Optional[RecordingTranscriptionMetadata] = Field(
        default=None, description="The transcription's state, if one was requested."
    )
    recording_name: Optional[StrictStr] = Field(
        default=None, description="The name given to the recording, if any."
    )

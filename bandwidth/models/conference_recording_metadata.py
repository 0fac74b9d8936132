"""``ConferenceRecordingMetadata``: the ``conferenceRecordingMetadata`` schema
(``get_conference_recording``, items of ``list_conference_recordings``)."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.file_format_enum import FileFormatEnum

_FileFormat = Annotated[Union[FileFormatEnum, str], LEFT_TO_RIGHT]


class ConferenceRecordingMetadata(ResponseModel):
    """A conference's recording: when, how long, in which format, and where its media is.

    The API declares no field required, so every field may be ``None``.
    ``status`` is an open string; ``file_format`` is a
    :class:`FileFormatEnum` member when known and a plain string otherwise.
    """

    account_id: Optional[StrictStr] = Field(
        default=None, description="The account the conference belongs to."
    )
    conference_id: Optional[StrictStr] = Field(
        default=None, description="The recorded conference's id (`conf-…`)."
    )
    name: Optional[StrictStr] = Field(
        default=None, description="The name your application gave the conference."
    )
    recording_id: Optional[StrictStr] = Field(
        default=None, description="The recording's id (`r-…`)."
    )
    duration: Optional[StrictStr] = Field(
        default=None, description="Length as an ISO 8601 duration (`PT13.67S`)."
    )
    channels: Optional[int] = Field(
        default=None, description="Always 1: conference recordings are single-channel."
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
    recording_name: Optional[StrictStr] = Field(
        default=None, description="The name given to the recording, if any."
    )

"""The recording group: fields of the recording a recording event is about.

Apart from ``_fields`` so that only the recording and conference event modules
create it (see ``_fields`` for how groups and shared fields work).
"""

from pydantic import Field
from typing_extensions import Annotated

from bandwidth.callbacks._fields import EndTime, Group
from bandwidth.callbacks.base import FileFormat, Int, Str

__all__ = ["Channels", "RecordingFile", "RecordingStatus"]

Channels = Annotated[Int, Field(description="1, or 2 for multi-channel call recordings.")]
RecordingStatus = Annotated[
    Str,
    Field(description="Processing state: processing, partial, complete, deleted, error, ..."),
]


class RecordingFile(Group):
    """The recording a recording event is about."""

    recording_id: Str = Field(default=None, description="The recording's id.")
    media_url: Str = Field(
        default=None,
        description="Where to download the recording, once it is available.",
    )
    end_time: EndTime = None
    duration: Str = Field(
        default=None, description="The recording's length as an ISO 8601 duration (PT13.67S)."
    )
    file_format: FileFormat = Field(default=None, description="mp3 or wav.")

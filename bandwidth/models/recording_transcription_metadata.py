"""``RecordingTranscriptionMetadata``: the ``recordingTranscriptionMetadata`` schema
(``CallRecordingMetadata.transcription``)."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import Timestamp


class RecordingTranscriptionMetadata(ResponseModel):
    """Where a recording's transcription stands, and where to fetch it.

    Present on a recording that was transcribed (or is being). ``status`` is
    an open string: ``none``, ``processing``, ``available``, ``error``,
    ``timeout``, ``file-size-too-big``, ``file-size-too-small``, and values
    Bandwidth may add.
    """

    id: Optional[StrictStr] = Field(default=None, description="The transcription's id.")
    status: Optional[StrictStr] = Field(
        default=None,
        description="`none`, `processing`, `available`, `error`, `timeout`, "
        "`file-size-too-big`, `file-size-too-small`; new values may appear.",
    )
    completed_time: Optional[Timestamp] = Field(
        default=None, description="When the transcription completed."
    )
    url: Optional[StrictStr] = Field(
        default=None, description="Where to fetch it (`get_recording_transcription`)."
    )

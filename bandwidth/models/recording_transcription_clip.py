"""``RecordingTranscriptionClip``: the ``recordingTranscriptionClip`` schema
(items of ``RecordingTranscriptions.clips``)."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class RecordingTranscriptionClip(ResponseModel):
    """One stretch of speech in a transcribed recording: who spoke, what, and when.

    Times are seconds from the start of the recording. Numbers are kept as
    sent (``1`` stays an ``int``); a confidence outside 0..1 is kept too,
    since a response is read, not judged.
    """

    speaker: Optional[int] = Field(default=None, description="Zero-based index of the speaker.")
    text: Optional[StrictStr] = Field(default=None, description="What was said in this clip.")
    confidence: Optional[Union[int, float]] = Field(
        default=None, description="The engine's confidence in this clip, 0.0 to 1.0."
    )
    start_time_seconds: Optional[Union[int, float]] = Field(
        default=None, description="Where the clip starts in the recording, in seconds."
    )
    end_time_seconds: Optional[Union[int, float]] = Field(
        default=None, description="Where the clip ends in the recording, in seconds."
    )

"""``CallTranscription``: the ``callTranscription`` schema
(items of ``CallTranscriptionResponse.tracks``)."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.call_transcription_detected_language_enum import (
    CallTranscriptionDetectedLanguageEnum,
)
from bandwidth.models.call_transcription_track_enum import CallTranscriptionTrackEnum

_Language = Annotated[Union[CallTranscriptionDetectedLanguageEnum, str], LEFT_TO_RIGHT]
_Track = Annotated[Union[CallTranscriptionTrackEnum, str], LEFT_TO_RIGHT]


class CallTranscription(ResponseModel):
    """The transcript of one side (track) of a call's real-time transcription.

    ``detected_language`` and ``track`` are enum members when known and plain
    strings otherwise; a confidence outside 0..1 is kept as sent.
    """

    detected_language: Optional[_Language] = Field(
        default=None,
        description="`en-US`, `es-US` or `fr-FR` (an unknown value stays a string).",
    )
    track: Optional[_Track] = Field(
        default=None, description="`inbound` or `outbound` (an unknown value stays a string)."
    )
    transcript: Optional[StrictStr] = Field(default=None, description="The text itself.")
    confidence: Optional[Union[int, float]] = Field(
        default=None, description="The engine's confidence in this transcript, 0 to 1."
    )

"""``RecordingTranscriptions``: the ``recordingTranscriptions`` schema
(``get_recording_transcription``)."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.callbacks.recording import Transcription
from bandwidth.models._base import ResponseModel
from bandwidth.models.recording_transcription_clip import RecordingTranscriptionClip


class RecordingTranscriptions(ResponseModel):
    """A recording's transcription: one transcript per channel, and the clips of speech.

    For a multi-channel recording there are two transcripts: the caller's or
    callee's first, then the audio Bandwidth played (``<PlayAudio>``,
    ``<SpeakSentence>``); during a ``<Transfer>``, the A-leg's first, then
    the B-leg's. ``transcripts`` holds the same
    :class:`~bandwidth.models.Transcription` class as the
    ``transcriptionAvailable`` callback.
    """

    transcripts: Optional[List[Transcription]] = Field(
        default=None,
        description="One per channel: the call's own audio first (the A-leg's during a "
        "`<Transfer>`).",
    )
    clips: Optional[List[RecordingTranscriptionClip]] = Field(
        default=None, description="Each stretch of speech, with its speaker, timing and confidence."
    )

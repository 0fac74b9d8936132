"""``<StopTranscription>``: stop real-time transcription."""

from __future__ import annotations

from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import StreamName

__all__ = ["StopTranscription"]


class StopTranscription(Verb):
    """Stop the real-time transcription ``name``, or every one when no name is given."""

    _tag = "StopTranscription"

    name: StreamName = StreamName()

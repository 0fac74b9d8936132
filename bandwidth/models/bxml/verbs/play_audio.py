"""``<PlayAudio>``: play a WAV or MP3 file."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Str, element_text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Url

__all__ = ["PlayAudio"]


class PlayAudio(Verb):
    """Play the file at ``audio_uri`` (may be relative); may go inside a Gather."""

    _tag = "PlayAudio"

    audio_uri: Url = element_text(Url())
    username: Str = Str()
    password: Str = Str()

"""``<StartTranscription>``: real-time transcription."""

from __future__ import annotations

import re
from typing import Optional, Pattern

from bandwidth.models.bxml._fields import Choice, Flag, Str
from bandwidth.models.bxml.enums import Tracks
from bandwidth.models.bxml.nestable_verb import Kids, NestableVerb
from bandwidth.models.bxml.verbs._kinds import MAX_PARAMS, Method, Url, WsUrl
from bandwidth.models.bxml.verbs.custom_param import CustomParam

__all__ = ["StartTranscription"]


class _Name(Str):
    pattern: Optional[Pattern[str]] = re.compile(r"[A-Za-z0-9_-]+")
    expects = "letters, digits, '_' and '-' only"


class StartTranscription(NestableVerb):
    """Transcribe the call in real time, optionally pushing results to a WebSocket.

    Up to 12 ``custom_params`` go to the ``destination`` socket when it starts.
    ``detect_language`` and ``preferred_languages`` come from the official SDK;
    no Bandwidth document describes them yet.
    """

    _tag = "StartTranscription"

    name: _Name = _Name()
    tracks: Choice[Tracks] = Choice(Tracks)
    transcription_event_url: Url = Url()
    transcription_event_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    destination: WsUrl = WsUrl()
    stabilized: Flag = Flag()
    custom_params: Kids[CustomParam] = Kids(CustomParam, max_count=MAX_PARAMS)
    detect_language: Flag = Flag()
    preferred_languages: Str = Str()

    def add_custom_param(self, param: CustomParam) -> StartTranscription:
        """Append a parameter; same as :meth:`add_verb`."""
        return self.add_verb(param)

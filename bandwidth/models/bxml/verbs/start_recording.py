"""``<StartRecording>``: record the call in the background."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Choice, Flag, Str
from bandwidth.models.bxml.enums import FileFormatEnum
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Method, TagText, Url

__all__ = ["StartRecording"]


class StartRecording(Verb):
    """Record the call (or conference) until stopped or the call ends.

    ``multi_channel=True`` puts the call and the app's audio on two channels.
    ``recording_name`` comes from the official SDK; no Bandwidth document
    describes it yet.
    """

    _tag = "StartRecording"

    recording_available_url: Url = Url()
    recording_available_method: Method = Method()
    transcribe: Flag = Flag()
    transcription_available_url: Url = Url()
    transcription_available_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    tag: TagText = TagText()
    file_format: Choice[FileFormatEnum] = Choice(FileFormatEnum)
    multi_channel: Flag = Flag()
    detect_language: Flag = Flag(xml_after="transcribe")
    recording_name: Str = Str()

"""``<Record>``: record the caller, voicemail style."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Choice, Flag, Int, Num, Str
from bandwidth.models.bxml.enums import FileFormatEnum
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Dtmf, Method, TagText, Url

__all__ = ["MAX_RECORD_SECONDS", "Record"]

#: Record's longest recording: 3 hours.
MAX_RECORD_SECONDS = 10800


class Record(Verb):
    """Record until a terminating digit, silence, or ``max_duration`` seconds (written even at 60).

    With ``record_complete_url`` set, its webhook's BXML runs next (later verbs
    are skipped). URLs given with credentials must be https.
    ``recording_name`` comes from the official SDK; no Bandwidth document
    describes it yet.
    """

    _tag = "Record"

    record_complete_url: Url = Url()
    record_complete_method: Method = Method()
    record_complete_fallback_url: Url = Url()
    record_complete_fallback_method: Method = Method()
    recording_available_url: Url = Url()
    recording_available_method: Method = Method()
    transcribe: Flag = Flag()
    transcription_available_url: Url = Url()
    transcription_available_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()
    terminating_digits: Dtmf = Dtmf()
    max_duration: Int = Int(1, MAX_RECORD_SECONDS, default=60)
    silence_timeout: Num = Num(0, MAX_RECORD_SECONDS)
    file_format: Choice[FileFormatEnum] = Choice(FileFormatEnum)
    detect_language: Flag = Flag(xml_after="transcribe")
    recording_name: Str = Str()

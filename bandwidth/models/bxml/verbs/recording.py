"""Recording: Record (voicemail style) and the background StartRecording family."""

from __future__ import annotations

from typing import Optional, Union

from bandwidth.models.bxml._attrs import Attr, Choice, Integer, Number
from bandwidth.models.bxml.enums import FileFormatEnum
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._common import (
    BOOL,
    CREDENTIAL,
    DIGITS,
    METHOD,
    TAG,
    URL,
    Method,
)

__all__ = ["PauseRecording", "Record", "ResumeRecording", "StartRecording", "StopRecording"]

#: Record's longest recording: 3 hours.
MAX_RECORD_SECONDS = 10800


class Record(Verb):
    """Record the caller until a terminating digit, silence, or ``max_duration`` seconds.

    With ``record_complete_url`` set, its webhook's BXML runs next (later verbs
    are skipped). URLs given with credentials must be https.
    """

    _tag = "Record"

    record_complete_url = Attr("recordCompleteUrl", URL)
    record_complete_method = Attr("recordCompleteMethod", METHOD)
    record_complete_fallback_url = Attr("recordCompleteFallbackUrl", URL)
    record_complete_fallback_method = Attr("recordCompleteFallbackMethod", METHOD)
    recording_available_url = Attr("recordingAvailableUrl", URL)
    recording_available_method = Attr("recordingAvailableMethod", METHOD)
    transcribe = Attr("transcribe", BOOL)
    detect_language = Attr("detectLanguage", BOOL)
    transcription_available_url = Attr("transcriptionAvailableUrl", URL)
    transcription_available_method = Attr("transcriptionAvailableMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    fallback_username = Attr("fallbackUsername", CREDENTIAL)
    fallback_password = Attr("fallbackPassword", CREDENTIAL)
    tag = Attr("tag", TAG)
    terminating_digits = Attr("terminatingDigits", DIGITS)
    max_duration = Attr("maxDuration", Integer(1, MAX_RECORD_SECONDS))
    silence_timeout = Attr("silenceTimeout", Number(0, MAX_RECORD_SECONDS))
    file_format = Attr("fileFormat", Choice(FileFormatEnum))

    def __init__(
        self,
        *,
        record_complete_url: Optional[str] = None,
        record_complete_method: Optional[Method] = None,
        record_complete_fallback_url: Optional[str] = None,
        record_complete_fallback_method: Optional[Method] = None,
        recording_available_url: Optional[str] = None,
        recording_available_method: Optional[Method] = None,
        transcribe: Optional[bool] = None,
        detect_language: Optional[bool] = None,
        transcription_available_url: Optional[str] = None,
        transcription_available_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        fallback_username: Optional[str] = None,
        fallback_password: Optional[str] = None,
        tag: Optional[str] = None,
        terminating_digits: Optional[str] = None,
        max_duration: Optional[int] = None,
        silence_timeout: Optional[float] = None,
        file_format: Optional[Union[FileFormatEnum, str]] = None,
    ) -> None:
        """All keywords; ``terminating_digits=""`` disables the default ``#``."""
        self.record_complete_url = record_complete_url
        self.record_complete_method = record_complete_method
        self.record_complete_fallback_url = record_complete_fallback_url
        self.record_complete_fallback_method = record_complete_fallback_method
        self.recording_available_url = recording_available_url
        self.recording_available_method = recording_available_method
        self.transcribe = transcribe
        self.detect_language = detect_language
        self.transcription_available_url = transcription_available_url
        self.transcription_available_method = transcription_available_method
        self.username = username
        self.password = password
        self.fallback_username = fallback_username
        self.fallback_password = fallback_password
        self.tag = tag
        self.terminating_digits = terminating_digits
        self.max_duration = max_duration
        self.silence_timeout = silence_timeout
        self.file_format = file_format


class StartRecording(Verb):
    """Record the call (or conference) in the background until stopped or the call ends."""

    _tag = "StartRecording"

    recording_available_url = Attr("recordingAvailableUrl", URL)
    recording_available_method = Attr("recordingAvailableMethod", METHOD)
    transcribe = Attr("transcribe", BOOL)
    detect_language = Attr("detectLanguage", BOOL)
    transcription_available_url = Attr("transcriptionAvailableUrl", URL)
    transcription_available_method = Attr("transcriptionAvailableMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    tag = Attr("tag", TAG)
    file_format = Attr("fileFormat", Choice(FileFormatEnum))
    multi_channel = Attr("multiChannel", BOOL)

    def __init__(
        self,
        *,
        recording_available_url: Optional[str] = None,
        recording_available_method: Optional[Method] = None,
        transcribe: Optional[bool] = None,
        detect_language: Optional[bool] = None,
        transcription_available_url: Optional[str] = None,
        transcription_available_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        tag: Optional[str] = None,
        file_format: Optional[Union[FileFormatEnum, str]] = None,
        multi_channel: Optional[bool] = None,
    ) -> None:
        """All keywords; ``multi_channel=True`` puts the call and the app's audio on 2 channels."""
        self.recording_available_url = recording_available_url
        self.recording_available_method = recording_available_method
        self.transcribe = transcribe
        self.detect_language = detect_language
        self.transcription_available_url = transcription_available_url
        self.transcription_available_method = transcription_available_method
        self.username = username
        self.password = password
        self.tag = tag
        self.file_format = file_format
        self.multi_channel = multi_channel


class StopRecording(Verb):
    """Stop the ``StartRecording`` recording (also ends a paused one)."""

    _tag = "StopRecording"


class PauseRecording(Verb):
    """Pause the ``StartRecording`` recording; paused audio is neither kept nor billed."""

    _tag = "PauseRecording"


class ResumeRecording(Verb):
    """Resume a paused ``StartRecording`` recording."""

    _tag = "ResumeRecording"

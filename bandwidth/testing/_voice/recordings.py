"""Recordings of calls and conferences: the record, its media, transcript and wire forms.

A :class:`SimulatedRecording` is one recording as the store keeps it; the
book that holds them all and moves them through their life is
:class:`~bandwidth.testing._voice.recording_book.Recordings`. Media is
generated on download (:mod:`~bandwidth.testing._voice.recording_audio`).
A recording stays readable :data:`RETENTION` after it ended.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Dict, Optional, Protocol, Tuple, Union
from urllib.parse import quote

from bandwidth.testing._core.clock import format_duration, format_time
from bandwidth.testing._voice.calls import SimulatedCall
from bandwidth.testing._voice.recording_audio import media_bytes
from bandwidth.testing._voice.wire_forms import wire_form

__all__ = [
    "FILE_FORMATS",
    "RETENTION",
    "Owner",
    "RecordedConference",
    "RecordingTranscript",
    "SimulatedRecording",
]

#: A recording stays readable this long after it ended (the platform keeps them 30 days).
RETENTION = timedelta(days=30)
FILE_FORMATS = ("wav", "mp3")
RECORDING = "recording"
PAUSED = "paused"
#: Statuses of an ended recording (the spec's list); ``deleted`` once its media is deleted.
ENDED_STATUSES = ("complete", "partial", "error", "processing")
#: The statuses whose media can be downloaded (``partial``: with gaps).
DOWNLOADABLE = ("complete", "partial")
#: A transcription works only for recordings longer than this and shorter than 4 h.
TRANSCRIBABLE = (0.5, 4 * 3600.0)


class RecordedConference(Protocol):
    """What a recording keeps of the conference it records (a ``SimulatedConference``)."""

    @property
    def conference_id(self) -> str:
        """The conference's id."""

    @property
    def name(self) -> str:
        """The conference's name."""

    @property
    def account_id(self) -> str:
        """The account it belongs to."""


#: Metadata keys the spec types as plain strings: left out while unset, not null.
_LEFT_OUT = frozenset({"parent_call_id", "transfer_caller_id", "transfer_to", "recording_name"})

#: What a recording records: a call, or a conference.
Owner = Union[SimulatedCall, RecordedConference]


def _q(value: str) -> str:
    return quote(value, safe="")


@dataclass
class RecordingTranscript:
    """The transcription of a recording: one text per channel (the speakers)."""

    transcription_id: str
    status: str  # available, file-size-too-small, file-size-too-big, ...
    completed_time: Optional[datetime]
    texts: Tuple[str, ...]
    confidence: float = 0.9
    #: the ``transcribeRecording`` body it was requested with (``None``: by a verb or seeded)
    request: Optional[Dict[str, Any]] = None

    def to_json(self, seconds: float) -> Dict[str, Any]:
        """The ``recordingTranscriptions`` answer: transcripts, and a clip per speaker."""
        transcripts = [
            {"speaker": speaker, "text": text, "confidence": self.confidence}
            for speaker, text in enumerate(self.texts)
        ]
        clips = [
            {**item, "startTimeSeconds": 0.0, "endTimeSeconds": round(seconds, 3)}
            for item in transcripts
        ]
        return {"transcripts": transcripts, "clips": clips}


@dataclass
class SimulatedRecording:
    """One recording, of a call (``call_id``) or of a conference (``conference_id``).

    ``status`` is ``recording`` or ``paused`` while it runs, then the
    spec's status (``complete``, ...), ``deleted`` once its media is deleted.
    ``deleted`` is set when the whole recording was deleted (the API then
    answers 404). ``speech`` is what the recording holds, one text per
    channel: what a transcription of it will read. ``options`` are the
    verb's attributes (``recordingAvailableUrl``, ...), for the flow engine.
    """

    recording_id: str
    account_id: str
    start_time: datetime
    file_format: str = "wav"
    channels: int = 1
    call_id: Optional[str] = None
    conference_id: Optional[str] = None
    conference_name: Optional[str] = None
    application_id: Optional[str] = None
    parent_call_id: Optional[str] = None
    to: Optional[str] = None
    from_: Optional[str] = None
    direction: Optional[str] = None
    transfer_caller_id: Optional[str] = None
    transfer_to: Optional[str] = None
    name: Optional[str] = None
    status: str = RECORDING
    end_time: Optional[datetime] = None
    #: seconds of audio (the time it ran minus the pauses), set when it ends
    seconds: float = 0.0
    paused_seconds: float = 0.0
    paused_at: Optional[datetime] = None
    deleted: bool = False
    speech: Tuple[str, ...] = ()
    transcription: Optional[RecordingTranscript] = None
    options: Dict[str, Any] = field(default_factory=dict)
    seq: int = field(default=0, repr=False, compare=False)

    @property
    def in_progress(self) -> bool:
        """Whether it is still recording (or paused)."""
        return self.status in (RECORDING, PAUSED)

    @property
    def has_media(self) -> bool:
        """Whether its media can be downloaded: it ended ``complete`` or ``partial``
        (not ``processing`` yet, not ``error``), and was not deleted."""
        return not self.deleted and self.status in DOWNLOADABLE

    @property
    def sort_key(self) -> Tuple[datetime, int]:
        """Position in lists: start time, then creation order."""
        return (self.start_time, self.seq)

    # -- wire forms ------------------------------------------------------------------------

    def _path(self, account_url: str) -> str:
        if self.conference_id is not None:
            owner = f"conferences/{_q(self.conference_id)}"
        else:
            owner = f"calls/{_q(self.call_id or '')}"
        return f"{account_url}/{owner}/recordings/{_q(self.recording_id)}"

    def media_url(self, account_url: str) -> Optional[str]:
        """Where its media downloads from (``None`` once deleted)."""
        return self._path(account_url) + "/media" if self.has_media else None

    def transcription_url(self, account_url: str) -> str:
        """Where its transcription reads from."""
        return self._path(account_url) + "/transcription"

    def _common(self, account_url: str) -> Dict[str, Any]:
        return {
            "recording_id": self.recording_id,
            "duration": format_duration(self.seconds),
            "channels": self.channels,
            "start_time": format_time(self.start_time),
            "end_time": format_time(self.end_time or self.start_time),
            "file_format": self.file_format,
            "status": self.status,
            "media_url": self.media_url(account_url),
            "recording_name": self.name,
        }

    def to_call_metadata(self, account_url: str) -> Dict[str, Any]:
        """The ``callRecordingMetadata`` of a call's recording (the SDK's model).

        Keys the spec types as plain strings are left out when unset, not null.
        """
        transcript = self.transcription
        return wire_form(
            "CallRecordingMetadata",
            {
                "application_id": self.application_id,
                "account_id": self.account_id,
                "call_id": self.call_id,
                "parent_call_id": self.parent_call_id,
                "to": self.to,
                "var_from": self.from_,
                "transfer_caller_id": self.transfer_caller_id,
                "transfer_to": self.transfer_to,
                "direction": self.direction,
                **self._common(account_url),
                "transcription": None
                if transcript is None
                else self._transcription_metadata(account_url, transcript),
            },
            left_out_when_none=_LEFT_OUT,
        )

    def _transcription_metadata(
        self, account_url: str, transcript: RecordingTranscript
    ) -> Dict[str, Any]:
        completed = transcript.completed_time
        return wire_form(
            "RecordingTranscriptionMetadata",
            {
                "id": transcript.transcription_id,
                "status": transcript.status,
                "completed_time": None if completed is None else format_time(completed),
                "url": self.transcription_url(account_url),
            },
            left_out_when_none={"completed_time"},
        )

    def to_conference_metadata(self, account_url: str) -> Dict[str, Any]:
        """The ``conferenceRecordingMetadata`` of a conference's recording (the SDK's model)."""
        return wire_form(
            "ConferenceRecordingMetadata",
            {
                "account_id": self.account_id,
                "conference_id": self.conference_id,
                "name": self.conference_name,
                **self._common(account_url),
            },
            left_out_when_none=_LEFT_OUT,
        )

    def media(self) -> bytes:
        """Its audio, in its file format (see :mod:`~bandwidth.testing._voice.recording_audio`)."""
        return media_bytes(self.file_format, self.seconds, self.channels)

    def snapshot(self) -> SimulatedRecording:
        """An independent copy, safe to read while the simulator keeps serving."""
        clone = copy.copy(self)
        clone.options = copy.deepcopy(self.options)
        clone.transcription = copy.deepcopy(self.transcription)
        return clone

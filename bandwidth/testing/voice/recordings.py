"""Recordings of calls and conferences: their life, media, transcription and wire forms.

:class:`Recordings` is the part of the simulator's store that holds them.
The call-flow interpreter writes into it as verbs run, and the seeding API
(``sim.add_recording``, ``sim.start_recording``) uses the same methods::

    rec = store.recordings.start(call, now, file_format="wav", channels=1)
    store.recordings.pause(rec, now)    # <PauseRecording>, PUT /calls/{id}/recording
    store.recordings.resume(rec, now)   # <ResumeRecording>, PUT /calls/{id}/recording
    store.recordings.finish(rec, now)   # <StopRecording>, <Record> ending, the call ending
    store.recordings.transcribe(rec, now)  # transcribe="true", POST .../transcription

``start`` also takes a conference (``<StartRecording>`` inside one), and
:meth:`Recordings.add` stores a recording that has already ended (seeding).
A recording is visible to the REST API once it has ended, as on the
platform (its lists show finished recordings); in progress, the test sees it
through ``sim.recording(id)`` with ``status`` ``recording`` or ``paused``.
It stays readable :data:`RETENTION` after it ended. Its duration is the time
it ran minus the time it was paused. Media is generated on download
(:mod:`~bandwidth.testing.voice.recording_audio`).

``Recordings.listener``, when set (by the flow engine), hears of each change
the engine did not make itself (a pause or resume or a transcription through
the REST API, a recording ending with its call or conference), so it can
send the webhooks that follow.

Not thread-safe on its own: every method expects the store's lock held.
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Protocol, Sequence, Tuple, Union
from urllib.parse import quote

from bandwidth.testing.core.clock import format_duration, format_time
from bandwidth.testing.voice.calls import SimulatedCall, new_id
from bandwidth.testing.voice.recording_audio import media_bytes

if TYPE_CHECKING:
    from bandwidth.testing.voice.conferences import SimulatedConference

__all__ = [
    "FILE_FORMATS",
    "RETENTION",
    "RecordingListener",
    "RecordingTranscript",
    "Recordings",
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

Owner = Union[SimulatedCall, "SimulatedConference"]


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
            "recordingId": self.recording_id,
            "duration": format_duration(self.seconds),
            "channels": self.channels,
            "startTime": format_time(self.start_time),
            "endTime": format_time(self.end_time or self.start_time),
            "fileFormat": self.file_format,
            "status": self.status,
            "mediaUrl": self.media_url(account_url),
        }

    def to_call_metadata(self, account_url: str) -> Dict[str, Any]:
        """The ``callRecordingMetadata`` of a call's recording.

        Keys the spec types as plain strings are left out when unset, not null.
        """
        data: Dict[str, Any] = {
            "applicationId": self.application_id,
            "accountId": self.account_id,
            "callId": self.call_id,
        }
        if self.parent_call_id is not None:
            data["parentCallId"] = self.parent_call_id
        data.update(to=self.to, **{"from": self.from_})
        if self.transfer_caller_id is not None:
            data["transferCallerId"] = self.transfer_caller_id
        if self.transfer_to is not None:
            data["transferTo"] = self.transfer_to
        data["direction"] = self.direction
        data.update(self._common(account_url))
        transcript = self.transcription
        data["transcription"] = (
            None if transcript is None else self._transcription_metadata(account_url, transcript)
        )
        if self.name is not None:
            data["recordingName"] = self.name
        return data

    def _transcription_metadata(
        self, account_url: str, transcript: RecordingTranscript
    ) -> Dict[str, Any]:
        data: Dict[str, Any] = {"id": transcript.transcription_id, "status": transcript.status}
        if transcript.completed_time is not None:
            data["completedTime"] = format_time(transcript.completed_time)
        data["url"] = self.transcription_url(account_url)
        return data

    def to_conference_metadata(self, account_url: str) -> Dict[str, Any]:
        """The ``conferenceRecordingMetadata`` of a conference's recording."""
        data: Dict[str, Any] = {
            "accountId": self.account_id,
            "conferenceId": self.conference_id,
            "name": self.conference_name,
        }
        data.update(self._common(account_url))
        if self.name is not None:
            data["recordingName"] = self.name
        return data

    def media(self) -> bytes:
        """Its audio, in its file format (see :mod:`~bandwidth.testing.voice.recording_audio`)."""
        return media_bytes(self.file_format, self.seconds, self.channels)

    def snapshot(self) -> SimulatedRecording:
        """An independent copy, safe to read while the simulator keeps serving."""
        clone = copy.copy(self)
        clone.options = copy.deepcopy(self.options)
        clone.transcription = copy.deepcopy(self.transcription)
        return clone


class RecordingListener(Protocol):
    """Told of each change the flow engine did not make itself (under the store's lock)."""

    def recording_changed(self, recording: SimulatedRecording, when: datetime) -> None:
        """``recording`` was paused or resumed (``update_call_recording_state``), or ended
        because its call or conference did (``recordingAvailable`` is then due)."""

    def transcription_requested(self, recording: SimulatedRecording, when: datetime) -> None:
        """A transcription of ``recording`` was made (``transcribe_call_recording``)."""


class Recordings:
    """Every recording of one simulator, by start time (see the module docstring)."""

    def __init__(self) -> None:
        self.by_id: Dict[str, SimulatedRecording] = {}
        #: sorted by ``sort_key``
        self.order: List[SimulatedRecording] = []
        self._keys: List[Tuple[datetime, int]] = []
        self._seq = 0
        self.listener: Optional[RecordingListener] = None

    # -- making them -----------------------------------------------------------------------

    def start(
        self,
        owner: Owner,
        when: datetime,
        *,
        file_format: str = "wav",
        channels: int = 1,
        name: Optional[str] = None,
        transfer_caller_id: Optional[str] = None,
        transfer_to: Optional[str] = None,
        speech: Union[str, Sequence[str], None] = None,
        options: Optional[Dict[str, Any]] = None,
    ) -> SimulatedRecording:
        """A recording of ``owner`` (a call or a conference) starting at ``when``.

        A conference recording always has one channel (``multiChannel`` is
        ignored there). ``ValueError`` for a file format other than ``wav``
        or ``mp3``, or channels other than 1 or 2.
        """
        if file_format not in FILE_FORMATS:
            raise ValueError(f"file_format must be one of {FILE_FORMATS}")
        if channels not in (1, 2):
            raise ValueError("channels must be 1 or 2")
        self._seq += 1
        rec = SimulatedRecording(
            recording_id=new_id("r"),
            account_id=owner.account_id,
            start_time=when,
            file_format=file_format,
            channels=channels,
            name=name,
            options=dict(options or {}),
            seq=self._seq,
        )
        if isinstance(owner, SimulatedCall):
            rec.call_id = owner.call_id
            rec.application_id = owner.application_id
            rec.parent_call_id = owner.parent_call_id
            rec.to, rec.from_, rec.direction = owner.to, owner.from_, owner.direction
            rec.transfer_caller_id, rec.transfer_to = transfer_caller_id, transfer_to
        else:
            rec.conference_id = owner.conference_id
            rec.conference_name = owner.name
            rec.channels = 1
        if isinstance(speech, str):
            speech = [speech] * rec.channels
        rec.speech = tuple(speech or ("",) * rec.channels)
        if len(rec.speech) != rec.channels:
            raise ValueError(f"speech needs one text per channel ({rec.channels})")
        self._insert(rec)
        return rec

    def add(
        self,
        owner: Owner,
        start: datetime,
        seconds: float,
        *,
        status: str = "complete",
        **options: Any,
    ) -> SimulatedRecording:
        """A recording of ``owner`` that ran ``seconds`` from ``start`` and has ended."""
        if seconds < 0:
            raise ValueError("a recording cannot last less than 0 seconds")
        if status not in ENDED_STATUSES:
            raise ValueError(f"status must be one of {ENDED_STATUSES}")
        rec = self.start(owner, start, **options)
        rec.end_time = start + timedelta(seconds=seconds)
        rec.seconds = float(seconds)
        rec.status = status
        return rec

    def _insert(self, rec: SimulatedRecording) -> None:
        self.by_id[rec.recording_id] = rec
        index = bisect.bisect_right(self._keys, rec.sort_key)
        self._keys.insert(index, rec.sort_key)
        self.order.insert(index, rec)

    # -- their life ------------------------------------------------------------------------

    def pause(self, rec: SimulatedRecording, when: datetime) -> bool:
        """Pause a running recording; ``False`` if it was not recording (nothing changes)."""
        if rec.status != RECORDING:
            return False
        rec.status = PAUSED
        rec.paused_at = when
        return True

    def resume(self, rec: SimulatedRecording, when: datetime) -> bool:
        """Resume a paused recording; ``False`` if it was not paused (nothing changes)."""
        if rec.status != PAUSED:
            return False
        self._unpause(rec, when)
        rec.status = RECORDING
        return True

    def _unpause(self, rec: SimulatedRecording, when: datetime) -> None:
        if rec.paused_at is not None:
            rec.paused_seconds += max(0.0, (when - rec.paused_at).total_seconds())
            rec.paused_at = None

    def finish(self, rec: SimulatedRecording, when: datetime, *, status: str = "complete") -> bool:
        """End a recording in progress (a paused one too); ``False`` if it had ended."""
        if not rec.in_progress:
            return False
        if status not in ENDED_STATUSES:
            raise ValueError(f"status must be one of {ENDED_STATUSES}")
        self._unpause(rec, when)
        rec.end_time = when
        ran = (when - rec.start_time).total_seconds()
        rec.seconds = max(0.0, ran - rec.paused_seconds)
        rec.status = status
        return True

    def call_ended(self, call_id: str, when: datetime) -> List[SimulatedRecording]:
        """The call hung up: its recordings in progress end now; returns them."""
        return self._end([r for r in self.order if r.call_id == call_id and r.in_progress], when)

    def conference_ended(self, conference_id: str, when: datetime) -> List[SimulatedRecording]:
        """The conference ended: its recordings in progress end now; returns them."""
        running = [r for r in self.order if r.conference_id == conference_id and r.in_progress]
        return self._end(running, when)

    def _end(self, running: List[SimulatedRecording], when: datetime) -> List[SimulatedRecording]:
        for rec in running:
            self.finish(rec, when)
            if self.listener is not None:
                self.listener.recording_changed(rec, when)
        return running

    def transcribe(
        self,
        rec: SimulatedRecording,
        when: datetime,
        *,
        request: Optional[Dict[str, Any]] = None,
        texts: Optional[Sequence[str]] = None,
        confidence: float = 0.9,
    ) -> RecordingTranscript:
        """Transcribe an ended recording now (a new transcription replaces the old one).

        The text is the recording's ``speech`` unless ``texts`` is given. A
        recording of 0.5 s or less, or of 4 hours or more, gets the status
        ``file-size-too-small`` / ``file-size-too-big`` and no text.
        """
        low, high = TRANSCRIBABLE
        if rec.seconds <= low:
            status = "file-size-too-small"
        elif rec.seconds >= high:
            status = "file-size-too-big"
        else:
            status = "available"
        words = tuple(texts) if texts is not None else rec.speech
        rec.transcription = RecordingTranscript(
            transcription_id=new_id("t"),
            status=status,
            completed_time=when,
            texts=words if status == "available" else (),
            confidence=confidence,
            request=None if request is None else dict(request),
        )
        return rec.transcription

    def delete(self, rec: SimulatedRecording) -> None:
        """Delete the recording: metadata, media and transcription are gone for the API."""
        rec.deleted = True
        rec.transcription = None

    def delete_transcription(self, rec: SimulatedRecording) -> None:
        """Delete its transcription (the metadata's ``transcription`` reads null again)."""
        rec.transcription = None

    def delete_media(self, rec: SimulatedRecording) -> None:
        """Delete its media: the metadata stays, with status ``deleted`` and no ``mediaUrl``."""
        rec.status = "deleted"

    # -- reading them ----------------------------------------------------------------------

    def get(self, recording_id: str) -> SimulatedRecording:
        """The stored recording; ``KeyError`` if there is none."""
        rec = self.by_id.get(recording_id)
        if rec is None:
            raise KeyError(recording_id)
        return rec

    def visible(self, rec: SimulatedRecording, now: datetime) -> bool:
        """Whether the REST API shows it: ended, not deleted, within its retention."""
        return (
            not rec.in_progress
            and not rec.deleted
            and rec.end_time is not None
            and now - rec.end_time <= RETENTION
        )

    def find(
        self,
        recording_id: str,
        now: datetime,
        *,
        call_id: Optional[str] = None,
        conference_id: Optional[str] = None,
    ) -> Optional[SimulatedRecording]:
        """The recording the API shows under that call or conference, else ``None``."""
        rec = self.by_id.get(recording_id)
        if rec is None or not self.visible(rec, now):
            return None
        if rec.call_id != call_id or rec.conference_id != conference_id:
            return None
        return rec

    def running(self, call_id: str) -> Optional[SimulatedRecording]:
        """The call's recording in progress (one at a time), or ``None``."""
        for rec in reversed(self.order):
            if rec.call_id == call_id and rec.in_progress:
                return rec
        return None

    def of_call(self, call_id: str, now: datetime) -> List[SimulatedRecording]:
        """The call's recordings the API shows, by start time."""
        return [r for r in self.order if r.call_id == call_id and self.visible(r, now)]

    def of_conference(self, conference_id: str, now: datetime) -> List[SimulatedRecording]:
        """The conference's recordings the API shows, by start time."""
        return [r for r in self.order if r.conference_id == conference_id and self.visible(r, now)]

    def knows_call(self, call_id: str) -> bool:
        """Whether any recording, shown or not, belongs to the call."""
        return any(r.call_id == call_id for r in self.order)

    def clear(self) -> None:
        """Forget every recording."""
        self.by_id.clear()
        self.order.clear()
        self._keys.clear()

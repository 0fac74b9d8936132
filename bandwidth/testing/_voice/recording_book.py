"""The book of recordings: their life (start, pause, resume, finish), transcription, lookup.

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
(:mod:`~bandwidth.testing._voice.recording_audio`).

``Recordings.listener``, when set (by the flow engine), hears of each change
the engine did not make itself (a pause or resume or a transcription through
the REST API, a recording ending with its call or conference), so it can
send the webhooks that follow.

Not thread-safe on its own: every method expects the store's lock held.
"""

from __future__ import annotations

import bisect
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Protocol, Sequence, Tuple, Union

from bandwidth.testing._voice.calls import SimulatedCall, new_id
from bandwidth.testing._voice.recordings import (
    ENDED_STATUSES,
    FILE_FORMATS,
    PAUSED,
    RECORDING,
    RETENTION,
    TRANSCRIBABLE,
    Owner,
    RecordingTranscript,
    SimulatedRecording,
)

__all__ = ["RecordingListener", "Recordings"]


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

    def forget_expired(self, now: datetime) -> None:
        """Drop the recordings that ended more than :data:`RETENTION` before ``now``."""
        kept = [r for r in self.order if r.end_time is None or now - r.end_time <= RETENTION]
        if len(kept) == len(self.order):
            return
        self.order[:] = kept
        self._keys[:] = [r.sort_key for r in kept]
        self.by_id = {r.recording_id: r for r in kept}

    def clear(self) -> None:
        """Forget every recording."""
        self.by_id.clear()
        self.order.clear()
        self._keys.clear()

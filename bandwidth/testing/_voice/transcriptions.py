"""Real-time transcriptions of calls (``<StartTranscription>``): their life and wire forms.

:class:`Transcriptions` is the part of the simulator's store that holds
them. The call-flow interpreter writes into it as verbs run, and the seeding
API (``sim.add_transcription``) uses the same methods::

    t = store.transcriptions.start(call, now, name="live", tracks=("inbound",))
    store.transcriptions.hear(t, "inbound", "I need help with my bill")
    store.transcriptions.stop(t, now)   # <StopTranscription>, or the call ending

A transcription is visible to the REST API once it has stopped (the
platform sends ``realTimeTranscriptionAvailable`` then), until it is deleted
or :data:`~bandwidth.testing._voice.recordings.RETENTION` has passed.

Not thread-safe on its own: every method expects the store's lock held.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional, Sequence
from urllib.parse import quote

from bandwidth.testing._voice.calls import SimulatedCall, new_id
from bandwidth.testing._voice.recordings import RETENTION
from bandwidth.testing._voice.wire_forms import wire_form

__all__ = ["TRACKS", "SimulatedTranscription", "TrackText", "Transcriptions"]

TRACKS = ("inbound", "outbound")
LANGUAGES = ("en-US", "es-US", "fr-FR")


@dataclass
class TrackText:
    """What was transcribed on one track: the texts heard, in order."""

    track: str
    texts: List[str] = field(default_factory=list)
    language: str = "en-US"
    confidence: float = 0.9

    def to_json(self) -> Dict[str, Any]:
        """One ``callTranscription`` item: the track's texts joined by spaces."""
        return wire_form(
            "CallTranscription",
            {
                "detected_language": self.language,
                "track": self.track,
                "transcript": " ".join(text for text in self.texts if text),
                "confidence": self.confidence,
            },
        )


@dataclass
class SimulatedTranscription:
    """One real-time transcription of a call. ``tracks`` by track name, in ``TRACKS`` order."""

    transcription_id: str
    account_id: str
    call_id: str
    name: str
    start_time: datetime
    end_time: Optional[datetime] = None
    tracks: Dict[str, TrackText] = field(default_factory=dict)
    deleted: bool = False
    #: the verb's attributes (``transcriptionEventUrl``, ...), for the flow engine
    options: Dict[str, Any] = field(default_factory=dict)

    @property
    def active(self) -> bool:
        """Whether it is still transcribing."""
        return self.end_time is None

    def url(self, account_url: str) -> str:
        """Its ``get_real_time_transcription`` URL."""
        return (
            f"{account_url}/calls/{quote(self.call_id, safe='')}"
            f"/transcriptions/{quote(self.transcription_id, safe='')}"
        )

    def to_metadata(self, account_url: str) -> Dict[str, Any]:
        """One ``callTranscriptionMetadata`` item of ``list_real_time_transcriptions``."""
        return wire_form(
            "CallTranscriptionMetadata",
            {
                "transcription_id": self.transcription_id,
                "transcription_name": self.name,
                "transcription_url": self.url(account_url),
            },
        )

    def to_json(self) -> Dict[str, Any]:
        """The ``callTranscriptionResponse``."""
        return wire_form(
            "CallTranscriptionResponse",
            {
                "account_id": self.account_id,
                "call_id": self.call_id,
                "transcription_id": self.transcription_id,
                "tracks": [self.tracks[t].to_json() for t in TRACKS if t in self.tracks],
            },
        )

    def snapshot(self) -> SimulatedTranscription:
        """An independent copy, safe to read while the simulator keeps serving."""
        clone = copy.copy(self)
        clone.tracks = copy.deepcopy(self.tracks)
        clone.options = copy.deepcopy(self.options)
        return clone


class Transcriptions:
    """Every real-time transcription of one simulator, in start order."""

    def __init__(self) -> None:
        self.by_id: Dict[str, SimulatedTranscription] = {}
        self.order: List[SimulatedTranscription] = []

    def start(
        self,
        call: SimulatedCall,
        when: datetime,
        *,
        name: Optional[str] = None,
        tracks: Sequence[str] = ("inbound",),
        language: str = "en-US",
        confidence: float = 0.9,
        options: Optional[Dict[str, Any]] = None,
    ) -> SimulatedTranscription:
        """Start transcribing ``tracks`` of ``call`` (``name`` defaults to the id).

        ``ValueError`` for an unknown track or language, or a confidence
        outside 0..1.
        """
        unknown = [t for t in tracks if t not in TRACKS]
        if unknown or not tracks:
            raise ValueError(f"tracks must be some of {TRACKS}")
        if language not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}")
        if not 0.0 <= confidence <= 1.0:
            raise ValueError("confidence must be between 0 and 1")
        transcription_id = new_id("t")
        transcription = SimulatedTranscription(
            transcription_id=transcription_id,
            account_id=call.account_id,
            call_id=call.call_id,
            name=name or transcription_id,
            start_time=when,
            tracks={
                t: TrackText(t, language=language, confidence=confidence)
                for t in TRACKS
                if t in tracks
            },
            options=dict(options or {}),
        )
        self.by_id[transcription_id] = transcription
        self.order.append(transcription)
        return transcription

    def hear(self, transcription: SimulatedTranscription, track: str, text: str) -> None:
        """Add ``text`` to what ``track`` transcribed (``KeyError``: a track not transcribed)."""
        transcription.tracks[track].texts.append(text)

    def stop(self, transcription: SimulatedTranscription, when: datetime) -> bool:
        """Stop it; ``False`` if it had stopped already."""
        if not transcription.active:
            return False
        transcription.end_time = when
        return True

    def call_ended(self, call_id: str, when: datetime) -> List[SimulatedTranscription]:
        """The call hung up: its running transcriptions stop now; returns them."""
        running = [t for t in self.order if t.call_id == call_id and t.active]
        for transcription in running:
            self.stop(transcription, when)
        return running

    def delete(self, transcription: SimulatedTranscription) -> None:
        """Delete it: the API no longer shows it."""
        transcription.deleted = True

    def get(self, transcription_id: str) -> SimulatedTranscription:
        """The stored transcription; ``KeyError`` if there is none."""
        found = self.by_id.get(transcription_id)
        if found is None:
            raise KeyError(transcription_id)
        return found

    def forget_expired(self, now: datetime) -> None:
        """Drop the transcriptions that stopped more than ``RETENTION`` before ``now``."""
        kept = [t for t in self.order if t.end_time is None or now - t.end_time <= RETENTION]
        if len(kept) != len(self.order):
            self.order[:] = kept
            self.by_id = {t.transcription_id: t for t in kept}

    def visible(self, transcription: SimulatedTranscription, now: datetime) -> bool:
        """Whether the REST API shows it: stopped, not deleted, within retention."""
        end = transcription.end_time
        return end is not None and not transcription.deleted and now - end <= RETENTION

    def find(
        self, transcription_id: str, call_id: str, now: datetime
    ) -> Optional[SimulatedTranscription]:
        """The transcription the API shows under that call, else ``None``."""
        found = self.by_id.get(transcription_id)
        if found is None or found.call_id != call_id or not self.visible(found, now):
            return None
        return found

    def of_call(self, call_id: str, now: datetime) -> List[SimulatedTranscription]:
        """The call's transcriptions the API shows, in start order."""
        return [t for t in self.order if t.call_id == call_id and self.visible(t, now)]

    def knows_call(self, call_id: str) -> bool:
        """Whether any transcription, shown or not, belongs to the call."""
        return any(t.call_id == call_id for t in self.order)

    def clear(self) -> None:
        """Forget every transcription."""
        self.by_id.clear()
        self.order.clear()

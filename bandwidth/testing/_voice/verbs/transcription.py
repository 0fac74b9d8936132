"""Real-time transcription: ``<StartTranscription>`` and ``<StopTranscription>``.

``<StartTranscription>`` writes a real-time transcription into the store
(``realTimeTranscriptionStarted``), or is refused
(``realTimeTranscriptionRejected``): its name is taken by one running on
the call (``duplicate``), the call would have more than 4 tracks
transcribed (``track-limit``), or the test made its ``destination`` fail
(``sim.fail_websocket``; no WebSocket is opened). When it stops
(``<StopTranscription>``, the call's end) it takes the words said while it
ran, the far end's (``sim.speak``) on ``inbound`` and the call's audio on
``outbound``; ``realTimeTranscriptionStopped`` and
``realTimeTranscriptionAvailable`` follow, and the REST API serves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, Optional, Tuple

from bandwidth.models.bxml import StartTranscription, StopTranscription
from bandwidth.testing._core.clock import format_duration, format_time
from bandwidth.testing._core.webhooks import Target, targets_for
from bandwidth.testing._voice.bxml_reading import text
from bandwidth.testing._voice.calls import SimulatedCall, new_id
from bandwidth.testing._voice.interpreter import CallFlow, Step, VerbFamily, VerbRunner
from bandwidth.testing._voice.media_delivery import MediaDelivery
from bandwidth.testing._voice.transcriptions import LANGUAGES, SimulatedTranscription
from bandwidth.testing._voice.verbs.background_media import MAX_TRACKS, BackgroundMedia
from bandwidth.testing._voice.verbs.media_reading import TranscriptionSpec, transcription_spec
from bandwidth.testing._voice.words_said import words_within

__all__ = ["RealTimeTranscribing", "family"]


@dataclass
class _Live:
    """A real-time transcription a verb started: its settings, where its events go."""

    spec: TranscriptionSpec
    target: Optional[Target]
    reported: bool = False


class RealTimeTranscribing:
    """The real-time transcriptions that verbs started, and their events."""

    def __init__(self, media: MediaDelivery, background: BackgroundMedia) -> None:
        self.media = media
        self.background = background
        self._live: Dict[str, _Live] = {}

    def clear(self) -> None:
        """Forget the transcriptions started so far."""
        self._live.clear()

    def call_ended(self, call: SimulatedCall, when: datetime) -> None:
        """The call ended (its transcriptions stopped with it): they are reported."""
        book = self.media.store.transcriptions
        for transcription_id, live in list(self._live.items()):
            found = book.by_id.get(transcription_id)
            if found is not None and found.call_id == call.call_id:
                self._stopped(found, live, found.end_time or when)

    def start_transcription(self, flow: CallFlow, verb: Any, when: datetime) -> Step:
        """Start transcribing (or refuse: a failing socket, a taken name, too many tracks)."""
        spec = transcription_spec(verb)
        call = flow.call
        found = targets_for(spec.events, flow.base_url)
        target = found[0] if found is not None else None
        book = self.media.store.transcriptions
        running = [t for t in book.order if t.call_id == call.call_id and t.active]
        taken = next((t for t in running if spec.name and t.name == spec.name), None)
        tracks = sum(len(t.tracks) for t in running) + len(spec.tracks)
        failure = self.background.failing.get(spec.destination or "") if spec.destination else None
        if taken is None and tracks <= MAX_TRACKS and failure is None:
            language = next((lang for lang in spec.preferred_languages if lang in LANGUAGES), None)
            started = book.start(
                call,
                when,
                name=spec.name,
                tracks=spec.tracks,
                language=language or "en-US",
                options={"destination": spec.destination, "customParams": dict(spec.params)},
            )
            self._live[started.transcription_id] = _Live(spec, target)
            call.note(when, f"<StartTranscription> {started.name} ({', '.join(spec.tracks)})")
            self._transcription_event(
                call, started, spec, "realTimeTranscriptionStarted", when, target
            )
            return 0.0
        refused = SimulatedTranscription(
            transcription_id=new_id("t"),
            account_id=call.account_id,
            call_id=call.call_id,
            name=spec.name or "",
            start_time=when,
        )
        refused.name = refused.name or refused.transcription_id
        values: Dict[str, Any] = {}
        if taken is not None:
            cause, message = "duplicate", f"A transcription named {taken.name} is running."
            values["originalTranscription"] = self._transcription_json(taken, self._spec_of(taken))
        elif tracks > MAX_TRACKS:
            cause, message = "track-limit", f"At most {MAX_TRACKS} tracks are transcribed at once."
        else:
            cause, message = failure or "error", f"Could not connect to {spec.destination}."
        call.note(when, f"<StartTranscription> {refused.name} rejected: {cause}")
        values.update(cause=cause, errorMessage=message)
        self._transcription_event(
            call,
            refused,
            spec,
            "realTimeTranscriptionRejected",
            when,
            target,
            spec.tracks,
            **values,
        )
        return 0.0

    def stop_transcription(self, flow: CallFlow, verb: Any, when: datetime) -> Step:
        """Stop the transcription of that name (or id), or every one without a name."""
        name = text(verb, "name")
        book = self.media.store.transcriptions
        call = flow.call
        running = [t for t in book.order if t.call_id == call.call_id and t.active]
        chosen = [t for t in running if name is None or name in (t.name, t.transcription_id)]
        if not chosen:
            call.note(when, "<StopTranscription>: no such transcription running")
        for found in chosen:
            book.stop(found, when)
            call.note(when, f"<StopTranscription> {found.name}")
            live = self._live.get(found.transcription_id)
            if live is not None:
                self._stopped(found, live, when)
        return 0.0

    def _stopped(self, found: SimulatedTranscription, live: _Live, when: datetime) -> None:
        """It stopped: it takes the words said meanwhile; Stopped and Available follow."""
        if live.reported:
            return
        live.reported = True
        call = self.media.store.calls.get(found.call_id)
        if call is None:
            return
        segments = [(found.start_time, found.end_time)]
        for track in found.tracks:
            words = words_within(call.audio, segments, (track,))
            if words:
                self.media.store.transcriptions.hear(found, track, words)
        self._transcription_event(
            call,
            found,
            live.spec,
            "realTimeTranscriptionStopped",
            when,
            live.target,
            cause="closed",
        )
        self._transcription_event(
            call, found, live.spec, "realTimeTranscriptionAvailable", when, live.target
        )

    def _spec_of(self, found: SimulatedTranscription) -> Optional[TranscriptionSpec]:
        live = self._live.get(found.transcription_id)
        return live.spec if live is not None else None

    def _transcription_json(
        self,
        found: SimulatedTranscription,
        spec: Optional[TranscriptionSpec],
        tracks: Optional[Tuple[str, ...]] = None,
        event_type: str = "realTimeTranscriptionStarted",
    ) -> Dict[str, Any]:
        data: Dict[str, Any] = {
            "id": found.transcription_id,
            "name": found.name,
            "startTime": format_time(found.start_time),
            "tracks": list(tracks if tracks is not None else found.tracks),
        }
        if spec is not None and spec.destination:
            data.update(destination=spec.destination, stabilized=spec.stabilized)
        end = found.end_time
        if event_type == "realTimeTranscriptionStopped" and end is not None:
            data["duration"] = format_duration((end - found.start_time).total_seconds())
        if event_type == "realTimeTranscriptionAvailable" and end is not None:
            data.update(
                status="available",
                url=found.url(self.media.account_url()),
                completedTime=format_time(end),
            )
        return data

    def _transcription_event(
        self,
        call: SimulatedCall,
        found: SimulatedTranscription,
        spec: TranscriptionSpec,
        event_type: str,
        when: datetime,
        target: Optional[Target],
        tracks: Optional[Tuple[str, ...]] = None,
        **values: Any,
    ) -> None:
        if target is None:
            return
        shown = self._transcription_json(found, spec, tracks, event_type)
        self.media.call_event(call, event_type, when, target, realTimeTranscription=shown, **values)


# -- the verbs -----------------------------------------------------------------------------


def family(transcribing: RealTimeTranscribing) -> VerbFamily:
    """The runners of StartTranscription and StopTranscription."""
    return VerbFamily(
        {
            StartTranscription: VerbRunner(transcribing.start_transcription),
            StopTranscription: VerbRunner(transcribing.stop_transcription),
        }
    )

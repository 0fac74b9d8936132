"""The recording verbs: ``<Record>``, and ``<StartRecording>`` with Pause, Resume and Stop.

Both write into the store's recordings (so the REST API lists, gets,
downloads and deletes what a flow recorded) and send, when the recording
ends, ``recordingAvailable`` (``conferenceRecordingAvailable`` for a
conference's) and, with ``transcribe="true"``, ``transcriptionAvailable``.
``<Record>`` holds the call until a terminating digit, ``maxDuration``, or
``silenceTimeout`` of silence from the far end, then sends
``recordComplete`` (whose BXML runs next) when it has a
``recordCompleteUrl``; a call that hangs up ends it without one.

What a recording holds is the words said while it ran and was not paused
(``words_said``): the far end's (``sim.speak``) and what the call heard, on one
channel, or on two with ``multiChannel`` (0: the far end, 1: the app's
audio); a conference's holds its members' words and its own audio.
:class:`RecordingEngine` is the store's recording listener: a pause or
resume through the REST API, and a recording ended by its call or
conference, go through it too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Tuple, Type, Union

from bandwidth.models.bxml import (
    PauseRecording,
    Record,
    ResumeRecording,
    StartRecording,
    StopRecording,
)
from bandwidth.testing._core.webhooks import DEFAULT_METHOD, Delivery, Target, targets_for
from bandwidth.testing._voice.bxml_reading import verb_name
from bandwidth.testing._voice.calls import INBOUND, OUTBOUND, SimulatedCall
from bandwidth.testing._voice.conferences import SimulatedConference
from bandwidth.testing._voice.event_payloads import (
    call_values,
    conference_values,
    payload,
    recording_values,
)
from bandwidth.testing._voice.interpreter import (
    HALT,
    CallFlow,
    Step,
    VerbFamily,
    VerbRunner,
    answering,
)
from bandwidth.testing._voice.media_delivery import MediaDelivery
from bandwidth.testing._voice.recordings import SimulatedRecording
from bandwidth.testing._voice.verbs.media_reading import (
    RecordingSpec,
    RecordSpec,
    record_spec,
    recording_spec,
)
from bandwidth.testing._voice.words_said import Segment, words_within

__all__ = ["RecordHold", "RecordingEngine", "family", "recording_verb"]

Owner = Union[SimulatedCall, SimulatedConference]
Targets = Optional[Tuple[Target, Optional[Target]]]


@dataclass
class _Made:
    """A recording a verb made: where its events go, and when it was recording."""

    spec: RecordingSpec
    available: Targets
    transcription: Targets
    #: the stretches it recorded (the last one open while it records)
    segments: List[Segment] = field(default_factory=list)


class RecordingEngine:
    """Runs the recording verbs and sends the recording events (the store's listener)."""

    def __init__(self, media: MediaDelivery) -> None:
        self.media = media
        self._made: Dict[str, _Made] = {}

    def clear(self) -> None:
        """Forget the recordings made so far."""
        self._made.clear()

    # -- the verbs' actions ----------------------------------------------------------------

    def start(
        self, owner: Owner, spec: RecordingSpec, when: datetime, base_url: str
    ) -> SimulatedRecording:
        """Start recording ``owner`` as ``spec`` says (its URLs resolve against ``base_url``)."""
        available = targets_for(spec.available, base_url)
        transcription = targets_for(spec.transcription, base_url)
        on_call = isinstance(owner, SimulatedCall)
        options: Dict[str, Any] = {
            "recordingAvailableUrl": available[0].url if available else None,
            "transcribe": spec.transcribe and on_call,
            "transcriptionAvailableUrl": transcription[0].url if transcription else None,
            "detectLanguage": spec.detect_language,
            "multiChannel": spec.multi_channel and on_call,
        }
        rec = self.media.store.recordings.start(
            owner,
            when,
            file_format=spec.file_format,
            channels=2 if spec.multi_channel and on_call else 1,
            name=spec.name,
            options=options,
        )
        self._made[rec.recording_id] = _Made(spec, available, transcription, [(when, None)])
        return rec

    def pause(self, rec: SimulatedRecording, when: datetime) -> bool:
        """Pause a running recording (``False``: it was not recording)."""
        if not self.media.store.recordings.pause(rec, when):
            return False
        self._paused(rec, when)
        return True

    def resume(self, rec: SimulatedRecording, when: datetime) -> bool:
        """Resume a paused recording (``False``: it was not paused)."""
        if not self.media.store.recordings.resume(rec, when):
            return False
        self._resumed(rec, when)
        return True

    def finish(self, rec: SimulatedRecording, when: datetime) -> bool:
        """End a recording in progress: its events follow (``False``: it had ended)."""
        if not self.media.store.recordings.finish(rec, when):
            return False
        self._ended(rec, when)
        return True

    def _paused(self, rec: SimulatedRecording, when: datetime) -> None:
        made = self._made.get(rec.recording_id)
        if made is not None and made.segments and made.segments[-1][1] is None:
            made.segments[-1] = (made.segments[-1][0], when)

    def _resumed(self, rec: SimulatedRecording, when: datetime) -> None:
        made = self._made.get(rec.recording_id)
        if made is not None:
            made.segments.append((when, None))

    # -- the store's listener --------------------------------------------------------------

    def recording_changed(self, recording: SimulatedRecording, when: datetime) -> None:
        """Paused or resumed through the REST API, or ended with its call or conference."""
        if recording.status == "paused":
            self._paused(recording, when)
            self._note(recording, when, "paused (update_call_recording_state)")
        elif recording.in_progress:
            self._resumed(recording, when)
            self._note(recording, when, "resumed (update_call_recording_state)")
        else:
            self._ended(recording, when)

    def transcription_requested(self, recording: SimulatedRecording, when: datetime) -> None:
        """``transcribe_call_recording``: ``transcriptionAvailable`` goes to its ``callbackUrl``."""
        transcript = recording.transcription
        request = (transcript.request if transcript is not None else None) or {}
        url = request.get("callbackUrl")
        if not url:
            return
        target = Target(
            url,
            request.get("callbackMethod") or DEFAULT_METHOD,
            request.get("username"),
            request.get("password"),
        )
        timeout = request.get("callbackTimeout")
        tag = request.get("tag")
        self._transcription_event(recording, when, target, tag=tag, timeout=timeout)

    # -- the events ------------------------------------------------------------------------

    def _note(self, rec: SimulatedRecording, when: datetime, what: str) -> None:
        call = self.media.store.calls.get(rec.call_id or "")
        if call is not None:
            call.note(when, f"recording {rec.recording_id} {what}")

    def _ended(self, rec: SimulatedRecording, when: datetime) -> None:
        made = self._made.get(rec.recording_id)
        if made is None:
            return  # seeded by the test: it keeps what it was given, and sends nothing
        self._paused(rec, rec.end_time or when)
        segments = made.segments
        store = self.media.store
        if rec.conference_id is not None:
            audio = self.media.conference_audio.get(rec.conference_id, [])
            rec.speech = (words_within(audio, segments),)
        else:
            call = store.calls.get(rec.call_id or "")
            heard = call.audio if call is not None else []
            if rec.channels == 2:
                rec.speech = (
                    words_within(heard, segments, (INBOUND,)),
                    words_within(heard, segments, (OUTBOUND,)),
                )
            else:
                rec.speech = (words_within(heard, segments),)
        self._note(rec, when, f"ended ({rec.seconds:g}s)")
        account = self.media.account_url()
        if rec.conference_id is not None:
            self._conference_available(rec, when, made.available)
            return
        call = store.calls.get(rec.call_id or "")
        if call is None:
            return
        if made.available is not None:
            primary, _ = made.available
            values = call_values(
                call, "recordingAvailable", when, self.media.call_url(call.call_id)
            )
            values.update(recording_values(rec, account))
            self.media.send(
                "recordingAvailable",
                call.call_id,
                payload("recordingAvailable", values),
                primary,
                when=when,
                timeout=self.media.timeout(call),
            )
        if made.spec.transcribe:
            transcript = store.recordings.transcribe(rec, when)
            self._note(rec, when, f"transcribed ({transcript.status})")
            if made.transcription is not None:
                self._transcription_event(rec, when, made.transcription[0])

    def _conference_available(
        self, rec: SimulatedRecording, when: datetime, available: Targets
    ) -> None:
        conf = self.media.store.conferences.by_id.get(rec.conference_id or "")
        if conf is None or available is None:
            return
        values = conference_values(conf, "conferenceRecordingAvailable", when)
        values.update(recording_values(rec, self.media.account_url()))
        data = payload("conferenceRecordingAvailable", values)
        self.media.send(
            "conferenceRecordingAvailable",
            "",
            data,
            available[0],
            when=when,
            timeout=self.media.conference_timeout(conf),
        )

    def _transcription_event(
        self,
        rec: SimulatedRecording,
        when: datetime,
        target: Target,
        *,
        tag: Optional[str] = None,
        timeout: Any = None,
    ) -> None:
        call = self.media.store.calls.get(rec.call_id or "")
        transcript = rec.transcription
        if call is None or transcript is None:
            return
        values = call_values(
            call, "transcriptionAvailable", when, self.media.call_url(call.call_id)
        )
        values.update(recording_values(rec, self.media.account_url()))
        if tag is not None:
            values["tag"] = tag
        # The spec's shape: the first speaker's (the far end's) words; a recording too short
        # or too long to transcribe reads as no words at no confidence.
        text = transcript.texts[0] if transcript.texts else ""
        values["transcription"] = {
            "speaker": 0,
            "text": text,
            "confidence": transcript.confidence if transcript.texts else 0.0,
        }
        self.media.send(
            "transcriptionAvailable",
            call.call_id,
            payload("transcriptionAvailable", values),
            target,
            when=when,
            timeout=float(timeout) if timeout else self.media.timeout(call),
        )


# -- <Record> ------------------------------------------------------------------------------


class RecordHold:
    """A ``<Record>`` in progress: it holds the call until it ends."""

    def __init__(
        self,
        recordings: RecordingEngine,
        flow: CallFlow,
        spec: RecordSpec,
        rec: SimulatedRecording,
    ) -> None:
        self.recordings = recordings
        self.flow = flow
        self.spec = spec
        self.rec = rec
        self.done = False
        self._silence = 0  # bumped to cancel the pending silence timer

    def begin(self, when: datetime) -> None:
        """Schedule its ``maxDuration`` and, with ``silenceTimeout``, its silence timer."""
        due = when + timedelta(seconds=self.spec.max_duration)
        self.flow.host.later(due, self.flow.bind(self._max_duration))
        talking = [u.end for u in self.flow.call.audio if u.track == INBOUND and u.end > when]
        self.spoke(max([when, *talking]))

    def spoke(self, until: datetime) -> None:
        """The far end talks until ``until``: the silence is counted from then."""
        if self.done or self.spec.silence_timeout <= 0:
            return
        self._silence += 1
        token = self._silence
        due = until + timedelta(seconds=self.spec.silence_timeout)
        self.flow.host.later(due, self.flow.bind(lambda when: self._silent(when, token)))

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """A terminating digit ends the recording (other digits are only recorded)."""
        if digit in self.spec.terminating_digits:
            return self._end(when, f"ended by {digit}")
        self.flow.call.note(when, f"digit {digit} recorded (not a terminating digit)")
        return None

    def release(self, when: datetime) -> None:
        """The document stopped (redirect, new BXML, hang-up): it ends, no recordComplete."""
        if not self.done:
            self.done = True
            self.recordings.finish(self.rec, when)

    def _max_duration(self, when: datetime) -> Optional[Delivery]:
        if self.done:
            return None
        return self._end(when, f"maxDuration {self.spec.max_duration:g}s reached")

    def _silent(self, when: datetime, token: int) -> Optional[Delivery]:
        if self.done or token != self._silence:
            return None
        return self._end(when, f"{self.spec.silence_timeout:g}s of silence")

    def _end(self, when: datetime, why: str) -> Optional[Delivery]:
        flow, call = self.flow, self.flow.call
        self.done = True
        if flow.holding is self:
            flow.holding = None
        call.note(when, f"<Record> {why}")
        self.recordings.finish(self.rec, when)
        complete = targets_for(self.spec.complete, flow.base_url)
        if complete is None:
            return flow.resume(when)
        primary, fallback = complete
        media = self.recordings.media
        values = call_values(call, "recordComplete", when, media.call_url(call.call_id))
        values.update(recording_values(self.rec, media.account_url()))
        return Delivery(
            event_type="recordComplete",
            call_id=call.call_id,
            payload=payload("recordComplete", values),
            primary=primary,
            fallback=fallback,
            timeout=media.timeout(call),
            time=when,
            generation=flow.generation,
        )


def _record(recordings: RecordingEngine, flow: CallFlow, verb: Any, when: datetime) -> Step:
    spec = record_spec(verb)
    flow.call.set_tag(spec.complete.tag, when)
    rec = recordings.start(flow.call, spec.recording, when, flow.base_url)
    ends = [f"maxDuration {spec.max_duration:g}s"]
    if spec.terminating_digits:
        ends.append(f"terminatingDigits {spec.terminating_digits!r}")
    if spec.silence_timeout > 0:
        ends.append(f"silenceTimeout {spec.silence_timeout:g}s")
    flow.call.note(when, f"<Record> recording {rec.recording_id} ({', '.join(ends)})")
    hold = RecordHold(recordings, flow, spec, rec)
    flow.holding = hold
    hold.begin(when)
    return HALT


# -- <StartRecording> and the verbs that act on it ------------------------------------------


def running(recordings: RecordingEngine, owner: Owner) -> Optional[SimulatedRecording]:
    """The owner's recording in progress (a call's or a conference's), if any."""
    book = recordings.media.store.recordings
    if isinstance(owner, SimulatedCall):
        return book.running(owner.call_id)
    for rec in reversed(book.order):
        if rec.conference_id == owner.conference_id and rec.in_progress:
            return rec
    return None


def recording_verb(
    recordings: RecordingEngine,
    owner: Owner,
    name: str,
    verb: Any,
    when: datetime,
    base_url: str,
) -> str:
    """Run one recording verb on a call or conference; returns what it did, for the timeline."""
    rec = running(recordings, owner)
    if isinstance(verb, StartRecording):
        if rec is not None:
            return f"<StartRecording> ignored: {rec.recording_id} is recording already"
        spec = recording_spec(verb)
        started = recordings.start(owner, spec, when, base_url)
        return f"<StartRecording> recording {started.recording_id}"
    if rec is None:
        return f"<{name}> has nothing to act on (no recording in progress)"
    if isinstance(verb, PauseRecording):
        changed = recordings.pause(rec, when)
    elif isinstance(verb, ResumeRecording):
        changed = recordings.resume(rec, when)
    else:  # StopRecording (a paused recording ends too)
        changed = recordings.finish(rec, when)
    return f"<{name}> {rec.recording_id}" + ("" if changed else ": nothing to change")


def family(recordings: RecordingEngine) -> VerbFamily:
    """The runners of ``<Record>`` (it answers an inbound call) and of StartRecording,
    PauseRecording, ResumeRecording and StopRecording on a call."""

    def record(flow: CallFlow, verb: Any, when: datetime) -> Step:
        return _record(recordings, flow, verb, when)

    def on_call(flow: CallFlow, verb: Any, when: datetime) -> Step:
        name = verb_name(verb)
        if isinstance(verb, StartRecording):
            flow.call.set_tag(recording_spec(verb).available.tag, when)
        flow.call.note(when, recording_verb(recordings, flow.call, name, verb, when, flow.base_url))
        return 0.0

    runners: Dict[Type[Any], VerbRunner] = {
        cls: VerbRunner(on_call)
        for cls in (StartRecording, PauseRecording, ResumeRecording, StopRecording)
    }
    runners[Record] = answering(record)
    return VerbFamily(runners)

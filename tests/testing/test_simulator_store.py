"""The store API the call-flow interpreter writes into: recordings, conferences, listeners.

These drive ``sim._store`` the way the ``<Record>``, ``<StartRecording>``,
``<Conference>`` and ``<StartTranscription>`` verbs will (under the store's
lock), and check that the REST API and the test API see the result.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Iterator, List, Mapping, Tuple

import pytest

from bandwidth.testing import ManualClock, VoiceSimulator
from bandwidth.testing._voice.conferences import SimulatedConference, SimulatedMember
from bandwidth.testing._voice.recordings import SimulatedRecording
from tests.support.raw import ACCOUNT, CALLS, Raw

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
CONFERENCES = f"/api/v2/accounts/{ACCOUNT}/conferences"


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(clock=ManualClock(START), deliver_webhooks=False) as simulator:
        yield simulator


def at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


class Ears:
    """A listener for conferences and recordings that notes what it hears."""

    def __init__(self) -> None:
        self.heard: List[Tuple[Any, ...]] = []

    def conference_redirected(
        self, conference: SimulatedConference, request: Mapping[str, Any], when: datetime
    ) -> None:
        self.heard.append(("redirected", conference.name, request["redirectUrl"], when))

    def conference_bxml(
        self, conference: SimulatedConference, document: str, when: datetime
    ) -> None:
        self.heard.append(("bxml", conference.name, document, when))

    def member_updated(
        self, conference: SimulatedConference, member: SimulatedMember, when: datetime
    ) -> None:
        self.heard.append(("updated", member.call_id, member.mute, when))

    def member_left(
        self, conference: SimulatedConference, member: SimulatedMember, when: datetime
    ) -> None:
        self.heard.append(("left", member.call_id, when))

    def conference_completed(self, conference: SimulatedConference, when: datetime) -> None:
        self.heard.append(("completed", conference.name, when))

    def recording_changed(self, recording: SimulatedRecording, when: datetime) -> None:
        self.heard.append(("recording", recording.status, when))

    def transcription_requested(self, recording: SimulatedRecording, when: datetime) -> None:
        assert recording.transcription is not None
        self.heard.append(("transcribe", recording.transcription.status, when))


def test_a_recording_s_duration_leaves_out_its_pauses(sim: VoiceSimulator) -> None:
    call_id = sim.add_call(state="answered")
    store = sim._store
    with store.lock:
        rec = store.recordings.start(store.get(call_id), at(0), file_format="mp3", name="x")
        assert store.recordings.running(call_id) is rec
        assert store.recordings.pause(rec, at(2))
        assert not store.recordings.pause(rec, at(3))  # paused already: no change
        assert store.recordings.resume(rec, at(5))
        assert not store.recordings.resume(rec, at(6))
        assert store.recordings.pause(rec, at(8))
        assert store.recordings.finish(rec, at(10))  # a paused recording ends too
        assert not store.recordings.finish(rec, at(11))
        assert store.recordings.running(call_id) is None
    copy = sim.recording(rec.recording_id)
    assert (copy.seconds, copy.paused_seconds, copy.end_time) == (5.0, 5.0, at(10))
    assert (copy.status, copy.file_format, copy.name) == ("complete", "mp3", "x")


def test_finish_with_another_status(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    store = sim._store
    with store.lock:
        rec = store.recordings.start(store.get(call_id), at(0))
        store.recordings.finish(rec, at(1), status="partial")
        with pytest.raises(ValueError):
            store.recordings.finish(
                store.recordings.start(store.get(call_id), at(1)), at(2), status="x"
            )
    body = raw.send("GET", f"{CALLS}/{call_id}/recordings/{rec.recording_id}").json()
    assert body["status"] == "partial"


def test_the_listeners_hear_what_the_rest_api_changes(sim: VoiceSimulator, raw: Raw) -> None:
    ears = Ears()
    store = sim._store
    store.conferences.listener = ears
    store.recordings.listener = ears
    calls = sim.bulk_create(2, state="answered")
    conf_id = sim.add_conference("room", calls)
    rec_id = sim.start_recording(calls[0])
    sim.advance(1)
    conf = f"{CONFERENCES}/{conf_id}"
    raw.send("POST", conf, {"redirectUrl": "https://x.example/r"})
    raw.send(
        "PUT",
        f"{conf}/bxml",
        "<Bxml><SpeakSentence>Hi</SpeakSentence></Bxml>",
        content_type="application/xml",
    )
    raw.send("PUT", f"{conf}/members/{calls[1]}", {"mute": True})
    raw.send("PUT", f"{CALLS}/{calls[0]}/recording", {"state": "paused"})
    raw.send("PUT", f"{CALLS}/{calls[0]}/recording", {"state": "paused"})  # no change: not heard
    sim.advance(1)
    sim.hangup(calls[0])
    rec_path = f"{CALLS}/{calls[0]}/recordings/{rec_id}/transcription"
    raw.send("POST", rec_path, {})
    sim.advance(1)
    raw.send("POST", conf, {"status": "completed"})
    assert ears.heard == [
        ("redirected", "room", "https://x.example/r", at(1)),
        ("bxml", "room", "<Bxml><SpeakSentence>Hi</SpeakSentence></Bxml>", at(1)),
        ("updated", calls[1], True, at(1)),
        ("recording", "paused", at(1)),
        ("left", calls[0], at(2)),
        ("recording", "complete", at(2)),  # it ended with its call
        ("transcribe", "available", at(2)),
        ("left", calls[1], at(3)),
        ("completed", "room", at(3)),
    ]


def test_a_conference_completes_when_its_last_member_leaves(sim: VoiceSimulator) -> None:
    ears = Ears()
    sim._store.conferences.listener = ears
    calls = sim.bulk_create(2, state="answered")
    conf_id = sim.add_conference("room", calls)
    sim.advance(1)
    sim.leave_conference(conf_id, calls[0])
    with pytest.raises(ValueError, match="not in conference"):
        sim.leave_conference(conf_id, calls[0])
    assert sim.conference(conf_id).active
    sim.advance(1)
    sim.hangup(calls[1])
    assert ears.heard == [
        ("left", calls[0], at(1)),
        ("left", calls[1], at(2)),
        ("completed", "room", at(2)),
    ]
    assert sim.conference(conf_id).completed_time == at(2)
    assert sim._store.conferences.running("room") is None


def test_a_call_may_join_again_after_leaving(sim: VoiceSimulator, raw: Raw) -> None:
    calls = sim.bulk_create(2, state="answered")
    conf_id = sim.add_conference("room", calls)
    sim.leave_conference(conf_id, calls[0])
    sim.join_conference(conf_id, calls[0], hold=True)
    members = raw.send("GET", f"{CONFERENCES}/{conf_id}").json()["activeMembers"]
    assert [(m["callId"], m["hold"]) for m in members] == [(calls[1], False), (calls[0], True)]


def test_an_ended_conference_takes_no_members(sim: VoiceSimulator) -> None:
    calls = sim.bulk_create(2, state="answered")
    conf_id = sim.add_conference("room", calls[:1])
    sim.end_conference(conf_id)
    with pytest.raises(ValueError, match="has ended"):
        sim.join_conference(conf_id, calls[1])
    sim.end_conference(conf_id)  # ending twice changes nothing
    assert sim.conference(conf_id).completed_time == START


def test_a_new_conference_of_the_same_name_after_the_first_ended(sim: VoiceSimulator) -> None:
    first = sim.add_conference("room")
    sim.end_conference(first)
    second = sim.add_conference("room")
    assert first != second
    with sim._store.lock:
        running = sim._store.conferences.running("room")
    assert running is not None and running.conference_id == second

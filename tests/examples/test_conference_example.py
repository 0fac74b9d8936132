"""The conference example, end to end against the simulator: in-process and over real HTTP.

A host and two guests call in; the guests join muted, the host opens the
floor with a key (the app unmutes them through the Voice API), the host's
hang-up ends the conference for everyone through the API, and the app
saves the conference's recording to a file. Every API call goes through the
SDK's ``ConferencesApi``, to the simulator.
"""

from __future__ import annotations

import wave
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator

import pytest

from bandwidth import ApiClient, ConferencesApi, Configuration
from bandwidth.testing import VoiceSimulator
from tests.examples.flask_server import LateApp, load_example, serving

NUMBER = "+19195551234"
HOST = "+19195550100"
GUESTS = ("+19195550101", "+19195550102")


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example("conference_app")


@pytest.fixture(params=["in-process", "over-http"])
def flow(
    request: pytest.FixtureRequest, example: ModuleType, tmp_path: Path
) -> Iterator[Dict[str, Any]]:
    """A simulator wired to the conference app, the app's state, and its base URL."""
    state = example.ConferenceState()
    directory = tmp_path / "recordings"

    def build(sim: VoiceSimulator) -> Any:
        configuration = sim.configuration()
        return example.create_app(
            configuration, sim.account_id, HOST, state, recordings_dir=directory
        )

    if request.param == "in-process":
        late = LateApp()
        with VoiceSimulator(app=late) as sim:
            late.app = build(sim)
            yield {"sim": sim, "base": "https://conference.example", "state": state}
        return
    with VoiceSimulator(deliver_webhooks=True) as sim, serving(build(sim)) as base:
        yield {"sim": sim, "base": base, "state": state}


def call_in(flow: Dict[str, Any], caller: str) -> str:
    sim: VoiceSimulator = flow["sim"]
    call_id = sim.inbound_call(NUMBER, caller, answer_url=f"{flow['base']}/callbacks/callInitiated")
    sim.advance(10)  # the welcome is said; the caller is in the conference
    return call_id


def test_a_hosted_conference(flow: Dict[str, Any], example: ModuleType) -> None:
    sim: VoiceSimulator = flow["sim"]
    host = call_in(flow, HOST)
    guest, other = (call_in(flow, number) for number in GUESTS)
    (conf,) = sim.conferences
    assert flow["state"].conference_id == conf.conference_id
    members = conf.members
    assert [members[c].mute for c in (host, guest, other)] == [False, True, True]
    assert sim.call(host).heard == [
        example.HOST_WELCOME,
        "A guest has joined.",
        "A guest has joined.",
    ]

    sim.speak(host, "Welcome everyone")
    sim.advance(1)
    sim.speak(guest, "Can anyone hear me")  # muted: nobody does
    sim.advance(2)
    assert sim.call(guest).heard[-1] == "Welcome everyone"
    assert "Can anyone hear me" not in sim.call(host).heard + sim.call(other).heard

    sim.press(host, "1")  # dtmf event: the app unmutes the guests through the API
    assert not any(m.mute for m in sim.conference(conf.conference_id).members.values())
    unmutes = sim.requests_for("update_conference_member")
    assert sorted(r.path.rsplit("/", 1)[1] for r in unmutes) == sorted([guest, other])
    assert [r.json() for r in unmutes] == [{"mute": False}] * 2
    sim.speak(guest, "Thanks for having me")
    assert sim.call(host).heard[-1] == "Thanks for having me"
    assert sim.call(other).heard[-1] == "Thanks for having me"

    sim.advance(30)
    sim.hangup(host)  # the app ends the conference for everyone
    sim.advance(5)
    for call_id in (guest, other):
        call = sim.call(call_id)
        assert call.heard[-1] == example.GOODBYE
        assert call.state == "disconnected"
    assert sim.conference(conf.conference_id).completed_time is not None
    assert flow["state"].completed
    (end,) = sim.requests_for("update_conference")
    assert end.json() == {"status": "completed"}

    (rec,) = sim.recordings
    assert rec.conference_id == conf.conference_id
    # its announcements and the words of those not muted, in order
    assert rec.speech == (
        "A guest has joined. A guest has joined. Welcome everyone Thanks for having me",
    )
    (path,) = flow["state"].recordings
    assert path.name == f"{rec.recording_id}.wav"
    assert len(sim.requests_for("download_conference_recording")) == 1
    with ApiClient(sim.configuration()) as client:  # the whole media, as the API serves it
        media = ConferencesApi(client).download_conference_recording(
            sim.account_id, conf.conference_id, rec.recording_id
        )
    assert path.read_bytes() == media
    with wave.open(str(path)) as audio:
        assert audio.getnframes() > 0
    events = [w.event_type for w in sim.webhooks if w.event_type.startswith("conference")]
    assert events[0] == "conferenceCreated" and events[-1] == "conferenceCompleted"
    assert events.count("conferenceMemberJoin") == 3 and events.count("conferenceMemberExit") == 3
    assert all(w.ok for w in sim.webhooks)


def test_guests_alone_keep_talking_until_the_last_leaves(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    guest, other = (call_in(flow, number) for number in GUESTS)
    (conf,) = sim.conferences
    sim.hangup(guest)
    assert sim.conference(conf.conference_id).completed_time is None
    sim.hangup(other)
    assert sim.conference(conf.conference_id).completed_time is not None
    assert sim.requests_for("update_conference") == []  # no host left: the platform ended it


def test_a_guest_gone_or_a_failed_download_does_not_stop_the_app(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    host = call_in(flow, HOST)
    guest, other = (call_in(flow, number) for number in GUESTS)
    (conf,) = sim.conferences
    sim.fail_next("update_conference_member", 404)  # as if the first guest had just left
    sim.press(host, "1")
    unmutes = sim.requests_for("update_conference_member")
    assert len(unmutes) == 2  # the app went on to the next guest
    muted = [sim.conference(conf.conference_id).members[c].mute for c in (guest, other)]
    assert sorted(muted) == [False, True]
    sim.fail_next("download_conference_recording", 404)
    sim.hangup(host)
    sim.advance(5)
    assert sim.conference(conf.conference_id).completed_time is not None
    assert flow["state"].recordings == []
    assert len(sim.recordings) == 1  # still on the platform, to fetch later
    assert all(w.ok for w in sim.webhooks)


@pytest.mark.parametrize(
    ("conference_id", "recording_id"),
    [("conf-1", "../../escape"), ("../conf", "r-1"), ("conf-1", "")],
)
def test_an_id_that_is_no_file_name_is_refused(
    example: ModuleType, tmp_path: Path, conference_id: str, recording_id: str
) -> None:
    configuration = Configuration(host="http://127.0.0.1:9", username="u", password="p")
    directory = tmp_path / "recordings"
    state = example.ConferenceState()
    app = example.create_app(configuration, "9900000", HOST, state, recordings_dir=directory)
    event = {
        "eventType": "conferenceRecordingAvailable",
        "conferenceId": conference_id,
        "recordingId": recording_id,
        "fileFormat": "wav",
    }
    response = app.test_client().post("/callbacks/conferenceRecordingAvailable", json=event)
    assert response.status_code == 400
    assert state.recordings == [] and not directory.exists()

"""Conferences in call flows: ``<Conference>``, its events, who hears whom, and the REST API.

Two (or more) simulated calls join one conference by name; the test makes
their far ends talk (``sim.speak``) and inspects what each member heard,
changes members through ``update_conference_member``, redirects and ends
the conference through the REST API, and checks every event.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.support.raw import ACCOUNT, Raw
from tests.testing.media_checks import assert_event_matches_spec

CONFERENCES = f"/api/v2/accounts/{ACCOUNT}/conferences"
JOIN = (
    '<Conference conferenceEventUrl="/conf" tag="team" {attrs}>standup</Conference>'
    "<SpeakSentence>You left the conference.</SpeakSentence>"
)


@pytest.fixture
def app() -> ScriptedApp:
    return ScriptedApp()


@pytest.fixture
def sim(app: ScriptedApp) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=app) as simulator:
        yield simulator


@pytest.fixture
def raw(sim: VoiceSimulator) -> Iterator[Raw]:
    client = Raw(sim)
    yield client
    client.close()


def join(sim: VoiceSimulator, app: ScriptedApp, attrs: str = "", **fields: Any) -> str:
    """A new answered call whose BXML joins the standup conference."""
    path = f"/answer-{len(app.routes)}"
    app.routes[path] = bxml(JOIN.format(attrs=attrs))
    call_id = outbound_call(
        sim,
        answer_url=f"https://app.example{path}",
        disconnect_url="https://app.example/bye",
        **fields,
    )
    sim.answer(call_id)
    return call_id


def conference_events(sim: VoiceSimulator) -> List[str]:
    return [w.event_type for w in sim.webhooks if w.event_type.startswith("conference")]


def only_conference(sim: VoiceSimulator) -> str:
    (conf,) = sim.conferences
    return conf.conference_id


def test_two_calls_meet_and_hear_each_other(sim: VoiceSimulator, app: ScriptedApp) -> None:
    alice = join(sim, app)
    bob = join(sim, app)
    conf = sim.conference(only_conference(sim))
    assert (conf.name, conf.tag, conf.event_url) == ("standup", "team", "https://app.example/conf")
    assert list(conf.members) == [alice, bob]
    sim.speak(alice, "Morning Bob")
    sim.speak(bob, "Hi Alice")
    assert sim.call(alice).heard == ["Hi Alice"]
    assert sim.call(bob).heard == ["Morning Bob"]
    assert conference_events(sim) == [
        "conferenceCreated",
        "conferenceMemberJoin",
        "conferenceMemberJoin",
    ]
    joined = [w for w in sim.webhooks if w.event_type == "conferenceMemberJoin"]
    assert [w.payload["callId"] for w in joined] == [alice, bob]
    assert [w.call_id for w in joined] == [alice, bob]  # on each member's timeline too


def test_the_last_member_leaving_completes_the_conference(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    alice, bob = join(sim, app), join(sim, app)
    conference_id = only_conference(sim)
    sim.advance(60)
    sim.hangup(alice)
    assert sim.conference(conference_id).completed_time is None
    sim.hangup(bob)
    conf = sim.conference(conference_id)
    assert conf.completed_time is not None
    assert conference_events(sim)[-3:] == [
        "conferenceMemberExit",
        "conferenceMemberExit",
        "conferenceCompleted",
    ]
    got = raw.send("GET", f"{CONFERENCES}/{conference_id}").json()
    assert got["activeMembers"] == [] and got["completedTime"] is not None


def test_mute_hold_and_coach_decide_who_hears_whom(sim: VoiceSimulator, app: ScriptedApp) -> None:
    host = join(sim, app)
    muted = join(sim, app, 'mute="true"')
    held = join(sim, app, 'hold="true"')
    agent = join(sim, app)
    coach = join(sim, app, f'callIdsToCoach="{agent}"')
    for call_id, said in [
        (host, "host"),
        (muted, "muted"),
        (held, "held"),
        (agent, "agent"),
        (coach, "coach"),
    ]:
        sim.speak(call_id, said)
    heard = {call_id: sim.call(call_id).heard for call_id in (host, muted, held, agent, coach)}
    assert heard[host] == ["agent"]  # not the muted, held or coach
    assert heard[muted] == ["host", "agent"]  # muted: hears, is not heard
    assert heard[held] == []  # on hold: neither hears nor is heard
    assert heard[agent] == ["host", "coach"]  # the coach is heard by the coached call only
    assert heard[coach] == ["host", "agent"]
    members = sim.conference(only_conference(sim)).members
    assert (members[muted].mute, members[held].hold) == (True, True)
    assert members[coach].call_ids_to_coach == [agent]


def test_member_updates_through_the_api_change_what_is_heard(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    alice, bob = join(sim, app), join(sim, app)
    member = f"{CONFERENCES}/{only_conference(sim)}/members/{bob}"
    assert raw.send("PUT", member, {"hold": True}).status == 204
    sim.speak(alice, "Can you hear me")
    sim.speak(bob, "Hello")
    assert sim.call(bob).heard == [] and sim.call(alice).heard == []
    assert raw.send("PUT", member, {"hold": False, "mute": True}).status == 204
    sim.speak(alice, "Now")
    sim.speak(bob, "Still muted")
    assert sim.call(bob).heard == ["Now"] and sim.call(alice).heard == []
    assert raw.send("GET", member).json()["mute"] is True
    assert "update_conference_member: mute=true, hold=false" in sim.call(bob).timeline()


def test_conference_bxml_plays_to_every_member_not_on_hold(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    alice = join(sim, app)
    bob = join(sim, app, 'hold="true"')
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><Bxml>'
        "<SpeakSentence>This meeting is recorded.</SpeakSentence>"
        "<PlayAudio>https://cdn.example/chime.wav</PlayAudio>"
        "<SpeakSentence>Welcome.</SpeakSentence></Bxml>"
    )
    reply = raw.send(
        "PUT",
        f"{CONFERENCES}/{only_conference(sim)}/bxml",
        document,
        content_type="application/xml",
    )
    assert reply.status == 204
    assert sim.call(alice).heard == ["This meeting is recorded."]  # the rest comes in order
    sim.advance(1.6)
    assert sim.call(alice).heard[-1] == "https://cdn.example/chime.wav"
    sim.advance(3)
    assert sim.call(alice).heard[-1] == "Welcome."
    assert sim.call(bob).heard == []


def test_event_replies_run_on_the_conference(sim: VoiceSimulator, app: ScriptedApp) -> None:
    said: List[str] = []

    def on_event(event: Dict[str, Any]) -> str:
        if event["eventType"] == "conferenceMemberJoin":
            said.append(event["callId"])
            return bxml(f"<SpeakSentence>Caller {len(said)} joined.</SpeakSentence>")
        return ""

    app.routes["/conf"] = on_event
    alice = join(sim, app)
    bob = join(sim, app)
    assert sim.call(alice).heard == ["Caller 1 joined."]  # bob joined while it was said
    sim.advance(1.2)  # "Caller 2 joined." waited for it in the conference's queue
    assert sim.call(alice).heard == ["Caller 1 joined.", "Caller 2 joined."]
    assert sim.call(bob).heard == ["Caller 2 joined."]


def test_forbidden_verbs_in_a_reply_are_refused_whole(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    app.routes["/conf"] = bxml("<SpeakSentence>Hi.</SpeakSentence><Hangup/>")
    alice = join(sim, app)
    call = sim.call(alice)
    assert call.heard == [] and call.state == "answered"
    assert "conference BXML refused: <Hangup> cannot run on a conference" in call.timeline()


def test_the_api_redirects_the_conference(sim: VoiceSimulator, app: ScriptedApp, raw: Raw) -> None:
    app.routes["/moved"] = bxml("<SpeakSentence>Moving on.</SpeakSentence>")
    alice = join(sim, app)
    conference_id = only_conference(sim)
    body = {"redirectUrl": "https://app.example/moved", "username": "u", "password": "p"}
    assert raw.send("POST", f"{CONFERENCES}/{conference_id}", body).status == 204
    hook = sim.webhooks[-1]
    assert (hook.event_type, hook.url) == ("conferenceRedirect", "https://app.example/moved")
    assert sim.call(alice).heard == ["Moving on."]
    assert sim.conference(conference_id).redirects == [body]


def test_ending_the_conference_through_the_api_lets_members_go_on(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    alice, bob = join(sim, app), join(sim, app)
    conference_id = only_conference(sim)
    body = {"status": "completed"}
    assert raw.send("POST", f"{CONFERENCES}/{conference_id}", body).status == 204
    for call_id in (alice, bob):
        assert sim.call(call_id).heard == ["You left the conference."]
    sim.advance(5)
    assert conference_events(sim)[-3:] == [
        "conferenceMemberExit",
        "conferenceMemberExit",
        "conferenceCompleted",
    ]
    assert all(sim.call(c).state == "disconnected" for c in (alice, bob))


def test_a_redirected_member_leaves(sim: VoiceSimulator, app: ScriptedApp, raw: Raw) -> None:
    app.routes["/elsewhere"] = bxml('<Pause duration="30"/>')
    alice, bob = join(sim, app), join(sim, app)
    assert raw.update(alice, {"redirectUrl": "https://app.example/elsewhere"}).status == 200
    conf = sim.conference(only_conference(sim))
    assert [m.call_id for m in conf.members.values() if m.active] == [bob]
    assert sim.call(alice).heard == []  # the verb after <Conference> did not run
    sim.speak(bob, "Anyone here")
    assert sim.call(alice).heard == []


def test_only_the_creator_sets_the_event_url(sim: VoiceSimulator, app: ScriptedApp) -> None:
    join(sim, app)
    app.routes["/other"] = bxml(
        '<Conference conferenceEventUrl="/elsewhere" tag="other">standup</Conference>'
    )
    second = outbound_call(sim, answer_url="https://app.example/other")
    sim.answer(second)
    hook = sim.webhooks[-1]
    assert (hook.event_type, hook.url) == ("conferenceMemberJoin", "https://app.example/conf")
    assert hook.payload["tag"] == "team"
    assert "its creator's event URL stays in use" in sim.call(second).timeline()


def test_the_21st_call_cannot_join(sim: VoiceSimulator, app: ScriptedApp) -> None:
    calls = [join(sim, app) for _ in range(21)]
    assert len(sim.conference(only_conference(sim)).active_members) == 20
    last = sim.call(calls[-1])
    assert last.heard == ["You left the conference."]
    assert "cannot join" in last.timeline()


def test_a_conference_lasts_at_most_a_day(sim: VoiceSimulator, app: ScriptedApp) -> None:
    alice = join(sim, app)
    sim.advance(24 * 3600 - 1)
    assert sim.conference(only_conference(sim)).completed_time is None
    sim.advance(1)
    assert sim.conference(only_conference(sim)).completed_time is not None
    assert sim.call(alice).heard == ["You left the conference."]


def test_a_conference_recording(sim: VoiceSimulator, app: ScriptedApp, raw: Raw) -> None:
    app.routes["/conf"] = lambda event: (
        bxml('<StartRecording recordingAvailableUrl="/recorded"/>')
        if event["eventType"] == "conferenceCreated"
        else ""
    )
    alice = join(sim, app)
    bob = join(sim, app, 'mute="true"')
    sim.speak(alice, "minutes of the meeting", seconds=2)
    sim.speak(bob, "not recorded")
    sim.advance(10)
    sim.hangup(alice)
    sim.hangup(bob)
    (rec,) = sim.recordings
    assert (rec.conference_id, rec.seconds, rec.speech) == (
        only_conference(sim),
        10.0,
        ("minutes of the meeting",),
    )
    hook = next(w for w in sim.webhooks if w.event_type == "conferenceRecordingAvailable")
    assert hook.payload["duration"] == "PT10S" and hook.payload["channels"] == 1
    listed = raw.send("GET", f"{CONFERENCES}/{only_conference(sim)}/recordings").json()
    assert [r["recordingId"] for r in listed] == [rec.recording_id]
    media = raw.send(
        "GET", f"{CONFERENCES}/{only_conference(sim)}/recordings/{rec.recording_id}/media"
    )
    assert media.status == 200 and media.body[:4] == b"RIFF"


def test_every_conference_event_matches_its_model_and_the_spec(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    app.routes["/conf"] = lambda event: (
        bxml('<StartRecording recordingAvailableUrl="/recorded"/>')
        if event["eventType"] == "conferenceCreated"
        else ""
    )
    alice, bob = join(sim, app), join(sim, app)
    conference_id = only_conference(sim)
    raw.send("POST", f"{CONFERENCES}/{conference_id}", {"redirectUrl": "https://app.example/r"})
    sim.advance(3)
    sim.hangup(alice)
    sim.hangup(bob)
    seen = set()
    for hook in sim.webhooks:
        if hook.event_type.startswith("conference"):
            assert_event_matches_spec(hook)
            seen.add(hook.event_type)
    assert seen == {
        "conferenceCreated",
        "conferenceMemberJoin",
        "conferenceMemberExit",
        "conferenceRedirect",
        "conferenceCompleted",
        "conferenceRecordingAvailable",
    }
    created = next(w.payload for w in sim.webhooks if w.event_type == "conferenceCreated")
    assert set(created) == {"eventType", "eventTime", "conferenceId", "name", "tag"}
    exit_ = next(w.payload for w in sim.webhooks if w.event_type == "conferenceMemberExit")
    assert (exit_["callId"], exit_["from"], exit_["to"]) == (alice, "+19195554321", "+19195551234")


def test_without_call_flows_the_api_changes_only_the_store() -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        call_id = sim.add_call(state="answered")
        conference_id = sim.add_conference(
            "quiet", [call_id], conference_event_url="https://x.example"
        )
        raw_client = Raw(sim)
        path = f"{CONFERENCES}/{conference_id}"
        assert raw_client.send("POST", path, {"redirectUrl": "https://x.example/r"}).status == 204
        raw_client.close()
        sim.leave_conference(conference_id, call_id)
        assert sim.webhooks == []
        assert sim.conference(conference_id).completed_time is not None

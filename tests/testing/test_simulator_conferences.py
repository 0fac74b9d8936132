"""The simulator's Conferences operations over raw HTTP: statuses, headers, bodies, paging.

Conferences are seeded through the test API (``sim.add_conference``), which
writes through the same store the ``<Conference>`` verb will. Every success
body also decodes with the SDK's models.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from typing import Iterator, List
from urllib.parse import quote

import pytest

from bandwidth.models import Conference, ConferenceMember, UpdateConference, UpdateConferenceMember
from bandwidth.testing import ManualClock, VoiceSimulator
from tests.support.raw import ACCOUNT, Raw
from tests.testing.contract import wire

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
CONFERENCES = f"/api/v2/accounts/{ACCOUNT}/conferences"
XML = "application/xml"
STOP_RECORDING = '<?xml version="1.0" encoding="UTF-8"?><Bxml><StopRecording/></Bxml>'


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(clock=ManualClock(START), deliver_webhooks=False) as simulator:
        yield simulator


def answered(sim: VoiceSimulator, n: int = 1) -> List[str]:
    return sim.bulk_create(n, state="answered")


def conference_with(sim: VoiceSimulator, name: str = "room", members: int = 2) -> str:
    return sim.add_conference(name, answered(sim, members), tag="t1")


# -- get and list --------------------------------------------------------------------------


def test_get_conference_shows_every_field_and_its_active_members(
    sim: VoiceSimulator, raw: Raw
) -> None:
    calls = answered(sim, 2)
    conf_id = sim.add_conference(
        "room",
        calls,
        tag="t1",
        conference_event_url="https://myServer.example/conf",
        conference_event_method="GET",
    )
    reply = raw.send("GET", f"{CONFERENCES}/{conf_id}")
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    body = reply.json()
    members_url = f"{sim.url}/accounts/{ACCOUNT}/conferences/{conf_id}/members/"
    assert body == {
        "id": conf_id,
        "name": "room",
        "createdTime": "2024-03-01T12:00:00.000Z",
        "completedTime": None,
        "conferenceEventUrl": "https://myServer.example/conf",
        "conferenceEventMethod": "GET",
        "tag": "t1",
        "activeMembers": [
            {
                "callId": call_id,
                "conferenceId": conf_id,
                "memberUrl": members_url + call_id,
                "mute": False,
                "hold": False,
                "callIdsToCoach": None,
            }
            for call_id in calls
        ],
    }
    model = Conference.from_json(reply.body)
    assert model is not None and model.id == conf_id
    assert model.created_time == START
    assert [m.call_id for m in model.active_members or []] == calls
    assert conf_id.startswith("conf-")


def test_a_completed_conference_still_reads_with_no_active_members(
    sim: VoiceSimulator, raw: Raw
) -> None:
    conf_id = conference_with(sim)
    sim.advance(30)
    sim.end_conference(conf_id)
    body = raw.send("GET", f"{CONFERENCES}/{conf_id}").json()
    assert body["completedTime"] == "2024-03-01T12:00:30.000Z"
    assert body["activeMembers"] == []


def test_list_conferences_leaves_out_active_members_and_decodes(
    sim: VoiceSimulator, raw: Raw
) -> None:
    first = conference_with(sim, "a")
    sim.advance(1)
    second = conference_with(sim, "b")
    reply = raw.send("GET", CONFERENCES)
    assert reply.status == 200
    assert "Link" not in reply.headers
    listed = reply.json()
    assert [c["id"] for c in listed] == [first, second]
    assert all("activeMembers" not in c for c in listed)
    models = [Conference.from_dict(item) for item in listed]
    assert [m.name for m in models if m is not None] == ["a", "b"]


def test_list_conferences_filters_by_name_and_created_time(sim: VoiceSimulator, raw: Raw) -> None:
    ids = []
    for index, name in enumerate(["a", "b", "a"]):
        if index:
            sim.advance(60)
        if name == "a" and ids:
            sim.end_conference(ids[0])  # one running conference per name
        ids.append(sim.add_conference(name))
    by_name = raw.send("GET", f"{CONFERENCES}?name=a").json()
    assert [c["id"] for c in by_name] == [ids[0], ids[2]]
    low = quote((START + timedelta(seconds=60)).isoformat())
    high = quote((START + timedelta(seconds=60)).isoformat())
    window = raw.send("GET", f"{CONFERENCES}?minCreatedTime={low}&maxCreatedTime={high}").json()
    assert [c["id"] for c in window] == [ids[1]]  # both bounds inclusive
    later = raw.send("GET", f"{CONFERENCES}?minCreatedTime=2024-03-01T12:01:01Z").json()
    assert [c["id"] for c in later] == [ids[2]]


def test_list_conferences_pages_with_link_headers(sim: VoiceSimulator, raw: Raw) -> None:
    ids = [sim.add_conference(f"room-{n}") for n in range(5)]
    seen: List[str] = []
    path = f"{CONFERENCES}?pageSize=2"
    pages = 0
    while True:
        reply = raw.send("GET", path)
        assert reply.status == 200
        seen += [c["id"] for c in reply.json()]
        pages += 1
        link = reply.headers.get("Link")
        if link is None:
            break
        url = link[1 : link.index(">")]
        assert url.startswith(f"{sim.url}/accounts/{ACCOUNT}/conferences?pageSize=2&pageToken=")
        assert link.endswith('>; rel="next"')
        path = url[len(f"http://{sim.host}:{sim.port}") :]
    assert seen == ids and pages == 3


@pytest.mark.parametrize(
    "query",
    ["pageSize=0", "pageSize=1001", "pageSize=ten", "pageToken=nope", "minCreatedTime=today"],
)
def test_list_conferences_refuses_bad_parameters(raw: Raw, query: str) -> None:
    reply = raw.send("GET", f"{CONFERENCES}?{query}")
    assert reply.status == 400
    assert reply.expect_error()["type"] == "validation"


def test_unknown_conference_is_404(raw: Raw) -> None:
    for method, suffix, body in [
        ("GET", "", None),
        ("POST", "", {"status": "completed"}),
        ("GET", "/members/c-1", None),
        ("PUT", "/members/c-1", {"mute": True}),
        ("GET", "/recordings", None),
    ]:
        reply = raw.send(method, f"{CONFERENCES}/conf-unknown{suffix}", body)
        assert reply.status == 404, (method, suffix)
        assert "conf-unknown" in reply.expect_error()["description"]
    put = raw.send("PUT", f"{CONFERENCES}/conf-unknown/bxml", STOP_RECORDING, content_type=XML)
    assert put.status == 404


# -- update --------------------------------------------------------------------------------


def test_update_conference_completed_ends_it_and_every_member_leaves(
    sim: VoiceSimulator, raw: Raw
) -> None:
    conf_id = conference_with(sim)
    sim.advance(5)
    body = wire(UpdateConference(status="completed"))
    reply = raw.send("POST", f"{CONFERENCES}/{conf_id}", body)
    assert (reply.status, reply.body) == (204, b"")
    conf = sim.conference(conf_id)
    assert conf.completed_time == START + timedelta(seconds=5)
    assert conf.active_members == []
    assert all(m.leave_time == conf.completed_time for m in conf.members.values())
    again = raw.send("POST", f"{CONFERENCES}/{conf_id}", body)
    assert again.status == 404
    assert "has ended" in again.expect_error()["description"]


def test_update_conference_redirect_is_recorded_for_the_flow(sim: VoiceSimulator, raw: Raw) -> None:
    conf_id = conference_with(sim)
    body = wire(
        UpdateConference(
            redirect_url="https://myServer.example/conferenceRedirect",
            redirect_method="GET",
            username="u",
            password="p",
        )
    )
    reply = raw.send("POST", f"{CONFERENCES}/{conf_id}", body)
    assert reply.status == 204
    conf = sim.conference(conf_id)
    assert conf.redirects == [body]
    assert conf.active


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "redirectUrl: required when status is active"),
        ({"status": "active"}, "redirectUrl: required"),
        ({"status": "paused"}, "status"),
        ({"status": "completed", "redirectUrl": "https://x.example/r"}, "not allowed"),
        ({"status": "completed", "redirectFallbackUrl": "https://x.example/r"}, "not allowed"),
        ({"redirectUrl": "ftp://x.example/r"}, "only http and https"),
        ({"redirectUrl": "https://x.example/r", "redirectMethod": "PUT"}, "redirectMethod"),
        ({"redirectUrl": "https://x.example/r", "username": "u" * 1025}, "1024"),
        ([], "JSON object"),
    ],
)
def test_update_conference_refuses_invalid_bodies(
    sim: VoiceSimulator, raw: Raw, body: object, message: str
) -> None:
    conf_id = conference_with(sim)
    reply = raw.send(
        "POST", f"{CONFERENCES}/{conf_id}", json.dumps(body), content_type="application/json"
    )
    assert reply.status == 400
    assert message in reply.expect_error()["description"]
    assert sim.conference(conf_id).redirects == []


def test_update_conference_wants_json(sim: VoiceSimulator, raw: Raw) -> None:
    conf_id = conference_with(sim)
    reply = raw.send(
        "POST", f"{CONFERENCES}/{conf_id}", "status=completed", content_type="text/plain"
    )
    assert reply.status == 415


def test_update_conference_bxml_takes_the_six_conference_verbs(
    sim: VoiceSimulator, raw: Raw
) -> None:
    conf_id = conference_with(sim)
    document = (
        "<Bxml><PlayAudio>https://x.example/a.wav</PlayAudio><SpeakSentence>Hi</SpeakSentence>"
        "<StartRecording/><PauseRecording/><ResumeRecording/><StopRecording/></Bxml>"
    )
    reply = raw.send("PUT", f"{CONFERENCES}/{conf_id}/bxml", document, content_type=XML)
    assert (reply.status, reply.body) == (204, b"")
    assert sim.conference(conf_id).bxml == [document]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("<Bxml><Hangup/></Bxml>", "<Hangup> cannot run on a conference"),
        ("<Bxml><SpeakSentence>Hi</SpeakSentence><Gather/></Bxml>", "<Gather>"),
        ("<Bxml><Unclosed></Bxml>", "not well-formed"),
    ],
)
def test_update_conference_bxml_refuses_other_documents(
    sim: VoiceSimulator, raw: Raw, document: str, message: str
) -> None:
    conf_id = conference_with(sim)
    reply = raw.send("PUT", f"{CONFERENCES}/{conf_id}/bxml", document, content_type=XML)
    assert reply.status == 400
    assert message in reply.expect_error()["description"]
    assert sim.conference(conf_id).bxml == []


def test_update_conference_bxml_takes_a_response_root_unless_strict(
    sim: VoiceSimulator, raw: Raw
) -> None:
    conf_id = conference_with(sim)
    document = "<Response><SpeakSentence>Hi</SpeakSentence></Response>"
    path = f"{CONFERENCES}/{conf_id}/bxml"
    assert raw.send("PUT", path, document, content_type=XML).status == 204
    sim.strict_bxml_roots = True
    reply = raw.send("PUT", path, document, content_type=XML)
    assert reply.status == 400
    assert "expected a <Bxml> root" in reply.expect_error()["description"]


def test_update_conference_bxml_wants_xml_and_a_running_conference(
    sim: VoiceSimulator, raw: Raw
) -> None:
    conf_id = conference_with(sim)
    path = f"{CONFERENCES}/{conf_id}/bxml"
    assert raw.send("PUT", path, STOP_RECORDING, content_type="text/plain").status == 415
    sim.end_conference(conf_id)
    assert raw.send("PUT", path, STOP_RECORDING, content_type=XML).status == 404


# -- members -------------------------------------------------------------------------------


def test_get_conference_member(sim: VoiceSimulator, raw: Raw) -> None:
    calls = answered(sim, 2)
    conf_id = sim.add_conference("room", [calls[0]])
    sim.join_conference(conf_id, calls[1], mute=True, call_ids_to_coach=[calls[0]])
    reply = raw.send("GET", f"{CONFERENCES}/{conf_id}/members/{calls[1]}")
    assert reply.status == 200
    member = ConferenceMember.from_json(reply.body)
    assert member is not None
    assert (member.call_id, member.conference_id) == (calls[1], conf_id)
    assert (member.mute, member.hold, member.call_ids_to_coach) == (True, False, [calls[0]])
    assert (
        member.member_url
        == f"{sim.url}/accounts/{ACCOUNT}/conferences/{conf_id}/members/{calls[1]}"
    )


def test_update_conference_member_mute_hold_and_coaching(sim: VoiceSimulator, raw: Raw) -> None:
    calls = answered(sim, 3)
    conf_id = sim.add_conference("room", calls)
    path = f"{CONFERENCES}/{conf_id}/members/{calls[0]}"
    changes = [
        wire(UpdateConferenceMember(mute=True)),
        wire(UpdateConferenceMember(hold=True, call_ids_to_coach=[calls[1], calls[2]])),
        {"mute": False},
        {"callIdsToCoach": None},
    ]
    seen = []
    for change in changes:
        reply = raw.send("PUT", path, change)
        assert (reply.status, reply.body) == (204, b"")
        body = raw.send("GET", path).json()
        seen.append((body["mute"], body["hold"], body["callIdsToCoach"]))
    assert seen == [
        (True, False, None),
        (True, True, [calls[1], calls[2]]),
        (False, True, [calls[1], calls[2]]),
        (False, True, None),
    ]
    assert sim.conference(conf_id).members[calls[0]].updates == changes


@pytest.mark.parametrize(
    "body",
    [{"mute": "yes"}, {"hold": 1}, {"callIdsToCoach": "c-1"}, {"callIdsToCoach": [5]}],
)
def test_update_conference_member_refuses_wrong_types(
    sim: VoiceSimulator, raw: Raw, body: object
) -> None:
    calls = answered(sim)
    conf_id = sim.add_conference("room", calls)
    reply = raw.send("PUT", f"{CONFERENCES}/{conf_id}/members/{calls[0]}", body)
    assert reply.status == 400


def test_a_member_that_left_or_never_joined_is_404(sim: VoiceSimulator, raw: Raw) -> None:
    calls = answered(sim, 3)
    conf_id = sim.add_conference("room", calls[:2])
    sim.leave_conference(conf_id, calls[0])
    for call_id in (calls[0], calls[2]):
        path = f"{CONFERENCES}/{conf_id}/members/{call_id}"
        assert raw.send("GET", path).status == 404
        assert raw.send("PUT", path, {"mute": True}).status == 404
    assert raw.send("GET", f"{CONFERENCES}/{conf_id}/members/{calls[1]}").status == 200


def test_a_member_hanging_up_leaves_and_the_last_one_completes_it(
    sim: VoiceSimulator, raw: Raw
) -> None:
    calls = answered(sim, 2)
    conf_id = sim.add_conference("room", calls)
    sim.advance(10)
    sim.hangup(calls[0])
    assert [
        m["callId"] for m in raw.send("GET", f"{CONFERENCES}/{conf_id}").json()["activeMembers"]
    ] == [calls[1]]
    sim.advance(10)
    raw.send("POST", f"/api/v2/accounts/{ACCOUNT}/calls/{calls[1]}", {"state": "completed"})
    conf = sim.conference(conf_id)
    assert conf.completed_time == START + timedelta(seconds=20)
    assert [m.leave_time for m in conf.members.values()] == [
        START + timedelta(seconds=10),
        START + timedelta(seconds=20),
    ]


# -- the seeding API -----------------------------------------------------------------------


def test_add_conference_checks_its_name_and_members(sim: VoiceSimulator) -> None:
    calls = answered(sim, 2)
    queued = sim.add_call()
    with pytest.raises(ValueError, match="conference name"):
        sim.add_conference("no spaces")
    with pytest.raises(ValueError, match="conference name"):
        sim.add_conference("x" * 101)
    with pytest.raises(ValueError, match="only an answered call joins"):
        sim.add_conference("room", [queued])
    with pytest.raises(KeyError):
        sim.add_conference("room", ["c-unknown"])
    with pytest.raises(ValueError, match="once"):
        sim.add_conference("room", [calls[0], calls[0]])
    assert sim.conferences == []  # a refused conference leaves nothing behind
    conf_id = sim.add_conference("room", [calls[0]])
    with pytest.raises(ValueError, match="running already"):
        sim.add_conference("room")
    with pytest.raises(ValueError, match="in a conference already"):
        sim.add_conference("other", [calls[0]])
    with pytest.raises(ValueError, match="in a conference already"):
        sim.join_conference(conf_id, calls[0])


def test_a_conference_holds_at_most_twenty_members(sim: VoiceSimulator) -> None:
    calls = answered(sim, 21)
    with pytest.raises(ValueError, match="at most 20"):
        sim.add_conference("room", calls)
    conf_id = sim.add_conference("room", calls[:20])
    with pytest.raises(ValueError, match="20 members already"):
        sim.join_conference(conf_id, calls[20])


def test_inspection_returns_copies(sim: VoiceSimulator) -> None:
    conf_id = conference_with(sim)
    copy = sim.conference(conf_id)
    copy.members.clear()
    copy.redirects.append({"x": 1})
    assert len(sim.conference(conf_id).members) == 2
    assert sim.conference(conf_id).redirects == []
    assert [c.conference_id for c in sim.conferences] == [conf_id]
    sim.clear_calls()
    assert sim.conferences == []

"""Conferences, recordings, transcriptions and statistics, checked against the spec by Prism.

The same proxies as ``test_simulator_contract.py`` (see ``contract.py``):
``strict`` for every request the spec considers valid (each success, and
each error status the simulator produces for one), ``lax`` for requests the
schema itself rejects (the answer must be valid, and Prism must agree the
request was not). Request bodies are built with the SDK's request models, so
what the SDK sends is checked on the way in, and every success body decodes
with the SDK's response models on the way out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterator, List

import pytest

from bandwidth.models import (
    AccountStatistics,
    CallRecordingMetadata,
    CallTranscriptionMetadata,
    CallTranscriptionResponse,
    Conference,
    ConferenceMember,
    ConferenceRecordingMetadata,
    RecordingTranscriptions,
    TranscribeRecording,
    UpdateCallRecording,
    UpdateConference,
    UpdateConferenceMember,
)
from bandwidth.testing import VoiceSimulator
from tests.testing.contract import (
    ACCOUNT,
    ACCOUNT_PATH,
    CALLS,
    NO_VOICE,
    WRONG,
    Answer,
    Via,
    assert_voice_api_error,
    lax_sender,
    strict_sender,
    wire,
)

CONFERENCES = f"{ACCOUNT_PATH}/conferences"
XML = "application/xml"
CONFERENCE_BXML = '<?xml version="1.0" encoding="UTF-8"?>\n<Bxml>\n    <StopRecording/>\n</Bxml>'
WAV, MP3 = "audio/vnd.wave", "audio/mpeg"


@pytest.fixture
def sim(contract_sim: VoiceSimulator) -> VoiceSimulator:
    return contract_sim


@pytest.fixture(autouse=True)
def _clean(sim: VoiceSimulator) -> Iterator[None]:
    sim.clear_faults()
    sim.clear_requests()
    yield
    sim.clear_faults()
    sim.advertised_url = None


@pytest.fixture
def strict(contract_prisms: Dict[str, Via], sim: VoiceSimulator) -> Callable[..., Answer]:
    return strict_sender(contract_prisms["strict"], sim)


@pytest.fixture
def lax(contract_prisms: Dict[str, Via], sim: VoiceSimulator) -> Callable[..., Answer]:
    return lax_sender(contract_prisms["lax"], sim)


@dataclass
class World:
    """A fresh set of everything the operations act on."""

    call: str  # answered, recording now, with a finished recording and a transcription
    recording: str  # the finished recording, transcribed
    live_recording: str
    transcription: str
    conference: str
    member: str
    conference_recording: str
    spare: List[str] = field(default_factory=list)


def seed(sim: VoiceSimulator) -> World:
    call, member, other = sim.bulk_create(3, state="answered", parent_call_id="c-parent")
    recording = sim.add_recording(
        call,
        duration=12.5,
        channels=2,
        name="greeting",
        transcript=["Hello there", "Hi"],
        transfer_caller_id="+15550002222",
        transfer_to="+15550003333",
    )
    transcription = sim.add_transcription(call, {"inbound": "Hola", "outbound": "Hi"})
    live = sim.start_recording(call)
    conference = sim.add_conference(
        f"room-{member[-12:]}", [member, other], tag="t", conference_event_url="https://x.example/c"
    )
    conference_recording = sim.add_conference_recording(conference, duration=3, name="minutes")
    return World(
        call, recording, live, transcription, conference, member, conference_recording, [other]
    )


@dataclass(frozen=True)
class Req:
    method: str
    path: str
    body: Any = None
    options: Dict[str, Any] = field(default_factory=dict)


def requests(world: World) -> Dict[str, Req]:
    """A spec-valid request of every operation, on ``world``."""
    rec = f"{CALLS}/{world.call}/recordings/{world.recording}"
    conf = f"{CONFERENCES}/{world.conference}"
    conf_rec = f"{conf}/recordings/{world.conference_recording}"
    return {
        "list_conferences": Req("GET", CONFERENCES),
        "get_conference": Req("GET", conf),
        "update_conference": Req(
            "POST", conf, wire(UpdateConference(redirect_url="https://x.example/r"))
        ),
        "update_conference_bxml": Req(
            "PUT", f"{conf}/bxml", CONFERENCE_BXML, {"content_type": XML}
        ),
        "get_conference_member": Req("GET", f"{conf}/members/{world.member}"),
        "update_conference_member": Req(
            "PUT", f"{conf}/members/{world.member}", wire(UpdateConferenceMember(mute=True))
        ),
        "list_conference_recordings": Req("GET", f"{conf}/recordings"),
        "get_conference_recording": Req("GET", conf_rec),
        "download_conference_recording": Req("GET", f"{conf_rec}/media"),
        "list_account_call_recordings": Req("GET", f"{ACCOUNT_PATH}/recordings"),
        "update_call_recording_state": Req(
            "PUT", f"{CALLS}/{world.call}/recording", wire(UpdateCallRecording(state="paused"))
        ),
        "list_call_recordings": Req("GET", f"{CALLS}/{world.call}/recordings"),
        "get_call_recording": Req("GET", rec),
        "delete_recording": Req("DELETE", rec),
        "download_call_recording": Req("GET", f"{rec}/media"),
        "delete_recording_media": Req("DELETE", f"{rec}/media"),
        "get_recording_transcription": Req("GET", f"{rec}/transcription"),
        "transcribe_call_recording": Req(
            "POST", f"{rec}/transcription", wire(TranscribeRecording(tag="x"))
        ),
        "delete_recording_transcription": Req("DELETE", f"{rec}/transcription"),
        "get_statistics": Req("GET", f"{ACCOUNT_PATH}/statistics"),
        "list_real_time_transcriptions": Req("GET", f"{CALLS}/{world.call}/transcriptions"),
        "get_real_time_transcription": Req(
            "GET", f"{CALLS}/{world.call}/transcriptions/{world.transcription}"
        ),
        "delete_real_time_transcription": Req(
            "DELETE", f"{CALLS}/{world.call}/transcriptions/{world.transcription}"
        ),
    }


OPERATIONS = sorted(requests(World("c", "r", "r", "t", "conf", "m", "r")))
#: The operations whose success is a JSON body (the others are 204s, empty 200s or audio).
_JSON_SUCCESS = {
    "list_conferences",
    "get_conference",
    "get_conference_member",
    "list_conference_recordings",
    "get_conference_recording",
    "list_account_call_recordings",
    "list_call_recordings",
    "get_call_recording",
    "get_recording_transcription",
    "get_statistics",
    "list_real_time_transcriptions",
    "get_real_time_transcription",
}
#: The operations without an id in the path, besides the account's.
ACCOUNT_WIDE = ["list_conferences", "list_account_call_recordings", "get_statistics"]
#: The operations that name a resource that may not exist (a 404 of their own).
#: list_call_recordings answers 200 [] for an unknown call, as Bandwidth's smoke test
#: records of the real API (tests/testing/test_simulator_recordings.py)
WITH_IDS = [op for op in OPERATIONS if op not in ACCOUNT_WIDE and op != "list_call_recordings"]


def send(sender: Callable[..., Answer], req: Req, **options: Any) -> Answer:
    return sender(req.method, req.path, req.body, **{**req.options, **options})


# -- every success, each body decoded by the SDK's models ----------------------------------


def test_conferences_successes(strict: Callable[..., Answer], sim: VoiceSimulator) -> None:
    seed(sim)  # another conference, so the list has a next page
    world = seed(sim)
    ops = requests(world)
    got = send(strict, ops["get_conference"])
    assert got.status == 200
    conference = Conference.from_json(got.body)
    assert conference is not None and len(conference.active_members or []) == 2
    listed = strict("GET", f"{CONFERENCES}?pageSize=1")
    assert listed.status == 200 and listed.headers["Link"].endswith('rel="next"')
    assert [Conference.from_dict(c) for c in listed.json()]
    query = (
        f"name={conference.name}&minCreatedTime=2024-03-01T00:00:00Z"
        "&maxCreatedTime=2024-03-02T00:00:00.000Z&pageSize=1000"
    )
    filtered = strict("GET", f"{CONFERENCES}?{query}")
    assert [c["id"] for c in filtered.json()] == [world.conference]
    member = send(strict, ops["get_conference_member"])
    assert member.status == 200 and ConferenceMember.from_json(member.body) is not None
    every_change = wire(
        UpdateConferenceMember(mute=True, hold=False, call_ids_to_coach=world.spare)
    )
    path = ops["update_conference_member"].path
    assert strict("PUT", path, every_change).status == 204
    assert strict("PUT", path, {"callIdsToCoach": None}).status == 204
    assert send(strict, ops["update_conference_bxml"]).status == 204
    every_field = wire(
        UpdateConference(
            status="active",
            redirect_url="https://x.example/r",
            redirect_method="GET",
            username="u",
            password="p",
            redirect_fallback_url="https://x.example/f",
            redirect_fallback_method="POST",
            fallback_username="fu",
            fallback_password="fp",
        )
    )
    assert strict("POST", ops["update_conference"].path, every_field).status == 204
    completed = wire(UpdateConference(status="completed"))
    assert strict("POST", ops["update_conference"].path, completed).status == 204
    ended = send(strict, ops["get_conference"]).json()
    assert ended["completedTime"] is not None and ended["activeMembers"] == []


def test_conference_recordings_successes(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    ops = requests(seed(sim))
    listed = send(strict, ops["list_conference_recordings"])
    assert listed.status == 200
    assert [ConferenceRecordingMetadata.from_dict(r) for r in listed.json()]
    got = send(strict, ops["get_conference_recording"])
    assert ConferenceRecordingMetadata.from_json(got.body) is not None
    media = send(strict, ops["download_conference_recording"], accept=WAV)
    assert (media.status, media.headers["Content-Type"]) == (200, WAV)
    assert media.body.startswith(b"RIFF")


def test_call_recordings_successes(strict: Callable[..., Answer], sim: VoiceSimulator) -> None:
    world = seed(sim)
    ops = requests(world)
    got = send(strict, ops["get_call_recording"])
    metadata = CallRecordingMetadata.from_json(got.body)
    assert metadata is not None and metadata.transcription is not None
    assert metadata.parent_call_id == "c-parent" and metadata.transfer_to == "+15550003333"
    listed = send(strict, ops["list_call_recordings"])
    assert [CallRecordingMetadata.from_dict(r) for r in listed.json()]
    query = (
        "to=%2B19195551234&from=%2B19195554321&minStartTime=2024-03-01T00:00:00Z"
        "&maxStartTime=2030-01-01T00:00:00Z"
    )
    account = strict("GET", f"{ACCOUNT_PATH}/recordings?{query}")
    assert world.recording in [r["recordingId"] for r in account.json()]
    media = send(strict, ops["download_call_recording"], accept=f"{WAV}, {MP3}, application/json")
    assert (media.status, media.headers["Content-Type"]) == (200, WAV)
    mp3 = sim.add_recording(world.call, file_format="mp3")
    mp3_media = strict("GET", f"{CALLS}/{world.call}/recordings/{mp3}/media", accept=MP3)
    assert (mp3_media.status, mp3_media.headers["Content-Type"]) == (200, MP3)
    for state in ("paused", "recording"):
        path = ops["update_call_recording_state"].path
        answer = strict("PUT", path, wire(UpdateCallRecording(state=state)))
        assert (answer.status, answer.body) == (200, b"")
    assert send(strict, ops["delete_recording_media"]).status == 204
    deleted_media = send(strict, ops["get_call_recording"]).json()
    assert (deleted_media["status"], deleted_media["mediaUrl"]) == ("deleted", None)
    assert send(strict, ops["delete_recording"]).status == 204


def test_recording_transcription_successes(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    ops = requests(seed(sim))
    got = send(strict, ops["get_recording_transcription"])
    transcriptions = RecordingTranscriptions.from_json(got.body)
    assert transcriptions is not None and len(transcriptions.transcripts or []) == 2
    assert send(strict, ops["delete_recording_transcription"]).status == 204
    untranscribed = send(strict, ops["get_call_recording"]).json()
    assert untranscribed["transcription"] is None
    every_field = wire(
        TranscribeRecording(
            callback_url="https://x.example/t",
            callback_method="GET",
            username="u",
            password="p",
            tag="tag",
            callback_timeout=5.5,
            detect_language=True,
        )
    )
    assert strict("POST", ops["transcribe_call_recording"].path, every_field).status == 204
    assert send(strict, ops["transcribe_call_recording"]).status == 204  # minimal body


def test_real_time_transcriptions_and_statistics_successes(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    ops = requests(seed(sim))
    listed = send(strict, ops["list_real_time_transcriptions"])
    assert [CallTranscriptionMetadata.from_dict(t) for t in listed.json()]
    got = send(strict, ops["get_real_time_transcription"])
    response = CallTranscriptionResponse.from_json(got.body)
    assert response is not None and len(response.tracks or []) == 2
    deleted = send(strict, ops["delete_real_time_transcription"])
    assert (deleted.status, deleted.body) == (200, b"")
    statistics = send(strict, ops["get_statistics"])
    assert AccountStatistics.from_json(statistics.body) is not None


# -- error statuses for spec-valid requests ------------------------------------------------


@pytest.mark.parametrize("operation", OPERATIONS)
def test_401_and_both_403s_for_every_operation(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str
) -> None:
    req = requests(seed(sim))[operation]
    assert_voice_api_error(send(strict, req, auth=WRONG), 401)
    other = Req(req.method, req.path.replace(ACCOUNT, "1234567"), req.body, req.options)
    assert_voice_api_error(send(strict, other), 403)
    assert_voice_api_error(send(strict, req, auth=NO_VOICE), 403)


@pytest.mark.parametrize("operation", WITH_IDS)
def test_404_for_unknown_resources(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str
) -> None:
    world = seed(sim)
    unknown = World(
        call="c-unknown" if operation in _CALL_LEVEL else world.call,
        recording="r-unknown",
        live_recording="r-unknown",
        transcription="t-unknown",
        conference="conf-unknown",
        member="c-unknown",
        conference_recording="r-unknown",
    )
    assert_voice_api_error(send(strict, requests(unknown)[operation]), 404)


_CALL_LEVEL = {
    "list_call_recordings",
    "list_real_time_transcriptions",
    "update_call_recording_state",
}


@pytest.mark.parametrize(
    ("operation", "body", "message"),
    [
        ("update_conference", {"status": "active"}, "redirectUrl: required"),
        ("update_conference", {}, "redirectUrl: required"),
        ("update_conference", {"status": "completed", "redirectUrl": "https://x.example"}, "not"),
        ("update_conference_bxml", "<Bxml><Hangup/></Bxml>", "cannot run on a conference"),
    ],
)
def test_400_for_rules_the_schema_cannot_express(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str, body: Any, message: str
) -> None:
    req = requests(seed(sim))[operation]
    answer = strict(req.method, req.path, body, **req.options)
    assert_voice_api_error(answer, 400)
    assert message in answer.json()["description"]


@pytest.mark.parametrize(
    "query",
    [
        "conferences?pageToken=not-a-token",
        "conferences?minCreatedTime=yesterday",
        "conferences?maxCreatedTime=2024-13-01",
        "recordings?minStartTime=soon",
        "recordings?maxStartTime=later",
    ],
)
def test_400_for_bad_query_values(strict: Callable[..., Answer], query: str) -> None:
    assert_voice_api_error(strict("GET", f"{ACCOUNT_PATH}/{query}"), 400)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 415, 429, 500])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_injected_failures_match_the_spec(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str, status: int
) -> None:
    req = requests(World("c-1", "r-1", "r-1", "t-1", "conf-1", "c-2", "r-2"))[operation]
    sim.fail_next(operation, status)
    answer = send(strict, req)
    assert_voice_api_error(answer, status)
    assert sim.requests[-1].operation == operation


@pytest.mark.parametrize("operation", [op for op in OPERATIONS if op in _JSON_SUCCESS])
def test_a_schema_garbled_answer_is_caught_for_every_operation(
    contract_prisms: Dict[str, Via], sim: VoiceSimulator, operation: str
) -> None:
    """Negative control: Prism does look at each operation's answer (JSON ones)."""
    req = requests(seed(sim))[operation]
    sim.malformed_next(operation, kind="schema")
    answer = contract_prisms["lax"].send(req.method, req.path, req.body, **req.options)
    assert answer.of("response"), (operation, answer.describe())


# -- the simulator's answers to requests the schema itself rejects -------------------------


@pytest.mark.parametrize(
    ("operation", "body", "options", "status"),
    [
        ("update_conference", {"status": "paused"}, {}, 400),
        ("update_conference", {"redirectUrl": 5}, {}, 400),
        (
            "update_conference",
            {"redirectUrl": "https://x.example", "redirectMethod": "PUT"},
            {},
            400,
        ),
        ("update_conference", "status=completed", {"content_type": "text/plain"}, 415),
        ("update_conference_bxml", CONFERENCE_BXML, {"content_type": "text/plain"}, 415),
        ("update_conference_member", {"mute": "yes"}, {}, 400),
        ("update_conference_member", {"callIdsToCoach": "c-1"}, {}, 400),
        ("update_conference_member", "mute=true", {"content_type": "text/plain"}, 415),
        ("update_call_recording_state", {}, {}, 400),
        ("update_call_recording_state", {"state": "stopped"}, {}, 400),
        ("update_call_recording_state", "paused", {"content_type": "text/plain"}, 415),
        ("transcribe_call_recording", {"callbackTimeout": 30}, {}, 400),
        ("transcribe_call_recording", {"callbackMethod": "PUT"}, {}, 400),
        ("transcribe_call_recording", {"detectLanguage": "yes"}, {}, 400),
        ("transcribe_call_recording", "tag=x", {"content_type": "text/plain"}, 415),
    ],
)
def test_answers_to_schema_invalid_bodies_match_the_spec(
    lax: Callable[..., Answer],
    sim: VoiceSimulator,
    operation: str,
    body: Any,
    options: Dict[str, Any],
    status: int,
) -> None:
    req = requests(seed(sim))[operation]
    answer = lax(req.method, req.path, body, **options)
    assert_voice_api_error(answer, status)
    assert answer.of("request"), "Prism found the request valid, the simulator did not"


@pytest.mark.parametrize("query", ["pageSize=0", "pageSize=1001", "pageSize=many"])
def test_answers_to_schema_invalid_page_sizes_match_the_spec(
    lax: Callable[..., Answer], query: str
) -> None:
    answer = lax("GET", f"{CONFERENCES}?{query}")
    assert_voice_api_error(answer, 400)
    assert answer.of("request")


@pytest.mark.parametrize("operation", OPERATIONS)
def test_401_without_credentials_matches_the_spec(
    lax: Callable[..., Answer], sim: VoiceSimulator, operation: str
) -> None:
    req = requests(seed(sim))[operation]
    answer = send(lax, req, auth=None)
    assert_voice_api_error(answer, 401)
    assert answer.headers["WWW-Authenticate"].startswith("Basic")

"""Conferences, recordings, transcriptions and statistics: every operation on a loopback server.

Each operation is checked byte for byte (method, request target, headers, body)
and its answer decoded into the official model; each of its three variants
and the per-call extras, positionally and by keyword, go through the one
request path.
"""

from __future__ import annotations

import base64
import inspect
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, Type

import pytest
import urllib3

from bandwidth import (
    AccountStatistics,
    ApiClient,
    ApiResponse,
    ApiTypeError,
    ApiValueError,
    CallRecordingMetadata,
    CallTranscriptionMetadata,
    CallTranscriptionResponse,
    Conference,
    ConferenceMember,
    ConferenceRecordingMetadata,
    ConferencesApi,
    Configuration,
    NotFoundException,
    RecordingsApi,
    RecordingTranscriptions,
    RequestValidationError,
    StatisticsApi,
    TranscribeRecording,
    TranscriptionsApi,
    UpdateCallRecording,
    UpdateConference,
    UpdateConferenceMember,
)
from bandwidth._operation import OPTION_NAMES
from bandwidth.models.bxml import Bxml, Hangup
from tests.sdk.test_voice_models import (
    CALL_RECORDING,
    CALL_TRANSCRIPTION,
    CONFERENCE,
    CONFERENCE_MEMBER,
    CONFERENCE_RECORDING,
    LIST_CONFERENCES,
    RECORDING_TRANSCRIPTIONS,
    STATISTICS,
    TRANSCRIPTION_LIST,
)
from tests.support.wire import ACCOUNT, Wire

BASIC = "Basic " + base64.b64encode(b"user:pa55word").decode()
CONF = "conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9"
CALL = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
MEMBER = "c-25ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
REC = "r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833"
TRANS = "t-3f758f24-c7a2fc78-7c91-401a-8b2e-e542f9c40d6b"
BXML = '<?xml version="1.0" encoding="UTF-8"?><Bxml><StopRecording/></Bxml>'
MEDIA = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(256)) * 4
BASE = f"/api/v2/accounts/{ACCOUNT}"

Apis = Dict[str, Any]
API_CLASSES: Dict[str, Type[Any]] = {
    "conferences": ConferencesApi,
    "recordings": RecordingsApi,
    "transcriptions": TranscriptionsApi,
    "statistics": StatisticsApi,
}


@pytest.fixture
def apis(configuration: Configuration) -> Iterator[Apis]:
    with ApiClient(configuration) as client:
        yield {name: cls(client) for name, cls in API_CLASSES.items()}


@dataclass
class Case:
    """One operation: how to call it, what must go on the wire, what comes back."""

    api: str
    name: str
    args: Tuple[Any, ...]
    method: str
    target: str
    status: int = 200
    answer: Any = None  # a JSON document, or bytes
    body: Optional[bytes] = None
    content_type: Optional[str] = None
    check: Callable[[Any], bool] = field(default=lambda data: data is None)


def is_list_of(cls: Type[Any], count: int) -> Callable[[Any], bool]:
    return lambda data: (
        isinstance(data, list) and len(data) == count and all(isinstance(i, cls) for i in data)
    )


CASES = [
    Case(
        "conferences",
        "list_conferences",
        (ACCOUNT, "my-conference-name", "2022-06-21T19:13:21Z", datetime(2022, 6, 22), 500),
        "GET",
        f"{BASE}/conferences?name=my-conference-name&minCreatedTime=2022-06-21T19%3A13%3A21Z"
        "&maxCreatedTime=2022-06-22T00%3A00%3A00Z&pageSize=500",
        answer=LIST_CONFERENCES,
        check=is_list_of(Conference, 1),
    ),
    Case(
        "conferences",
        "get_conference",
        (ACCOUNT, CONF),
        "GET",
        f"{BASE}/conferences/{CONF}",
        answer=CONFERENCE,
        check=lambda c: isinstance(c, Conference) and c.active_members[0].call_id == CALL,
    ),
    Case(
        "conferences",
        "update_conference",
        (ACCOUNT, CONF, UpdateConference(status="completed")),
        "POST",
        f"{BASE}/conferences/{CONF}",
        status=204,
        body=b'{"status":"completed"}',
        content_type="application/json",
    ),
    Case(
        "conferences",
        "update_conference_bxml",
        (ACCOUNT, CONF, BXML),
        "PUT",
        f"{BASE}/conferences/{CONF}/bxml",
        status=204,
        body=BXML.encode(),
        content_type="application/xml",
    ),
    Case(
        "conferences",
        "get_conference_member",
        (ACCOUNT, CONF, MEMBER),
        "GET",
        f"{BASE}/conferences/{CONF}/members/{MEMBER}",
        answer=CONFERENCE_MEMBER,
        check=lambda m: isinstance(m, ConferenceMember) and m.mute is False,
    ),
    Case(
        "conferences",
        "update_conference_member",
        (ACCOUNT, CONF, MEMBER, UpdateConferenceMember(mute=True)),
        "PUT",
        f"{BASE}/conferences/{CONF}/members/{MEMBER}",
        status=204,
        body=b'{"mute":true}',
        content_type="application/json",
    ),
    Case(
        "conferences",
        "list_conference_recordings",
        (ACCOUNT, CONF),
        "GET",
        f"{BASE}/conferences/{CONF}/recordings",
        answer=[CONFERENCE_RECORDING, CONFERENCE_RECORDING],
        check=is_list_of(ConferenceRecordingMetadata, 2),
    ),
    Case(
        "conferences",
        "get_conference_recording",
        (ACCOUNT, CONF, REC),
        "GET",
        f"{BASE}/conferences/{CONF}/recordings/{REC}",
        answer=CONFERENCE_RECORDING,
        check=lambda r: isinstance(r, ConferenceRecordingMetadata) and r.recording_id == REC,
    ),
    Case(
        "conferences",
        "download_conference_recording",
        (ACCOUNT, CONF, REC),
        "GET",
        f"{BASE}/conferences/{CONF}/recordings/{REC}/media",
        answer=MEDIA,
        check=lambda data: data == MEDIA and type(data) is bytes,
    ),
    Case(
        "recordings",
        "list_account_call_recordings",
        (ACCOUNT, "+15555555555", "%2b15555550000", "2022-06-21T19:13:21Z"),
        "GET",
        f"{BASE}/recordings?to=%2B15555555555&from=%2B15555550000"
        "&minStartTime=2022-06-21T19%3A13%3A21Z",
        answer=[CALL_RECORDING],
        check=is_list_of(CallRecordingMetadata, 1),
    ),
    Case(
        "recordings",
        "list_call_recordings",
        (ACCOUNT, CALL),
        "GET",
        f"{BASE}/calls/{CALL}/recordings",
        answer=[],
        check=lambda data: data == [],
    ),
    Case(
        "recordings",
        "get_call_recording",
        (ACCOUNT, CALL, REC),
        "GET",
        f"{BASE}/calls/{CALL}/recordings/{REC}",
        answer=CALL_RECORDING,
        check=lambda r: isinstance(r, CallRecordingMetadata) and r.transcription is not None,
    ),
    Case(
        "recordings",
        "delete_recording",
        (ACCOUNT, CALL, REC),
        "DELETE",
        f"{BASE}/calls/{CALL}/recordings/{REC}",
        status=204,
    ),
    Case(
        "recordings",
        "update_call_recording_state",
        (ACCOUNT, CALL, UpdateCallRecording(state="paused")),
        "PUT",
        f"{BASE}/calls/{CALL}/recording",
        body=b'{"state":"paused"}',
        content_type="application/json",
    ),
    Case(
        "recordings",
        "download_call_recording",
        (ACCOUNT, CALL, REC),
        "GET",
        f"{BASE}/calls/{CALL}/recordings/{REC}/media",
        answer=MEDIA,
        check=lambda data: data == MEDIA and type(data) is bytes,
    ),
    Case(
        "recordings",
        "delete_recording_media",
        (ACCOUNT, CALL, REC),
        "DELETE",
        f"{BASE}/calls/{CALL}/recordings/{REC}/media",
        status=204,
    ),
    Case(
        "recordings",
        "get_recording_transcription",
        (ACCOUNT, CALL, REC),
        "GET",
        f"{BASE}/calls/{CALL}/recordings/{REC}/transcription",
        answer=RECORDING_TRANSCRIPTIONS,
        check=lambda t: isinstance(t, RecordingTranscriptions) and len(t.clips) == 4,
    ),
    Case(
        "recordings",
        "transcribe_call_recording",
        (ACCOUNT, CALL, REC, TranscribeRecording(callback_url="https://x.example/t")),
        "POST",
        f"{BASE}/calls/{CALL}/recordings/{REC}/transcription",
        status=204,
        body=b'{"callbackUrl":"https://x.example/t"}',
        content_type="application/json",
    ),
    Case(
        "recordings",
        "delete_recording_transcription",
        (ACCOUNT, CALL, REC),
        "DELETE",
        f"{BASE}/calls/{CALL}/recordings/{REC}/transcription",
        status=204,
    ),
    Case(
        "transcriptions",
        "list_real_time_transcriptions",
        (ACCOUNT, CALL),
        "GET",
        f"{BASE}/calls/{CALL}/transcriptions",
        answer=TRANSCRIPTION_LIST,
        check=is_list_of(CallTranscriptionMetadata, 1),
    ),
    Case(
        "transcriptions",
        "get_real_time_transcription",
        (ACCOUNT, CALL, TRANS),
        "GET",
        f"{BASE}/calls/{CALL}/transcriptions/{TRANS}",
        answer=CALL_TRANSCRIPTION,
        check=lambda t: isinstance(t, CallTranscriptionResponse) and t.tracks[0].track == "inbound",
    ),
    Case(
        "transcriptions",
        "delete_real_time_transcription",
        (ACCOUNT, CALL, TRANS),
        "DELETE",
        f"{BASE}/calls/{CALL}/transcriptions/{TRANS}",
    ),
    Case(
        "statistics",
        "get_statistics",
        (ACCOUNT,),
        "GET",
        f"{BASE}/statistics",
        answer=STATISTICS,
        check=lambda s: isinstance(s, AccountStatistics) and s.max_call_queue_size == 900,
    ),
]
IDS = [case.name for case in CASES]


def script(wire: Wire, case: Case, **headers: str) -> None:
    if isinstance(case.answer, bytes):
        wire.answer(case.status, body=case.answer, content_type="audio/vnd.wave", headers=headers)
    else:
        wire.answer(case.status, json=case.answer, headers=headers or None, method=case.method)


def assert_sent(wire: Wire, case: Case) -> None:
    request = wire.last
    assert request.method == case.method
    assert wire.raw_target(request) == case.target
    assert request.headers["Authorization"] == BASIC
    assert request.get_data() == (case.body or b"")
    assert request.headers.get("Content-Type") == case.content_type
    media = case.name.startswith("download")
    assert request.headers["Accept"] == (
        "audio/vnd.wave, audio/mpeg, application/json" if media else "application/json"
    )


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_each_operation_on_the_wire(wire: Wire, apis: Apis, case: Case) -> None:
    api = apis[case.api]
    script(wire, case)
    data = getattr(api, case.name)(*case.args)
    assert_sent(wire, case)
    assert case.check(data), data

    info = getattr(api, f"{case.name}_with_http_info")(*case.args)
    assert isinstance(info, ApiResponse) and info.status_code == case.status
    assert case.check(info.data)
    assert_sent(wire, case)

    raw = getattr(api, f"{case.name}_without_preload_content")(*case.args)
    assert isinstance(raw, urllib3.BaseHTTPResponse) and raw.status == case.status
    body = raw.read()
    raw.release_conn()
    if case.answer is not None:
        expected = case.answer if isinstance(case.answer, bytes) else json.dumps(case.answer)
        assert body == (expected if isinstance(expected, bytes) else expected.encode())
    assert_sent(wire, case)


def all_positional(api: Any, case: Case) -> Tuple[Any, ...]:
    """``case.args`` and then every optional parameter of the operation at its default."""
    parameters = list(inspect.signature(getattr(api, case.name)).parameters.values())
    own = [p for p in parameters if p.name not in OPTION_NAMES]
    return case.args + tuple(p.default for p in own[len(case.args) :])


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_extras_positionally_and_by_keyword(wire: Wire, apis: Apis, case: Case) -> None:
    api = apis[case.api]
    script(wire, case)
    auth = {"in": "header", "key": "Authorization", "value": "Bearer per-call"}
    args = all_positional(api, case)
    getattr(api, case.name)(*args, 5, auth, None, {"X-Trace": "positional"}, 0)
    assert wire.last.headers["X-Trace"] == "positional"
    assert wire.last.headers["Authorization"] == "Bearer per-call"
    getattr(api, f"{case.name}_with_http_info")(
        *case.args, _request_timeout=(2, 3), _headers={"X-Trace": "keyword"}
    )
    assert wire.last.headers["X-Trace"] == "keyword"
    assert wire.last.headers["Authorization"] == BASIC
    sent = len(wire.requests)
    with pytest.raises(ApiValueError, match="_host_index"):
        getattr(api, case.name)(*args, None, None, None, None, 1)
    with pytest.raises(ApiTypeError, match="_request_timout"):
        getattr(api, case.name)(*case.args, _request_timout=5)
    with pytest.raises(ApiTypeError, match="positional argument"):
        getattr(api, case.name)(*args, None, None, None, None, 0, "surplus")
    assert len(wire.requests) == sent  # nothing was sent for a bad argument


@pytest.mark.parametrize("case", [c for c in CASES if c.body is not None], ids=lambda c: c.name)
def test_content_type_must_be_the_operations(wire: Wire, apis: Apis, case: Case) -> None:
    script(wire, case)
    api = apis[case.api]
    getattr(api, case.name)(*case.args, _content_type=f"{case.content_type}; charset=utf-8")
    assert wire.last.headers["Content-Type"] == f"{case.content_type}; charset=utf-8"
    with pytest.raises(ApiValueError, match="_content_type"):
        getattr(api, case.name)(*case.args, _content_type="text/plain")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_bad_path_parameters_are_named_before_sending(wire: Wire, apis: Apis, case: Case) -> None:
    api = apis[case.api]
    for position, value, error in [(0, 9900000, ApiTypeError), (0, "", ApiValueError)]:
        args = list(case.args)
        args[position] = value
        with pytest.raises(error, match="account_id"):
            getattr(api, case.name)(*args)
    if len(case.args) > 1 and isinstance(case.args[1], str) and case.args[1].startswith("c"):
        args = list(case.args)
        args[1] = "../../x"
        script(wire, case)
        getattr(api, case.name)(*args)  # encoded: one segment, never a path change
        assert "/..%2F..%2Fx" in wire.raw_target(wire.last)
    assert all(wire.raw_target(r).startswith(BASE) for r in wire.requests)


def test_an_error_answer_raises_its_exception(wire: Wire, apis: Apis) -> None:
    wire.answer(404, json={"type": "not-found", "description": "No conference conf-x"})
    with pytest.raises(NotFoundException) as caught:
        apis["conferences"].get_conference(ACCOUNT, "conf-x")
    assert caught.value.data is not None and caught.value.data.description == (
        "No conference conf-x"
    )
    wire.server.clear()
    wire.answer(404, json={"type": "not-found", "description": "No recording"})
    with pytest.raises(NotFoundException):
        apis["recordings"].download_call_recording(ACCOUNT, CALL, REC)


# -- request bodies are checked before sending ------------------------------------------


BODIES: List[Tuple[str, str, Tuple[Any, ...], Any, str]] = [
    (
        "conferences",
        "update_conference",
        (ACCOUNT, CONF),
        UpdateConference(status="completed", redirect_url="https://x.example/r"),
        "redirectUrl",
    ),
    ("conferences", "update_conference", (ACCOUNT, CONF), {"status": "ended"}, "status"),
    (
        "conferences",
        "update_conference_member",
        (ACCOUNT, CONF, MEMBER),
        {"mute": True, "unknown": 1},
        "unknown",
    ),
    ("recordings", "update_call_recording_state", (ACCOUNT, CALL), {}, "state"),
    (
        "recordings",
        "transcribe_call_recording",
        (ACCOUNT, CALL, REC),
        TranscribeRecording(callback_url="ftp://x.example/t"),
        "callback_url",
    ),
]


@pytest.mark.parametrize(("api", "name", "args", "body", "field_name"), BODIES)
def test_bad_bodies_are_refused_before_sending(
    wire: Wire, apis: Apis, api: str, name: str, args: Tuple[Any, ...], body: Any, field_name: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        getattr(apis[api], name)(*args, body)
    assert field_name in str(caught.value)
    assert wire.requests == []


def test_bodies_may_be_dicts_and_bxml_objects(wire: Wire, apis: Apis) -> None:
    wire.answer(204, method="PUT")
    conferences = apis["conferences"]
    conferences.update_conference_member(ACCOUNT, CONF, MEMBER, {"hold": True, "mute": False})
    assert json.loads(wire.last.get_data()) == {"hold": True, "mute": False}
    conferences.update_conference_bxml(ACCOUNT, CONF, Bxml([Hangup()]))
    assert wire.last.get_data().endswith(b"<Bxml><Hangup /></Bxml>")
    with pytest.raises(ApiTypeError, match="body"):
        conferences.update_conference_bxml(ACCOUNT, CONF, 42)
    with pytest.raises(ApiTypeError, match="update_conference"):
        conferences.update_conference(ACCOUNT, CONF, "completed")


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.list_conferences(ACCOUNT, page_size=0), "page_size"),
        (lambda c: c.list_conferences(ACCOUNT, page_size=1001), "page_size"),
        (lambda c: c.list_conferences(ACCOUNT, min_created_time="yesterday"), "min_created_time"),
        (lambda c: c.list_conferences(ACCOUNT, name=5), "name"),
    ],
)
def test_bad_filters_are_named(
    wire: Wire, apis: Apis, call: Callable[[Any], Any], message: str
) -> None:
    with pytest.raises((ApiValueError, ApiTypeError), match=message):
        call(apis["conferences"])
    assert wire.requests == []

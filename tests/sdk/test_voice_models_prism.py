"""The conference, recording, transcription and statistics models against Prism mocking
``spec/bandwidth.yml``.

Prism answers each Voice ``GET`` with the spec's own example of the response
schema, so decoding its answers proves the models read what Bandwidth
documents, field for field. Prism also validates each request body against
the spec (``--errors``: a body that breaks the schema gets a 400), so sending
the models' bodies proves they are what Bandwidth accepts, and sending bodies
the spec forbids proves ``check()`` never lets one through. (There are no API
classes for these operations yet: requests go over a plain ``http.client``
connection.)
"""

from __future__ import annotations

import base64
import http.client
import json
from typing import Any, Dict, Iterator, List, Optional, Tuple, Type
from urllib.parse import urlsplit

import pytest

from bandwidth.exceptions import RequestValidationError
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
from bandwidth.models._base import RequestModel, ResponseModel
from tests.sdk.test_voice_models import same_document
from tests.support.prism import prism

ACCOUNT = "/accounts/9900000"
CONFERENCE = f"{ACCOUNT}/conferences/conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9"
CALL = f"{ACCOUNT}/calls/c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
RECORDING = f"{CALL}/recordings/r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833"
AUTH = "Basic " + base64.b64encode(b"user:pass").decode()
URL = "https://myServer.example/bandwidth/webhooks/event"

Answer = Tuple[int, http.client.HTTPMessage, bytes]


class Client:
    """A keep-alive connection to Prism (bounded by a timeout)."""

    def __init__(self, base_url: str) -> None:
        parts = urlsplit(base_url)
        assert parts.hostname is not None and parts.port is not None
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)

    def send(self, method: str, path: str, body: Optional[str] = None) -> Answer:
        headers = {"Authorization": AUTH, "Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        return response.status, response.headers, response.read()


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with prism("mock", errors=True) as url:
        client = Client(url)
        yield client
        client.conn.close()


# -- every response schema: Prism's example decodes completely --------------------------

GETS: List[Tuple[str, Type[ResponseModel], bool]] = [
    (f"{ACCOUNT}/conferences", Conference, True),
    (CONFERENCE, Conference, False),
    (
        f"{CONFERENCE}/members/c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85",
        ConferenceMember,
        False,
    ),
    (f"{CONFERENCE}/recordings", ConferenceRecordingMetadata, True),
    (f"{CONFERENCE}/recordings/r-1", ConferenceRecordingMetadata, False),
    (f"{ACCOUNT}/recordings", CallRecordingMetadata, True),
    (f"{CALL}/recordings", CallRecordingMetadata, True),
    (RECORDING, CallRecordingMetadata, False),
    (f"{RECORDING}/transcription", RecordingTranscriptions, False),
    (f"{ACCOUNT}/statistics", AccountStatistics, False),
    (f"{CALL}/transcriptions", CallTranscriptionMetadata, True),
    (f"{CALL}/transcriptions/t-1", CallTranscriptionResponse, False),
]


def _nested(model: ResponseModel) -> Iterator[ResponseModel]:
    yield model
    for value in model.__dict__.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, ResponseModel):
                yield from _nested(item)


@pytest.mark.parametrize(("path", "cls", "many"), GETS, ids=[g[0] for g in GETS])
def test_the_spec_example_of_every_answer_decodes(
    client: Client, path: str, cls: Type[ResponseModel], many: bool
) -> None:
    status, headers, body = client.send("GET", path)
    assert status == 200, body
    assert headers["Content-Type"].startswith("application/json")
    documents: List[Any] = json.loads(body) if many else [json.loads(body)]
    assert documents and all(isinstance(d, dict) and d for d in documents)
    for document in documents:
        model = cls.from_json(json.dumps(document))
        assert model is not None
        for part in _nested(model):  # every field of the spec is modelled, nested too
            assert part.additional_properties == {}, type(part).__name__
        assert same_document(json.loads(model.to_json()), document)


# -- every request body our models send, Prism accepts -----------------------------------

VALID: List[Tuple[str, str, RequestModel]] = [
    ("POST", CONFERENCE, UpdateConference(status="completed")),
    ("POST", CONFERENCE, UpdateConference(redirect_url=URL)),
    (
        "POST",
        CONFERENCE,
        UpdateConference(
            status="active",
            redirect_url=URL,
            redirect_method="GET",
            username="mySecretUsername",
            password="mySecretPassword1!",
            redirect_fallback_url="https://myFallbackServer.example/bandwidth/event",
            redirect_fallback_method="POST",
            fallback_username="mySecretUsername",
            fallback_password="p" * 1024,
        ),
    ),
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember(mute=True)),
    (
        "PUT",
        f"{CONFERENCE}/members/c-1",
        UpdateConferenceMember(mute=False, hold=True, call_ids_to_coach=["c-2", "c-3"]),
    ),
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember(call_ids_to_coach=None)),
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember(mute=None)),
    ("PUT", f"{CALL}/recording", UpdateCallRecording(state="paused")),
    ("PUT", f"{CALL}/recording", UpdateCallRecording(state="recording")),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording()),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording(callback_url=None, tag=None)),
    (
        "POST",
        f"{RECORDING}/transcription",
        TranscribeRecording(
            callback_url=URL,
            callback_method="GET",
            username="mySecretUsername",
            password="mySecretPassword1!",
            tag="exampleTag",
            callback_timeout=25,
            detect_language=True,
        ),
    ),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording(callback_timeout=1.5)),
]


@pytest.mark.parametrize(("method", "path", "model"), VALID)
def test_prism_accepts_every_checked_body(
    client: Client, method: str, path: str, model: RequestModel
) -> None:
    model.check()
    status, _, body = client.send(method, path, model.to_json())
    assert status in (200, 204), body


# -- every body the spec forbids, the checks stop before sending -------------------------

INVALID: List[Tuple[str, str, Type[RequestModel], Dict[str, Any]]] = [
    ("POST", CONFERENCE, UpdateConference, {"status": "ended"}),
    ("POST", CONFERENCE, UpdateConference, {"redirectUrl": URL, "redirectMethod": "PUT"}),
    ("POST", CONFERENCE, UpdateConference, {"redirectFallbackMethod": "post"}),
    ("POST", CONFERENCE, UpdateConference, {"redirectUrl": "not a url"}),
    ("POST", CONFERENCE, UpdateConference, {"username": "u" * 1025}),
    ("POST", CONFERENCE, UpdateConference, {"fallbackPassword": "p" * 1025}),
    ("POST", CONFERENCE, UpdateConference, {"password": 5}),
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember, {"mute": "true"}),
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember, {"hold": 1}),
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember, {"callIdsToCoach": "c-2"}),
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember, {"callIdsToCoach": [2]}),
    ("PUT", f"{CALL}/recording", UpdateCallRecording, {}),
    ("PUT", f"{CALL}/recording", UpdateCallRecording, {"state": "pause"}),
    ("PUT", f"{CALL}/recording", UpdateCallRecording, {"state": "PAUSED"}),
    ("PUT", f"{CALL}/recording", UpdateCallRecording, {"state": None}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"callbackTimeout": 30}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"callbackTimeout": 0.5}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"callbackTimeout": "5"}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"callbackMethod": "PUT"}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"callbackUrl": "a b"}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"detectLanguage": "yes"}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"username": "u" * 1025}),
]
#: null for a field the spec does not allow to be null: the model reads it as "not
#: set", so what goes on the wire is the body without it
DROPPED: List[Tuple[str, str, Type[RequestModel], Dict[str, Any]]] = [
    ("PUT", f"{CONFERENCE}/members/c-1", UpdateConferenceMember, {"mute": None, "hold": True}),
    ("POST", f"{RECORDING}/transcription", TranscribeRecording, {"callbackUrl": None}),
]


@pytest.mark.parametrize(("method", "path", "cls", "data"), INVALID)
def test_what_the_spec_forbids_the_check_stops(
    client: Client, method: str, path: str, cls: Type[RequestModel], data: Dict[str, Any]
) -> None:
    status, _, _ = client.send(method, path, json.dumps(data))
    assert status == 400  # the spec forbids it ...
    with pytest.raises(RequestValidationError):  # ... and it never leaves the SDK
        cls.from_dict(data, check=True)


@pytest.mark.parametrize(("method", "path", "cls", "data"), DROPPED)
def test_a_null_the_spec_forbids_is_never_sent(
    client: Client, method: str, path: str, cls: Type[RequestModel], data: Dict[str, Any]
) -> None:
    assert client.send(method, path, json.dumps(data))[0] == 400
    model = cls.from_dict(data, check=True)
    assert model is not None and "null" not in model.to_json()
    status, _, body = client.send(method, path, model.to_json())
    assert status in (200, 204), body

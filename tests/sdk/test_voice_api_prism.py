"""Contract tests: the conference, recording, transcription and statistics operations against
Prism mocking ``spec/bandwidth.yml``.

Prism (``--errors``) validates every request the SDK sends against the spec
(path, query, headers, body) and answers with the spec's examples; ``Prefer:
code=NNN`` asks it for a declared error status. So each operation is shown
to send what Bandwidth documents, with every argument set, and every error
status the spec declares for it to become its exception.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Tuple, Type

import pytest
import yaml

from bandwidth import (
    ApiClient,
    ApiResponse,
    ConferencesApi,
    Configuration,
    RecordingsApi,
    StatisticsApi,
    TranscribeRecording,
    TranscriptionsApi,
    UpdateCallRecording,
    UpdateConference,
    UpdateConferenceMember,
    VoiceApiError,
)
from bandwidth.exceptions import ApiException, exception_class_for_status
from tests.support.prism import SPEC, prism

ACCOUNT = "9900000"
CONF = "conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9"
CALL = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
MEMBER = "c-25ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
REC = "r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833"
TRANS = "t-3f758f24-c7a2fc78-7c91-401a-8b2e-e542f9c40d6b"
URL = "https://myServer.example/bandwidth/webhooks/event"
FALLBACK = "https://myFallbackServer.example/bandwidth/webhooks/event"
BXML = '<?xml version="1.0" encoding="UTF-8"?><Bxml><StopRecording/></Bxml>'

Apis = Dict[str, Any]
Operation = Callable[..., ApiResponse[Any]]


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    with prism("mock", errors=True) as url:
        yield url


@pytest.fixture
def apis(prism_url: str) -> Iterator[Apis]:
    config = Configuration(host=prism_url, username="user", password="pass", retries=0)
    with ApiClient(config) as client:
        yield {
            "conferences": ConferencesApi(client),
            "recordings": RecordingsApi(client),
            "transcriptions": TranscriptionsApi(client),
            "statistics": StatisticsApi(client),
        }


#: operation -> (API, arguments with every optional one set, the spec's success status)
CALLS: Dict[str, Tuple[str, Tuple[Any, ...], int]] = {
    "list_conferences": (
        "conferences",
        (ACCOUNT, "my-conference-name", "2022-06-21T19:13:21Z", "2022-06-22T19:13:21Z", 500),
        200,
    ),
    "get_conference": ("conferences", (ACCOUNT, CONF), 200),
    "update_conference": (
        "conferences",
        (
            ACCOUNT,
            CONF,
            UpdateConference(
                status="active",
                redirect_url=URL,
                redirect_method="POST",
                username="mySecretUsername",
                password="mySecretPassword1!",
                redirect_fallback_url=FALLBACK,
                redirect_fallback_method="POST",
                fallback_username="mySecretUsername",
                fallback_password="mySecretPassword1!",
            ),
        ),
        204,
    ),
    "update_conference_bxml": ("conferences", (ACCOUNT, CONF, BXML), 204),
    "get_conference_member": ("conferences", (ACCOUNT, CONF, MEMBER), 200),
    "update_conference_member": (
        "conferences",
        (
            ACCOUNT,
            CONF,
            MEMBER,
            UpdateConferenceMember(mute=False, hold=True, call_ids_to_coach=[CALL]),
        ),
        204,
    ),
    "list_conference_recordings": ("conferences", (ACCOUNT, CONF), 200),
    "get_conference_recording": ("conferences", (ACCOUNT, CONF, REC), 200),
    "download_conference_recording": ("conferences", (ACCOUNT, CONF, REC), 200),
    "list_account_call_recordings": (
        "recordings",
        (ACCOUNT, "%2b19195551234", "+19195554321", "2022-06-21T19:13:21Z", "2022-06-22T19:13:21Z"),
        200,
    ),
    "list_call_recordings": ("recordings", (ACCOUNT, CALL), 200),
    "get_call_recording": ("recordings", (ACCOUNT, CALL, REC), 200),
    "delete_recording": ("recordings", (ACCOUNT, CALL, REC), 204),
    "update_call_recording_state": (
        "recordings",
        (ACCOUNT, CALL, UpdateCallRecording(state="paused")),
        200,
    ),
    "download_call_recording": ("recordings", (ACCOUNT, CALL, REC), 200),
    "delete_recording_media": ("recordings", (ACCOUNT, CALL, REC), 204),
    "get_recording_transcription": ("recordings", (ACCOUNT, CALL, REC), 200),
    "transcribe_call_recording": (
        "recordings",
        (
            ACCOUNT,
            CALL,
            REC,
            TranscribeRecording(
                callback_url=URL,
                callback_method="POST",
                username="mySecretUsername",
                password="mySecretPassword1!",
                tag="exampleTag",
                callback_timeout=5.5,
                detect_language=True,
            ),
        ),
        204,
    ),
    "delete_recording_transcription": ("recordings", (ACCOUNT, CALL, REC), 204),
    "list_real_time_transcriptions": ("transcriptions", (ACCOUNT, CALL), 200),
    "get_real_time_transcription": ("transcriptions", (ACCOUNT, CALL, TRANS), 200),
    "delete_real_time_transcription": ("transcriptions", (ACCOUNT, CALL, TRANS), 200),
    "get_statistics": ("statistics", (ACCOUNT,), 200),
}


SPEC_DOCUMENT: Dict[str, Any] = yaml.safe_load(Path(SPEC).read_text())


def operation_ids(spec: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    """The spec's operations by their SDK name (``getConference`` -> ``get_conference``)."""
    found = {}
    for methods in spec["paths"].values():
        for operation in methods.values():
            if isinstance(operation, dict) and "operationId" in operation:
                name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
                found[name] = operation
    return found


SPEC_OPERATIONS = operation_ids(SPEC_DOCUMENT)


def has_body(name: str, status: int) -> bool:
    """Whether the spec declares content for the operation's answer with this status."""
    response = SPEC_OPERATIONS[name]["responses"][str(status)]
    if "$ref" in response:
        response = SPEC_DOCUMENT["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return "content" in response


def call(apis: Apis, name: str, variant: str = "_with_http_info", **extras: Any) -> Any:
    api, args, _ = CALLS[name]
    return getattr(apis[api], name + variant)(*args, **extras)


def test_every_voice_operation_of_the_four_tags_is_here() -> None:
    tagged = {
        name
        for name, operation in SPEC_OPERATIONS.items()
        if set(operation["tags"]) & {"Conferences", "Recordings", "Transcriptions", "Statistics"}
    }
    assert tagged == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_request_passes_prism_validation(apis: Apis, name: str) -> None:
    response = call(apis, name)
    assert response.status_code == CALLS[name][2]
    assert response.headers.get("sl-violations") is None, response.headers["sl-violations"]
    assert (response.data is not None) == has_body(name, CALLS[name][2])


@pytest.mark.parametrize(
    "name", [name for name in sorted(CALLS) if name.startswith(("list_", "get_"))]
)
def test_the_spec_example_decodes(apis: Apis, name: str) -> None:
    data = call(apis, name, variant="")
    items = data if isinstance(data, list) else [data]
    assert items and all(not item.additional_properties for item in items), items


ERRORS: List[Tuple[str, int]] = [
    (name, int(status))
    for name in sorted(CALLS)
    for status in SPEC_OPERATIONS[name]["responses"]
    if int(status) >= 400
]


@pytest.mark.parametrize(("name", "status"), ERRORS)
def test_every_declared_error_status_raises_its_exception(
    apis: Apis, name: str, status: int
) -> None:
    exc_class: Type[ApiException] = exception_class_for_status(status)
    with pytest.raises(exc_class) as caught:
        call(apis, name, variant="", _headers={"Prefer": f"code={status}"})
    assert type(caught.value) is exc_class and caught.value.status == status
    assert isinstance(caught.value.data, VoiceApiError)


def test_prism_rejects_what_the_spec_does_not_allow(apis: Apis) -> None:
    """The checks above can fail: a body the spec rejects never gets its 2xx."""
    from bandwidth._operation import Call
    from bandwidth.api.recordings_api import UPDATE_CALL_RECORDING_STATE as OPERATION

    client = apis["recordings"].api_client
    unchecked = Call(OPERATION, OPERATION.expand(ACCOUNT, CALL), body=b'{"state":"asleep"}')
    with pytest.raises(ApiException) as caught:
        client.execute(unchecked)  # past the SDK's own checks, straight to Prism
    assert caught.value.status in (400, 422)

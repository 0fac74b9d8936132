"""Contract tests: the SDK against Prism mocking Bandwidth's own OpenAPI description.

Prism (pinned in tools/prism) validates every request the SDK sends against
``bandwidth.yml`` and answers with the spec's examples, so these tests prove
that what goes on the wire is what Bandwidth documents, and that every
declared error status decodes into the right exception. ``Prefer: code=NNN``
asks Prism for a given status.
"""

from __future__ import annotations

from typing import Callable, Iterator, List, Tuple, Type

import pytest

from bandwidth import (
    ApiClient,
    CallsApi,
    CallState,
    Configuration,
    CreateCall,
    CreateCallResponse,
    MachineDetectionConfiguration,
    RetryPolicy,
    UpdateCall,
    VoiceApiError,
)
from bandwidth.exceptions import (
    ApiException,
    BadRequestException,
    ConflictException,
    ForbiddenException,
    MethodNotAllowedException,
    NotFoundException,
    ServiceException,
    TooManyRequestsException,
    UnauthorizedException,
    UnsupportedMediaTypeException,
)
from tests.support.prism import prism

ACCOUNT = "9900000"
CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
BXML = '<?xml version="1.0" encoding="UTF-8"?><Bxml><SpeakSentence>Hi</SpeakSentence></Bxml>'


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    with prism("mock", errors=True) as url:
        yield url


@pytest.fixture
def api(prism_url: str) -> Iterator[CallsApi]:
    # Prism serves the spec's paths at its root (it drops the server's /api/v2).
    config = Configuration(host=prism_url, username="user", password="pass", retries=0)
    with ApiClient(config) as client:
        yield CallsApi(client)


def full_create_call() -> CreateCall:
    return CreateCall(
        to="+19195551234",
        var_from="+19195554321",
        privacy=False,
        display_name="Dispatch",
        uui="bXktdXVp;encoding=base64",
        application_id="04e88489-df02-4e34-a0ee-27a91849555f",
        answer_url="https://myServer.example/bandwidth/webhooks/answer",
        answer_method="POST",
        username="mySecretUsername",
        password="mySecretPassword1!",
        answer_fallback_url="https://myFallbackServer.example/bandwidth/webhooks/answer",
        answer_fallback_method="POST",
        fallback_username="mySecretUsername",
        fallback_password="mySecretPassword1!",
        disconnect_url="https://myServer.example/bandwidth/webhooks/disconnect",
        disconnect_method="POST",
        call_timeout=30,
        callback_timeout=15,
        machine_detection=MachineDetectionConfiguration(
            mode="async",
            detection_timeout=15,
            silence_timeout=10,
            speech_threshold=10,
            speech_end_threshold=5,
            machine_speech_end_threshold=5,
            delay_result=False,
            callback_url="https://myServer.example/bandwidth/webhooks/machineDetectionComplete",
            callback_method="POST",
            username="mySecretUsername",
            password="mySecretPassword1!",
            fallback_url="https://myFallbackServer.example/bandwidth/webhooks/machineDetection",
            fallback_method="POST",
            fallback_username="mySecretUsername",
            fallback_password="mySecretPassword1!",
        ),
        priority=5,
        tag="My custom tag value",
    )


def minimal_create_call() -> CreateCall:
    return CreateCall(
        to="+19195551234",
        var_from="+19195554321",
        application_id="04e88489-df02-4e34-a0ee-27a91849555f",
        answer_url="https://myServer.example/bandwidth/webhooks/answer",
    )


def assert_no_violations(headers: object) -> None:
    assert headers.get("sl-violations") is None, headers.get("sl-violations")  # type: ignore[attr-defined]


# -- every operation passes Prism's request validation ----------------------------------


@pytest.mark.parametrize("body", [minimal_create_call, full_create_call])
def test_create_call(api: CallsApi, body: Callable[[], CreateCall]) -> None:
    data, status, headers = api.create_call_with_http_info(ACCOUNT, body())
    assert status == 201
    assert isinstance(data, CreateCallResponse) and data.call_id
    assert headers["Location"]
    assert_no_violations(headers)


def test_get_call_state(api: CallsApi) -> None:
    data, status, headers = api.get_call_state_with_http_info(ACCOUNT, CALL_ID)
    assert status == 200 and isinstance(data, CallState)
    assert_no_violations(headers)


def test_list_calls_with_every_filter(api: CallsApi) -> None:
    data, status, headers = api.list_calls_with_http_info(
        ACCOUNT,
        to="%2b19195551234",
        var_from="+19195554321",
        min_start_time="2022-06-21T19:13:21Z",
        max_start_time="2022-06-22T19:13:21Z",
        disconnect_cause="hangup",
        page_size=500,
        page_token="eyJwYWdlVG9rZW4iOiJ0b2tlbiJ9",
    )
    assert status == 200 and all(isinstance(item, CallState) for item in data)
    assert_no_violations(headers)


@pytest.mark.parametrize(
    "update",
    [
        lambda: UpdateCall(state="completed"),
        lambda: UpdateCall(
            state="active",
            redirect_url="https://myServer.example/bandwidth/webhooks/redirect",
            redirect_method="POST",
            username="mySecretUsername",
            password="mySecretPassword1!",
            redirect_fallback_url="https://myFallbackServer.example/bandwidth/webhooks/redirect",
            redirect_fallback_method="POST",
            fallback_username="mySecretUsername",
            fallback_password="mySecretPassword1!",
            tag="My Custom Tag",
        ),
    ],
)
def test_update_call(api: CallsApi, update: Callable[[], UpdateCall]) -> None:
    data, status, headers = api.update_call_with_http_info(ACCOUNT, CALL_ID, update())
    assert (data, status) == (None, 200)
    assert_no_violations(headers)


def test_update_call_bxml(api: CallsApi) -> None:
    data, status, headers = api.update_call_bxml_with_http_info(ACCOUNT, CALL_ID, BXML)
    assert (data, status) == (None, 204)
    assert_no_violations(headers)


def test_iter_calls(api: CallsApi) -> None:
    assert all(isinstance(call, CallState) for call in api.iter_calls(ACCOUNT, page_size=2))


# -- every declared error status becomes its exception -----------------------------------

ERRORS: List[Tuple[int, Type[ApiException]]] = [
    (400, BadRequestException),
    (401, UnauthorizedException),
    (403, ForbiddenException),
    (404, NotFoundException),
    (405, MethodNotAllowedException),
    (415, UnsupportedMediaTypeException),
    (429, TooManyRequestsException),
    (500, ServiceException),
]

OPERATIONS = {
    "create_call": lambda api, **kw: api.create_call(ACCOUNT, minimal_create_call(), **kw),
    "get_call_state": lambda api, **kw: api.get_call_state(ACCOUNT, CALL_ID, **kw),
    "list_calls": lambda api, **kw: api.list_calls(ACCOUNT, **kw),
    "update_call": lambda api, **kw: api.update_call(
        ACCOUNT, CALL_ID, UpdateCall(state="completed"), **kw
    ),
    "update_call_bxml": lambda api, **kw: api.update_call_bxml(ACCOUNT, CALL_ID, BXML, **kw),
}

CASES = [(op, status, exc) for op in OPERATIONS for status, exc in ERRORS] + [
    ("update_call", 409, ConflictException),
    ("update_call_bxml", 409, ConflictException),
]


@pytest.mark.parametrize(("operation", "status", "exc_class"), CASES)
def test_declared_error_statuses(
    api: CallsApi, operation: str, status: int, exc_class: Type[ApiException]
) -> None:
    with pytest.raises(exc_class) as caught:
        OPERATIONS[operation](api, _headers={"Prefer": f"code={status}"})
    exc = caught.value
    assert type(exc) is exc_class and exc.status == status
    assert isinstance(exc.data, VoiceApiError)
    assert exc.data.description == "Invalid answerUrl: only http and https are allowed."
    assert (
        str(exc).splitlines()[0].endswith(": Invalid answerUrl: only http and https are allowed.")
    )
    if status == 429:
        # Prism's static example for the declared Retry-After header is the text "string".
        assert exc.headers is not None and exc.headers["Retry-After"] == "string"
        assert exc.retry_after is None  # type: ignore[attr-defined]


def test_malformed_retry_after_from_the_spec_falls_back_to_backoff(prism_url: str) -> None:
    waits: List[float] = []
    config = Configuration(
        host=prism_url, username="u", password="p", retries=RetryPolicy(2, sleep=waits.append)
    )
    api = CallsApi(ApiClient(config))
    with pytest.raises(TooManyRequestsException):
        api.get_call_state(ACCOUNT, CALL_ID, _headers={"Prefer": "code=429"})
    assert len(waits) == 2 and all(0 < wait <= 1.0 for wait in waits)


def test_prism_rejects_what_the_spec_does_not_allow(api: CallsApi) -> None:
    """The check above can fail: a body the spec rejects never gets a 201."""
    unchecked = CreateCall.model_construct(to="+19195551234")  # skips our own validation
    with pytest.raises(ApiException) as caught:
        api.create_call(ACCOUNT, unchecked)
    assert caught.value.status in (400, 422)

"""Request models build as the generated SDK's do; the checks run when the call is made.

Official code builds a body outside its ``try`` and catches the server's 400
as an ``ApiException`` (Bandwidth's own smoke tests do exactly this). Here the
same code gets the same kind of exception, but from the checks run before
sending: the loopback server must receive nothing.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict

import pytest
from pydantic import ValidationError

from bandwidth import (
    ApiException,
    ApiValueError,
    BadRequestException,
    CallsApi,
    CreateCall,
    MachineDetectionConfiguration,
    OpenApiException,
    RequestValidationError,
    UpdateCall,
    VoiceApiError,
)
from tests.support.wire import ACCOUNT, CALL_ID, CREATE_CALL_RESPONSE, Wire

APP = "04e88489-df02-4e34-a0ee-27a91849555f"
GOOD: Dict[str, Any] = {
    "to": "+19195551234",
    "var_from": "+19195554321",
    "application_id": APP,
    "answer_url": "https://myapp.example/answer",
}


def test_the_exception_is_every_kind_official_code_catches() -> None:
    for base in (BadRequestException, ApiException, ApiValueError, ValueError, OpenApiException):
        assert issubclass(RequestValidationError, base)


def test_smoke_test_style_create_call_bad_request(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    call_body = CreateCall(
        to="invalidNumberFormat", var_from="+19195554321", application_id=APP, answer_url="x"
    )
    with pytest.raises(ApiException) as context:
        api.create_call_with_http_info(ACCOUNT, call_body)
    error = context.value
    assert wire.requests == []
    assert isinstance(error, RequestValidationError)
    assert error.status == 400 and error.reason == "Bad Request"
    assert isinstance(error.data, VoiceApiError) and error.data.type == "validation"
    assert error.description == str(error)
    assert [e["loc"] for e in error.errors()] == [("to",), ("answer_url",)]
    assert str(error).startswith("create_call: CreateCall is invalid, nothing was sent: to: ")
    assert error.path_to_item == ["to"]


def test_smoke_test_style_update_call_bad_request(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    bad_request_body = UpdateCall(states="badRequest")  # type: ignore[call-arg]
    for catch in (ApiException, ApiValueError, ValueError):
        with pytest.raises(catch) as context:
            api.update_call(ACCOUNT, CALL_ID, bad_request_body)
        assert "states" in str(context.value) and "did you mean 'state'" in str(context.value)
    assert wire.requests == []


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: CreateCall(**{**GOOD, "to": "919-555-1234"}), "to"),
        (lambda: CreateCall(**{**GOOD, "priority": 9}), "priority"),
        (lambda: CreateCall(**{**GOOD, "call_timeout": float("nan")}), "call_timeout"),
        (lambda: CreateCall(**{**GOOD, "answer_method": "PUT"}), "answer_method"),
        (lambda: CreateCall(**{**GOOD, "tag": "x" * 4097}), "tag"),
        (lambda: CreateCall(**{**GOOD, "privacy": True, "display_name": "Al"}), "displayName"),
        (lambda: CreateCall(**GOOD, tga="typo"), "tga"),  # type: ignore[call-arg]
        (
            lambda: CreateCall(**GOOD, machine_detection=MachineDetectionConfiguration(mode="x")),  # type: ignore[arg-type]
            "machine_detection.mode",
        ),
        (
            lambda: CreateCall(**GOOD, machine_detection={"silenceTimeout": -1}),  # type: ignore[arg-type]
            "machine_detection.silence_timeout",
        ),
    ],
)
def test_every_check_runs_before_sending(
    wire: Wire, api: CallsApi, build: Callable[[], CreateCall], field: str
) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    body = build()  # builds, as the generated SDK's model would
    with pytest.raises(RequestValidationError) as caught:
        api.create_call(ACCOUNT, body)
    assert field in str(caught.value)
    assert wire.requests == []


def test_a_value_assigned_after_building_is_checked_too(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    body = CreateCall(**GOOD)
    body.to = "nope"
    body.machine_detection = MachineDetectionConfiguration()
    body.machine_detection.callback_url = "ftp://nope"
    with pytest.raises(RequestValidationError) as caught:
        api.create_call(ACCOUNT, body)
    assert [e["loc"] for e in caught.value.errors()] == [
        ("to",),
        ("machine_detection", "callback_url"),
    ]
    assert wire.requests == []
    body.to = "+19195551234"
    body.machine_detection.callback_url = "https://myapp.example/amd"
    api.create_call(ACCOUNT, body)
    assert json.loads(wire.last.get_data()) == {
        "to": "+19195551234",
        "from": "+19195554321",
        "applicationId": APP,
        "answerUrl": "https://myapp.example/answer",
        "machineDetection": {"callbackUrl": "https://myapp.example/amd"},
    }


def test_a_misspelled_keyword_is_never_silently_dropped(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, method="POST")
    body = UpdateCall(redirect_url="https://myapp.example/r", redirect_methd="GET")  # type: ignore[call-arg]
    assert body.to_dict() == {"redirectUrl": "https://myapp.example/r"}  # not a field: not sent
    with pytest.raises(RequestValidationError, match=r"redirect_methd.*did you mean"):
        body.check()
    with pytest.raises(RequestValidationError):
        api.update_call(ACCOUNT, CALL_ID, body)
    assert wire.requests == []
    # a key the SDK does not know is sent when asked for, through additional_properties
    body = UpdateCall(
        redirect_url="https://myapp.example/r", additional_properties={"newField": "v"}
    )
    api.update_call(ACCOUNT, CALL_ID, body)
    assert json.loads(wire.last.get_data()) == {
        "redirectUrl": "https://myapp.example/r",
        "newField": "v",
    }


def test_dict_bodies_report_every_problem_at_once(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    with pytest.raises(RequestValidationError) as caught:
        api.create_call(
            ACCOUNT,
            {"to": "nope", "from": 5, "answerUrl": "/x", "machineDetection": {"mdoe": "sync"}},  # type: ignore[arg-type]
        )
    problems = {(e["loc"], e["type"]) for e in caught.value.errors()}
    assert problems == {
        (("to",), "value_error"),
        (("from",), "string_type"),
        (("applicationId",), "missing"),
        (("answerUrl",), "value_error"),
        (("machineDetection", "mdoe"), "extra_forbidden"),
    }
    assert wire.requests == []


def test_messages_never_echo_a_secret(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    body = CreateCall(
        **{**GOOD, "to": "hunter2-to"},
        password="hunter2" * 200,
        machine_detection=MachineDetectionConfiguration(fallback_password="hunter3" * 200),
    )
    with pytest.raises(RequestValidationError) as caught:
        api.create_call(ACCOUNT, body)
    text = " ".join([str(caught.value), repr(caught.value.errors()), repr(caught.value.data)])
    assert "hunter" not in text
    assert "password" in text and "fallback_password" in text
    assert wire.requests == []


def test_an_unknown_keyword_is_masked_in_repr() -> None:
    body = CreateCall(**GOOD, pasword="hunter2")  # type: ignore[call-arg]
    assert "hunter2" not in repr(body) and "hunter2" not in str(body)
    assert "pasword='********'" in repr(body)
    with pytest.raises(RequestValidationError) as caught:
        body.check()
    assert "hunter2" not in str(caught.value) and "'password'" in str(caught.value)


def test_building_keeps_the_generated_sdks_type_errors() -> None:
    with pytest.raises(ValidationError):
        CreateCall(**{**GOOD, "to": 19195551234})
    with pytest.raises(ValidationError):
        CreateCall(to="+19195551234")  # type: ignore[call-arg]
    with pytest.raises(ValidationError):
        UpdateCall(tag=5)  # type: ignore[arg-type]


def test_from_dict_and_from_json_like_the_generated_sdk() -> None:
    data = {
        "to": "not-checked-here",
        "from": "+19195554321",
        "applicationId": APP,
        "answerUrl": "https://myapp.example/answer",
        "newField": 1,
        "machineDetection": {"mode": "sync", "nested": True},
    }
    body = CreateCall.from_dict(data)
    assert body is not None and body.to == "not-checked-here"
    assert body.additional_properties == {"newField": 1}
    assert body.machine_detection is not None
    assert body.machine_detection.additional_properties == {"nested": True}
    assert body.to_dict() == data
    assert json.loads(body.to_json()) == data
    assert CreateCall.from_json(json.dumps(data)) == body
    with pytest.raises(RequestValidationError, match=r"to: must be an E\.164"):
        CreateCall.from_json(json.dumps(data), check=True)


def test_a_valid_body_is_sent_unchanged(wire: Wire, api: CallsApi) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    body = CreateCall(**GOOD, priority=1, call_timeout=12.5, answer_method="GET")
    body.check()
    created = api.create_call(ACCOUNT, body)
    assert created.call_id == CREATE_CALL_RESPONSE["callId"]
    assert json.loads(wire.last.get_data()) == {
        "to": "+19195551234",
        "from": "+19195554321",
        "applicationId": APP,
        "answerUrl": "https://myapp.example/answer",
        "answerMethod": "GET",
        "callTimeout": 12.5,
        "priority": 1,
    }


@pytest.mark.parametrize(
    "overrides",
    [
        {"to": "919-555-1234", "priority": 0, "uui": "u" * 351},
        {"display_name": "bad\nname", "callback_timeout": 26, "answer_fallback_method": "PUT"},
        {"privacy": True, "display_name": "Alice"},
        {"machine_detection": {"mode": "x", "speech_threshold": -1, "fallback_url": "/x"}},
        {"disconnect_url": "https://a.example/" + "x" * 2048, "application_id": ""},
    ],
)
def test_a_built_model_and_a_dict_body_get_the_same_verdict(overrides: Dict[str, Any]) -> None:
    data = {**GOOD, **overrides}
    with pytest.raises(RequestValidationError) as built:
        CreateCall(**data).check()
    with pytest.raises(RequestValidationError) as from_dict:
        CreateCall.from_dict(data, check=True)

    def verdict(error: RequestValidationError) -> Any:
        return sorted((e["loc"], e["msg"]) for e in error.errors())

    assert verdict(built.value) == verdict(from_dict.value)
    assert len(verdict(built.value)) == len(overrides) + (
        2 if "machine_detection" in overrides else 0
    ) - (1 if "privacy" in overrides else 0)

"""Models: wire names, only-what-was-set serialization, tolerant decoding, round trips."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Dict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bandwidth import (
    CallbackMethodEnum,
    CallDirectionEnum,
    CallState,
    CallStateEnum,
    CreateCall,
    CreateCallResponse,
    MachineDetectionConfiguration,
    MachineDetectionModeEnum,
    RedirectMethodEnum,
    UpdateCall,
    VoiceApiError,
)
from bandwidth.exceptions import RequestValidationError
from tests.support.wire import CALL_STATE, CREATE_CALL_RESPONSE

REQUIRED = {
    "to": "+19195551234",
    "var_from": "+19195554321",
    "application_id": "app-1",
    "answer_url": "https://a.example/answer",
}


def test_defaults_are_visible_but_not_sent() -> None:
    call = CreateCall(**REQUIRED)
    assert call.answer_method is CallbackMethodEnum.POST
    assert call.call_timeout == 30 and call.callback_timeout == 15 and call.priority == 5
    assert call.to_dict() == {
        "to": "+19195551234",
        "from": "+19195554321",
        "applicationId": "app-1",
        "answerUrl": "https://a.example/answer",
    }
    assert UpdateCall().to_json() == "{}"
    assert UpdateCall(state="completed").to_json() == '{"state":"completed"}'
    assert MachineDetectionConfiguration().to_json() == "{}"


def test_assignment_is_validated_and_sent() -> None:
    call = CreateCall(**REQUIRED)
    call.tag = "later"
    assert call.to_dict()["tag"] == "later"
    with pytest.raises(ValidationError, match="priority"):
        call.priority = "9"  # type: ignore[assignment]  # a type: checked at once
    call.priority = 9  # a value: checked before sending
    with pytest.raises(RequestValidationError, match="priority"):
        call.check()


def test_python_names_and_wire_names_both_construct() -> None:
    by_alias = CreateCall.model_validate(
        {
            "to": "+19195551234",
            "from": "+19195554321",
            "applicationId": "a",
            "answerUrl": "http://h/x",
        }
    )
    assert by_alias.var_from == "+19195554321"
    assert by_alias.application_id == "a"


def test_explicit_none_on_non_nullable_field_is_not_sent() -> None:
    call = CreateCall(**REQUIRED, machine_detection=None)
    assert "machineDetection" not in call.to_dict()
    assert MachineDetectionConfiguration(mode=None).to_dict() == {}


def test_additional_properties_on_requests_are_merged() -> None:
    call = CreateCall(
        **REQUIRED,
        machine_detection=MachineDetectionConfiguration(additional_properties={"beta": True}),
        additional_properties={"newField": 1},
    )
    wire = json.loads(call.to_json())
    assert wire["newField"] == 1
    assert wire["machineDetection"] == {"beta": True}
    assert call.to_dict()["newField"] == 1


def test_request_from_dict_keeps_unknown_keys_and_check_names_unknown_keywords() -> None:
    data = {"state": "completed", "futureKnob": 3}
    assert UpdateCall.from_dict(data).to_dict() == {
        "state": CallStateEnum.COMPLETED,
        "futureKnob": 3,
    }  # type: ignore[union-attr]
    assert (
        UpdateCall.from_json(json.dumps(data)).to_json() == '{"state":"completed","futureKnob":3}'
    )  # type: ignore[union-attr]
    typo = UpdateCall(stat="completed")  # type: ignore[call-arg]
    assert typo.to_dict() == {}  # not a field, so never sent ...
    with pytest.raises(RequestValidationError) as caught:
        typo.check()  # ... and named before anything is
    assert caught.value.errors()[0]["loc"] == ("stat",)
    assert caught.value.errors()[0]["type"] == "extra_forbidden"
    assert "did you mean 'state'?" in str(caught.value)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"to": "919-555-1234"}, "to"),
        ({"to": "sip:nobody"}, "to"),
        ({"var_from": "sip:a@b.example"}, "from"),
        ({"answer_url": "ftp://a.example/x"}, "answerUrl"),
        ({"answer_url": "/relative"}, "answerUrl"),
        ({"answer_url": "https://a.example/" + "x" * 2048}, "answerUrl"),
        ({"disconnect_url": "javascript:alert(1)"}, "disconnectUrl"),
        ({"call_timeout": 0}, "callTimeout"),
        ({"call_timeout": 301}, "callTimeout"),
        ({"call_timeout": "30"}, "callTimeout"),
        ({"call_timeout": True}, "callTimeout"),
        ({"callback_timeout": 26}, "callbackTimeout"),
        ({"priority": 0}, "priority"),
        ({"priority": 2.5}, "priority"),
        ({"answer_method": "PUT"}, "answerMethod"),
        ({"display_name": "x" * 257}, "displayName"),
        ({"display_name": "bad\nname"}, "displayName"),
        ({"uui": "x" * 351}, "uui"),
        ({"tag": "x" * 4097}, "tag"),
        ({"password": "x" * 1025}, "password"),
        ({"privacy": "yes"}, "privacy"),
        ({"application_id": ""}, "applicationId"),
    ],
)
def test_create_call_rejects_bad_values_naming_the_field(
    overrides: Dict[str, Any], field: str
) -> None:
    name, value = next(iter(overrides.items()))
    wrong_type = (name, repr(value)) in _TYPE_ERRORS
    # A wrong type fails at once (as in the generated SDK); a bad value when checked.
    try:
        call = CreateCall(**{**REQUIRED, **overrides})
    except ValidationError as exc:
        errors = exc.errors()
        assert wrong_type
    else:
        with pytest.raises(RequestValidationError) as caught:
            call.check()
        errors = caught.value.errors()
        assert not wrong_type
    # Named as the caller wrote it: the Python name here, the wire name in from_dict.
    assert {str(error["loc"][0]) for error in errors} == {name}
    fields = CreateCall.model_fields
    wire = {fields[k].serialization_alias or k: v for k, v in {**REQUIRED, **overrides}.items()}
    with pytest.raises(RequestValidationError) as checked:
        CreateCall.from_dict(wire, check=True)
    assert {str(error["loc"][0]) for error in checked.value.errors()} == {field}


#: the cases above that are wrong types (a string or bool for a number, a float for an int)
_TYPE_ERRORS = {
    ("call_timeout", "'30'"),
    ("call_timeout", "True"),
    ("priority", "2.5"),
    ("privacy", "'yes'"),
}


def test_create_call_accepts_sip_uri_and_decimal_timeout() -> None:
    call = CreateCall(**{**REQUIRED, "to": "sip:user@server.example", "call_timeout": 12.5})
    assert call.to_dict()["callTimeout"] == 12.5


def test_missing_required_fields_are_named() -> None:
    with pytest.raises(ValidationError) as caught:
        CreateCall(to="+19195551234")  # type: ignore[call-arg]
    missing = {error["loc"][0] for error in caught.value.errors() if error["type"] == "missing"}
    assert missing == {"from", "applicationId", "answerUrl"}


def test_private_call_display_name_rule() -> None:
    CreateCall(**REQUIRED, privacy=True, display_name="Restricted").check()
    with pytest.raises(RequestValidationError, match="displayName"):
        CreateCall(**REQUIRED, privacy=True, display_name="Alice").check()


def test_update_call_state_rules() -> None:
    with pytest.raises(RequestValidationError, match="redirectUrl is not allowed"):
        UpdateCall(state="completed", redirect_url="https://a.example/r").check()
    with pytest.raises(RequestValidationError, match="tag is not allowed"):
        UpdateCall(state="completed", tag="x").check()
    with pytest.raises(RequestValidationError, match="redirectUrl is required"):
        UpdateCall(state="active").check()
    with pytest.raises(RequestValidationError, match="state"):
        UpdateCall(state="paused").check()  # type: ignore[arg-type]
    UpdateCall(state="completed").check()
    UpdateCall(redirect_url="https://a.example/r").check()


def test_machine_detection_rejects_negative_durations() -> None:
    with pytest.raises(RequestValidationError, match="detection_timeout"):
        MachineDetectionConfiguration(detection_timeout=-1).check()
    with pytest.raises(RequestValidationError, match=r"machine_detection\.detection_timeout"):
        CreateCall(
            **REQUIRED, machine_detection=MachineDetectionConfiguration(detection_timeout=-1)
        ).check()


def test_validation_errors_never_echo_secrets() -> None:
    with pytest.raises(RequestValidationError) as caught:
        CreateCall(**REQUIRED, password="hunter2" * 200).check()
    assert "hunter2" not in str(caught.value) and "hunter2" not in repr(caught.value.errors())
    assert "password" in str(caught.value)
    with pytest.raises(ValidationError) as missing:
        CreateCall(to="x", password="hunter2")  # type: ignore[call-arg]
    assert "hunter2" not in str(missing.value)
    with pytest.raises(ValidationError) as wrong_type:
        CreateCall(**REQUIRED, password=["hunter2"])  # type: ignore[arg-type]
    assert "hunter2" not in str(wrong_type.value)


def test_repr_and_str_hide_secrets() -> None:
    call = CreateCall(
        **REQUIRED,
        username="u",
        password="hunter2",
        fallback_password="hunter3",
        machine_detection=MachineDetectionConfiguration(password="hunter4"),
    )
    for text in (repr(call), str(call), call.to_str()):
        assert "hunter" not in text
    assert "username='u'" in repr(call)
    response = CreateCallResponse.model_validate({**CREATE_CALL_RESPONSE, "password": "real"})
    assert "real" not in repr(response)
    assert "hunter" not in repr(UpdateCall(password="hunter5", redirect_url="https://a.example"))
    # but the wire carries them
    assert json.loads(call.to_json())["password"] == "hunter2"


# -- responses -------------------------------------------------------------------


def test_unknown_enum_value_and_fields_are_tolerated() -> None:
    state = CallState.from_json(
        json.dumps({**CALL_STATE, "direction": "sideways", "brandNew": {"a": 1}})
    )
    assert state is not None
    assert state.direction == "sideways"
    assert state.additional_properties == {"brandNew": {"a": 1}}
    assert state.to_dict()["brandNew"] == {"a": 1}
    known = CallState.from_json(json.dumps(CALL_STATE))
    assert known is not None and known.direction is CallDirectionEnum.OUTBOUND
    assert known.direction == "outbound"


def test_unknown_method_in_create_call_response() -> None:
    response = CreateCallResponse.from_dict({**CREATE_CALL_RESPONSE, "answerMethod": "PATCH"})
    assert response is not None and response.answer_method == "PATCH"


def test_nulls_and_absent_fields_are_both_fine() -> None:
    assert CallState.from_json(b"{}") == CallState()
    nulls = CallState.from_json(json.dumps({key: None for key in CALL_STATE}))
    assert nulls is not None and nulls.call_id is None and nulls.direction is None


def test_round_trip_every_response_model_with_datetimes() -> None:
    for model, data in (
        (CallState, CALL_STATE),
        (CreateCallResponse, CREATE_CALL_RESPONSE),
        (VoiceApiError, {"type": "validation", "description": "d", "id": None, "x": 1}),
    ):
        decoded = model.from_json(json.dumps(data))
        assert decoded is not None
        assert json.loads(decoded.to_json()) == data
        assert model.from_dict(decoded.to_dict()) == decoded
        assert model.from_json(decoded.to_json()) == decoded


def test_round_trip_every_request_model() -> None:
    call = CreateCall(
        **REQUIRED,
        machine_detection=MachineDetectionConfiguration(
            mode=MachineDetectionModeEnum.SYNC, callback_url="https://a.example/md"
        ),
    )
    assert CreateCall.from_json(call.to_json()) == call
    assert CreateCall.from_dict(call.to_dict()) == call
    update = UpdateCall(redirect_url="https://a.example/r", redirect_method=RedirectMethodEnum.GET)
    assert UpdateCall.from_json(update.to_json()) == update


def test_datetimes_serialize_as_iso_text() -> None:
    state = CallState(start_time=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    assert state.to_json() == '{"startTime":"2024-01-02T03:04:05Z"}'


def test_enums_from_json_and_str() -> None:
    assert CallbackMethodEnum.from_json('"GET"') is CallbackMethodEnum.GET
    assert CallStateEnum.from_json('"completed"') is CallStateEnum.COMPLETED
    assert str(MachineDetectionModeEnum.ASYNC) == "async"
    assert CallDirectionEnum.INBOUND == "inbound"


def test_from_dict_none_gives_none() -> None:
    assert CallState.from_dict(None) is None
    assert CreateCall.from_dict(None) is None


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
_times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(timezone.utc)
)


@settings(max_examples=150, deadline=None)
@given(
    call_id=st.none() | _text,
    state=st.none() | _text,
    direction=st.none() | st.sampled_from(["inbound", "outbound"]) | _text,
    start=st.none() | _times,
    stir=st.none() | st.dictionaries(_text, _text, max_size=3),
    extra=st.dictionaries(st.sampled_from(["zNew", "yNew"]), st.integers() | _text, max_size=2),
)
def test_call_state_round_trips_for_any_values(
    call_id: Any, state: Any, direction: Any, start: Any, stir: Any, extra: Dict[str, Any]
) -> None:
    data: Dict[str, Any] = {
        "callId": call_id,
        "state": state,
        "direction": direction,
        "startTime": start.isoformat() if start else None,
        "stirShaken": stir,
        **extra,
    }
    decoded = CallState.from_json(json.dumps(data))
    assert decoded is not None
    assert CallState.from_json(decoded.to_json()) == decoded
    assert decoded.additional_properties == extra
    assert decoded.start_time == start


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a url", "must be an absolute http or https URL"),
        ("https://a.example/a b", "must not contain whitespace"),
        ("https://", "must be an absolute http or https URL"),
        ("mailto:a@b.example", "must be an absolute http or https URL"),
    ],
)
def test_url_errors_say_what_is_wrong(url: str, message: str) -> None:
    with pytest.raises(RequestValidationError, match=message):
        CreateCall(**{**REQUIRED, "answer_url": url}).check()


@pytest.mark.parametrize(
    "url", ["http://h", "HTTPS://u:p@h.example:8443/p?q=1#f", "https://[::1]:8443/x"]
)
def test_url_forms_accepted(url: str) -> None:
    call = CreateCall(**{**REQUIRED, "answer_url": url})
    call.check()
    assert call.answer_url == url


def test_decoding_never_runs_the_constructor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decoding builds models directly; the constructor (for ``additional_properties=``)
    would cost a Python call per decoded object (a 1000-call page took twice as long)."""
    from bandwidth.callbacks import AnswerCallback, parse_callback
    from bandwidth.models._base import ResponseModel

    assert AnswerCallback  # the class exists before the constructor is replaced

    def refuse(self: object, /, **data: object) -> None:
        raise AssertionError("decoding went through __init__")

    monkeypatch.setattr(ResponseModel, "__init__", refuse)
    state = CallState.model_validate_json(json.dumps(CALL_STATE))
    assert state.call_id == CALL_STATE["callId"]
    event = parse_callback({"eventType": "answer", "callId": "c-1", "extra": 1})
    assert event.additional_properties == {"extra": 1}

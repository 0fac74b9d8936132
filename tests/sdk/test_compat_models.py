"""The generated SDK's Voice models and callbacks: every import path, every field name,
and construction the generated SDK's way (keywords, ``from_dict``/``from_json``,
``to_dict``/``to_json``, ``additional_properties``).

The names and fields below are facts read from the official ``bandwidth-sdk``
23.3.1 (its ``bandwidth/models`` modules): each model's Python field names in
declaration order, or an enum's values. Its wire names are the camelCase of
those, except ``var_from``, which is ``from``.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from datetime import datetime
from typing import Dict, List

import pytest
from pydantic import BaseModel
from pydantic.alias_generators import to_camel

import bandwidth
import bandwidth.callbacks
import bandwidth.models
from tests.support.generated import GENERATED_MODELS

#: official model name -> its Python field names, or an enum's values
OFFICIAL: Dict[str, str] = {
    "AnswerCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url enqueued_time start_time answer_time tag machine_detection_result "
        "sip_call_id"
    ),
    "BridgeCompleteCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url enqueued_time start_time answer_time tag cause error_message error_id"
    ),
    "BridgeTargetCompleteCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url enqueued_time start_time answer_time tag"
    ),
    "ConferenceCompletedCallback": "event_type event_time conference_id name tag",
    "ConferenceCreatedCallback": "event_type event_time conference_id name tag",
    "ConferenceMemberExitCallback": (
        "event_type event_time conference_id name var_from to call_id tag"
    ),
    "ConferenceMemberJoinCallback": (
        "event_type event_time conference_id name var_from to call_id tag"
    ),
    "ConferenceRecordingAvailableCallback": (
        "event_type event_time conference_id name account_id recording_id channels "
        "start_time end_time duration file_format media_url tag status"
    ),
    "ConferenceRedirectCallback": "event_type event_time conference_id name tag",
    "DisconnectCallback": (
        "event_type event_time account_id application_id var_from to call_id direction "
        "call_url enqueued_time start_time answer_time end_time cause error_message "
        "error_id tag sip_call_id sip_response_code"
    ),
    "DtmfCallback": (
        "event_type event_time account_id application_id var_from to call_id direction "
        "digit call_url enqueued_time start_time answer_time parent_call_id "
        "transfer_caller_id transfer_to tag"
    ),
    "GatherCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "digits call_url enqueued_time start_time answer_time parent_call_id "
        "terminating_digit transfer_caller_id transfer_to tag"
    ),
    "InitiateCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url start_time diversion stir_shaken uui sip_call_id sip_headers"
    ),
    "MachineDetectionCompleteCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url enqueued_time start_time answer_time tag machine_detection_result"
    ),
    "RecordingAvailableCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url parent_call_id recording_id media_url enqueued_time start_time end_time "
        "duration file_format channels tag status transfer_caller_id transfer_to"
    ),
    "RecordingCompleteCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url parent_call_id recording_id media_url enqueued_time start_time "
        "answer_time end_time duration file_format channels tag transfer_caller_id "
        "transfer_to"
    ),
    "RedirectCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url parent_call_id enqueued_time start_time answer_time tag "
        "transfer_caller_id transfer_to"
    ),
    "ReferCompleteCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url start_time answer_time tag refer_call_status refer_sip_response_code "
        "notify_sip_response_code"
    ),
    "TranscriptionAvailableCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url media_url parent_call_id recording_id enqueued_time start_time end_time "
        "duration file_format tag transcription transfer_caller_id transfer_to"
    ),
    "TransferAnswerCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url enqueued_time start_time answer_time tag transfer_caller_id transfer_to"
    ),
    "TransferCompleteCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url enqueued_time start_time answer_time tag transfer_caller_id transfer_to "
        "cause error_message error_id"
    ),
    "TransferDisconnectCallback": (
        "event_type event_time account_id application_id var_from to direction call_id "
        "call_url parent_call_id enqueued_time start_time answer_time end_time tag "
        "transfer_caller_id transfer_to cause error_message error_id"
    ),
    "MachineDetectionResult": "value duration",
    "Diversion": "reason privacy screen counter limit unknown orig_to",
    "StirShaken": "verstat attestation_indicator originating_id",
    "Transcription": "speaker text confidence",
    "FileFormatEnum": "mp3 wav",
    "ReferCallStatusEnum": "success failure",
    "CallDirectionEnum": "inbound outbound",
    "CreateCall": (
        "to var_from privacy display_name uui application_id answer_url answer_method "
        "username password answer_fallback_url answer_fallback_method fallback_username "
        "fallback_password disconnect_url disconnect_method call_timeout callback_timeout "
        "machine_detection priority tag"
    ),
    "UpdateCall": (
        "state redirect_url redirect_method username password redirect_fallback_url "
        "redirect_fallback_method fallback_username fallback_password tag"
    ),
    "MachineDetectionConfiguration": (
        "mode detection_timeout silence_timeout speech_threshold speech_end_threshold "
        "machine_speech_end_threshold delay_result callback_url callback_method username "
        "password fallback_url fallback_method fallback_username fallback_password"
    ),
    "CallState": (
        "application_id account_id call_id parent_call_id to var_from direction state "
        "stir_shaken identity enqueued_time start_time answer_time end_time "
        "disconnect_cause error_message error_id last_update"
    ),
    "CreateCallResponse": (
        "application_id account_id call_id to var_from enqueued_time call_url "
        "call_timeout callback_timeout tag answer_method answer_url "
        "answer_fallback_method answer_fallback_url disconnect_method disconnect_url "
        "username password fallback_username fallback_password priority"
    ),
    "VoiceApiError": "type description id",
    "CallStateEnum": "active completed",
    "CallbackMethodEnum": "GET POST",
    "MachineDetectionModeEnum": "sync async",
    "RedirectMethodEnum": "GET POST",
}

CALLS_MODELS = {
    "CallDirectionEnum",
    "CallState",
    "CallStateEnum",
    "CallbackMethodEnum",
    "CreateCall",
    "CreateCallResponse",
    "MachineDetectionConfiguration",
    "MachineDetectionModeEnum",
    "RedirectMethodEnum",
    "UpdateCall",
    "VoiceApiError",
}
ENUMS = {name for name in OFFICIAL if name.endswith("Enum")}
CALLBACK_SIDE = sorted(set(OFFICIAL) - CALLS_MODELS)


def module_of(name: str) -> str:
    """The official module of a model: its name in snake case."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def wire_name(field: str) -> str:
    return "from" if field == "var_from" else to_camel(field)


def test_the_official_voice_surface_is_39_names() -> None:
    assert len(OFFICIAL) == 39
    assert len([name for name in OFFICIAL if name.endswith("Callback")]) == 22
    assert len(CALLBACK_SIDE) == 28


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_every_official_import_path_gives_one_class(name: str) -> None:
    module = importlib.import_module(f"bandwidth.models.{module_of(name)}")
    cls = getattr(module, name)
    assert getattr(bandwidth.models, name) is cls
    assert getattr(bandwidth, name) is cls
    assert name in bandwidth.__all__ and name in bandwidth.models.__all__
    if name in CALLBACK_SIDE:
        assert module.__all__ == [name]  # a re-export of the one class
        if name != "FileFormatEnum":
            assert getattr(bandwidth.callbacks, name) is cls


def test_subpackages_are_reachable_after_import_bandwidth() -> None:
    # The generated SDK imports them eagerly; here they load when first reached.
    code = (
        "import bandwidth, json; "
        "print(json.dumps([bandwidth.models.GatherCallback.__name__, "
        "bandwidth.exceptions.ApiException.__name__, bandwidth.api.CallsApi.__name__, "
        "bandwidth.configuration.Configuration.__name__]))"
    )
    assert _fresh(code) == ["GatherCallback", "ApiException", "CallsApi", "Configuration"]


def test_the_top_level_lists_every_model_of_bandwidth_models() -> None:
    from tests.sdk.test_voice_models import VOICE_NAMES

    models = set(bandwidth.models.__all__) - {"Bxml", "Response"}
    assert len(GENERATED_MODELS) == 144  # every other API's, from tools/generate_models.py
    assert models == set(OFFICIAL) | set(VOICE_NAMES) | GENERATED_MODELS
    assert {n for n, module in bandwidth._EXPORTS.items() if module == "bandwidth.models"} == models


@pytest.mark.parametrize("name", sorted(set(OFFICIAL) - ENUMS))
def test_field_names_and_wire_names_match(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    fields = cls.model_fields
    for field in OFFICIAL[name].split():
        assert field in fields, f"{name}.{field}"
        info = fields[field]
        ours = info.validation_alias if isinstance(info.validation_alias, str) else info.alias
        assert (ours or field) == wire_name(field), f"{name}.{field}"
        assert (info.serialization_alias or info.alias or field) == wire_name(field)


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_enum_values_match(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    assert [member.value for member in cls] == OFFICIAL[name].split()
    for value in OFFICIAL[name].split():
        assert cls(value) == value
        assert cls.from_json(json.dumps(value)) is cls(value)


def _fresh(code: str) -> List[str]:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    loaded: List[str] = json.loads(out)
    return loaded


_LOADED = (
    "import sys, json; {}; "
    "print(json.dumps(sorted(m for m in sys.modules if m.startswith('bandwidth.callbacks'))))"
)


def test_calls_models_never_load_the_callbacks() -> None:
    code = "import bandwidth, bandwidth.models; bandwidth.CreateCall; bandwidth.models.CallState"
    assert _fresh(_LOADED.format(code)) == []
    assert _fresh(_LOADED.format("from bandwidth.models.create_call import CreateCall")) == []


def test_a_callback_loads_only_its_own_family() -> None:
    loaded = _fresh(_LOADED.format("import bandwidth; bandwidth.models.GatherCallback"))
    assert "bandwidth.callbacks.call" in loaded
    for other in ("conference", "recording", "stream", "transfer", "parse", "auth"):
        assert f"bandwidth.callbacks.{other}" not in loaded
    loaded = _fresh(_LOADED.format("from bandwidth.models.file_format_enum import FileFormatEnum"))
    assert loaded == []


# -- construction the generated SDK's way -------------------------------------------


def test_keyword_construction_with_python_names() -> None:
    from bandwidth.models import AnswerCallback, CallDirectionEnum, MachineDetectionResult

    event = AnswerCallback(
        event_type="answer",
        event_time="2022-06-17T22:19:40.375Z",  # type: ignore[arg-type]
        account_id="9900000",
        var_from="+15555555555",
        to="+15555555555",
        direction="inbound",
        answer_time="2022-06-17T22:20Z",  # type: ignore[arg-type]
        tag="exampleTag",
        machine_detection_result=MachineDetectionResult(value="human", duration="PT4.9S"),
        sip_call_id="sipCallIdExample",
    )
    assert isinstance(event.event_time, datetime) and isinstance(event.answer_time, datetime)
    assert event.direction is CallDirectionEnum.INBOUND and event.direction == "inbound"
    assert event.machine_detection_result is not None
    assert event.machine_detection_result.value == "human"
    assert event.to_dict()["from"] == "+15555555555"
    assert AnswerCallback() == AnswerCallback.from_dict({})


def test_additional_properties_as_a_keyword_and_an_attribute() -> None:
    from bandwidth.models import GatherCallback

    event = GatherCallback(digits="1", additional_properties={"newField": 1})
    assert event.additional_properties == {"newField": 1}
    assert event.to_dict() == {"digits": "1", "newField": 1}
    event.additional_properties = {"other": 2}
    assert json.loads(event.to_json()) == {"digits": "1", "other": 2}


def test_from_json_from_dict_to_dict_to_json() -> None:
    from bandwidth.models import AnswerCallback, CallDirectionEnum, MachineDetectionResult

    text = json.dumps(
        {
            "eventType": "answer",
            "eventTime": "2022-06-17T22:19:40.375Z",
            "from": "+15555555555",
            "direction": "outbound",
            "machineDetectionResult": {"value": "human", "duration": "PT1S", "x": 2},
            "newField": 1,
        }
    )
    event = AnswerCallback.from_json(text)
    assert event is not None
    assert event.var_from == "+15555555555"
    assert event.additional_properties == {"newField": 1}
    assert isinstance(event.machine_detection_result, MachineDetectionResult)
    assert event.machine_detection_result.additional_properties == {"x": 2}
    as_dict = event.to_dict()
    assert as_dict["direction"] is CallDirectionEnum.OUTBOUND
    assert isinstance(as_dict["eventTime"], datetime)
    assert as_dict["machineDetectionResult"] == {"value": "human", "duration": "PT1S", "x": 2}
    # to_json works with date-times too (the generated SDK's json.dumps(to_dict()) does not)
    assert json.loads(event.to_json()) == json.loads(text)
    assert AnswerCallback.from_dict(as_dict) == event
    assert AnswerCallback.from_dict(None) is None
    assert "newField" in event.to_str()


@pytest.mark.parametrize("name", [n for n in CALLBACK_SIDE if n not in ENUMS])
def test_every_callback_side_model_round_trips(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    assert issubclass(cls, BaseModel)
    data = {wire_name(field): None for field in OFFICIAL[name].split()}
    data.update({"eventType": "x", "unknownField": [1, {"a": None}]})
    data = {k: v for k, v in data.items() if k in ("eventType", "unknownField") or k in data}
    event = cls.from_dict(data)
    assert event.additional_properties["unknownField"] == [1, {"a": None}]
    assert cls.from_json(event.to_json()) == event
    assert cls.from_dict(event.to_dict()) == event


def test_the_compatibility_page_lists_every_official_name() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "compatibility.md").read_text()
    section = page.split("## Models and callbacks", 1)[1].split("\n## ", 1)[0]
    for name in OFFICIAL:
        assert f"| [`{name}`]({name}.md) |" in section, name

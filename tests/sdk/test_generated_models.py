"""The models written by ``tools/generate_models.py``: fresh, round-trip, tolerant, checked.

Every generated model is exercised with a payload built from the spec's own
examples: decoding and encoding keep it, unknown fields and enum values
survive, request models pass their own checks with it and fail them, naming
the field and never the value, when a rule is broken.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import Any, Dict, List

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

import bandwidth
import bandwidth.models
from bandwidth.exceptions import RequestValidationError
from bandwidth.models._base import RequestModel, ResponseModel
from bandwidth.models._union import UnionModel
from tests.support.generated import GENERATED_MODELS

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "spec" / "bandwidth.yml").read_text(encoding="utf-8"))
SCHEMAS: Dict[str, Any] = SPEC["components"]["schemas"]


def _generator() -> Any:
    path = ROOT / "tools" / "generate_models.py"
    spec = importlib.util.spec_from_file_location("generate_models", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_modules_are_what_the_spec_gives() -> None:
    generator = _generator()
    assert generator.stale() == []


def test_the_generator_writes_144_models_and_leaves_voice_alone() -> None:
    generator = _generator()
    files = generator.render()
    modules = [path for path in files if path.name != "__init__.py"]
    assert len(modules) == len(GENERATED_MODELS) == 144
    assert ROOT / "bandwidth" / "models" / "create_call.py" not in files


# -- payloads from the spec's examples -------------------------------------------


def _resolve(schema: Dict[str, Any]) -> Dict[str, Any]:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def sample(schema: Dict[str, Any], depth: int = 0) -> Any:
    """A value for ``schema``: its example where it has one, else built from its parts."""
    schema = _resolve(schema)
    if "allOf" in schema:
        merged: Dict[str, Any] = {}
        for part in schema["allOf"]:
            merged.update(sample(part, depth))
        merged.update(_object(schema, depth))
        return merged
    options = schema.get("oneOf") or schema.get("anyOf")
    if options:
        value = sample(options[0], depth)
        tag = schema.get("discriminator", {})
        for key, ref in tag.get("mapping", {}).items():
            if ref == options[0].get("$ref"):
                value[tag["propertyName"]] = key
                break
        return value
    if "example" in schema and schema.get("type") != "object":
        return _plain(schema["example"])
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "array":
        return [sample(schema.get("items", {}), depth + 1)] * max(1, schema.get("minItems", 1))
    if kind == "object" or "properties" in schema:
        return _object(schema, depth)
    fmt = schema.get("format")
    defaults = {"integer": 1, "number": 1.5, "boolean": True}
    if kind in defaults:
        return defaults[kind]
    if fmt == "date-time":
        return "2024-01-02T03:04:05.678Z"
    if fmt == "date":
        return "2024-01-02"
    if fmt in ("uri", "url"):
        return "https://example.com/x"
    if "pattern" in schema:
        return "+15554443333"  # the spec's patterns without an example are E.164
    return "text"


def _plain(example: Any) -> Any:
    """An example as JSON has it (YAML reads an unquoted time as a ``datetime``)."""
    if isinstance(example, datetime):
        return example.isoformat().replace("+00:00", "Z")
    if isinstance(example, date):
        return example.isoformat()
    if isinstance(example, list):
        return [_plain(item) for item in example]
    if isinstance(example, dict):
        return {key: _plain(value) for key, value in example.items()}
    return example


def _object(schema: Dict[str, Any], depth: int) -> Dict[str, Any]:
    return {
        prop: sample(value, depth + 1)
        for prop, value in (schema.get("properties") or {}).items()
        if depth < 6
    }


def _schema_of(name: str) -> Dict[str, Any]:
    """The schema a generated class was written from (a component or an inline one)."""
    for schema_name, schema in SCHEMAS.items():
        if schema_name[:1].upper() + schema_name[1:] == name:
            return schema
    inline = {
        "LookupErrorSchemaMeta": ("lookupErrorSchema", "meta"),
        "CreateSyncLookupResponseData": ("createSyncLookupResponse", "data"),
        "CreateAsyncBulkLookupResponseData": ("createAsyncBulkLookupResponse", "data"),
        "GetAsyncBulkLookupResponseData": ("getAsyncBulkLookupResponse", "data"),
        "WebhookSubscriptionBasicAuthentication": ("webhookSubscription", "basicAuthentication"),
        "RbmCardContentMedia": ("rbmCardContent", "media"),
    }
    owner, prop = inline[name]
    return SCHEMAS[owner]["properties"][prop]


OBJECTS = sorted(
    name
    for name in GENERATED_MODELS
    if not issubclass(getattr(bandwidth.models, name), (Enum, UnionModel))
    and name != "MultiChannelChannelListRBMObjectAllOfContent"
)


@pytest.mark.parametrize("name", OBJECTS)
def test_round_trip_with_the_spec_examples(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    payload = sample(_schema_of(name))
    model = cls.from_json(json.dumps(payload))
    wire = json.loads(model.to_json())
    assert set(wire) == set(payload)
    again = cls.from_json(model.to_json())
    assert again.to_dict() == model.to_dict()
    assert cls.from_dict(wire).to_dict() == model.to_dict()


@pytest.mark.parametrize("name", OBJECTS)
def test_unknown_fields_are_kept(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    payload = {**sample(_schema_of(name)), "fieldFromTheFuture": {"a": 1}}
    model = cls.from_dict(payload)
    assert model.additional_properties == {"fieldFromTheFuture": {"a": 1}}
    assert json.loads(model.to_json())["fieldFromTheFuture"] == {"a": 1}
    decoded = TypeAdapter(cls).validate_json(json.dumps(payload))  # the API's decode path
    assert decoded.additional_properties == {"fieldFromTheFuture": {"a": 1}}


REQUESTS = [name for name in OBJECTS if issubclass(getattr(bandwidth.models, name), RequestModel)]
RESPONSES = [name for name in OBJECTS if issubclass(getattr(bandwidth.models, name), ResponseModel)]


def test_request_and_response_models_are_told_apart() -> None:
    assert {"MessageRequest", "CodeRequest", "VerificationRequest", "Address"} <= set(REQUESTS)
    assert {"Message", "StatusCallback", "TfvStatus", "EndpointEvent"} <= set(RESPONSES)
    assert set(REQUESTS) | set(RESPONSES) == set(OBJECTS)


@pytest.mark.parametrize("name", REQUESTS)
def test_request_models_accept_the_spec_examples(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    payload = sample(_schema_of(name))
    cls.from_dict(payload, check=True)
    cls.from_dict(payload).check()


def _enum_fields(cls: Any) -> List[str]:
    names = []
    for field, info in cls.model_fields.items():
        text = repr(info.annotation)
        if "Enum" in text and "List" not in text:
            names.append(info.validation_alias if isinstance(info.validation_alias, str) else field)
    return names


WITH_ENUMS = [name for name in RESPONSES if _enum_fields(getattr(bandwidth.models, name))]


@pytest.mark.parametrize("name", WITH_ENUMS)
def test_unknown_enum_values_stay_strings(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    payload = sample(_schema_of(name))
    for wire in _enum_fields(cls):
        payload[wire] = "A_VALUE_FROM_THE_FUTURE"
    model = TypeAdapter(cls).validate_json(json.dumps(payload))
    for wire in _enum_fields(cls):
        assert json.loads(model.to_json())[wire] == "A_VALUE_FROM_THE_FUTURE"


# -- request checks ---------------------------------------------------------------


def _problems(model: RequestModel) -> RequestValidationError:
    with pytest.raises(RequestValidationError) as caught:
        model.check()
    return caught.value


def test_message_request_checks_name_each_bad_field() -> None:
    request = bandwidth.MessageRequest(
        application_id="app",
        to=["+15554443333", "919555"],
        var_from="+15551113333",
        media=["ftp://media.example/cat.gif"],
        priority="urgent",
        tag="t" * 1025,
    )
    error = _problems(request)
    message = str(error)
    for part in ("to: item 1", "media: item 0", "priority:", "tag:"):
        assert part in message
    assert "919555" not in message and "ftp://" not in message
    assert [e["loc"][0] for e in error.errors()] == ["to", "media", "tag", "priority"]


def test_building_never_checks_values_as_the_generated_sdk_does_not() -> None:
    request = bandwidth.CodeRequest(
        to="not a number", var_from="+19195554321", application_id="a", message="m", digits=99
    )
    assert request.digits == 99
    error = _problems(request)
    assert {e["loc"][0] for e in error.errors()} == {"to", "digits"}


def test_a_secret_is_never_echoed_by_a_check_or_a_repr() -> None:
    secret = "hunter2-" + "x" * 300
    auth = bandwidth.TfvBasicAuthentication(username="u", password=secret)
    error = _problems(auth)
    assert "password" in str(error) and secret not in str(error)
    assert secret not in repr(auth) and secret not in auth.to_str()
    subscription = bandwidth.WebhookSubscriptionRequestSchema(
        callback_url="https://hooks.example/tfv",
        shared_secret_key=secret,
        basic_authentication=auth,
    )
    assert secret not in repr(subscription) and secret not in subscription.to_str()
    assert secret not in str(_problems(subscription))
    with pytest.raises(ValidationError) as caught:
        bandwidth.TfvBasicAuthentication(username="u", password=12345)  # type: ignore[arg-type]
    assert "12345" not in str(caught.value)


def test_checks_reach_into_lists_and_unions() -> None:
    request = bandwidth.MultiChannelMessageRequest(
        to="+15554443333",
        channel_list=[
            bandwidth.MultiChannelChannelListSMSObject(
                var_from="+15551113333",
                application_id="app",
                channel="SMS",
                content=bandwidth.SmsMessageContent(text="x" * 3000),
            )
        ],
    )
    error = _problems(request)
    assert [e["loc"] for e in error.errors()] == [("channel_list", 0, "content", "text")]
    unmatched = bandwidth.MultiChannelMessageRequest.from_dict(
        {"to": "+15554443333", "channelList": [{"channel": "FAX"}]}
    )
    assert unmatched.channel_list[0].actual_instance == {"channel": "FAX"}
    assert "matches none of" in str(_problems(unmatched))


def test_unknown_keywords_are_named_and_unknown_keys_are_sent() -> None:
    typo = bandwidth.CodeRequest(
        to="+19195551234",
        var_from="+19195554321",
        application_id="a",
        message="{CODE}",
        digits=6,
        scpoe="2FA",  # type: ignore[call-arg]
    )
    assert "did you mean 'scope'" in str(_problems(typo))
    newer = bandwidth.CodeRequest.from_dict(
        {"to": "+19195551234", "from": "+19195554321", "applicationId": "a"}
        | {"message": "{CODE}", "digits": 6, "newOption": True}
    )
    newer.check()
    assert json.loads(newer.to_json())["newOption"] is True


# -- unions -----------------------------------------------------------------------

STATUS = {
    "time": "2024-12-02T20:15:57.278Z",
    "type": "message-delivered",
    "to": "+15552223333",
    "description": "Message delivered to carrier.",
    "message": {
        "id": "1661365814859loidf7mcwd4qacn7",
        "owner": "+15553332222",
        "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
        "time": "2024-12-02T20:15:57.666Z",
        "segmentCount": 1,
        "direction": "out",
        "to": ["+15552223333"],
        "from": "+15553332222",
    },
}


def test_the_messaging_callback_union_picks_by_type() -> None:
    event = bandwidth.Callback.from_json(json.dumps(STATUS))
    assert isinstance(event.actual_instance, bandwidth.StatusCallback)
    inbound = bandwidth.Callback.from_dict({**STATUS, "type": "message-received"})
    assert isinstance(inbound.actual_instance, bandwidth.InboundCallback)
    assert bandwidth.Callback.one_of_schemas == {"InboundCallback", "StatusCallback"}
    assert json.loads(event.to_json()) == STATUS
    assert event.to_dict()["message"]["from"] == "+15553332222"
    assert isinstance(event.actual_instance.time, datetime)


def test_a_union_keeps_a_shape_no_member_accepts_as_a_dict() -> None:
    odd = {"type": "message-teleported", "to": "+15552223333"}
    event = bandwidth.Callback.from_json(json.dumps(odd))
    assert event.actual_instance == odd
    assert json.loads(event.to_json()) == odd
    batch = TypeAdapter(List[bandwidth.Callback]).validate_json(json.dumps([STATUS, odd]))
    assert isinstance(batch[0].actual_instance, bandwidth.StatusCallback)
    assert batch[1].actual_instance == odd


def test_a_union_is_built_from_a_member_or_empty() -> None:
    status = bandwidth.StatusCallback.from_dict(STATUS)
    assert bandwidth.Callback(status).actual_instance is status
    assert bandwidth.Callback(actual_instance=status).actual_instance is status
    assert bandwidth.Callback().actual_instance is None
    assert bandwidth.Callback().to_json() == "null"
    with pytest.raises(ValueError):
        bandwidth.Callback(status, status)
    with pytest.raises(ValidationError) as caught:
        bandwidth.Callback("hunter2-not-a-callback")
    assert "hunter2" not in str(caught.value)


def test_a_field_of_a_union_type_takes_a_bare_member() -> None:
    sms = bandwidth.MultiChannelChannelListSMSObject(
        var_from="+15551113333",
        application_id="app",
        channel="SMS",
        content=bandwidth.SmsMessageContent(text="hi"),
    )
    request = bandwidth.MultiChannelMessageRequest(to="+15554443333", channel_list=[sms])
    assert isinstance(request.channel_list[0], bandwidth.MultiChannelChannelListRequestObject)
    assert request.channel_list[0].actual_instance is sms
    request.check()
    assert json.loads(request.to_json()) == {
        "to": "+15554443333",
        "channelList": [
            {"from": "+15551113333", "applicationId": "app", "channel": "SMS"}
            | {"content": {"text": "hi"}}
        ],
    }


def test_an_anyof_without_a_discriminator_match_takes_the_closest_member() -> None:
    dial = {"type": "DIAL_PHONE", "text": "Call", "postbackData": "cG9zdA==", "phoneNumber": "+1"}
    action = bandwidth.MultiChannelAction.from_dict(dial)
    assert isinstance(action.actual_instance, bandwidth.RbmActionDial)
    unmapped = {**dial, "type": "SOMETHING_NEW"}  # no mapping: the best-fitting member
    action = bandwidth.MultiChannelAction.from_dict(unmapped)
    assert isinstance(action.actual_instance, bandwidth.RbmActionDial)
    assert action.actual_instance.type == "SOMETHING_NEW"


def test_a_request_union_is_checked_through_its_member() -> None:
    webrtc = bandwidth.CreateWebRtcConnectionRequest(type="WEBRTC", direction="INBOUND")
    request = bandwidth.CreateEndpointRequest(webrtc)
    request.check()
    assert json.loads(request.to_json()) == {"type": "WEBRTC", "direction": "INBOUND"}
    sideways = bandwidth.CreateEndpointRequest(
        bandwidth.CreateWebRtcConnectionRequest(type="WEBRTC", direction="SIDEWAYS")
    )
    assert [e["loc"] for e in _problems(sideways).errors()] == [("direction",)]
    assert "has no value" in str(_problems(bandwidth.CreateEndpointRequest()))
    built = bandwidth.CreateEndpointRequest.from_json(
        '{"type": "WEBRTC", "direction": "OUTBOUND"}', check=True
    )
    assert isinstance(built.actual_instance, bandwidth.CreateWebRtcConnectionRequest)
    for body, problem in [
        ({"type": "WEBRTC"}, "direction: Field required"),
        ({"type": "WEBRTC", "direction": "INBOUND", "tagg": "x"}, "has no field 'tagg'"),
        ({"type": "SIP", "direction": "INBOUND"}, "matches none of"),
    ]:
        with pytest.raises(RequestValidationError, match=problem):
            bandwidth.CreateEndpointRequest.from_dict(body, check=True)


# -- types ------------------------------------------------------------------------


def test_dates_times_and_maps_have_their_python_types() -> None:
    result = bandwidth.LookupResult.from_dict(
        {"latestMessageDeliveryStatusDate": "2025-06-20", "deactivationDate": "2025-06-20 18:35"}
    )
    assert result.latest_message_delivery_status_date == date(2025, 6, 20)
    assert result.deactivation_date == "2025-06-20 18:35"
    message = bandwidth.Message.from_dict({"time": "2022-09-14T18:20:16.000Z"})
    assert message.time == datetime.fromisoformat("2022-09-14T18:20:16+00:00")
    request = bandwidth.CreateWebRtcConnectionRequest(
        type="WEBRTC", direction="INBOUND", connection_metadata={"k": "v"}
    )
    assert request.to_dict()["connectionMetadata"] == {"k": "v"}


def test_a_messaging_model_loads_only_what_it_uses() -> None:
    code = (
        "import sys, json; from bandwidth import Callback, MessageRequest; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('bandwidth'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    loaded = json.loads(out.stdout)
    assert "bandwidth.models.status_callback" in loaded
    assert not [m for m in loaded if m.startswith(("bandwidth.callbacks", "bandwidth.testing"))]
    assert "bandwidth.models.create_call" not in loaded and "bandwidth.api" not in loaded


def test_every_generated_name_is_exported_from_bandwidth() -> None:
    for name in GENERATED_MODELS:
        cls = getattr(bandwidth, name)
        assert getattr(bandwidth.models, name) is cls
        module = sys.modules[cls.__module__]
        assert module.__name__ == f"bandwidth.models.{bandwidth.models._MODULES[name]}"
        assert (cls.__doc__ or "").strip()

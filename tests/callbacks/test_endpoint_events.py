"""Endpoint (BRTC) event webhooks: the spec's events, the docs' other shape, bad bodies."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Dict

import pytest

from bandwidth.callbacks import (
    CallbackParseError,
    EndpointEvent,
    UnknownEndpointEvent,
    endpoint_event_model_for,
    parse_endpoint_event,
)
from bandwidth.models.endpoint_event_type_enum import EndpointEventTypeEnum
from tests.callbacks.spec_examples import spec_example

SECRET = "s3cr3t-Value-0f-The-Body"


def connected() -> Dict[str, Any]:
    """A DEVICE_CONNECTED event with its device, from the spec's schema examples."""
    return {
        "endpointId": "e-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85",
        "type": "WEBRTC",
        "status": "CONNECTED",
        "creationTimestamp": "2021-01-01T00:00:00Z",
        "expirationTimestamp": "2021-01-02T00:00:00Z",
        "tag": "my-tag",
        "eventTime": "2021-01-01T00:00:05Z",
        "eventType": "DEVICE_CONNECTED",
        "device": {
            "deviceId": "d-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85",
            "deviceName": "David's iPhone",
            "status": "CONNECTED",
            "creationTimestamp": "2021-01-01T00:00:05Z",
        },
    }


def test_the_spec_example_parses() -> None:
    payload = spec_example("endpointDisconnectedEventExample")
    event = parse_endpoint_event(json.dumps(payload).encode(), "application/json")
    assert type(event) is EndpointEvent
    assert event.event_type == EndpointEventTypeEnum("DEVICE_DISCONNECTED")
    assert event.endpoint_id == payload["endpointId"]
    assert event.status == "DISCONNECTED"
    assert event.type == "WEBRTC"
    assert event.tag == "my-tag"
    assert event.event_time == datetime(2021, 1, 1, tzinfo=timezone.utc)
    assert event.expiration_timestamp == datetime(2021, 1, 2, tzinfo=timezone.utc)
    assert event.additional_properties == {}
    assert EndpointEvent.model_validate_json(event.to_json()) == event


def test_a_device_connected_event_with_its_device() -> None:
    event = parse_endpoint_event(connected())
    assert isinstance(event, EndpointEvent)
    assert event.event_type == "DEVICE_CONNECTED"
    assert event.device is not None
    assert event.device.device_id == "d-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
    assert event.device.device_name == "David's iPhone"
    assert event.device.status == "CONNECTED"


def test_every_enum_type_has_the_model() -> None:
    assert {m.value for m in EndpointEventTypeEnum} == {"DEVICE_CONNECTED", "DEVICE_DISCONNECTED"}
    for member in EndpointEventTypeEnum:
        assert endpoint_event_model_for(member.value) is EndpointEvent
    for other in ("endpointConnected", None, 1, ["DEVICE_CONNECTED"]):
        assert endpoint_event_model_for(other) is UnknownEndpointEvent


def test_the_docs_shape_and_new_events_are_kept() -> None:
    docs_shape = {
        "accountId": "9900000",
        "endpointId": "e-0a223cf4-04f4-48e7-a706-7e84995f071e",
        "event": "endpointConnected",
        "deviceId": "d-0a223cf4-04f4-48e7-a706-7e84995f071e",
        "timestamp": 1704067205000,
        "tags": '{"customer": 7}',
    }
    event = parse_endpoint_event(json.dumps(docs_shape))
    assert type(event) is UnknownEndpointEvent
    assert event.event_type is None
    assert event.additional_properties == docs_shape
    newer = {**connected(), "eventType": "DEVICE_MUTED", "device": SECRET}
    kept = parse_endpoint_event(newer)
    assert isinstance(kept, UnknownEndpointEvent)
    assert kept.event_type == "DEVICE_MUTED"
    assert kept.additional_properties["device"] == SECRET


def test_unknown_fields_and_enum_values_are_kept() -> None:
    payload = {**connected(), "status": "RECONNECTING", "type": "SIP", "newField": [1]}
    payload["device"]["status"] = "IDLE"
    event = parse_endpoint_event(payload)
    assert isinstance(event, EndpointEvent)
    assert (event.status, event.type) == ("RECONNECTING", "SIP")
    assert event.device is not None and event.device.status == "IDLE"
    assert event.additional_properties == {"newField": [1]}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{", "not valid JSON"),
        (b"[]", "must be a JSON object"),
        (b"true", "must be a JSON object"),
        (b'{"a": ' + b"{" * 40, "not valid JSON|nested too deeply"),
        (b'{"a": ' + b'{"b": ' * 40 + b"1" + b"}" * 40 + b"}", "nested too deeply"),
        (b'{"a": "' + b"x" * (1024 * 1024) + b'"}', "larger than"),
    ],
)
def test_bodies_that_are_not_endpoint_events(body: bytes, message: str) -> None:
    with pytest.raises(CallbackParseError, match=message):
        parse_endpoint_event(body)


def test_a_bad_field_is_named_never_echoed() -> None:
    bad = {**connected(), "eventTime": SECRET, "endpointId": 5}
    with pytest.raises(CallbackParseError) as caught:
        parse_endpoint_event(bad)
    error = caught.value
    assert {e["loc"][-1] for e in error.errors()} == {"eventTime", "endpointId"}
    assert "endpoint event" in str(error)
    assert SECRET not in str(error) and SECRET not in repr(error.errors())

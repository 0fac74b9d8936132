"""Messaging and multi-channel webhooks: every event type, arrays, tolerance, bad bodies."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

import pytest

from bandwidth.callbacks import (
    CallbackParseError,
    InboundCallback,
    StatusCallback,
    UnknownMessagingCallback,
    messaging_callback_model_for,
    parse_messaging_callbacks,
)
from bandwidth.exceptions import ApiTypeError, ApiValueError, OpenApiException
from bandwidth.models.inbound_callback_type_enum import InboundCallbackTypeEnum
from bandwidth.models.status_callback_type_enum import StatusCallbackTypeEnum
from tests.callbacks.spec_examples import spec_example

#: every spec example of a messaging callback: (example name, its type, its model)
SPEC_EXAMPLES = [
    ("smsMessageReceivedCallbackExample", "message-received", InboundCallback),
    ("mmsMessageReceivedCallbackExample", "message-received", InboundCallback),
    ("messageSendingCallbackExample", "message-sending", StatusCallback),
    ("messageSentCallbackExample", "message-sent", StatusCallback),
    ("smsMessageDeliveredCallbackExample", "message-delivered", StatusCallback),
    ("mmsMessageDeliveredCallbackExample", "message-delivered", StatusCallback),
    ("groupMmsMessageDeliveredCallbackExample", "message-delivered", StatusCallback),
    ("messageFailedCallbackExample", "message-failed", StatusCallback),
]

SECRET = "s3cr3t-Value-0f-The-Body"


def rbm_message(**extra: Any) -> Dict[str, Any]:
    """The ``message`` of a multi-channel (RBM) event, as the reference describes it."""
    return {
        "id": "1752697342534u24xerqdukke523x",
        "owner": "BandwidthRBM",
        "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
        "time": "2025-07-16T20:22:22.534Z",
        "segmentCount": 1,
        "direction": "in",
        "to": ["BandwidthRBM"],
        "from": "+15552223333",
        "channel": "RBM",
        **extra,
    }


def message_read() -> Dict[str, Any]:
    return {
        "time": "2025-07-16T20:22:25.000Z",
        "eventTime": "2025-07-16T20:22:24.500Z",
        "type": "message-read",
        "to": "+15552223333",
        "description": "Message read by the recipient",
        "message": {**rbm_message(direction="out", to=["+15552223333"]), "text": ""},
    }


def suggestion_response() -> Dict[str, Any]:
    suggestion = {
        "text": "Yes, I would like to proceed",
        "postbackData": "SGVsbG8gd29ybGQ=",
        "pairedMessageId": "1752697342534u24xerqdukke523x",
    }
    return {
        "time": "2025-07-16T20:22:30.000Z",
        "type": "suggestion-response",
        "to": "BandwidthRBM",
        "description": "Suggestion response received",
        "message": rbm_message(suggestionResponse=suggestion),
    }


def location_response() -> Dict[str, Any]:
    return {
        "time": "2025-07-16T20:22:40.000Z",
        "type": "requested-location-response",
        "to": "BandwidthRBM",
        "description": "Location response received",
        "message": rbm_message(locationResponse={"latitude": "37.7749", "longitude": "-122.4194"}),
    }


def rbm_received() -> Dict[str, Any]:
    content = {
        "text": "Here is a picture",
        "media": {
            "fileUrl": "https://dev.bandwidth.com/images/bandwidth-logo.png",
            "thumbnailUrl": "https://dev.bandwidth.com/images/bandwidth-logo.png",
        },
    }
    return {
        "time": "2025-07-16T20:22:50.000Z",
        "type": "message-received",
        "to": "BandwidthRBM",
        "description": "Incoming message received",
        "message": rbm_message(content=content),
    }


def wire(*events: Dict[str, Any]) -> bytes:
    """The body Bandwidth POSTs: a JSON array of the events."""
    return json.dumps(list(events)).encode("utf-8")


# -- every event type ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "event_type", "model"), SPEC_EXAMPLES, ids=[s[0] for s in SPEC_EXAMPLES]
)
def test_every_spec_example_parses_into_its_model(name: str, event_type: str, model: Any) -> None:
    payload = spec_example(name)
    (event,) = parse_messaging_callbacks(wire(payload), "application/json; charset=utf-8")
    assert type(event) is model
    assert event.type == event_type
    assert event.to == payload["to"]
    assert event.description == payload["description"]
    assert event.message.id == payload["message"]["id"]
    assert event.message.var_from == payload["message"]["from"]
    assert event.message.to == payload["message"]["to"]
    assert event.message.segment_count == payload["message"]["segmentCount"]
    assert isinstance(event.time, datetime)
    assert event.additional_properties == {}
    assert event.message.additional_properties == {}
    assert model.model_validate_json(event.to_json()) == event


def test_status_event_fields() -> None:
    (failed,) = parse_messaging_callbacks(wire(spec_example("messageFailedCallbackExample")))
    assert isinstance(failed, StatusCallback)
    assert failed.type == StatusCallbackTypeEnum("message-failed")
    assert failed.error_code == 4432
    assert failed.time == datetime(2024, 12, 18, 16, 51, 27, 704450, tzinfo=timezone.utc)
    assert failed.message.direction == "out"
    assert failed.message.media == ["https://dev.bandwidth.com/images/bandwidth-logo.png"]
    (sending,) = parse_messaging_callbacks(wire(spec_example("messageSendingCallbackExample")))
    assert isinstance(sending, StatusCallback)
    assert sending.message.tag == "your tag here"
    assert sending.message.text == ""
    assert sending.error_code is None


def test_inbound_event_fields() -> None:
    (received,) = parse_messaging_callbacks(wire(spec_example("mmsMessageReceivedCallbackExample")))
    assert isinstance(received, InboundCallback)
    assert received.type == InboundCallbackTypeEnum("message-received")
    assert received.message.text == "Hey, check out the MMS!"
    assert received.message.to == ["+12345678902", "+12345678903"]
    assert received.message.direction == "in"


def test_multi_channel_events() -> None:
    events = parse_messaging_callbacks(
        wire(message_read(), suggestion_response(), location_response(), rbm_received())
    )
    read, suggestion, location, received = events
    assert isinstance(read, StatusCallback)
    assert read.type == "message-read"
    assert read.event_time == datetime(2025, 7, 16, 20, 22, 24, 500000, tzinfo=timezone.utc)
    assert read.message.channel == "RBM"
    assert isinstance(suggestion, InboundCallback)
    assert suggestion.type == "suggestion-response"
    assert suggestion.message.suggestion_response is not None
    assert suggestion.message.suggestion_response.text == "Yes, I would like to proceed"
    assert suggestion.message.suggestion_response.paired_message_id == (
        "1752697342534u24xerqdukke523x"
    )
    assert isinstance(location, InboundCallback)
    assert location.type == "requested-location-response"
    assert location.message.location_response is not None
    assert location.message.location_response.latitude == "37.7749"
    assert location.message.location_response.longitude == "-122.4194"
    assert isinstance(received, InboundCallback)
    assert received.message.channel == "RBM"
    assert received.message.content is not None
    assert received.message.content.text == "Here is a picture"
    assert received.message.content.media is not None
    assert received.message.content.media.file_url == (
        "https://dev.bandwidth.com/images/bandwidth-logo.png"
    )


def test_every_enum_type_has_a_model() -> None:
    for member in StatusCallbackTypeEnum:
        assert messaging_callback_model_for(member.value) is StatusCallback
    for member in InboundCallbackTypeEnum:
        assert messaging_callback_model_for(member.value) is InboundCallback
    assert len(list(StatusCallbackTypeEnum)) + len(list(InboundCallbackTypeEnum)) == 8
    for other in ("message-expired", "", None, 7, ["message-sent"]):
        assert messaging_callback_model_for(other) is UnknownMessagingCallback


# -- arrays ------------------------------------------------------------------------------------


def test_an_array_of_mixed_events_keeps_its_order() -> None:
    bodies = [
        spec_example("messageSendingCallbackExample"),
        spec_example("smsMessageReceivedCallbackExample"),
        {"type": "message-expired", "time": "2025-01-01T00:00:00Z", "message": {"id": "m-1"}},
        spec_example("smsMessageDeliveredCallbackExample"),
        suggestion_response(),
    ]
    events = parse_messaging_callbacks(wire(*bodies))
    assert [type(e) for e in events] == [
        StatusCallback,
        InboundCallback,
        UnknownMessagingCallback,
        StatusCallback,
        InboundCallback,
    ]
    assert [e.type for e in events] == [b["type"] for b in bodies]


def test_a_single_object_and_an_empty_array() -> None:
    payload = spec_example("smsMessageDeliveredCallbackExample")
    (event,) = parse_messaging_callbacks(json.dumps(payload))
    assert isinstance(event, StatusCallback)
    assert parse_messaging_callbacks(b"[]") == []
    assert parse_messaging_callbacks(b" [ ] \n") == []


def test_bytes_text_decoded_values_and_charsets_agree() -> None:
    payload = spec_example("smsMessageReceivedCallbackExample")
    payload["message"]["text"] = "caf\u00e9 \u2713"
    text = json.dumps([payload], ensure_ascii=False)
    results = [
        parse_messaging_callbacks(text),
        parse_messaging_callbacks(text.encode("utf-8")),
        parse_messaging_callbacks(bytearray(text.encode("utf-8"))),
        parse_messaging_callbacks(memoryview(text.encode("utf-8"))),
        parse_messaging_callbacks(b"\xef\xbb\xbf" + text.encode("utf-8")),
        parse_messaging_callbacks(text.encode("utf-16"), "application/json; charset=utf-16"),
        parse_messaging_callbacks([payload]),
        parse_messaging_callbacks(payload),
        parse_messaging_callbacks(text.encode("utf-8"), "text/plain"),
    ]
    for events in results:
        (event,) = events
        assert isinstance(event, InboundCallback)
        assert event.message.text == "caf\u00e9 \u2713"
        assert event.to_dict() == results[0][0].to_dict()


# -- tolerance ---------------------------------------------------------------------------------


def test_unknown_event_types_are_kept_not_refused() -> None:
    newer = {
        "type": "message-expired",
        "time": "not even a time",
        "to": "+15554443333",
        "message": {"id": "m-1", "direction": "sideways"},
        "x": [1, 2],
    }
    (event,) = parse_messaging_callbacks(wire(newer))
    assert isinstance(event, UnknownMessagingCallback)
    assert event.type == "message-expired"
    assert event.additional_properties == {k: v for k, v in newer.items() if k != "type"}
    (odd,) = parse_messaging_callbacks(wire({"type": 42}))
    assert isinstance(odd, UnknownMessagingCallback) and odd.type == 42
    (untyped,) = parse_messaging_callbacks(wire({}))
    assert isinstance(untyped, UnknownMessagingCallback) and untyped.type is None


def test_unknown_fields_and_enum_values_are_kept() -> None:
    payload = spec_example("messageSendingCallbackExample")
    payload["newTopLevel"] = {"a": 1}
    payload["message"]["channel"] = "WHATSAPP"
    payload["message"]["direction"] = "sideways"
    payload["message"]["priority"] = "urgent"
    payload["message"]["newField"] = True
    payload["carrierName"] = "Verizon"
    (event,) = parse_messaging_callbacks(wire(payload))
    assert isinstance(event, StatusCallback)
    assert event.additional_properties == {"newTopLevel": {"a": 1}}
    assert event.message.additional_properties == {"newField": True}
    assert event.message.channel == "WHATSAPP"
    assert event.message.direction == "sideways"
    assert event.message.priority == "urgent"
    assert event.carrier_name == "Verizon"
    assert event.to_dict()["newTopLevel"] == {"a": 1}


def test_known_enum_values_are_members() -> None:
    payload = message_read()
    payload["message"]["priority"] = "high"
    (event,) = parse_messaging_callbacks(wire(payload))
    assert isinstance(event, StatusCallback)
    assert isinstance(event.type, StatusCallbackTypeEnum)
    from bandwidth.models.message_direction_enum import MessageDirectionEnum
    from bandwidth.models.multi_channel_message_channel_enum import (
        MultiChannelMessageChannelEnum,
    )
    from bandwidth.models.priority_enum import PriorityEnum

    assert event.message.direction is MessageDirectionEnum("out")
    assert event.message.channel is MultiChannelMessageChannelEnum("RBM")
    assert event.message.priority is PriorityEnum("high")


# -- bad bodies ----------------------------------------------------------------------------------


def _deep(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[{not json", "not valid JSON"),
        (b"", "not valid JSON"),
        (b"type=message-received", "not valid JSON"),
        (b'"message-received"', "must be a JSON array of event objects"),
        (b"42", "must be a JSON array of event objects"),
        (b"null", "must be a JSON array of event objects"),
        (b'[1, {"type": "message-sent"}]', "each messaging event must be a JSON object"),
        (b"[[]]", "each messaging event must be a JSON object"),
        (b"\xff\xfe[", "not valid text"),
        (('[{"x": ' + _deep(40) + "}]").encode(), "nested too deeply"),
        (('[{"x": ' + _deep(200_000) + "}]").encode(), "nested too deeply"),
        (b"[" + b"{}, " * 300_000 + b"{}]", "larger than 1048576 bytes"),
        (b"[" + b" " * (1024 * 1024) + b"]", "larger than 1048576 bytes"),
        (b'[{"x": 1' + b"0" * 5000 + b"}]", "not valid JSON"),
    ],
)
def test_bodies_that_are_not_messaging_callbacks(body: bytes, message: str) -> None:
    with pytest.raises(CallbackParseError, match=message):
        parse_messaging_callbacks(body, "application/json")


def test_depth_and_size_limits_are_exact() -> None:
    inner: Any = 1
    for _ in range(30):  # the array, its event and 30 more levels: 32
        inner = [inner]
    assert parse_messaging_callbacks([{"type": "x", "deep": inner}])[0].type == "x"
    with pytest.raises(CallbackParseError, match="nested too deeply"):
        parse_messaging_callbacks([{"type": "x", "deep": [inner]}])
    padded = b"[" + b" " * (1024 * 1024 - 2) + b"]"
    assert parse_messaging_callbacks(padded) == []
    with pytest.raises(CallbackParseError, match="larger than"):
        parse_messaging_callbacks("[" + " " * (1024 * 1024 - 1) + "]")


def test_a_bad_field_names_the_item_and_field_never_the_value() -> None:
    good = spec_example("smsMessageDeliveredCallbackExample")
    bad = spec_example("messageFailedCallbackExample")
    bad["time"] = SECRET
    bad["errorCode"] = SECRET
    with pytest.raises(CallbackParseError) as caught:
        parse_messaging_callbacks(wire(good, bad))
    error = caught.value
    assert isinstance(error, ApiValueError) and isinstance(error, OpenApiException)
    assert isinstance(error, ValueError)
    locations = [tuple(e["loc"]) for e in error.errors()]
    assert locations == [(1, "StatusCallback", "time"), (1, "StatusCallback", "errorCode")]
    assert "1.StatusCallback.time" in str(error)
    assert SECRET not in str(error) and SECRET not in repr(error.errors())
    assert error.__cause__ is None and error.__suppress_context__


@pytest.mark.parametrize(
    "body",
    [
        b'[{"type": "message-received", "x": "' + SECRET.encode() + b'"',
        b'[{"type": "' + SECRET.encode() + b'" 1}]',
        SECRET.encode(),
        b"\xff" + SECRET.encode(),
        json.dumps([{"type": "message-received", "message": SECRET}]).encode(),
        json.dumps([{"type": "message-sent", "to": [SECRET]}]).encode(),
        json.dumps([SECRET]).encode(),
        json.dumps({SECRET: SECRET, "type": "message-sent", "time": SECRET}).encode(),
    ],
)
def test_no_error_echoes_the_body(body: bytes) -> None:
    with pytest.raises(CallbackParseError) as caught:
        parse_messaging_callbacks(body, "application/json; charset=utf-8")
    assert SECRET not in str(caught.value)
    assert SECRET not in repr(caught.value.errors())
    assert SECRET not in repr(caught.value.args)


def test_an_unknown_charset_is_not_echoed() -> None:
    with pytest.raises(CallbackParseError, match="unknown charset") as caught:
        parse_messaging_callbacks(b"[]", f"application/json; charset={SECRET}")
    assert SECRET not in str(caught.value)


@pytest.mark.parametrize("body", [5, None, 1.5, object(), {1, 2}])
def test_wrong_body_types(body: Optional[object]) -> None:
    with pytest.raises(ApiTypeError, match="body must be bytes, str, a dict or a list"):
        parse_messaging_callbacks(body)  # type: ignore[arg-type]


def test_decoded_values_are_bounded_too() -> None:
    deep: List[Any] = []
    for _ in range(100):
        deep = [deep]
    with pytest.raises(CallbackParseError, match="nested too deeply"):
        parse_messaging_callbacks([{"type": "message-sent", "x": deep}])
    with pytest.raises(CallbackParseError, match="each messaging event must be a JSON object"):
        parse_messaging_callbacks(["message-sent"])


def test_the_union_serializes_and_revalidates_its_models() -> None:
    from pydantic import TypeAdapter

    from bandwidth.callbacks import MessagingCallbacks

    bodies = [spec_example("messageSentCallbackExample"), suggestion_response(), {"type": "x"}]
    events = parse_messaging_callbacks(wire(*bodies))
    adapter: TypeAdapter[Any] = TypeAdapter(MessagingCallbacks)
    dumped = adapter.dump_python(events, mode="json", by_alias=True, exclude_unset=True)
    assert [item["type"] for item in dumped] == ["message-sent", "suggestion-response", "x"]
    assert parse_messaging_callbacks(dumped) == events
    assert adapter.validate_python(events) == events

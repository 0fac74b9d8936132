"""Callbacks: every spec callback example parsed into its model, tolerance, parse_callback."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional, Tuple, Type, Union
from urllib.parse import urlencode

import pytest
from pydantic import ValidationError

import bandwidth.callbacks as callbacks
from bandwidth.callbacks import (
    AnswerCallback,
    BridgeCompleteCallback,
    BridgeTargetCompleteCallback,
    Callback,
    CallbackParseError,
    ConferenceCompletedCallback,
    ConferenceCreatedCallback,
    ConferenceMemberExitCallback,
    ConferenceMemberJoinCallback,
    ConferenceRecordingAvailableCallback,
    ConferenceRedirectCallback,
    DisconnectCallback,
    DtmfCallback,
    GatherCallback,
    InitiateCallback,
    MachineDetectionCompleteCallback,
    MediaStreamRejectedCallback,
    MediaStreamStartedCallback,
    MediaStreamStoppedCallback,
    RealTimeTranscriptionAvailableCallback,
    RealTimeTranscriptionRejectedCallback,
    RealTimeTranscriptionStartedCallback,
    RealTimeTranscriptionStoppedCallback,
    RecordingAvailableCallback,
    RecordingCompleteCallback,
    RedirectCallback,
    ReferCallStatusEnum,
    ReferCompleteCallback,
    TranscriptionAvailableCallback,
    TransferAnswerCallback,
    TransferCompleteCallback,
    TransferDisconnectCallback,
    UnknownCallback,
    callback_model_for,
    parse_callback,
)
from bandwidth.models.bxml.enums import FileFormatEnum
from bandwidth.models.call_direction_enum import CallDirectionEnum

# The `example` value of every field schema the spec's *Callback schemas use
# (bandwidth.yml, components/schemas), keyed by wire name.
EXAMPLE: Dict[str, Any] = {
    "eventTime": "2022-06-17T22:19:40.375Z",
    "accountId": "9900000",
    "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
    "from": "+15555555555",
    "to": "+15555555555",
    "direction": "inbound",
    "callId": "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85",
    "callUrl": "https://voice.bandwidth.com/api/v2/accounts/9900000/calls/"
    "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85",
    "enqueuedTime": "2022-06-17T22:20:00.000Z",
    "startTime": "2022-06-17T22:19:40.375Z",
    "answerTime": "2022-06-17T22:20:00.000Z",
    "endTime": "2022-06-17T22:20:00.000Z",
    "tag": "exampleTag",
    "machineDetectionResult": {"value": "answering-machine", "duration": "PT4.9891287S"},
    "sipCallId": "c95ac8d6e1a31c52eb38f419893c151633ec68f8d@sbc.bandwidth.com",
    "cause": "busy",
    "errorMessage": "Call c-2a913f94-6a486f3a-3cae-4034-bcc3-f0c9fa77ca2f is already bridged "
    "with another call",
    "errorId": "4642074b-7b58-478b-96e4-3a60955c6765",
    "conferenceId": "conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9",
    "name": "my-conference-name",
    "recordingId": "r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833",
    "channels": 1,
    "duration": "PT13.67S",
    "fileFormat": "wav",
    "mediaUrl": "https://voice.bandwidth.com/api/v2/accounts/9900000/conferences/"
    "conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9/recordings/"
    "r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833/media",
    "status": "completed",
    "sipResponseCode": 486,
    "digit": "2",
    "digits": "123",
    "terminatingDigit": "#",
    "parentCallId": "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d",
    "transferCallerId": "+15555555555",
    "transferTo": "+15555555555",
    "diversion": {
        "reason": "unavailable",
        "privacy": "off",
        "screen": "no",
        "counter": "2",
        "limit": "3",
        "unknown": "unknownValue",
        "origTo": "+15558884444",
    },
    "stirShaken": {
        "verstat": "Tn-Validation-Passed",
        "attestationIndicator": "A",
        "originatingId": "99759086-1335-11ed-9bcf-5f7d464e91af",
    },
    "uui": "bXktdXVp",
    "sipHeaders": {"x-custom-header": "customer-value", "x-session-id": "sess-12345"},
    "transcription": {"speaker": 0, "text": "Nice talking to you, friend!", "confidence": 0.9},
}

# Each *Callback schema of the spec: its eventType, model, and properties in spec order.
SPEC: List[Tuple[str, Type[Callback], str]] = [
    (
        "answer",
        AnswerCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "enqueuedTime startTime answerTime tag machineDetectionResult sipCallId",
    ),
    (
        "bridgeComplete",
        BridgeCompleteCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "enqueuedTime startTime answerTime tag cause errorMessage errorId",
    ),
    (
        "bridgeTargetComplete",
        BridgeTargetCompleteCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "enqueuedTime startTime answerTime tag",
    ),
    ("conferenceCreated", ConferenceCreatedCallback, "eventType eventTime conferenceId name tag"),
    ("conferenceRedirect", ConferenceRedirectCallback, "eventType eventTime conferenceId name tag"),
    (
        "conferenceMemberJoin",
        ConferenceMemberJoinCallback,
        "eventType eventTime conferenceId name from to callId tag",
    ),
    (
        "conferenceMemberExit",
        ConferenceMemberExitCallback,
        "eventType eventTime conferenceId name from to callId tag",
    ),
    (
        "conferenceCompleted",
        ConferenceCompletedCallback,
        "eventType eventTime conferenceId name tag",
    ),
    (
        "conferenceRecordingAvailable",
        ConferenceRecordingAvailableCallback,
        "eventType eventTime conferenceId name accountId recordingId channels startTime "
        "endTime duration fileFormat mediaUrl tag status",
    ),
    (
        "disconnect",
        DisconnectCallback,
        "eventType eventTime accountId applicationId from to callId direction callUrl "
        "enqueuedTime startTime answerTime endTime cause errorMessage errorId tag "
        "sipCallId sipResponseCode",
    ),
    (
        "dtmf",
        DtmfCallback,
        "eventType eventTime accountId applicationId from to callId direction digit "
        "callUrl enqueuedTime startTime answerTime parentCallId transferCallerId "
        "transferTo tag",
    ),
    (
        "gather",
        GatherCallback,
        "eventType eventTime accountId applicationId from to direction callId digits "
        "callUrl enqueuedTime startTime answerTime parentCallId terminatingDigit "
        "transferCallerId transferTo tag",
    ),
    (
        "initiate",
        InitiateCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "startTime diversion stirShaken uui sipCallId sipHeaders",
    ),
    (
        "machineDetectionComplete",
        MachineDetectionCompleteCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "enqueuedTime startTime answerTime tag machineDetectionResult",
    ),
    (
        "recordingComplete",
        RecordingCompleteCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "parentCallId recordingId mediaUrl enqueuedTime startTime answerTime endTime "
        "duration fileFormat channels tag transferCallerId transferTo",
    ),
    (
        "recordingAvailable",
        RecordingAvailableCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "parentCallId recordingId mediaUrl enqueuedTime startTime endTime duration "
        "fileFormat channels tag status transferCallerId transferTo",
    ),
    (
        "redirect",
        RedirectCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "parentCallId enqueuedTime startTime answerTime tag transferCallerId transferTo",
    ),
    (
        "transcriptionAvailable",
        TranscriptionAvailableCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "mediaUrl parentCallId recordingId enqueuedTime startTime endTime duration "
        "fileFormat tag transcription transferCallerId transferTo",
    ),
    (
        "transferAnswer",
        TransferAnswerCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "enqueuedTime startTime answerTime tag transferCallerId transferTo",
    ),
    (
        "transferComplete",
        TransferCompleteCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "enqueuedTime startTime answerTime tag transferCallerId transferTo cause "
        "errorMessage errorId",
    ),
    (
        "transferDisconnect",
        TransferDisconnectCallback,
        "eventType eventTime accountId applicationId from to direction callId callUrl "
        "parentCallId enqueuedTime startTime answerTime endTime tag transferCallerId "
        "transferTo cause errorMessage errorId",
    ),
]

# wire name -> Python attribute
ATTR = {
    "eventType": "event_type",
    "eventTime": "event_time",
    "accountId": "account_id",
    "applicationId": "application_id",
    "from": "var_from",
    "to": "to",
    "direction": "direction",
    "callId": "call_id",
    "callUrl": "call_url",
    "enqueuedTime": "enqueued_time",
    "startTime": "start_time",
    "answerTime": "answer_time",
    "endTime": "end_time",
    "tag": "tag",
    "machineDetectionResult": "machine_detection_result",
    "sipCallId": "sip_call_id",
    "cause": "cause",
    "errorMessage": "error_message",
    "errorId": "error_id",
    "conferenceId": "conference_id",
    "name": "name",
    "recordingId": "recording_id",
    "channels": "channels",
    "duration": "duration",
    "fileFormat": "file_format",
    "mediaUrl": "media_url",
    "status": "status",
    "sipResponseCode": "sip_response_code",
    "digit": "digit",
    "digits": "digits",
    "terminatingDigit": "terminating_digit",
    "parentCallId": "parent_call_id",
    "transferCallerId": "transfer_caller_id",
    "transferTo": "transfer_to",
    "diversion": "diversion",
    "stirShaken": "stir_shaken",
    "uui": "uui",
    "sipHeaders": "sip_headers",
    "transcription": "transcription",
}

EVENT_TIME = datetime(2022, 6, 17, 22, 19, 40, 375000, tzinfo=timezone.utc)
LATER = datetime(2022, 6, 17, 22, 20, 0, tzinfo=timezone.utc)
PARSED: Dict[str, Any] = {
    "eventTime": EVENT_TIME,
    "startTime": EVENT_TIME,
    "enqueuedTime": LATER,
    "answerTime": LATER,
    "endTime": LATER,
    "direction": CallDirectionEnum.INBOUND,
    "fileFormat": FileFormatEnum.WAV,
}
NESTED = {"machineDetectionResult", "diversion", "stirShaken", "transcription"}


def spec_example(event_type: str, props: str) -> Dict[str, Any]:
    payload = {key: EXAMPLE.get(key) for key in props.split()}
    payload["eventType"] = event_type
    return payload


@pytest.mark.parametrize(("event_type", "model", "props"), SPEC, ids=[s[0] for s in SPEC])
def test_every_spec_example_parses_into_its_model(
    event_type: str, model: Type[Callback], props: str
) -> None:
    payload = spec_example(event_type, props)
    event = parse_callback(json.dumps(payload).encode("utf-8"), "application/json")
    assert type(event) is model
    assert event.additional_properties == {}
    assert event.model_fields_set == {ATTR[key] for key in payload}
    for key, raw in payload.items():
        value = getattr(event, ATTR[key])
        if key in NESTED:
            assert value.to_dict() == raw, key
            assert value.additional_properties == {}
        else:
            assert value == PARSED.get(key, raw), key
    if "direction" in payload:
        assert event.direction is CallDirectionEnum.INBOUND  # type: ignore[attr-defined]
    if "fileFormat" in payload:
        assert event.file_format is FileFormatEnum.WAV  # type: ignore[attr-defined]
    assert event.to_dict().keys() == payload.keys()
    assert model.from_json(event.to_json()) == event


def test_spec_models_declare_exactly_the_spec_fields() -> None:
    extras = {
        AnswerCallback: {"privacy", "caller_display_name"},  # current docs
        TransferAnswerCallback: {"parent_call_id"},  # docs table
    }
    for event_type, model, props in SPEC:
        declared = set(model.model_fields)
        expected = {ATTR[key] for key in props.split()} | extras.get(model, set())
        assert declared == expected, event_type


def test_nested_values_are_typed() -> None:
    event = parse_callback(spec_example("initiate", SPEC[12][2]))
    assert isinstance(event, InitiateCallback)
    assert event.diversion is not None and event.diversion.orig_to == "+15558884444"
    assert event.stir_shaken is not None and event.stir_shaken.attestation_indicator == "A"
    assert event.sip_headers == {"x-custom-header": "customer-value", "x-session-id": "sess-12345"}
    transcribed = parse_callback(spec_example("transcriptionAvailable", SPEC[17][2]))
    assert isinstance(transcribed, TranscriptionAvailableCallback)
    assert transcribed.transcription is not None
    assert transcribed.transcription.speaker == 0
    assert transcribed.transcription.confidence == 0.9


@pytest.mark.parametrize("event_type", ["recordComplete", "recordingComplete"])
def test_both_record_complete_spellings(event_type: str) -> None:
    event = parse_callback({"eventType": event_type, "recordingId": "r-1", "channels": 2})
    assert type(event) is RecordingCompleteCallback
    assert event.event_type == event_type
    assert isinstance(event, RecordingCompleteCallback)
    assert event.recording_id == "r-1"
    assert event.channels == 2


# -- tolerance -------------------------------------------------------------------------


def test_unknown_event_types_give_a_generic_callback() -> None:
    event = parse_callback(
        b'{"eventType": "holoCall", "eventTime": "2030-01-01T00:00:00Z", "x": [1]}'
    )
    assert type(event) is UnknownCallback
    assert event.event_type == "holoCall"
    assert event.event_time == datetime(2030, 1, 1, tzinfo=timezone.utc)
    assert event.additional_properties == {"x": [1]}
    assert type(parse_callback({})) is UnknownCallback
    assert parse_callback({}).event_type is None
    odd = parse_callback({"eventType": 5, "eventTime": None})
    assert type(odd) is UnknownCallback and odd.event_type == 5
    assert type(parse_callback({"eventType": "ANSWER"})) is UnknownCallback
    assert UnknownCallback.expects_bxml is False


def test_unknown_fields_and_enum_values_are_kept() -> None:
    event = parse_callback(
        {
            "eventType": "recordingAvailable",
            "direction": "sideways",
            "fileFormat": "ogg",
            "status": "archived",
            "brandNewField": {"a": 1},
            "transcription": None,
        }
    )
    assert isinstance(event, RecordingAvailableCallback)
    assert event.direction == "sideways"
    assert not isinstance(event.direction, CallDirectionEnum)
    assert event.file_format == "ogg"
    assert event.status == "archived"
    assert event.additional_properties == {"brandNewField": {"a": 1}, "transcription": None}
    answer = parse_callback(
        {"eventType": "answer", "machineDetectionResult": {"value": "tone-detected", "extra": 1}}
    )
    assert isinstance(answer, AnswerCallback)
    assert answer.machine_detection_result is not None
    assert answer.machine_detection_result.value == "tone-detected"
    assert answer.machine_detection_result.additional_properties == {"extra": 1}


def test_nulls_and_absent_fields_are_both_none() -> None:
    _, _, props = SPEC[9]  # disconnect
    payload: Dict[str, Any] = {key: None for key in props.split()}
    payload["eventType"] = "disconnect"
    event = parse_callback(payload)
    assert isinstance(event, DisconnectCallback)
    for key in props.split():
        if key != "eventType":
            assert getattr(event, ATTR[key]) is None
    bare = parse_callback({"eventType": "disconnect"})
    assert isinstance(bare, DisconnectCallback)
    assert bare.cause is None and bare.end_time is None and bare.sip_response_code is None


def test_docs_only_events() -> None:
    refer = parse_callback(
        {
            "eventType": "referComplete",
            "callId": "c-1",
            "referCallStatus": "failure",
            "referSipResponseCode": 202,
            "notifySipResponseCode": 603,
        }
    )
    assert isinstance(refer, ReferCompleteCallback)
    assert refer.refer_call_status is ReferCallStatusEnum.FAILURE
    assert (refer.refer_sip_response_code, refer.notify_sip_response_code) == (202, 603)
    maybe = parse_callback({"eventType": "referComplete", "referCallStatus": "maybe"})
    assert isinstance(maybe, ReferCompleteCallback)
    assert maybe.refer_call_status == "maybe"
    stream = {
        "id": "s-1",
        "name": "live",
        "destination": "wss://x.example",
        "startTime": "2024-01-01T00:00:00Z",
        "tracks": ["inbound"],
        "type": "WebSocket",
    }
    started = parse_callback({"eventType": "mediaStreamStarted", "mediaStream": stream})
    assert isinstance(started, MediaStreamStartedCallback)
    assert started.media_stream is not None and started.media_stream.tracks == ["inbound"]
    rejected = parse_callback(
        {
            "eventType": "mediaStreamRejected",
            "cause": "duplicate",
            "mediaStream": stream,
            "originalMediaStream": stream,
        }
    )
    assert isinstance(rejected, MediaStreamRejectedCallback)
    assert rejected.original_media_stream == rejected.media_stream
    stopped = parse_callback(
        {"eventType": "mediaStreamStopped", "mediaStream": {**stream, "duration": "PT1M"}}
    )
    assert isinstance(stopped, MediaStreamStoppedCallback)
    assert stopped.media_stream is not None and stopped.media_stream.duration == "PT1M"
    rtt = {"id": "t-1", "name": "live", "stabilized": True, "tracks": ["inbound", "outbound"]}
    for event_type, model in [
        ("realTimeTranscriptionStarted", RealTimeTranscriptionStartedCallback),
        ("realTimeTranscriptionRejected", RealTimeTranscriptionRejectedCallback),
        ("realTimeTranscriptionStopped", RealTimeTranscriptionStoppedCallback),
    ]:
        event = parse_callback({"eventType": event_type, "realTimeTranscription": rtt})
        assert type(event) is model
        assert event.to_dict()["realTimeTranscription"]["stabilized"] is True
    available = parse_callback(
        {
            "eventType": "realTimeTranscriptionAvailable",
            "realTimeTranscription": {
                **rtt,
                "status": "available",
                "url": "https://x.example/t",
                "completedTime": "2024-01-01T00:05:00Z",
            },
        }
    )
    assert isinstance(available, RealTimeTranscriptionAvailableCallback)
    assert available.real_time_transcription is not None
    assert available.real_time_transcription.completed_time == datetime(
        2024, 1, 1, 0, 5, tzinfo=timezone.utc
    )


def test_transcription_link_shape_from_the_docs() -> None:
    event = parse_callback(
        {
            "eventType": "transcriptionAvailable",
            "transcription": {
                "id": "t-1",
                "url": "https://voice.bandwidth.com/t/1",
                "status": "available",
                "completedTime": "2024-01-01T00:00:00Z",
            },
        }
    )
    assert isinstance(event, TranscriptionAvailableCallback)
    assert event.transcription is not None
    assert event.transcription.url == "https://voice.bandwidth.com/t/1"
    assert event.transcription.completed_time == datetime(2024, 1, 1, tzinfo=timezone.utc)


def test_impossible_values_raise_a_parse_error_naming_the_field() -> None:
    with pytest.raises(CallbackParseError) as info:
        parse_callback({"eventType": "answer", "eventTime": "yesterday"})
    assert info.value.errors()[0]["loc"] == ("eventTime",)
    assert "eventTime" in str(info.value)
    assert "yesterday" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    # the model's own constructor keeps pydantic's error, as the generated SDK's does
    with pytest.raises(ValidationError):
        AnswerCallback.from_dict({"eventTime": "yesterday"})


def test_parse_errors_share_the_sdk_root() -> None:
    from bandwidth.exceptions import ApiTypeError, ApiValueError, OpenApiException

    assert issubclass(CallbackParseError, ApiValueError)
    assert issubclass(CallbackParseError, OpenApiException)
    assert issubclass(CallbackParseError, ValueError)
    with pytest.raises(ApiTypeError):
        parse_callback(5)  # type: ignore[arg-type]


def _deep(depth: int, opener: str = "[", closer: str = "]") -> str:
    return opener * depth + "1" + closer * depth


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ('{"eventType": "answer", "x": ' + _deep(100_000) + "}", None),
        ('{"eventType": "answer", "x": ' + _deep(100_000, '{"a": ', "}") + "}", None),
        (
            '{"eventType": "answer", "machineDetectionResult": '
            + _deep(50_000, '{"a": ', "}")
            + "}",
            "application/json",
        ),
        ("eventType=initiate&sipHeaders=" + "%5B" * 100_000, None),
        (
            "eventType=answer&machineDetectionResult=" + "%7B%22a%22%3A" * 50_000,
            "application/x-www-form-urlencoded",
        ),
        ('{"eventType": "answer", "x": ' + _deep(100_000) + "}", "text/plain"),
    ],
)
def test_deeply_nested_bodies_are_parse_errors(body: str, content_type: Optional[str]) -> None:
    with pytest.raises(CallbackParseError, match=r"nested too deeply|not valid JSON|not a valid"):
        parse_callback(body, content_type)
    with pytest.raises(CallbackParseError):
        parse_callback(body.encode("utf-8"), content_type)


# -- body shapes ---------------------------------------------------------------------------


def test_json_as_bytes_text_dict_and_buffers_agree() -> None:
    payload = spec_example("gather", SPEC[11][2])
    text = json.dumps(payload)
    results = [
        parse_callback(text),
        parse_callback(text.encode("utf-8")),
        parse_callback(bytearray(text.encode("utf-8"))),
        parse_callback(memoryview(text.encode("utf-8"))),
        parse_callback(payload),
        parse_callback(b"\xef\xbb\xbf" + text.encode("utf-8")),
        parse_callback(text.encode("utf-16"), "application/json; charset=utf-16"),
        parse_callback("  \n" + text, "text/plain"),
    ]
    assert all(type(r) is GatherCallback for r in results)
    assert all(r.to_dict() == results[0].to_dict() for r in results)


def test_form_encoded_get_callbacks() -> None:
    payload = spec_example("disconnect", SPEC[9][2])
    query = urlencode(payload)
    from_json = parse_callback(payload)
    bodies: List[Tuple[Union[str, bytes], Optional[str]]] = [
        (query, None),
        ("?" + query, None),
        (query.encode("ascii"), "application/x-www-form-urlencoded"),
        (query.encode("ascii"), "application/x-www-form-urlencoded; charset=UTF-8"),
    ]
    for body, content_type in bodies:
        event = parse_callback(body, content_type)
        assert type(event) is DisconnectCallback
        assert event.to_dict() == from_json.to_dict()
    assert parse_callback(query).sip_response_code == 486  # type: ignore[attr-defined]


def test_form_values_empty_and_nested() -> None:
    event = parse_callback(
        "eventType=answer&answerTime=&enqueuedTime=&tag=&direction=outbound"
        "&machineDetectionResult%5Bvalue%5D=human&machineDetectionResult%5Bduration%5D=PT1S"
    )
    assert isinstance(event, AnswerCallback)
    assert event.answer_time is None and event.enqueued_time is None
    assert event.tag == ""
    assert event.direction is CallDirectionEnum.OUTBOUND
    assert event.machine_detection_result is not None
    assert event.machine_detection_result.to_dict() == {"value": "human", "duration": "PT1S"}
    dotted = parse_callback("eventType=initiate&stirShaken.verstat=TN-Validation-Passed&x.y=1")
    assert isinstance(dotted, InitiateCallback)
    assert dotted.stir_shaken is not None
    assert dotted.stir_shaken.verstat == "TN-Validation-Passed"
    assert dotted.additional_properties == {"x": {"y": "1"}}
    encoded = parse_callback(
        urlencode(
            {
                "eventType": "machineDetectionComplete",
                "machineDetectionResult": '{"value": "silence"}',
            }
        )
    )
    assert isinstance(encoded, MachineDetectionCompleteCallback)
    assert encoded.machine_detection_result is not None
    assert encoded.machine_detection_result.value == "silence"
    gather = parse_callback("eventType=gather&digits=&terminatingDigit=%23")
    assert isinstance(gather, GatherCallback)
    assert (gather.digits, gather.terminating_digit) == ("", "#")
    latin = parse_callback(b"eventType=gather&tag=caf%E9", "application/x-www-form-urlencoded")
    assert latin.tag == "caf\ufffd"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"{not json", None, "callback body is not valid JSON"),
        (b"[1, 2]", "application/json", "callback body must be a JSON object"),
        (b"eventType=answer", "application/json", "callback body is not valid JSON"),
        (b"\xff\xfe{", None, "callback body is not valid text"),
        (b"{}", "application/json; charset=klingon", "callback body is not valid text"),
    ],
)
def test_bodies_that_are_not_callbacks(body: bytes, content_type: str, message: str) -> None:
    with pytest.raises(CallbackParseError, match=message):
        parse_callback(body, content_type)


def test_wrong_body_type() -> None:
    with pytest.raises(TypeError, match="body must be bytes, str or a dict, not int"):
        parse_callback(5)  # type: ignore[arg-type]


def test_expects_bxml_follows_the_reference() -> None:
    sync = {
        InitiateCallback, AnswerCallback, RedirectCallback, GatherCallback,
        RecordingCompleteCallback, TransferAnswerCallback, TransferCompleteCallback,
        BridgeCompleteCallback, BridgeTargetCompleteCallback, ConferenceCreatedCallback,
        ConferenceRedirectCallback, ConferenceMemberJoinCallback,
        ConferenceMemberExitCallback, ReferCompleteCallback,
    }  # fmt: skip
    models = {callback_model_for(event_type) for event_type in callbacks.parse._EVENTS}
    assert len(models) == 29  # 21 spec schemas, referComplete, 7 stream events
    for model in models:
        assert model.expects_bxml is (model in sync), model.__name__


def test_callback_model_for() -> None:
    assert callback_model_for("answer") is AnswerCallback
    assert callback_model_for("recordComplete") is RecordingCompleteCallback
    assert callback_model_for("nope") is UnknownCallback
    assert callback_model_for(None) is UnknownCallback


def test_exports_and_lazy_import() -> None:
    assert sorted(callbacks.__all__) == sorted(callbacks._MODULES)
    for name in callbacks.__all__:
        assert getattr(callbacks, name) is not None
    code = (
        "import sys, bandwidth.callbacks as c;"
        "print('bandwidth.callbacks.call' in sys.modules);"
        "c.parse_callback({'eventType': 'gather'});"
        "print('bandwidth.callbacks.call' in sys.modules, "
        "'bandwidth.callbacks.conference' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert out.split() == ["False", "True", "False"]

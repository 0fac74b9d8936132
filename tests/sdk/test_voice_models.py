"""The models of the conferences, recordings, real-time transcriptions and statistics
operations: official names, paths, fields, wire names and enum values; the spec's
examples; tolerant decoding; and the request models' checks.

The facts below are read from the official ``bandwidth-sdk`` 23.3.1 (its
``bandwidth/models`` modules: each model's Python field names and wire names
in declaration order, required fields, defaults, enum members) and from
``spec/bandwidth.yml`` (the examples, the constraints).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Dict, List, Type

import pytest
from pydantic import ValidationError

import bandwidth
import bandwidth.models
from bandwidth.exceptions import ApiException, RequestValidationError
from bandwidth.models import (
    AccountStatistics,
    CallbackMethodEnum,
    CallDirectionEnum,
    CallRecordingMetadata,
    CallTranscription,
    CallTranscriptionDetectedLanguageEnum,
    CallTranscriptionMetadata,
    CallTranscriptionResponse,
    CallTranscriptionTrackEnum,
    Conference,
    ConferenceMember,
    ConferenceRecordingMetadata,
    ConferenceStateEnum,
    FileFormatEnum,
    RecordingStateEnum,
    RecordingTranscriptionClip,
    RecordingTranscriptionMetadata,
    RecordingTranscriptions,
    RedirectMethodEnum,
    TranscribeRecording,
    Transcription,
    UpdateCallRecording,
    UpdateConference,
    UpdateConferenceMember,
)
from bandwidth.models._base import RequestModel, ResponseModel

# -- facts from the official SDK ---------------------------------------------------------

#: official model -> "python_name:wireName ..." in the official declaration order
OFFICIAL: Dict[str, str] = {
    "UpdateConference": (
        "status:status redirect_url:redirectUrl redirect_method:redirectMethod "
        "username:username password:password redirect_fallback_url:redirectFallbackUrl "
        "redirect_fallback_method:redirectFallbackMethod fallback_username:fallbackUsername "
        "fallback_password:fallbackPassword"
    ),
    "UpdateConferenceMember": "mute:mute hold:hold call_ids_to_coach:callIdsToCoach",
    "UpdateCallRecording": "state:state",
    "TranscribeRecording": (
        "callback_url:callbackUrl callback_method:callbackMethod username:username "
        "password:password tag:tag callback_timeout:callbackTimeout "
        "detect_language:detectLanguage"
    ),
    "Conference": (
        "id:id name:name created_time:createdTime completed_time:completedTime "
        "conference_event_url:conferenceEventUrl conference_event_method:conferenceEventMethod "
        "tag:tag active_members:activeMembers"
    ),
    "ConferenceMember": (
        "call_id:callId conference_id:conferenceId member_url:memberUrl mute:mute hold:hold "
        "call_ids_to_coach:callIdsToCoach"
    ),
    "ConferenceRecordingMetadata": (
        "account_id:accountId conference_id:conferenceId name:name recording_id:recordingId "
        "duration:duration channels:channels start_time:startTime end_time:endTime "
        "file_format:fileFormat status:status media_url:mediaUrl recording_name:recordingName"
    ),
    "CallRecordingMetadata": (
        "application_id:applicationId account_id:accountId call_id:callId "
        "parent_call_id:parentCallId recording_id:recordingId to:to var_from:from "
        "transfer_caller_id:transferCallerId transfer_to:transferTo duration:duration "
        "direction:direction channels:channels start_time:startTime end_time:endTime "
        "file_format:fileFormat status:status media_url:mediaUrl transcription:transcription "
        "recording_name:recordingName"
    ),
    "RecordingTranscriptionMetadata": "id:id status:status completed_time:completedTime url:url",
    "RecordingTranscriptions": "transcripts:transcripts clips:clips",
    "RecordingTranscriptionClip": (
        "speaker:speaker text:text confidence:confidence "
        "start_time_seconds:startTimeSeconds end_time_seconds:endTimeSeconds"
    ),
    "CallTranscriptionMetadata": (
        "transcription_id:transcriptionId transcription_name:transcriptionName "
        "transcription_url:transcriptionUrl"
    ),
    "CallTranscriptionResponse": (
        "account_id:accountId call_id:callId transcription_id:transcriptionId tracks:tracks"
    ),
    "CallTranscription": (
        "detected_language:detectedLanguage track:track transcript:transcript confidence:confidence"
    ),
    "AccountStatistics": (
        "current_call_queue_size:currentCallQueueSize max_call_queue_size:maxCallQueueSize"
    ),
}
#: official enum -> member name: value
OFFICIAL_ENUMS: Dict[str, Dict[str, str]] = {
    "ConferenceStateEnum": {"ACTIVE": "active", "COMPLETED": "completed"},
    "RecordingStateEnum": {"PAUSED": "paused", "RECORDING": "recording"},
    "CallTranscriptionDetectedLanguageEnum": {
        "EN_MINUS_US": "en-US",
        "ES_MINUS_US": "es-US",
        "FR_MINUS_FR": "fr-FR",
    },
    "CallTranscriptionTrackEnum": {"INBOUND": "inbound", "OUTBOUND": "outbound"},
}
#: every official name this file covers (``Transcription`` is the callbacks' class)
VOICE_NAMES = sorted([*OFFICIAL, *OFFICIAL_ENUMS])
REQUESTS = [
    "UpdateConference",
    "UpdateConferenceMember",
    "UpdateCallRecording",
    "TranscribeRecording",
]
RESPONSES = [name for name in OFFICIAL if name not in REQUESTS]
#: the official required fields (all others are optional)
REQUIRED = {"UpdateCallRecording": {"state"}}
#: the official non-None defaults
DEFAULTS: Dict[str, Dict[str, Any]] = {
    "UpdateConference": {
        "status": ConferenceStateEnum.ACTIVE,
        "redirect_method": RedirectMethodEnum.POST,
        "redirect_fallback_method": RedirectMethodEnum.POST,
    },
    "TranscribeRecording": {
        "callback_method": CallbackMethodEnum.POST,
        "callback_timeout": 15,
        "detect_language": False,
    },
    "Conference": {"conference_event_method": CallbackMethodEnum.POST},
}


def module_of(name: str) -> str:
    """The official module of a model: its name in snake case."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def fields_of(name: str) -> Dict[str, str]:
    return dict(pair.split(":") for pair in OFFICIAL[name].split())


def test_the_names_are_the_official_voice_operations_models() -> None:
    assert len(VOICE_NAMES) == 19
    assert len(REQUESTS) == 4 and len(RESPONSES) == 11


@pytest.mark.parametrize("name", VOICE_NAMES)
def test_every_official_import_path_gives_one_class(name: str) -> None:
    cls = getattr(importlib.import_module(f"bandwidth.models.{module_of(name)}"), name)
    assert getattr(bandwidth.models, name) is cls
    assert getattr(bandwidth, name) is cls
    assert name in bandwidth.__all__ and name in bandwidth.models.__all__
    assert bandwidth._EXPORTS[name] == "bandwidth.models"
    assert cls.__module__ == f"bandwidth.models.{module_of(name)}"
    assert (cls.__doc__ or "").strip()


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_field_names_and_wire_names_in_the_official_order(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    ours = {
        field: (info.serialization_alias or field)
        for field, info in cls.model_fields.items()
        if field != "additional_properties"
    }
    assert ours == fields_of(name)
    assert list(ours) == list(fields_of(name))
    for field, wire in fields_of(name).items():
        alias = cls.model_fields[field].validation_alias
        assert (alias if isinstance(alias, str) else field) == wire


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_kind_required_fields_and_defaults_match(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    assert issubclass(cls, RequestModel if name in REQUESTS else ResponseModel)
    required = {field for field, info in cls.model_fields.items() if info.is_required()}
    assert required == REQUIRED.get(name, set())
    defaults = {
        field: info.default
        for field, info in cls.model_fields.items()
        if not info.is_required() and info.default is not None and field in fields_of(name)
    }
    assert defaults == DEFAULTS.get(name, {})
    for field, value in defaults.items():
        assert type(value) is type(DEFAULTS[name][field])


@pytest.mark.parametrize("name", sorted(OFFICIAL_ENUMS))
def test_enum_members_and_values(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    assert {member.name: member.value for member in cls} == OFFICIAL_ENUMS[name]
    for member_name, value in OFFICIAL_ENUMS[name].items():
        member = cls[member_name]
        assert cls(value) is member and member == value and str(member) == value
        assert cls.from_json(json.dumps(value)) is member


def test_construction_the_official_way() -> None:
    # keywords by Python name (as the official unit tests build them), strings for enums
    conference = Conference(
        id="conf-1",
        created_time="2022-06-17T22:19:40.375Z",
        conference_event_method="GET",
        active_members=[ConferenceMember(call_id="c-1", mute=False, call_ids_to_coach=["c-2"])],
    )
    assert isinstance(conference.created_time, datetime)
    assert conference.conference_event_method is CallbackMethodEnum.GET
    assert conference.active_members is not None
    assert conference.active_members[0].call_ids_to_coach == ["c-2"]
    update = UpdateConference(status=ConferenceStateEnum.COMPLETED)
    assert update.status is ConferenceStateEnum.COMPLETED
    assert UpdateCallRecording(state="paused").state is RecordingStateEnum.PAUSED
    # wire names construct too, as with populate_by_name in the official models
    assert UpdateConference(redirectUrl="https://a.example/r").redirect_url == "https://a.example/r"
    # and additional_properties is a keyword, as officially
    stats = AccountStatistics(current_call_queue_size=1, additional_properties={"x": 1})
    assert stats.to_dict() == {"currentCallQueueSize": 1, "x": 1}


# -- lazy loading ------------------------------------------------------------------------


def _loaded(code: str) -> List[str]:
    script = (
        f"import sys, json; {code}; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('bandwidth'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout
    loaded: List[str] = json.loads(out)
    return loaded


def test_importing_the_packages_loads_none_of_these_models() -> None:
    loaded = _loaded("import bandwidth, bandwidth.models; dir(bandwidth); dir(bandwidth.models)")
    assert not {f"bandwidth.models.{module_of(name)}" for name in VOICE_NAMES} & set(loaded)


def test_a_model_loads_only_its_own_modules() -> None:
    loaded = _loaded("import bandwidth; bandwidth.Conference; bandwidth.UpdateConference")
    models = {m for m in loaded if m.startswith("bandwidth.models.") and "._" not in m}
    assert models == {
        "bandwidth.models.conference",
        "bandwidth.models.conference_member",
        "bandwidth.models.update_conference",
        # the enums of their fields, and those bandwidth.models._types declares
        "bandwidth.models.callback_method_enum",
        "bandwidth.models.conference_state_enum",
        "bandwidth.models.redirect_method_enum",
        "bandwidth.models.call_state_enum",
        "bandwidth.models.machine_detection_mode_enum",
    }
    assert not any(m.startswith(("bandwidth.callbacks", "bandwidth.api")) for m in loaded)


def test_only_recording_transcriptions_loads_a_callbacks_module() -> None:
    others = "; ".join(
        f"bandwidth.{name}" for name in VOICE_NAMES if name != "RecordingTranscriptions"
    )
    assert not any(
        m.startswith("bandwidth.callbacks") for m in _loaded(f"import bandwidth; {others}")
    )
    loaded = _loaded(
        "from bandwidth.models.recording_transcriptions import RecordingTranscriptions"
    )
    callbacks = {m for m in loaded if m.startswith("bandwidth.callbacks.")}
    assert "bandwidth.callbacks.recording" in callbacks
    assert not {"bandwidth.callbacks.call", "bandwidth.callbacks.conference"} & callbacks


# -- the spec's examples -----------------------------------------------------------------
# Documents copied from spec/bandwidth.yml: the schema-level examples, and for schemas
# without one, every property's `example` (what Prism answers with; see
# test_voice_models_prism.py for the same documents fetched from Prism itself).

CONFERENCE_ID = "conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9"
CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
RECORDING_ID = "r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833"
MEDIA_URL = (
    f"https://voice.bandwidth.com/api/v2/accounts/9900000/conferences/{CONFERENCE_ID}"
    f"/recordings/{RECORDING_ID}/media"
)

#: components/examples/listConferencesResponseExample
LIST_CONFERENCES: List[Dict[str, Any]] = [
    {
        "id": CONFERENCE_ID,
        "name": "my-conference-name",
        "createdTime": "2022-06-17T22:19:40.375Z",
        "completedTime": "2022-06-17T22:20:00.000Z",
        "conferenceEventUrl": "https://myServer.example/bandwidth/webhooks/conferenceEvent",
        "conferenceEventMethod": "POST",
        "tag": "my custom tag",
    }
]
#: conferenceMember's property examples
CONFERENCE_MEMBER: Dict[str, Any] = {
    "callId": CALL_ID,
    "conferenceId": CONFERENCE_ID,
    "memberUrl": f"https://voice.bandwidth.com/api/v2/accounts/9900000/conferences/"
    f"{CONFERENCE_ID}/members/{CALL_ID}",
    "mute": False,
    "hold": False,
    "callIdsToCoach": ["c-25ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"],
}
#: conference's property examples
CONFERENCE: Dict[str, Any] = {**LIST_CONFERENCES[0], "activeMembers": [CONFERENCE_MEMBER]}
#: conferenceRecordingMetadata's property examples
CONFERENCE_RECORDING: Dict[str, Any] = {
    "accountId": "9900000",
    "conferenceId": CONFERENCE_ID,
    "name": "my-conference-name",
    "recordingId": RECORDING_ID,
    "duration": "PT13.67S",
    "channels": 1,
    "startTime": "2022-06-17T22:19:40.375Z",
    "endTime": "2022-06-17T22:20:00.000Z",
    "fileFormat": "wav",
    "status": "completed",
    "mediaUrl": MEDIA_URL,
    "recordingName": "my-recording-name",
}
#: recordingTranscriptionMetadata's property examples
TRANSCRIPTION_METADATA: Dict[str, Any] = {
    "id": "t-387bd648-18f3-4823-9d16-746bca0003c9",
    "status": "completed",
    "completedTime": "2022-06-13T18:46:29.715Z",
    "url": f"https://voice.bandwidth.com/api/v2/accounts/9900000/calls/{CALL_ID}/recordings/"
    "r-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85/transcription",
}
#: callRecordingMetadata's property examples
CALL_RECORDING: Dict[str, Any] = {
    "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
    "accountId": "9900000",
    "callId": CALL_ID,
    "parentCallId": "c-95ac8d6e-1a31c52e-b38f-4198-93c1-51633ec68f8d",
    "recordingId": RECORDING_ID,
    "to": "+15555555555",
    "from": "+15555555555",
    "transferCallerId": "+15555555555",
    "transferTo": "+15555555555",
    "duration": "PT13.67S",
    "direction": "inbound",
    "channels": 1,
    "startTime": "2022-06-17T22:19:40.375Z",
    "endTime": "2022-06-17T22:20:00.000Z",
    "fileFormat": "wav",
    "status": "completed",
    "mediaUrl": MEDIA_URL,
    "transcription": TRANSCRIPTION_METADATA,
    "recordingName": "my-recording-name",
}
#: recordingTranscriptions' schema example
RECORDING_TRANSCRIPTIONS: Dict[str, Any] = {
    "transcripts": [
        {
            "speaker": 0,
            "text": "Hi, is Thursday at two still good for you? Perfect, talk soon.",
            "confidence": 0.96,
        },
        {
            "speaker": 1,
            "text": "Yes, that works great. See you then! Sounds good, bye!",
            "confidence": 0.97,
        },
    ],
    "clips": [
        {
            "speaker": 0,
            "text": "Hi, is Thursday at two still good for you?",
            "confidence": 0.97,
            "startTimeSeconds": 0.4,
            "endTimeSeconds": 3.1,
        },
        {
            "speaker": 1,
            "text": "Yes, that works great. See you then!",
            "confidence": 0.95,
            "startTimeSeconds": 3.8,
            "endTimeSeconds": 6.2,
        },
        {
            "speaker": 0,
            "text": "Perfect, talk soon.",
            "confidence": 0.94,
            "startTimeSeconds": 6.9,
            "endTimeSeconds": 8.1,
        },
        {
            "speaker": 1,
            "text": "Sounds good, bye!",
            "confidence": 0.98,
            "startTimeSeconds": 8.5,
            "endTimeSeconds": 9.7,
        },
    ],
}
#: callTranscriptionMetadataList's schema example
TRANSCRIPTION_LIST: List[Dict[str, Any]] = [
    {
        "transcriptionId": "t-3f758f24-c7a2fc78-7c91-401a-8b2e-e542f9c40d6b",
        "transcriptionName": "live_transcription",
        "transcriptionUrl": "https://voice.bandwidth.com/api/v2/accounts/9900000/calls/"
        "c-fef240ff-5cfc9091-8069-4863-a8c0-a4dcbbf1f1a4/transcriptions/"
        "t-3f758f24-c7a2fc78-7c91-401a-8b2e-e542f9c40d6b",
    }
]
#: callTranscriptionResponse's property examples (``tracks`` has its own)
CALL_TRANSCRIPTION: Dict[str, Any] = {
    "accountId": "9900000",
    "callId": CALL_ID,
    "transcriptionId": "t-3f758f24-c7a2fc78-7c91-401a-8b2e-e542f9c40d6b",
    "tracks": [
        {
            "detectedLanguage": "en-US",
            "track": "inbound",
            "transcript": "Hello World! This is an example.",
            "confidence": 0.9,
        }
    ],
}
#: accountStatistics' property examples
STATISTICS: Dict[str, Any] = {"currentCallQueueSize": 0, "maxCallQueueSize": 900}

#: response model -> a spec example document of it
EXAMPLES: Dict[str, Dict[str, Any]] = {
    "Conference": CONFERENCE,
    "ConferenceMember": CONFERENCE_MEMBER,
    "ConferenceRecordingMetadata": CONFERENCE_RECORDING,
    "CallRecordingMetadata": CALL_RECORDING,
    "RecordingTranscriptionMetadata": TRANSCRIPTION_METADATA,
    "RecordingTranscriptions": RECORDING_TRANSCRIPTIONS,
    "RecordingTranscriptionClip": RECORDING_TRANSCRIPTIONS["clips"][0],
    "CallTranscriptionMetadata": TRANSCRIPTION_LIST[0],
    "CallTranscriptionResponse": CALL_TRANSCRIPTION,
    "CallTranscription": CALL_TRANSCRIPTION["tracks"][0],
    "AccountStatistics": STATISTICS,
}


_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")


def same_document(ours: Any, theirs: Any) -> bool:
    """Equal JSON documents, where two date-times are equal when they are the same
    instant (``...:00Z`` and ``...:00.000Z``)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(same_document(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(same_document, ours, theirs))
    if isinstance(ours, str) and isinstance(theirs, str) and _TIMESTAMP.fullmatch(theirs):
        return _TIMESTAMP.fullmatch(ours) is not None and _instant(ours) == _instant(theirs)
    return type(ours) is type(theirs) and ours == theirs


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def test_same_document_compares_instants_only() -> None:
    assert same_document({"t": "2022-06-17T22:20:00Z"}, {"t": "2022-06-17T22:20:00.000Z"})
    assert not same_document({"t": "2022-06-17T22:20:01Z"}, {"t": "2022-06-17T22:20:00.000Z"})
    assert not same_document({"n": 1.0}, {"n": 1})
    assert not same_document([{"a": 1}], [{"a": 1, "b": 2}])


def test_every_response_model_has_an_example() -> None:
    assert sorted(EXAMPLES) == sorted(RESPONSES)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_the_spec_example_decodes_completely_and_round_trips(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    text = json.dumps(EXAMPLES[name])
    model = cls.from_json(text)
    assert model.additional_properties == {}  # every field of the example is modelled
    assert same_document(json.loads(model.to_json()), EXAMPLES[name])
    assert cls.from_dict(EXAMPLES[name]) == model
    assert cls.from_dict(model.to_dict()) == model
    for field in fields_of(name):
        assert getattr(model, field) is not None, field  # the example sets every field


def test_the_list_examples_decode() -> None:
    conferences = [Conference.from_dict(item) for item in LIST_CONFERENCES]
    assert conferences[0] is not None and conferences[0].active_members is None
    assert conferences[0].completed_time == datetime.fromisoformat("2022-06-17T22:20:00+00:00")
    transcriptions = [CallTranscriptionMetadata.from_dict(item) for item in TRANSCRIPTION_LIST]
    assert transcriptions[0] is not None
    assert transcriptions[0].transcription_name == "live_transcription"


def test_nested_objects_and_enums_decode_to_the_official_classes() -> None:
    conference = Conference.from_dict(CONFERENCE)
    assert conference is not None and conference.active_members is not None
    assert isinstance(conference.active_members[0], ConferenceMember)
    assert conference.conference_event_method is CallbackMethodEnum.POST
    recording = CallRecordingMetadata.from_dict(CALL_RECORDING)
    assert recording is not None
    assert isinstance(recording.transcription, RecordingTranscriptionMetadata)
    assert isinstance(recording.transcription.completed_time, datetime)
    assert recording.direction is CallDirectionEnum.INBOUND
    assert recording.file_format is FileFormatEnum.WAV
    assert recording.var_from == "+15555555555"
    conference_recording = ConferenceRecordingMetadata.from_dict(CONFERENCE_RECORDING)
    assert conference_recording is not None
    assert conference_recording.file_format is FileFormatEnum.WAV
    transcriptions = RecordingTranscriptions.from_dict(RECORDING_TRANSCRIPTIONS)
    assert transcriptions is not None and transcriptions.transcripts and transcriptions.clips
    # the one Transcription class, the same as the transcriptionAvailable callback's
    assert type(transcriptions.transcripts[0]) is Transcription is bandwidth.callbacks.Transcription
    assert isinstance(transcriptions.clips[0], RecordingTranscriptionClip)
    assert transcriptions.clips[0].end_time_seconds == 3.1
    response = CallTranscriptionResponse.from_dict(CALL_TRANSCRIPTION)
    assert response is not None and response.tracks is not None
    track = response.tracks[0]
    assert isinstance(track, CallTranscription)
    assert track.detected_language is CallTranscriptionDetectedLanguageEnum.EN_MINUS_US
    assert track.track is CallTranscriptionTrackEnum.INBOUND
    stats = AccountStatistics.from_dict(STATISTICS)
    assert stats is not None and (stats.current_call_queue_size, stats.max_call_queue_size) == (
        0,
        900,
    )


def test_numbers_keep_their_json_form() -> None:
    clip = RecordingTranscriptionClip.from_json('{"confidence": 1, "startTimeSeconds": 2}')
    assert clip is not None and clip.to_json() == '{"confidence":1,"startTimeSeconds":2}'


# -- tolerant decoding -------------------------------------------------------------------

#: response model -> (an enum-typed field's wire name, a value no enum of it has)
NEW_ENUM_VALUES = {
    "Conference": ("conferenceEventMethod", "PUT"),
    "ConferenceRecordingMetadata": ("fileFormat", "ogg"),
    "CallRecordingMetadata": ("direction", "sideways"),
    "CallTranscription": ("detectedLanguage", "de-DE"),
}


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_an_unknown_field_is_kept_and_sent_back(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    data = {**EXAMPLES[name], "brandNewField": {"nested": [1, None]}}
    model = cls.from_json(json.dumps(data))
    assert model.additional_properties == {"brandNewField": {"nested": [1, None]}}
    assert same_document(json.loads(model.to_json()), data)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_absent_and_null_fields_read_as_none(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    empty = cls.from_json("{}")
    nulls = cls.from_dict({wire: None for wire in fields_of(name).values()})
    for field in fields_of(name):
        assert getattr(empty, field) == DEFAULTS.get(name, {}).get(field), field
        assert getattr(nulls, field) is None, field
    assert empty.to_dict() == {}


@pytest.mark.parametrize("name", sorted(NEW_ENUM_VALUES))
def test_an_unknown_enum_value_stays_a_string(name: str) -> None:
    cls = getattr(bandwidth.models, name)
    wire, value = NEW_ENUM_VALUES[name]
    model = cls.from_dict({**EXAMPLES[name], wire: value})
    field = next(f for f, w in fields_of(name).items() if w == wire)
    assert getattr(model, field) == value and type(getattr(model, field)) is str
    assert json.loads(model.to_json())[wire] == value


def test_unknown_values_deep_inside_are_tolerated_too() -> None:
    response = CallTranscriptionResponse.from_dict(
        {"tracks": [{"track": "both", "detectedLanguage": "de-DE", "confidence": 1.5, "x": 1}]}
    )
    assert response is not None and response.tracks is not None
    track = response.tracks[0]
    assert (track.track, track.detected_language, track.confidence) == ("both", "de-DE", 1.5)
    assert track.additional_properties == {"x": 1}
    recording = CallRecordingMetadata.from_dict(
        {"transcription": {"status": "brand-new-status", "extra": True}}
    )
    assert recording is not None and recording.transcription is not None
    assert recording.transcription.status == "brand-new-status"
    assert recording.transcription.additional_properties == {"extra": True}
    clip = RecordingTranscriptionClip.from_dict({"confidence": -0.1})
    assert clip is not None and clip.confidence == -0.1


@pytest.mark.parametrize(
    ("cls", "data"),
    [
        (Conference, {"createdTime": "yesterday"}),
        (ConferenceMember, {"callIdsToCoach": "c-1"}),
        (AccountStatistics, {"currentCallQueueSize": "many"}),
        (CallTranscriptionResponse, {"tracks": {"track": "inbound"}}),
    ],
)
def test_a_body_of_the_wrong_shape_is_a_validation_error(
    cls: Type[ResponseModel], data: Dict[str, Any]
) -> None:
    # (the request path turns this into an ApiException; here, the model's own verdict)
    with pytest.raises(ValidationError):
        cls.from_dict(data)


# -- request models: what is sent --------------------------------------------------------


def test_only_the_fields_set_are_sent() -> None:
    assert UpdateConference(status="completed").to_json() == '{"status":"completed"}'
    assert UpdateConference().to_dict() == {}
    assert UpdateConferenceMember(mute=True).to_json() == '{"mute":true}'
    assert UpdateCallRecording(state="recording").to_json() == '{"state":"recording"}'
    assert TranscribeRecording().to_json() == "{}"
    request = TranscribeRecording(callback_url="https://a.example/t", callback_timeout=5.5)
    assert request.to_json() == '{"callbackUrl":"https://a.example/t","callbackTimeout":5.5}'
    # defaults are readable, as in the official models
    assert TranscribeRecording().callback_timeout == 15
    assert UpdateConference().redirect_method is RedirectMethodEnum.POST


def test_explicit_none_follows_the_spec_nullability() -> None:
    # nullable in the spec: sent as null, as the official to_dict() does
    assert UpdateConferenceMember(call_ids_to_coach=None).to_json() == '{"callIdsToCoach":null}'
    assert UpdateConference(redirect_method=None).to_json() == '{"redirectMethod":null}'
    assert TranscribeRecording(tag=None).to_json() == '{"tag":null}'
    # not nullable: None means "not set", never null on the wire
    assert UpdateConferenceMember(mute=None, hold=None).to_json() == "{}"
    assert TranscribeRecording(callback_url=None).to_json() == "{}"
    for model in (UpdateConferenceMember(mute=None), TranscribeRecording(callback_url=None)):
        model.check()


def test_additional_properties_are_sent() -> None:
    member = UpdateConferenceMember(mute=False, additional_properties={"newField": 1})
    assert json.loads(member.to_json()) == {"mute": False, "newField": 1}
    parsed = UpdateConferenceMember.from_dict({"hold": True, "newField": 2})
    assert parsed is not None and parsed.additional_properties == {"newField": 2}
    assert json.loads(parsed.to_json()) == {"hold": True, "newField": 2}


# -- request models: building checks only types (as the official SDK) -------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: UpdateCallRecording(),
        lambda: UpdateCallRecording(state=1),
        lambda: UpdateConferenceMember(mute="true"),
        lambda: UpdateConferenceMember(call_ids_to_coach="c-1"),
        lambda: UpdateConferenceMember(call_ids_to_coach=[1]),
        lambda: TranscribeRecording(callback_timeout="5"),
        lambda: TranscribeRecording(detect_language="yes"),
        lambda: UpdateConference(username=5),
    ],
)
def test_a_wrong_type_fails_at_once(build: Callable[[], RequestModel]) -> None:
    with pytest.raises(ValidationError):
        build()


def test_a_bad_value_builds_and_the_check_names_it() -> None:
    # as the official SDK, a value only the server judges (a format) builds
    model = UpdateConference(redirect_url="not a url")
    with pytest.raises(RequestValidationError) as caught:
        model.check()
    assert [e["loc"] for e in caught.value.errors()] == [("redirect_url",)]
    assert isinstance(caught.value, ApiException) and caught.value.status == 400


# -- request models: the checks (constraints and prose of spec/bandwidth.yml) ----------

URL = "https://myServer.example/bandwidth/webhooks/conferenceRedirect"
LONG = "x" * 1025


@pytest.mark.parametrize(
    ("build", "field"),
    [
        # enums
        (lambda: UpdateConference(status="ended"), "status"),
        (lambda: UpdateConference(redirect_url=URL, redirect_method="PUT"), "redirect_method"),
        (lambda: UpdateConference(redirect_fallback_method="put"), "redirect_fallback_method"),
        (lambda: UpdateCallRecording(state="pause"), "state"),
        (lambda: UpdateCallRecording(state="PAUSED"), "state"),
        (lambda: TranscribeRecording(callback_method="PUT"), "callback_method"),
        # format: uri (absolute http or https, as everywhere in this SDK)
        (lambda: UpdateConference(redirect_url="/relative"), "redirect_url"),
        (lambda: UpdateConference(redirect_fallback_url="https://"), "redirect_fallback_url"),
        (lambda: TranscribeRecording(callback_url="ftp://a.example/t"), "callback_url"),
        (lambda: TranscribeRecording(callback_url="https://a.example/a b"), "callback_url"),
        # maxLength 1024
        (lambda: UpdateConference(username=LONG), "username"),
        (lambda: UpdateConference(password=LONG), "password"),
        (lambda: UpdateConference(fallback_username=LONG), "fallback_username"),
        (lambda: UpdateConference(fallback_password=LONG), "fallback_password"),
        (lambda: TranscribeRecording(username=LONG), "username"),
        (lambda: TranscribeRecording(password=LONG), "password"),
        # callbackTimeout: minimum 1, maximum 25, a finite number
        (lambda: TranscribeRecording(callback_timeout=0.5), "callback_timeout"),
        (lambda: TranscribeRecording(callback_timeout=25.01), "callback_timeout"),
        (lambda: TranscribeRecording(callback_timeout=float("nan")), "callback_timeout"),
        (lambda: TranscribeRecording(callback_timeout=float("inf")), "callback_timeout"),
    ],
)
def test_each_value_rule(build: Callable[[], RequestModel], field: str) -> None:
    model = build()  # builds, as the official model would (or would fail only on type)
    with pytest.raises(RequestValidationError) as caught:
        model.check()
    assert [e["loc"] for e in caught.value.errors()] == [(field,)]


@pytest.mark.parametrize(
    "model",
    [
        UpdateConference(status="completed"),
        UpdateConference(status="active", redirect_url=URL),
        UpdateConference(redirect_url=URL, redirect_method="GET", username="u" * 1024),
        UpdateConference(
            status="active",
            redirect_url=URL,
            redirect_method="POST",
            username="mySecretUsername",
            password="mySecretPassword1!",
            redirect_fallback_url="https://myFallbackServer.example/bandwidth/conferenceRedirect",
            redirect_fallback_method="GET",
            fallback_username="mySecretUsername",
            fallback_password="mySecretPassword1!",
        ),
        UpdateConferenceMember(),
        UpdateConferenceMember(mute=True, hold=False, call_ids_to_coach=[]),
        UpdateCallRecording(state="paused"),
        UpdateCallRecording(state=RecordingStateEnum.RECORDING),
        TranscribeRecording(),
        TranscribeRecording(callback_timeout=1),
        TranscribeRecording(callback_timeout=25),
        TranscribeRecording(
            callback_url="http://myServer.example:8080/bandwidth/transcriptionAvailable?x=1",
            callback_method="GET",
            username="mySecretUsername",
            password="mySecretPassword1!",
            tag="exampleTag",
            callback_timeout=5.5,
            detect_language=True,
        ),
    ],
)
def test_valid_bodies_pass(model: RequestModel) -> None:
    model.check()


def test_update_conference_status_rules() -> None:
    completed = UpdateConference(status="completed", redirect_url=URL)
    with pytest.raises(
        RequestValidationError, match='redirectUrl is not allowed when status is "completed"'
    ):
        completed.check()
    fallback = UpdateConference(status="completed", redirect_fallback_url=URL)
    with pytest.raises(
        RequestValidationError,
        match='redirectFallbackUrl is not allowed when status is "completed"',
    ):
        fallback.check()
    with pytest.raises(
        RequestValidationError, match='redirectUrl is required when status is "active"'
    ):
        UpdateConference(status="active").check()
    with pytest.raises(RequestValidationError, match="redirectUrl is required"):
        UpdateConference(status=ConferenceStateEnum.ACTIVE, username="u").check()
    # the methods are tolerated with "completed" (the official SDK always sends them)
    UpdateConference(status="completed", redirect_method="GET", username="u").check()
    # without an explicit status, no rule between fields applies
    UpdateConference(username="u").check()
    # a rule between fields also runs on assignment-built models
    model = UpdateConference(status="completed")
    model.redirect_url = URL
    with pytest.raises(RequestValidationError, match="redirectUrl is not allowed"):
        model.check()


def test_every_problem_is_reported_at_once() -> None:
    model = UpdateConference(status="ended", username=LONG, redirect_url="x")
    with pytest.raises(RequestValidationError) as caught:
        model.check()
    assert sorted(e["loc"] for e in caught.value.errors()) == [
        ("redirect_url",),
        ("status",),
        ("username",),
    ]


def test_a_misspelled_keyword_is_named_with_a_suggestion() -> None:
    # the prose of updateConference says "state"; the field is "status"
    model = UpdateConference(state="completed")
    assert model.to_dict() == {}
    with pytest.raises(RequestValidationError, match="did you mean 'status'"):
        model.check()
    with pytest.raises(RequestValidationError, match="did you mean 'mute'"):
        UpdateConferenceMember(muted=True).check()
    with pytest.raises(RequestValidationError, match="did you mean 'callbackUrl'"):
        TranscribeRecording(callbackURL="https://a.example/t").check()


@pytest.mark.parametrize(
    ("cls", "data", "problems"),
    [
        (UpdateCallRecording, {}, [("state",)]),
        (UpdateCallRecording, {"state": "pause", "newKey": 1}, [("state",)]),
        (
            UpdateConferenceMember,
            {"mute": "yes", "callIdsToCoach": [1]},
            [("mute",), ("callIdsToCoach", 0)],
        ),
        (
            TranscribeRecording,
            {"callbackTimeout": 0, "callbackUrl": "x"},
            [("callbackUrl",), ("callbackTimeout",)],
        ),
        (UpdateConference, {"status": "completed", "redirectUrl": URL}, [()]),
    ],
)
def test_dict_bodies_are_checked_in_one_pass(
    cls: Type[RequestModel], data: Dict[str, Any], problems: List[Any]
) -> None:
    # missing fields, wrong types, bad values and rules between fields, together;
    # unknown keys go to additional_properties (and are sent), as officially
    with pytest.raises(RequestValidationError) as caught:
        cls.from_dict(data, check=True)
    assert [e["loc"] for e in caught.value.errors()] == problems


def test_secrets_never_appear_in_errors_or_repr() -> None:
    secret = "hunter2-" + "s" * 1020
    for model in (
        UpdateConference(password=secret, fallback_password=secret),
        TranscribeRecording(password=secret),
    ):
        with pytest.raises(RequestValidationError) as caught:
            model.check()
        assert "hunter2" not in str(caught.value)
        assert "hunter2" not in repr(model) and "hunter2" not in model.to_str()


# -- the docs' examples run --------------------------------------------------------------


def _docs_examples() -> Dict[str, str]:
    path = Path(__file__).resolve().parents[2] / "docs" / "generate.py"
    spec = importlib.util.spec_from_file_location("docs_generate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    examples: Dict[str, str] = module.EXAMPLES
    return {name: code for name, code in examples.items() if name in VOICE_NAMES}


def test_the_generated_pages_cover_every_model() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    for name in VOICE_NAMES:
        page = (docs / f"{name}.md").read_text(encoding="utf-8")
        assert page.startswith(f"# {name}\n")
        assert f"`from bandwidth.models.{module_of(name)} import {name}`" in page


@pytest.mark.parametrize("name", sorted(_docs_examples()))
def test_the_docs_examples_run(name: str) -> None:
    exec(compile(_docs_examples()[name], f"docs/{name}.md", "exec"), {})


def test_the_compatibility_page_lists_every_name_with_its_module() -> None:
    page = (Path(__file__).resolve().parents[2] / "docs" / "compatibility.md").read_text()
    section = page.split("## Models and callbacks", 1)[1].split("\n## ", 1)[0]
    for name in VOICE_NAMES:
        module = f"`bandwidth.models.{module_of(name)}`"
        assert f"| [`{name}`]({name}.md) |" in section, name
        assert f"| {module} | same paths; defined in {module} |" in section, name
    assert "58 names" in section

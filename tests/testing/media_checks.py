"""Checks for the media events: each payload against its callback model and the spec's schema.

``assert_event_matches_spec`` validates one delivered webhook: every field is one the
event's schema in ``spec/bandwidth.yml`` has, with its type (for the events
the spec has), and the payload parses into the ``bandwidth.callbacks`` model
of its event with nothing left over, nested objects included.
"""

from __future__ import annotations

from typing import Any, Dict, Type

from bandwidth.callbacks import (
    Callback,
    ConferenceCompletedCallback,
    ConferenceCreatedCallback,
    ConferenceMemberExitCallback,
    ConferenceMemberJoinCallback,
    ConferenceRecordingAvailableCallback,
    ConferenceRedirectCallback,
    DtmfCallback,
    MediaStreamRejectedCallback,
    MediaStreamStartedCallback,
    MediaStreamStoppedCallback,
    RealTimeTranscriptionAvailableCallback,
    RealTimeTranscriptionRejectedCallback,
    RealTimeTranscriptionStartedCallback,
    RealTimeTranscriptionStoppedCallback,
    RecordingAvailableCallback,
    RecordingCompleteCallback,
    TranscriptionAvailableCallback,
    parse_callback,
)
from bandwidth.models._base import ResponseModel
from bandwidth.testing import Webhook
from tests.support.flows import _resolve, _schemas, assert_matches_spec

MODELS: Dict[str, Type[Callback]] = {
    "dtmf": DtmfCallback,
    "recordComplete": RecordingCompleteCallback,
    "recordingAvailable": RecordingAvailableCallback,
    "transcriptionAvailable": TranscriptionAvailableCallback,
    "conferenceCreated": ConferenceCreatedCallback,
    "conferenceMemberJoin": ConferenceMemberJoinCallback,
    "conferenceMemberExit": ConferenceMemberExitCallback,
    "conferenceRedirect": ConferenceRedirectCallback,
    "conferenceCompleted": ConferenceCompletedCallback,
    "conferenceRecordingAvailable": ConferenceRecordingAvailableCallback,
    "mediaStreamStarted": MediaStreamStartedCallback,
    "mediaStreamRejected": MediaStreamRejectedCallback,
    "mediaStreamStopped": MediaStreamStoppedCallback,
    "realTimeTranscriptionStarted": RealTimeTranscriptionStartedCallback,
    "realTimeTranscriptionRejected": RealTimeTranscriptionRejectedCallback,
    "realTimeTranscriptionStopped": RealTimeTranscriptionStoppedCallback,
    "realTimeTranscriptionAvailable": RealTimeTranscriptionAvailableCallback,
}

#: The docs call it recordComplete (what the platform sends); the spec's schema is
#: recordingCompleteCallback.
SPEC_NAME = {"recordComplete": "recordingComplete"}
#: Documented only in the callbacks reference, not in the spec file.
NOT_IN_SPEC = {name for name in MODELS if name.startswith(("mediaStream", "realTimeTranscription"))}


def _leftovers(model: Any, where: str) -> None:
    if isinstance(model, list):
        for index, item in enumerate(model):
            _leftovers(item, f"{where}[{index}]")
        return
    if not isinstance(model, ResponseModel):
        return
    extra = getattr(model, "additional_properties", None) or {}
    assert not extra, f"{where}: fields the model does not know: {sorted(extra)}"
    for name in type(model).model_fields:
        if name != "additional_properties":
            _leftovers(getattr(model, name), f"{where}.{name}")


def assert_event_matches_spec(hook: Webhook) -> Callback:
    """Check one webhook's payload; returns the parsed model."""
    data = hook.payload
    event_type = data["eventType"]
    assert event_type == hook.event_type
    if event_type not in NOT_IN_SPEC:
        spec_name = SPEC_NAME.get(event_type, event_type)
        assert_matches_spec({**data, "eventType": spec_name})
        if "transcription" in data:
            allowed = _resolve(_schemas()["transcription"])["properties"]
            assert set(data["transcription"]) <= set(allowed), data["transcription"]
    event = parse_callback(data)
    assert type(event) is MODELS[event_type], (event_type, type(event))
    _leftovers(event, event_type)
    return event

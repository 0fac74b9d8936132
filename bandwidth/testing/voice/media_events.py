"""The payloads of the media events: one table per event, of the fields it carries.

:data:`EVENT_FIELDS` lists, for each event the conference, recording,
background-gather, stream and transcription verbs make, the fields Bandwidth
sends with it, in order (from ``spec/bandwidth.yml``'s callback schemas and,
for the events the spec lacks, the tables of the callbacks reference).
:func:`payload` picks them from the values the event's sources offer
(:func:`call_values`, :func:`recording_values`, :func:`conference_values`,
...): a field in :data:`LEFT_OUT_WHEN_NONE` without a value is left out, as
the platform leaves out ``tag`` and the transfer fields when they do not
apply; every other field is sent, ``null`` when unset.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Mapping, Tuple

from bandwidth.testing.core.clock import format_duration, format_time
from bandwidth.testing.voice.calls import SimulatedCall
from bandwidth.testing.voice.conferences import SimulatedConference
from bandwidth.testing.voice.recordings import SimulatedRecording

__all__ = [
    "EVENT_FIELDS",
    "LEFT_OUT_WHEN_NONE",
    "call_values",
    "conference_values",
    "member_values",
    "payload",
    "recording_values",
]

#: The call base set of the callbacks reference.
CALL_BASE = (
    "eventType",
    "eventTime",
    "accountId",
    "applicationId",
    "from",
    "to",
    "direction",
    "callId",
    "callUrl",
    "enqueuedTime",
    "startTime",
    "answerTime",
    "tag",
)
#: Events sent once a recording is processed carry the call base set without ``answerTime``.
PROCESSED_BASE = tuple(name for name in CALL_BASE if name != "answerTime")
#: On the B-leg of a ``<Transfer>`` (left out otherwise).
TRANSFER_LEG = ("parentCallId", "transferCallerId", "transferTo")
RECORDING_FILE = ("recordingId", "mediaUrl", "endTime", "duration", "fileFormat")
#: The conference base set: what every conference event carries.
CONFERENCE_BASE = ("eventType", "eventTime", "conferenceId", "name", "tag")
MEMBER = ("from", "to", "callId")

EVENT_FIELDS: Dict[str, Tuple[str, ...]] = {
    # <StartGather>
    "dtmf": (*CALL_BASE, "digit", *TRANSFER_LEG),
    # <Record>, <StartRecording>
    "recordComplete": (*CALL_BASE, *RECORDING_FILE, "channels", *TRANSFER_LEG),
    "recordingAvailable": (*PROCESSED_BASE, *RECORDING_FILE, "channels", "status", *TRANSFER_LEG),
    "transcriptionAvailable": (*PROCESSED_BASE, *RECORDING_FILE, "transcription", *TRANSFER_LEG),
    # <Conference>
    "conferenceCreated": CONFERENCE_BASE,
    "conferenceMemberJoin": (*CONFERENCE_BASE, *MEMBER),
    "conferenceMemberExit": (*CONFERENCE_BASE, *MEMBER),
    "conferenceRedirect": CONFERENCE_BASE,
    "conferenceCompleted": CONFERENCE_BASE,
    "conferenceRecordingAvailable": (
        *CONFERENCE_BASE,
        "accountId",
        "recordingId",
        "channels",
        "startTime",
        "endTime",
        "duration",
        "fileFormat",
        "mediaUrl",
        "status",
    ),
    # <StartStream>, <StopStream> (the callbacks reference; not in the spec file)
    "mediaStreamStarted": (*CALL_BASE, "mediaStream"),
    "mediaStreamRejected": (
        *CALL_BASE,
        "mediaStream",
        "cause",
        "errorMessage",
        "originalMediaStream",
    ),
    "mediaStreamStopped": (*CALL_BASE, "mediaStream", "cause", "errorMessage"),
    # <StartTranscription>, <StopTranscription> (likewise)
    "realTimeTranscriptionStarted": (*CALL_BASE, "realTimeTranscription"),
    "realTimeTranscriptionRejected": (
        *CALL_BASE,
        "realTimeTranscription",
        "cause",
        "errorMessage",
        "originalTranscription",
    ),
    "realTimeTranscriptionStopped": (*CALL_BASE, "realTimeTranscription", "cause", "errorMessage"),
    "realTimeTranscriptionAvailable": (*CALL_BASE, "realTimeTranscription"),
}

#: Fields left out while they have no value (the others are sent, ``null`` when unset).
LEFT_OUT_WHEN_NONE = frozenset(
    {
        "tag",
        "enqueuedTime",
        "parentCallId",
        "transferCallerId",
        "transferTo",
        "errorMessage",
        "originalMediaStream",
        "originalTranscription",
    }
)


def payload(event_type: str, values: Mapping[str, Any]) -> Dict[str, Any]:
    """The payload of ``event_type``: its table's fields, taken from ``values``."""
    data: Dict[str, Any] = {}
    for name in EVENT_FIELDS[event_type]:
        value = values.get(name)
        if value is None and name in LEFT_OUT_WHEN_NONE:
            continue
        data[name] = value
    data["eventType"] = event_type
    return data


def call_values(
    call: SimulatedCall, event_type: str, when: datetime, call_url: str
) -> Dict[str, Any]:
    """The call's fields as they are at ``when`` (the call base set, and its transfer leg)."""
    values = call.callback_payload(event_type, when, call_url)
    values["parentCallId"] = call.parent_call_id
    return values


def recording_values(rec: SimulatedRecording, account_url: str) -> Dict[str, Any]:
    """A recording's fields; ``startTime`` is the recording's start, as the docs say."""
    return {
        "recordingId": rec.recording_id,
        "mediaUrl": rec.media_url(account_url),
        "startTime": format_time(rec.start_time),
        "endTime": format_time(rec.end_time or rec.start_time),
        "duration": format_duration(rec.seconds),
        "fileFormat": rec.file_format,
        "channels": rec.channels,
        "status": rec.status,
        "accountId": rec.account_id,
        "transferCallerId": rec.transfer_caller_id,
        "transferTo": rec.transfer_to,
    }


def conference_values(conf: SimulatedConference, event_type: str, when: datetime) -> Dict[str, Any]:
    """The conference base set: its id and name, and the creator's tag."""
    return {
        "eventType": event_type,
        "eventTime": format_time(when),
        "conferenceId": conf.conference_id,
        "name": conf.name,
        "tag": conf.tag,
    }


def member_values(call: SimulatedCall) -> Dict[str, Any]:
    """A member's fields: its call's ``from``, ``to`` and id."""
    return {"from": call.from_, "to": call.to, "callId": call.call_id}

"""The payloads of every webhook the simulator sends: one table, of the fields each carries.

:data:`EVENT_FIELDS` lists, for each event (a call's own: ``answer``,
``gather``, ``disconnect``, the transfer, bridge and refer events; and the
conference, recording, background-gather, stream and transcription events),
the fields Bandwidth sends with it, in order (from ``spec/bandwidth.yml``'s
callback schemas and, for the events the spec lacks, the tables of the
callbacks reference). :func:`payload` picks them from the values the event's
sources offer (:func:`call_values`, :func:`recording_values`,
:func:`conference_values`, ...). A field written with a trailing ``?`` is
left out while it has no value, as the platform leaves out ``tag`` and the
transfer fields when they do not apply; every other field is sent, ``null``
when unset.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Mapping, Tuple

from bandwidth.testing._core.clock import format_duration, format_time
from bandwidth.testing._voice.calls import SimulatedCall
from bandwidth.testing._voice.conferences import SimulatedConference
from bandwidth.testing._voice.recordings import SimulatedRecording

__all__ = [
    "EVENT_FIELDS",
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
    "enqueuedTime?",
    "startTime",
    "answerTime",
    "tag?",
)
#: ``initiate`` (an inbound call arriving) has no ``enqueuedTime``, ``answerTime`` or ``tag``.
INITIATE_BASE = tuple(n for n in CALL_BASE if n not in ("enqueuedTime?", "answerTime", "tag?"))
#: Events sent once a recording is processed carry the call base set without ``answerTime``.
PROCESSED_BASE = tuple(name for name in CALL_BASE if name != "answerTime")
#: On the B-leg of a ``<Transfer>`` (left out otherwise).
TRANSFER_LEG = ("parentCallId?", "transferCallerId?", "transferTo?")
#: How a call or a leg ended.
ENDED = ("endTime", "cause", "errorMessage", "errorId")
RECORDING_FILE = ("recordingId", "mediaUrl", "endTime", "duration", "fileFormat")
#: The conference base set: what every conference event carries.
CONFERENCE_BASE = ("eventType", "eventTime", "conferenceId", "name", "tag?")
MEMBER = ("from", "to", "callId")

_TABLE: Dict[str, Tuple[str, ...]] = {
    # a call's own events
    "initiate": (*INITIATE_BASE, *TRANSFER_LEG),
    "answer": (*CALL_BASE, "machineDetectionResult?", *TRANSFER_LEG),
    "machineDetectionComplete": (*CALL_BASE, "machineDetectionResult", *TRANSFER_LEG),
    "redirect": (*CALL_BASE, *TRANSFER_LEG),
    "gather": (*CALL_BASE, "digits", "terminatingDigit", *TRANSFER_LEG),
    "disconnect": (*CALL_BASE, *ENDED, "sipResponseCode?", *TRANSFER_LEG),
    # <Transfer>, <Bridge>, <Refer>
    "transferAnswer": (*CALL_BASE, *TRANSFER_LEG),
    "transferComplete": (*CALL_BASE, *TRANSFER_LEG, "cause", "errorMessage", "errorId"),
    "transferDisconnect": (*CALL_BASE, *ENDED, *TRANSFER_LEG),
    "bridgeComplete": (*CALL_BASE, "cause?", "errorMessage?", "errorId?", *TRANSFER_LEG),
    "bridgeTargetComplete": (*CALL_BASE, *TRANSFER_LEG),
    "referComplete": (
        *(name for name in CALL_BASE if name != "enqueuedTime?"),
        "referCallStatus",
        "referSipResponseCode",
        "notifySipResponseCode?",
        *TRANSFER_LEG,
    ),
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
        "errorMessage?",
        "originalMediaStream?",
    ),
    "mediaStreamStopped": (*CALL_BASE, "mediaStream", "cause", "errorMessage?"),
    # <StartTranscription>, <StopTranscription> (likewise)
    "realTimeTranscriptionStarted": (*CALL_BASE, "realTimeTranscription"),
    "realTimeTranscriptionRejected": (
        *CALL_BASE,
        "realTimeTranscription",
        "cause",
        "errorMessage?",
        "originalTranscription?",
    ),
    "realTimeTranscriptionStopped": (
        *CALL_BASE,
        "realTimeTranscription",
        "cause",
        "errorMessage?",
    ),
    "realTimeTranscriptionAvailable": (*CALL_BASE, "realTimeTranscription"),
}

#: Each event's fields in order, each with whether it is left out while it has no value.
EVENT_FIELDS: Dict[str, Tuple[Tuple[str, bool], ...]] = {
    event: tuple((name.rstrip("?"), name.endswith("?")) for name in names)
    for event, names in _TABLE.items()
}


def payload(event_type: str, values: Mapping[str, Any]) -> Dict[str, Any]:
    """The payload of ``event_type``: its table's fields, taken from ``values``."""
    data: Dict[str, Any] = {}
    for name, optional in EVENT_FIELDS[event_type]:
        value = values.get(name)
        if value is None and optional:
            continue
        data[name] = value
    data["eventType"] = event_type
    return data


def call_values(
    call: SimulatedCall, event_type: str, when: datetime, call_url: str, *, leg_parent: bool = True
) -> Dict[str, Any]:
    """The call's fields as they are at ``when``: the call base set, how it ended, and its
    transfer leg (a ``<Transfer>`` B-leg carries the A-leg's ``from`` and ``to``, and its own
    numbers as ``transferCallerId``/``transferTo``; no ``enqueuedTime``: the platform placed
    it). ``leg_parent``: ``parentCallId`` for any leg (the media events), not only a transfer's.
    """
    transfer = call.transfer_parties
    values: Dict[str, Any] = {
        "eventType": event_type,
        "eventTime": format_time(when),
        "accountId": call.account_id,
        "applicationId": call.application_id,
        "from": call.from_,
        "to": call.to,
        "direction": call.direction,
        "callId": call.call_id,
        "callUrl": call_url,
        "enqueuedTime": None,
        "startTime": format_time(call.start_time or when),
        "answerTime": _time(call.answer_time),
        "tag": call.tag,
        "parentCallId": call.parent_call_id if leg_parent or transfer else None,
    }
    if event_type == "disconnect":  # how it ended (the other events that say so pass it)
        values["endTime"] = format_time(call.end_time or when)
        values["cause"] = call.disconnect_cause
        values["errorMessage"] = call.error_message
        values["errorId"] = call.error_id
        values["sipResponseCode"] = call.sip_response_code
    if call.direction == "outbound" and transfer is None:
        values["enqueuedTime"] = format_time(call.enqueued_time)
    if transfer is not None:
        values["from"], values["to"] = transfer
        values["transferCallerId"] = call.from_
        values["transferTo"] = call.to
    return values


def _time(value: Any) -> Any:
    return None if value is None else format_time(value)


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

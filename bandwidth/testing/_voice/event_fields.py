"""The fields of every webhook the simulator sends: one table, and the payload it picks.

:data:`EVENT_FIELDS` lists, for each event (a call's own: ``answer``,
``gather``, ``disconnect``, the transfer, bridge and refer events; and the
conference, recording, background-gather, stream and transcription events),
the fields Bandwidth sends with it, in order (from ``spec/bandwidth.yml``'s
callback schemas and, for the events the spec lacks, the tables of the
callbacks reference). :func:`payload` picks them from the values an event's
sources offer (a call's :meth:`~bandwidth.testing.SimulatedCall.event_values`,
and :mod:`~bandwidth.testing._voice.event_payloads` for recordings and
conferences). A field written with a trailing ``?`` is left out while it has
no value, as the platform leaves out ``tag`` and the transfer fields when
they do not apply; every other field is sent, ``null`` when unset.

Imports nothing of the simulator, so every room may read it.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Tuple

__all__ = ["EVENT_FIELDS", "payload"]

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

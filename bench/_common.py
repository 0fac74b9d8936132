"""Data shared by the bench server and the workers (stdlib only, Python >= 3.9).

The server serves these exact bodies; the workers check what they decoded
against them, so every client is seen to have done the same, correct work.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, List

ACCOUNT = "9900000"
CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
APPLICATION_ID = "04e88489-df02-4e34-a0ee-27a91849555f"
USERNAME = "bench-user"
PASSWORD = "bench-password"
BASIC_AUTH = "Basic " + base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode()
BXML = "<Bxml/>"

#: The body every client sends to create_call (raw urllib3 sends it as this
#: dict; the SDKs build the same thing with ``CreateCall(...)``).
CREATE_CALL_BODY: Dict[str, Any] = {
    "to": "+19195551234",
    "from": "+19195554321",
    "applicationId": APPLICATION_ID,
    "answerUrl": "https://myServer.example/bandwidth/webhooks/answer",
    "answerMethod": "POST",
    "disconnectUrl": "https://myServer.example/bandwidth/webhooks/disconnect",
    "callTimeout": 30,
    "callbackTimeout": 15,
    "tag": "bench",
}
CREATE_CALL_REQUIRED = ("to", "from", "applicationId", "answerUrl")

CREATE_CALL_RESPONSE: Dict[str, Any] = {
    "applicationId": APPLICATION_ID,
    "accountId": ACCOUNT,
    "callId": CALL_ID,
    "to": "+19195551234",
    "from": "+19195554321",
    "enqueuedTime": "2022-06-16T13:15:07.160Z",
    "callUrl": f"https://voice.bandwidth.com/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}",
    "callTimeout": 30.0,
    "callbackTimeout": 15.0,
    "tag": "bench",
    "answerMethod": "POST",
    "answerUrl": "https://myServer.example/bandwidth/webhooks/answer",
    "answerFallbackMethod": "POST",
    "disconnectMethod": "POST",
    "disconnectUrl": "https://myServer.example/bandwidth/webhooks/disconnect",
    "priority": 5,
}

_EPOCH = datetime(2024, 3, 11, 13, 15, 7, 160000, tzinfo=timezone.utc)
_CAUSES = ("hangup", "hangup", "hangup", "busy", "timeout", "cancel", "rejected", "error")


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def page_call_id(index: int) -> str:
    """The ``callId`` of item ``index`` of a ``list_calls`` page."""
    return f"c-{index:08x}-1331029c-2cb0-4a07-b215-b22865662d85"


def call_state(index: int) -> Dict[str, Any]:
    """A realistic ``callState`` (every field of the spec; nulls where a real one has them)."""
    start = _EPOCH + timedelta(seconds=37 * index, milliseconds=index % 997)
    cause = _CAUSES[index % len(_CAUSES)]
    answered = cause == "hangup"
    inbound = index % 3 == 0
    end = start + timedelta(seconds=(index % 600) + (20 if answered else 8), milliseconds=188)
    return {
        "applicationId": APPLICATION_ID,
        "accountId": ACCOUNT,
        "callId": page_call_id(index),
        "parentCallId": page_call_id(index - 1) if index % 10 == 9 else None,
        "to": f"+1919555{index % 10000:04d}",
        "from": f"+1984555{(index * 7) % 10000:04d}",
        "direction": "inbound" if inbound else "outbound",
        "state": "disconnected",
        "stirShaken": (
            {"verstat": "TN-Validation-Passed", "attestationIndicator": "A", "originatingId": "abc"}
            if inbound
            else None
        ),
        "identity": (
            "eyJhbGciOiJFUzI1NiIsInBwdCI6InNoYWtlbiIsInR5cCI6InBhc3Nwb3J0In0.e30.sig;"
            "info=<https://cert.example/x.pem>;alg=ES256;ppt=shaken"
            if inbound
            else None
        ),
        "enqueuedTime": None if inbound else _iso(start - timedelta(milliseconds=412)),
        "startTime": _iso(start),
        "answerTime": _iso(start + timedelta(seconds=11, milliseconds=966)) if answered else None,
        "endTime": _iso(end),
        "disconnectCause": cause,
        "errorMessage": "Unknown error" if cause == "error" else None,
        "errorId": "4642074b-7b58-478b-96e4-3a60955c6765" if cause == "error" else None,
        "lastUpdate": _iso(end),
    }


def call_states(count: int) -> List[Dict[str, Any]]:
    return [call_state(i) for i in range(count)]


#: ``get_call_state`` answers with this one.
CALL_STATE: Dict[str, Any] = dict(call_state(0), callId=CALL_ID)

PAGE_SIZES = (1000, 10000)

# -- one representative operation of each other API class -------------------------

CONFERENCE_ID = "conf-fe23a767-a75a5b77-20c5-4cca-b581-cbbf0776eca9"
RECORDING_ID = "r-fbe05094-9fd2afe9-bf5b-4c68-820a-41a01c1c5833"
TRANSCRIPTION_ID = "t-3f758f24-c7a2fc78-7c91-401a-8b2e-e542f9c40d6b"
_VOICE = f"https://voice.bandwidth.com/api/v2/accounts/{ACCOUNT}"


def _member(index: int) -> Dict[str, Any]:
    call_id = page_call_id(index)
    return {
        "callId": call_id,
        "conferenceId": CONFERENCE_ID,
        "memberUrl": f"{_VOICE}/conferences/{CONFERENCE_ID}/members/{call_id}",
        "mute": index == 2,
        "hold": False,
        "callIdsToCoach": [page_call_id(0)] if index == 1 else None,
    }


#: ``ConferencesApi.get_conference`` answers with this one (three members).
CONFERENCE: Dict[str, Any] = {
    "id": CONFERENCE_ID,
    "name": "bench-conference",
    "createdTime": "2024-03-11T13:15:07.160Z",
    "completedTime": None,
    "conferenceEventUrl": "https://myServer.example/bandwidth/webhooks/conferenceEvent",
    "conferenceEventMethod": "POST",
    "tag": "bench",
    "activeMembers": [_member(i) for i in range(3)],
}
#: ``RecordingsApi.get_call_recording`` answers with this one.
CALL_RECORDING: Dict[str, Any] = {
    "applicationId": APPLICATION_ID,
    "accountId": ACCOUNT,
    "callId": CALL_ID,
    "parentCallId": None,
    "recordingId": RECORDING_ID,
    "to": "+19195551234",
    "from": "+19195554321",
    "transferCallerId": None,
    "transferTo": None,
    "duration": "PT13.67S",
    "direction": "outbound",
    "channels": 2,
    "startTime": "2024-03-11T13:15:07.160Z",
    "endTime": "2024-03-11T13:15:20.830Z",
    "fileFormat": "wav",
    "status": "complete",
    "mediaUrl": f"{_VOICE}/calls/{CALL_ID}/recordings/{RECORDING_ID}/media",
    "transcription": {
        "id": "t-387bd648-18f3-4823-9d16-746bca0003c9",
        "status": "completed",
        "completedTime": "2024-03-11T13:16:29.715Z",
        "url": f"{_VOICE}/calls/{CALL_ID}/recordings/{RECORDING_ID}/transcription",
    },
    "recordingName": "bench-recording",
}
#: ``TranscriptionsApi.get_real_time_transcription`` answers with this one.
CALL_TRANSCRIPTION: Dict[str, Any] = {
    "accountId": ACCOUNT,
    "callId": CALL_ID,
    "transcriptionId": TRANSCRIPTION_ID,
    "tracks": [
        {
            "detectedLanguage": "en-US",
            "track": "inbound",
            "transcript": "Hello, I would like to check the status of my order.",
            "confidence": 0.91,
        },
        {
            "detectedLanguage": "en-US",
            "track": "outbound",
            "transcript": "Sure, could you read me the order number please?",
            "confidence": 0.95,
        },
    ],
}
#: ``StatisticsApi.get_statistics`` answers with this one.
STATISTICS: Dict[str, Any] = {"currentCallQueueSize": 12, "maxCallQueueSize": 900}

#: The recording the download measure fetches: 100 MB (10**8 bytes).
MEDIA_BYTES = 100_000_000
#: One block of the media (the body repeats it; the last block is cut short).
MEDIA_BLOCK = bytes(range(256)) * 1024


def media_recording_id(size: int) -> str:
    """The recording id whose ``/media`` the bench server answers with ``size`` bytes."""
    return f"r-media-{size}"


# -- messaging ------------------------------------------------------------------

MESSAGING_APPLICATION_ID = "93de2206-9669-4e07-948d-329f4b722ee2"
MESSAGE_ID = "1589228074636lm4k2je7j7jklbn2"

#: The body every client sends to create_message (the SDKs build it with ``MessageRequest``).
CREATE_MESSAGE_BODY: Dict[str, Any] = {
    "applicationId": MESSAGING_APPLICATION_ID,
    "to": ["+19195551234"],
    "from": "+19195554321",
    "text": "Your code is 123456",
    "tag": "bench",
}
CREATE_MESSAGE_REQUIRED = ("applicationId", "to", "from")

MESSAGE_RESPONSE: Dict[str, Any] = {
    "id": MESSAGE_ID,
    "owner": "+19195554321",
    "applicationId": MESSAGING_APPLICATION_ID,
    "time": "2024-03-11T13:15:07.160Z",
    "segmentCount": 1,
    "direction": "out",
    "to": ["+19195551234"],
    "from": "+19195554321",
    "text": "Your code is 123456",
    "tag": "bench",
    "priority": "default",
}

#: Messages per ``list_messages`` page the bench serves (``limit``).
MESSAGES_PAGE = 100
_STATUSES = ("DELIVERED", "DELIVERED", "DELIVERED", "SENT", "FAILED", "RECEIVED")


def list_message_item(index: int) -> Dict[str, Any]:
    """One message of a ``list_messages`` page, as the API sends it (all fields)."""
    moment = _EPOCH + timedelta(seconds=37 * index)
    status = _STATUSES[index % len(_STATUSES)]
    return {
        "messageId": f"{1589228074636 + index}lm4k2je7j7jkl{index % 97:03d}",
        "accountId": ACCOUNT,
        "sourceTn": "+19195554321",
        "destinationTn": f"+1919555{index % 10000:04d}",
        "messageStatus": status,
        "messageDirection": "INBOUND" if status == "RECEIVED" else "OUTBOUND",
        "messageType": "sms" if index % 5 else "mms",
        "segmentCount": 1 + index % 3,
        "errorCode": 4720 if status == "FAILED" else 0,
        "receiveTime": _iso(moment),
        "carrierName": "other" if index % 5 else None,
        "messageSize": 27 + index % 50,
        "messageLength": 18 + index % 40,
        "attachmentCount": 0 if index % 5 else 1,
        "recipientCount": 1,
        "campaignClass": "T",
        "campaignId": "CJEUMDK",
        "bwLatency": 20 + index % 7,
        "carrierLatency": None,
        "callingNumberCountryA3": "USA",
        "calledNumberCountryA3": "USA",
        "product": "LOCAL_A2P",
        "location": "123ABC",
    }


def messages_list(count: int = MESSAGES_PAGE) -> Dict[str, Any]:
    """A ``list_messages`` page of ``count`` messages, with a next-page token."""
    base = (
        f"https://messaging.bandwidth.com/api/v2/users/{ACCOUNT}/messages?messageStatus=DELIVERED"
    )
    return {
        "totalCount": 1000,
        "pageInfo": {
            "prevPage": f"{base}&pageToken=GL83PD3C",
            "nextPage": f"{base}&pageToken=DLAPE902",
            "prevPageToken": "GL83PD3C",
            "nextPageToken": "DLAPE902",
        },
        "messages": [list_message_item(i) for i in range(count)],
    }

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

"""Answers of the Messaging, MFA, Lookup, Endpoints and TFV APIs, for the CLI's tests and docs.

Shaped after the spec's schemas (``spec/bandwidth.yml``); :func:`serve`
scripts a loopback server (pytest-httpserver) to give each at its path, and
:func:`point_at` names that server in the ``BW_*`` variables the CLI reads.
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, MutableMapping, Tuple

from pytest_httpserver import HTTPServer

ACCOUNT = "9900000"
USERNAME = "api-user"
PASSWORD = "api-pa55word"
MESSAGE_ID = "1589228074636lm4k2je7j7jklbn2"
CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
REQUEST_ID = "004223a0-8b17-41b1-bf81-20732adf5590"
ENDPOINT_ID = "e-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
TOLL_FREE = "+18005555555"
SUBSCRIPTION_ID = "7hICGStfAfeGxEq3N0lQwO"
#: Each product's base path on the loopback server: the real servers' paths.
PREFIXES: Dict[str, str] = {
    "BW_MESSAGING_HOST": "/api/v2",
    "BW_MFA_HOST": "/api/v1",
    "BW_LOOKUP_HOST": "/v2",
    "BW_TFV_HOST": "/api/v2",
    "BW_ENDPOINTS_HOST": "/v2",
}

MESSAGE: Dict[str, Any] = {
    "id": MESSAGE_ID,
    "owner": "+19195554321",
    "applicationId": "93de2206-9669-4e07-948d-329f4b722ee2",
    "time": "2024-06-21T19:13:21Z",
    "segmentCount": 1,
    "direction": "out",
    "to": ["+19195551234"],
    "from": "+19195554321",
    "text": "Your table is ready",
    "media": [],
    "tag": "table-12",
    "priority": "default",
}

MESSAGE_ITEM: Dict[str, Any] = {
    "messageId": MESSAGE_ID,
    "accountId": ACCOUNT,
    "sourceTn": "+19195554321",
    "destinationTn": "+19195551234",
    "messageStatus": "DELIVERED",
    "messageDirection": "OUTBOUND",
    "messageType": "sms",
    "segmentCount": 1,
    "errorCode": 0,
    "receiveTime": "2024-06-21T19:13:21Z",
    "carrierName": "other",
    "messageSize": 27,
    "messageLength": 19,
    "attachmentCount": 0,
    "recipientCount": 1,
    "campaignClass": None,
    "campaignId": None,
}


def messages_page(items: List[Dict[str, Any]], next_token: str = "") -> Dict[str, Any]:
    """A ``messagesList``: ``items``, and a next page token unless ``next_token`` is empty."""
    page_info: Dict[str, Any] = {}
    if next_token:
        page_info = {
            "nextPage": f"https://messaging.bandwidth.com/api/v2/users/{ACCOUNT}/messages"
            f"?pageToken={next_token}",
            "nextPageToken": next_token,
        }
    return {"totalCount": len(items), "pageInfo": page_info, "messages": items}


MEDIA_LIST: List[Dict[str, Any]] = [
    {
        "content": f"https://messaging.bandwidth.com/api/v2/users/{ACCOUNT}/media/logo.png",
        "contentLength": 20480,
        "mediaName": "logo.png",
    }
]

VOICE_CODE = {"callId": CALL_ID}
MESSAGING_CODE = {"messageId": MESSAGE_ID}
VERIFIED = {"valid": True}

LOOKUP_RESULT: Dict[str, Any] = {
    "phoneNumber": "+19195551234",
    "lineType": "MOBILE",
    "messagingProvider": "Verizon Wireless",
    "voiceProvider": "Verizon Wireless",
    "countryCodeA3": "USA",
}
SYNC_LOOKUP: Dict[str, Any] = {
    "links": [],
    "data": {"requestId": REQUEST_ID, "status": "COMPLETE", "results": [LOOKUP_RESULT]},
    "errors": [],
}
BULK_LOOKUP: Dict[str, Any] = {
    "links": [
        {
            "href": f"/accounts/{ACCOUNT}/phoneNumberLookup/bulk/{REQUEST_ID}",
            "rel": "createdRequest",
            "method": "GET",
        }
    ],
    "data": {"requestId": REQUEST_ID, "status": "IN_PROGRESS"},
    "errors": [],
}
BULK_STATUS: Dict[str, Any] = {
    "links": [],
    "data": {"requestId": REQUEST_ID, "status": "COMPLETE", "results": [LOOKUP_RESULT]},
    "errors": [],
}

ENDPOINT: Dict[str, Any] = {
    "endpointId": ENDPOINT_ID,
    "type": "WEBRTC",
    "status": "DISCONNECTED",
    "creationTimestamp": "2024-06-21T19:13:21Z",
    "expirationTimestamp": "2024-06-22T19:13:21Z",
    "tag": "front-desk",
}
#: An endpoint's token: a JWT the client connects with (the command is run to get it).
ENDPOINT_TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJlLTE1YWMyOWEyIn0.c2lnbmF0dXJl"
ENDPOINT_LINK = f"https://api.bandwidth.com/v2/accounts/{ACCOUNT}/endpoints/{ENDPOINT_ID}"
CREATED_ENDPOINT: Dict[str, Any] = {
    "links": [{"href": ENDPOINT_LINK, "rel": "self", "method": "GET"}],
    "data": {**ENDPOINT, "devices": [], "token": ENDPOINT_TOKEN},
    "errors": [],
}
ENDPOINT_ANSWER: Dict[str, Any] = {
    "links": [{"href": ENDPOINT_LINK, "rel": "self", "method": "GET"}],
    "data": {**ENDPOINT, "devices": []},
    "errors": [],
}


def endpoints_page(items: List[Dict[str, Any]], next_cursor: str = "") -> Dict[str, Any]:
    """A ``listEndpointsResponse``: ``items``, and a next link unless ``next_cursor`` is empty."""
    links: List[Dict[str, Any]] = []
    if next_cursor:
        href = (
            f"https://api.bandwidth.com/v2/accounts/{ACCOUNT}/endpoints?afterCursor={next_cursor}"
        )
        links.append({"href": href, "rel": "next", "method": "GET"})
    return {
        "links": links,
        "page": {"pageSize": len(items), "totalElements": len(items)},
        "data": items,
        "errors": [],
    }


TFV_STATUS: Dict[str, Any] = {
    "phoneNumber": TOLL_FREE,
    "status": "VERIFIED",
    "internalTicketNumber": "acde070d-8c4c-4f0d-9d8a-162843c10333",
    "declineReasonDescription": None,
    "resubmitAllowed": True,
    "createdDateTime": "2024-06-21T19:13:21Z",
    "modifiedDateTime": "2024-06-22T10:00:00Z",
}
USE_CASES = ["2FA", "App Notifications", "Appointments", "Customer Care"]
SUBSCRIPTION: Dict[str, Any] = {
    "id": SUBSCRIPTION_ID,
    "accountId": ACCOUNT,
    "callbackUrl": "https://myapp.example.com/tfv",
    "type": "TOLLFREE_VERIFICATION_STATUS",
    "basicAuthentication": {"username": "hooks", "password": "hook secret"},
    "createdDate": "2024-06-21T19:13:21Z",
    "modifiedDate": "2024-06-21T19:13:21Z",
}
SUBSCRIPTIONS: Dict[str, Any] = {"links": {}, "errors": [], "data": [SUBSCRIPTION]}

#: A whole ``verificationRequest``, the file ``tfv request --json`` sends.
VERIFICATION_REQUEST: Dict[str, Any] = {
    "businessAddress": {
        "name": "Example Dental",
        "addr1": "100 Main Street",
        "city": "Raleigh",
        "state": "NC",
        "zip": "27606",
        "url": "https://www.exampledental.com",
    },
    "businessContact": {
        "firstName": "Ada",
        "lastName": "Lovelace",
        "email": "ada@exampledental.com",
        "phoneNumber": "+19195551234",
    },
    "messageVolume": 1000,
    "phoneNumbers": [TOLL_FREE],
    "useCase": "Appointments",
    "useCaseSummary": "Appointment reminders for patients who asked for them.",
    "productionMessageContent": "Reminder: your appointment is tomorrow at 10am.",
    "optInWorkflow": {
        "description": "Patients opt in on the booking form.",
        "imageUrls": ["https://www.exampledental.com/opt-in.png"],
    },
    "privacyPolicyUrl": "https://www.exampledental.com/privacy",
    "termsAndConditionsUrl": "https://www.exampledental.com/terms",
    "businessEntityType": "PRIVATE_PROFIT",
}

#: (method, path under the server, status, answer) for every operation the docs run.
ROUTES: List[Tuple[str, str, int, Any]] = [
    ("POST", f"/api/v2/users/{ACCOUNT}/messages", 202, MESSAGE),
    ("GET", f"/api/v2/users/{ACCOUNT}/messages", 200, messages_page([MESSAGE_ITEM])),
    ("PUT", f"/api/v2/users/{ACCOUNT}/media/.+", 204, None),
    ("GET", f"/api/v2/users/{ACCOUNT}/media", 200, MEDIA_LIST),
    ("GET", f"/api/v2/users/{ACCOUNT}/media/.+", 200, b"\x89PNG\r\n\x1a\n" + bytes(100)),
    ("DELETE", f"/api/v2/users/{ACCOUNT}/media/.+", 204, None),
    ("POST", f"/api/v1/accounts/{ACCOUNT}/code/voice", 200, VOICE_CODE),
    ("POST", f"/api/v1/accounts/{ACCOUNT}/code/messaging", 200, MESSAGING_CODE),
    ("POST", f"/api/v1/accounts/{ACCOUNT}/code/verify", 200, VERIFIED),
    ("POST", f"/v2/accounts/{ACCOUNT}/phoneNumberLookup", 200, SYNC_LOOKUP),
    ("POST", f"/v2/accounts/{ACCOUNT}/phoneNumberLookup/bulk", 202, BULK_LOOKUP),
    ("GET", f"/v2/accounts/{ACCOUNT}/phoneNumberLookup/bulk/.+", 200, BULK_STATUS),
    ("POST", f"/v2/accounts/{ACCOUNT}/endpoints", 201, CREATED_ENDPOINT),
    ("GET", f"/v2/accounts/{ACCOUNT}/endpoints", 200, endpoints_page([ENDPOINT])),
    ("GET", f"/v2/accounts/{ACCOUNT}/endpoints/[^/]+", 200, ENDPOINT_ANSWER),
    ("DELETE", f"/v2/accounts/{ACCOUNT}/endpoints/[^/]+", 204, None),
    ("PUT", f"/v2/accounts/{ACCOUNT}/endpoints/[^/]+/bxml", 204, None),
    ("POST", f"/api/v2/accounts/{ACCOUNT}/tollFreeVerification", 202, None),
    ("GET", "/api/v2/tollFreeVerification/useCases", 200, USE_CASES),
    ("GET", f"/api/v2/accounts/{ACCOUNT}/phoneNumbers/[^/]+/tollFreeVerification", 200, TFV_STATUS),
    ("PUT", f"/api/v2/accounts/{ACCOUNT}/phoneNumbers/[^/]+/tollFreeVerification", 202, None),
    ("DELETE", f"/api/v2/accounts/{ACCOUNT}/phoneNumbers/[^/]+/tollFreeVerification", 204, None),
    ("GET", f"/api/v2/accounts/{ACCOUNT}/tollFreeVerification/webhooks/subscriptions", 200,
     SUBSCRIPTIONS),
    ("POST", f"/api/v2/accounts/{ACCOUNT}/tollFreeVerification/webhooks/subscriptions", 201,
     SUBSCRIPTION),
    ("PUT", f"/api/v2/accounts/{ACCOUNT}/tollFreeVerification/webhooks/subscriptions/[^/]+",
     200, SUBSCRIPTION),
    ("DELETE", f"/api/v2/accounts/{ACCOUNT}/tollFreeVerification/webhooks/subscriptions/[^/]+",
     204, None),
]  # fmt: skip


def respond(server: HTTPServer, method: str, path: str, status: int, answer: Any) -> None:
    """Answer ``method`` on ``path`` (a regular expression) with ``answer`` (JSON, bytes, none)."""
    handler = server.expect_request(re.compile(path + "$"), method=method)
    if isinstance(answer, bytes):
        handler.respond_with_data(answer, status=status, content_type="image/png")
    elif answer is None:
        handler.respond_with_data(b"", status=status)
    else:
        handler.respond_with_data(
            json.dumps(answer), status=status, content_type="application/json"
        )


def serve(server: HTTPServer) -> None:
    """Script ``server`` with every route of :data:`ROUTES`."""
    for route in ROUTES:
        respond(server, *route)


def hosts(server: HTTPServer) -> Dict[str, str]:
    """Every non-Voice product's ``BW_*_HOST``, naming ``server``."""
    base = server.url_for("").rstrip("/")
    return {variable: base + prefix for variable, prefix in PREFIXES.items()}


def point_at(server: HTTPServer, env: MutableMapping[str, str]) -> None:
    """Set the credentials, the account and every product's ``BW_*_HOST`` to ``server``."""
    env.update(hosts(server))
    env.update(BW_ACCOUNT_ID=ACCOUNT, BW_USERNAME=USERNAME, BW_PASSWORD=PASSWORD)

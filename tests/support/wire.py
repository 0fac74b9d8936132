"""A scripted loopback HTTP server (pytest-httpserver) and the documents tests send and expect."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Optional

from pytest_httpserver import HTTPServer
from werkzeug import Request

from bandwidth.models.create_call import CreateCall

ACCOUNT = "9900000"
CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
ANY_PATH = re.compile(r".*")

CALL_STATE: Dict[str, Any] = {
    "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
    "accountId": ACCOUNT,
    "callId": CALL_ID,
    "parentCallId": None,
    "to": "+19195551234",
    "from": "+19195554321",
    "direction": "outbound",
    "state": "disconnected",
    "stirShaken": {"verstat": "TN-Validation-Passed", "attestationIndicator": "A"},
    "identity": None,
    "enqueuedTime": "2022-06-16T13:15:07.160Z",
    "startTime": "2022-06-16T13:15:07.160Z",
    "answerTime": "2022-06-16T13:15:18.126Z",
    "endTime": "2022-06-16T13:15:18.314Z",
    "disconnectCause": "hangup",
    "errorMessage": None,
    "errorId": None,
    "lastUpdate": "2022-06-16T13:15:18.314Z",
}

CREATE_CALL_RESPONSE: Dict[str, Any] = {
    "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
    "accountId": ACCOUNT,
    "callId": CALL_ID,
    "to": "+19195551234",
    "from": "+19195554321",
    "enqueuedTime": "2022-06-16T13:15:07.160Z",
    "callUrl": f"https://voice.bandwidth.com/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}",
    "callTimeout": 30,
    "callbackTimeout": 15,
    "tag": "My custom tag value",
    "answerMethod": "POST",
    "answerUrl": "https://myServer.example/bandwidth/webhooks/answer",
    "answerFallbackMethod": "POST",
    "disconnectMethod": "POST",
    "disconnectUrl": "https://myServer.example/bandwidth/webhooks/disconnect",
    "username": "mySecretUsername",
    "password": "*****",
    "fallbackUsername": "mySecretUsername",
    "fallbackPassword": "*****",
    "priority": 5,
}


class Wire:
    """The loopback server, seen from the test: script answers, read what arrived."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.url = server.url_for("/api/v2")

    def answer(
        self,
        status: int = 200,
        *,
        json: Any = None,
        body: Optional[bytes] = None,
        headers: Optional[Dict[str, str]] = None,
        content_type: Optional[str] = None,
        method: str = "GET",
    ) -> None:
        """Answer every request (any path) with this response."""
        import json as json_module

        if json is not None:
            body = json_module.dumps(json).encode()
            content_type = content_type or "application/json"
        self.server.expect_request(ANY_PATH, method=method).respond_with_data(
            body or b"", status=status, headers=headers, content_type=content_type
        )

    @property
    def requests(self) -> List[Request]:
        return [request for request, _ in self.server.log]

    @property
    def last(self) -> Request:
        assert self.server.log, "the server received no request"
        return self.server.log[-1][0]

    @staticmethod
    def raw_target(request: Request) -> str:
        """The request target exactly as sent (path and query, still percent-encoded)."""
        return str(request.environ["RAW_URI"])


def new_call(**extra: object) -> CreateCall:
    """A valid CreateCall, with ``extra`` fields added."""
    return CreateCall(
        to="+19195551234",
        var_from="+19195554321",
        application_id="04e88489-df02-4e34-a0ee-27a91849555f",
        answer_url="https://myServer.example/bandwidth/webhooks/answer",
        **extra,  # type: ignore[arg-type]
    )

"""A raw ``http.client`` view of a VoiceSimulator, independent of the SDK, for wire-level tests."""

from __future__ import annotations

import base64
import http.client
import json
from typing import Any, Dict, Mapping, Optional, Union

from bandwidth.testing import VoiceSimulator

ACCOUNT = "9900000"
CALLS = f"/api/v2/accounts/{ACCOUNT}/calls"
BASIC = "Basic " + base64.b64encode(b"username:password").decode()

NEW_CALL: Dict[str, Any] = {
    "to": "+19195551234",
    "from": "+19195554321",
    "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
    "answerUrl": "https://myServer.example/bandwidth/webhooks/answer",
}

Body = Union[bytes, str, Dict[str, Any], None]


class Reply:
    """One HTTP answer, fully read."""

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    def json(self) -> Any:
        return json.loads(self.body)

    def expect_error(self) -> Dict[str, Any]:
        """The body, asserted to be a ``voiceApiError`` (JSON, exactly its three fields)."""
        assert self.headers["Content-Type"] == "application/json"
        data = self.json()
        assert set(data) == {"type", "description", "id"}
        assert all(isinstance(v, str) and v for v in data.values())
        return dict(data)


class Raw:
    """A keep-alive ``http.client`` connection to a simulator, Basic auth by default."""

    def __init__(self, sim: VoiceSimulator, timeout: float = 10) -> None:
        self.sim = sim
        self.conn = http.client.HTTPConnection(sim.host, sim.port, timeout=timeout)

    def close(self) -> None:
        self.conn.close()

    def send(
        self,
        method: str,
        path: str,
        body: Body = None,
        *,
        headers: Optional[Mapping[str, str]] = None,
        auth: Optional[str] = BASIC,
        content_type: Optional[str] = None,
    ) -> Reply:
        sent: Dict[str, str] = {}
        if auth is not None:
            sent["Authorization"] = auth
        if isinstance(body, dict):
            body = json.dumps(body)
            sent["Content-Type"] = "application/json"
        if content_type is not None:
            sent["Content-Type"] = content_type
        sent.update(headers or {})
        self.conn.request(method, path, body=body, headers=sent)
        return Reply(self.conn.getresponse())

    def create(self, **overrides: Any) -> Reply:
        return self.send("POST", CALLS, {**NEW_CALL, **overrides})

    def expect_created(self, **overrides: Any) -> str:
        """Create a call, assert the 201, and return its id."""
        reply = self.create(**overrides)
        assert reply.status == 201, reply.body
        return str(reply.json()["callId"])

    def get(self, call_id: str) -> Reply:
        return self.send("GET", f"{CALLS}/{call_id}")

    def update(self, call_id: str, body: Dict[str, Any]) -> Reply:
        return self.send("POST", f"{CALLS}/{call_id}", body)

    def bxml(self, call_id: str, document: str, content_type: str = "application/xml") -> Reply:
        return self.send("PUT", f"{CALLS}/{call_id}/bxml", document, content_type=content_type)

    def list(self, query: str = "") -> Reply:
        return self.send("GET", CALLS + (f"?{query}" if query else ""))

"""Sending requests to the simulator through Stoplight Prism, for the contract tests.

``strict`` is ``prism proxy SPEC SIM --errors`` (a violation in the request
or the answer becomes Prism's own ``application/problem+json`` answer);
``lax`` is the same without ``--errors`` (violations are only listed, in
``sl-violations``); ``mock`` serves the spec's examples. The fixtures that
start them once per session are in ``conftest.py``.
"""

from __future__ import annotations

import base64
import http.client
import json
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Optional

from bandwidth.testing import VoiceSimulator
from tests.support.prism import violations

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
ACCOUNT = "9900000"
ACCOUNT_PATH = f"/accounts/{ACCOUNT}"  # Prism serves the spec paths without /api/v2
CALLS = f"{ACCOUNT_PATH}/calls"
BASIC = "Basic " + base64.b64encode(b"username:password").decode()
WRONG = "Basic " + base64.b64encode(b"username:nope").decode()
#: A user the contract simulator knows, without Voice access (403 on every operation).
NO_VOICE = "Basic " + base64.b64encode(b"no-voice:password").decode()


class Answer:
    """A response that came through Prism."""

    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()
        self.violations = violations(response.headers)

    def json(self) -> Any:
        return json.loads(self.body)

    def of(self, location: str) -> List[Dict[str, Any]]:
        return [v for v in self.violations if v.get("location", [None])[0] == location]

    def describe(self) -> str:
        return f"{self.status} {self.headers.get('Content-Type')} {self.body[:600]!r}"


class Via:
    """Sends requests to one Prism instance."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.port = int(url.rsplit(":", 1)[1])

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        auth: Optional[str] = BASIC,
        content_type: Optional[str] = None,
        accept: str = "application/json",
    ) -> Answer:
        headers: Dict[str, str] = {"Accept": accept}
        if auth is not None:
            headers["Authorization"] = auth
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
            headers["Content-Type"] = "application/json"
        if content_type is not None:
            headers["Content-Type"] = content_type
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            return Answer(conn.getresponse())
        finally:
            conn.close()


Send = Callable[..., Answer]


def strict_sender(via: Via, sim: VoiceSimulator) -> Send:
    """Send through ``--errors`` Prism; fail on any violation or Prism-made answer."""

    def send(method: str, path: str, body: Any = None, **options: Any) -> Answer:
        before = len(sim.requests)
        answer = via.send(method, path, body, **options)
        assert answer.violations == [], answer.violations
        assert answer.headers.get("Content-Type") != "application/problem+json", answer.describe()
        assert len(sim.requests) == before + 1, "Prism did not forward the request"
        return answer

    return send


def lax_sender(via: Via, sim: VoiceSimulator) -> Send:
    """Send through Prism without ``--errors``; fail on any *response* violation."""

    def send(method: str, path: str, body: Any = None, **options: Any) -> Answer:
        before = len(sim.requests)
        answer = via.send(method, path, body, **options)
        assert answer.of("response") == [], answer.violations
        assert len(sim.requests) == before + 1, "Prism did not forward the request"
        return answer

    return send


def wire(model: Any) -> Dict[str, Any]:
    """A request model as the SDK puts it on the wire (JSON, parsed back)."""
    data = json.loads(model.to_json())
    assert isinstance(data, dict)
    return data


def assert_voice_api_error(answer: Answer, status: int) -> None:
    assert answer.status == status, answer.describe()
    assert answer.headers["Content-Type"] == "application/json"
    assert set(answer.json()) == {"type", "description", "id"}

"""The seam for a second product: a ``ProductService`` beside voice, served by the same core.

What ``docs/simulator.md`` ("Architecture") promises for messaging and the
rest: a product is its own service handed to the REST service, and the core
(auth, faults, recorded requests, the control routes) serves it without a
change to voice. A toy product answers ``/echo/...`` here, over a real
socket, next to the Voice API.
"""

from __future__ import annotations

import base64
import json
import threading
import urllib.error
import urllib.request
from datetime import datetime, timezone
from typing import Any, Iterator, Mapping, Optional, Tuple

import pytest

from bandwidth.testing import VoiceSimulator
from bandwidth.testing._composition import build_voice
from bandwidth.testing._core.credentials import Credentials, Principal
from bandwidth.testing._core.faults import Fault
from bandwidth.testing._core.handlers import JSON_HEADER, Problem, Request
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.http_server import HttpServer
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._core.rest_service import RestApi
from bandwidth.testing._core.timers import Timers
from bandwidth.testing._voice.interpreter import Timing

AUTH = "Basic " + base64.b64encode(b"user:secret").decode()


class EchoService:
    """A product of one operation: ``GET /echo/{word}`` answers the word."""

    api_name = "Echo API"
    success: Mapping[str, int] = {"echo": 200}

    def route(self, method: str, path: str) -> Optional[Route]:
        if not path.startswith("/echo/"):
            return None
        operation = "echo" if method == "GET" else None
        return Route(operation, "acct", {"word": path[len("/echo/") :]}, allow="GET")

    def permits(self, principal: Principal) -> bool:
        return True

    def answer(self, route: Route, request: Request) -> Response:
        word = route.params["word"]
        if word == "nothing":
            raise Problem(404, "Nothing to echo.")
        return 200, [JSON_HEADER], json.dumps({"echo": word}).encode()

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        body = json.dumps({"echoError": description}).encode()
        return status, [JSON_HEADER, *headers], body

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        return None


class Settings:
    """What the REST service reads of a simulator."""

    username, password, access_token = "user", "secret", None
    client_id, client_secret = "client", "client-secret"
    record_requests = True
    account_id = "acct"

    def now(self) -> datetime:
        return datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.fixture
def served() -> Iterator[Tuple[str, RestApi]]:
    lock = threading.Lock()
    settings = Settings()
    voice = build_voice(
        lock,
        Timers(),
        "acct",
        None,
        None,
        Timing(),
        settings.now,
        lambda call_id: f"http://127.0.0.1/calls/{call_id}",
        VoiceSimulator(account_id="acct"),
    )
    rest = RestApi(settings, lock, Credentials(3600.0), [voice.service, EchoService()])
    server = HttpServer(rest, "127.0.0.1", 0, 5.0)
    port = server.start()
    try:
        yield f"http://127.0.0.1:{port}", rest
    finally:
        server.stop()


def _get(url: str) -> Tuple[int, Any]:
    request = urllib.request.Request(url, headers={"Authorization": AUTH})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def test_a_second_product_is_served_beside_voice(served: Tuple[str, RestApi]) -> None:
    base, rest = served
    assert _get(f"{base}/echo/hello") == (200, {"echo": "hello"})
    status, body = _get(f"{base}/api/v2/accounts/acct/calls")
    assert (status, body) == (200, [])  # voice, untouched
    assert [r.operation for r in rest.requests] == ["echo", "list_calls"]


def test_the_core_answers_a_product_refusal_with_its_own_error_body(
    served: Tuple[str, RestApi],
) -> None:
    base, _ = served
    assert _get(f"{base}/echo/nothing") == (404, {"echoError": "Nothing to echo."})
    status, body = _get(f"{base}/api/v2/accounts/acct/nothing-here")
    assert status == 404 and body["type"] == "not-found"  # voice's voiceApiError


def test_faults_name_the_new_product_s_operations(served: Tuple[str, RestApi]) -> None:
    base, rest = served
    assert "echo" in rest.operations and "create_call" in rest.operations
    rest.faults.add(Fault("echo", 1, "fail", status=503))
    status, body = _get(f"{base}/echo/hello")
    assert status == 503 and body == {"echoError": "Simulated failure: Service Unavailable."}
    assert _get(f"{base}/echo/hello") == (200, {"echo": "hello"})

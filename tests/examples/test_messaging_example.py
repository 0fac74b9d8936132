"""The messaging sample app (``examples/messaging_app.py``), end to end: in-process and over HTTP.

A handset texts the app's number; the app answers through the simulator's
Messages API; the status callbacks of its replies are recorded by the app.
"""

from __future__ import annotations

import io
import json
import urllib.error
import urllib.request
from types import ModuleType
from typing import Any, Dict, Iterator, Tuple

import pytest

from bandwidth.testing import BandwidthSimulator
from tests.examples.harness import MODES, Harness, load_example

OURS, CUSTOMER = "+19195550000", "+15555550100"
APP_ID, HOOK_USER, HOOK_PASSWORD = "sms-app", "bandwidth", "hook-secret"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example("messaging_app")


@pytest.fixture(params=MODES)
def harness(request: pytest.FixtureRequest, example: ModuleType) -> Iterator[Harness]:
    def build(sim: BandwidthSimulator, base: str) -> Any:
        settings = example.Settings(
            account_id=sim.account_id,
            application_id=APP_ID,
            webhook_username=HOOK_USER,
            webhook_password=HOOK_PASSWORD,
        )
        sim.add_messaging_application(
            APP_ID,
            f"{base}/callbacks/messaging",
            numbers=[OURS],
            username=HOOK_USER,
            password=HOOK_PASSWORD,
        )
        return example.MessagingApp(sim.configuration(), settings)

    running = Harness(request.param).start(build)
    yield running
    running.stop()


def status_of(harness: Harness, message_id: str) -> Tuple[int, Any]:
    """``GET /status/{id}`` of the app: called in-process, or over loopback HTTP."""
    path = f"/status/{message_id}"
    if harness.mode == "in-process":
        seen: Dict[str, str] = {}

        def start_response(status: str, headers: Any) -> None:
            seen["status"] = status

        environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "wsgi.input": io.BytesIO()}
        body = b"".join(harness.app(environ, start_response))
        return int(seen["status"][:3]), json.loads(body)
    try:
        with urllib.request.urlopen(harness.base + path, timeout=10) as answer:  # loopback
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_an_inbound_text_gets_an_auto_reply_whose_delivery_is_recorded(harness: Harness) -> None:
    sim = harness.sim
    handset = sim.handset(CUSTOMER)
    [inbound_id] = handset.send(OURS, "Hello!")
    assert handset.messages == []  # the reply is on its way
    sim.advance(1)
    [reply] = handset.messages
    assert reply.text == "Thanks for your message! Reply HELP for help."
    assert reply.var_from == OURS and reply.tag == f"reply-to:{inbound_id}"
    assert status_of(harness, reply.id or "") == (
        200,
        {
            "messageId": reply.id,
            "events": [{"type": "message-delivered", "to": CUSTOMER, "errorCode": None}],
        },
    )
    # every webhook was challenged first, then carried the application's credentials
    assert all(hook.ok and hook.attempts[-1].authorized for hook in sim.webhooks)
    assert HOOK_PASSWORD not in sim.timeline()


def test_help_stop_and_pictures(harness: Harness) -> None:
    sim = harness.sim
    handset = sim.handset(CUSTOMER)
    handset.send(OURS, "help")
    handset.send(OURS, "look", media=["https://cdn.test/a.jpg", "https://cdn.test/b.jpg"])
    handset.send(OURS, "STOP")
    handset.send(OURS, "are you there?")
    sim.advance(1)
    assert handset.texts == [
        "Reply STOP to stop these messages. Msg&data rates may apply.",
        "Thanks for the 2 pictures!",
        "You are unsubscribed. No more messages will be sent.",
    ]


def test_a_failed_reply_is_recorded_with_its_error_code(harness: Harness) -> None:
    sim = harness.sim
    sim.fail_next_message(4720)
    sim.handset(CUSTOMER).send(OURS, "Hi")
    sim.advance(1)
    [hook] = [h for h in sim.webhooks if h.event_type == "message-failed"]
    message_id = hook.payload["message"]["id"]
    status, body = status_of(harness, message_id)
    assert status == 200
    assert body["events"] == [{"type": "message-failed", "to": CUSTOMER, "errorCode": 4720}]
    assert sim.handset(CUSTOMER).messages == []
    assert status_of(harness, "no-such-message")[0] == 404


def test_unauthenticated_webhooks_are_challenged(harness: Harness, example: ModuleType) -> None:
    seen: Dict[str, Any] = {}

    def start_response(status: str, headers: Any) -> None:
        seen["status"], seen["headers"] = status, dict(headers)

    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/x", "wsgi.input": io.BytesIO(b"[]")}
    harness.app(environ, start_response)
    assert seen["status"].startswith("401")
    assert seen["headers"]["WWW-Authenticate"].startswith("Basic")

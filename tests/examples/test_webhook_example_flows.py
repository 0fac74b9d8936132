"""Whole calls through the example app, end to end: in-process and over real HTTP.

The same flows run both ways: the simulator delivers every webhook (with the
Basic-auth challenge the app makes), runs the BXML it answers with, and the
test presses digits on the simulated clock.
"""

from __future__ import annotations

import threading
from types import ModuleType
from typing import Any, Dict, Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi, CreateCall
from bandwidth.callbacks import AnswerCallback, DisconnectCallback, GatherCallback, parse_callback
from bandwidth.testing import VoiceSimulator
from tests.examples.test_webhook_example import PASSWORD, USER, load_app

GREETING = "Thanks for calling Example Company."
PROMPT = "Press 1 for sales or 2 for support."


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_app()


@pytest.fixture(params=["in-process", "over-http"])
def flow(request: pytest.FixtureRequest, example: ModuleType) -> Iterator[Dict[str, Any]]:
    """A simulator wired to the example app, and the base URL the app is reached at."""
    if request.param == "in-process":
        app = example.WebhookApp(USER, PASSWORD)
        with VoiceSimulator(app=app) as sim:
            yield {"sim": sim, "base": "https://myapp.example", "events": app.events}
        return
    server = example.make_server("127.0.0.1", 0, username=USER, password=PASSWORD)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        with VoiceSimulator(deliver_webhooks=True) as sim:
            yield {"sim": sim, "base": f"http://{host}:{port}", "events": server.app.events}
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def place_call(flow: Dict[str, Any]) -> str:
    sim: VoiceSimulator = flow["sim"]
    base = flow["base"]
    with ApiClient(sim.configuration()) as client:
        created = CallsApi(client).create_call(
            sim.account_id,
            CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="app",
                answer_url=f"{base}/answer",
                disconnect_url=f"{base}/bye",
                username=USER,
                password=PASSWORD,
            ),
        )
    return str(created.call_id)


def test_the_caller_chooses_sales(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    call_id = place_call(flow)
    sim.answer(call_id)
    sim.advance(3)  # the greeting (5 words, 2 s) is over; the menu plays
    assert sim.call(call_id).heard == [GREETING, PROMPT]
    sim.press(call_id, "1")
    sim.advance(30)

    call = sim.call(call_id)
    assert call.heard == [GREETING, PROMPT, "Connecting you to sales. Goodbye for now."]
    assert (call.state, call.disconnect_cause) == ("disconnected", "hangup")
    assert call.pressed == ["1"]
    hooks = sim.webhooks
    assert [w.event_type for w in hooks] == ["answer", "gather", "disconnect"]
    base = flow["base"]
    assert [w.url for w in hooks] == [f"{base}/answer", f"{base}/callbacks/gather", f"{base}/bye"]
    assert [w.status for w in hooks] == [200, 200, 204]
    # Each delivery met the app's 401 challenge first, then sent the credentials.
    for hook in hooks:
        assert [(a.status, a.authorized) for a in hook.attempts] == [
            (401, False),
            (hook.status, True),
        ]
    # The app parsed exactly what the simulator sent.
    events: List[Any] = flow["events"]
    assert [type(e) for e in events] == [AnswerCallback, GatherCallback, DisconnectCallback]
    assert events[1].digits == "1"
    assert events[1].terminating_digit == ""
    assert events[2].cause == "hangup"
    for hook in hooks:
        assert parse_callback(hook.payload) == events[hooks.index(hook)]


def test_no_choice_still_sends_the_gather_webhook(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    call_id = place_call(flow)
    sim.answer(call_id)
    sim.advance(60)
    call = sim.call(call_id)
    # The gather waits firstDigitTimeout (5 s) after its prompt, then sends
    # its webhook with no digits; the app's answer says goodbye.
    assert call.heard == [GREETING, PROMPT, "Sorry, nothing is not an option. Goodbye."]
    assert [w.event_type for w in sim.webhooks] == ["answer", "gather", "disconnect"]
    gather = sim.webhooks[1]
    assert (gather.payload["digits"], gather.payload["terminatingDigit"]) == ("", "")
    assert call.disconnect_cause == "hangup"
    # greeting 2 s + prompt 3.2 s + 5 s + "Sorry, ..." 2.8 s (7 words at 150 a minute)
    assert (call.end_time - call.answer_time).total_seconds() == pytest.approx(13.0)


def test_an_inbound_call_gets_the_menu_too(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    base = flow["base"]
    call_id = sim.inbound_call(
        "+19195551234",
        "+15555550100",
        answer_url=f"{base}/initiate",
        disconnect_url=f"{base}/bye",
        username=USER,
        password=PASSWORD,
    )
    sim.advance(2.5)
    sim.press(call_id, "2")
    sim.advance(10)
    call = sim.call(call_id)
    assert call.direction == "inbound"
    assert call.heard[-1] == "Connecting you to support. Goodbye for now."
    assert [w.event_type for w in sim.webhooks] == ["initiate", "gather", "disconnect"]
    assert sim.webhooks[0].payload["direction"] == "inbound"


def test_wrong_credentials_end_the_call_with_callback_error(
    flow: Dict[str, Any],
) -> None:
    sim: VoiceSimulator = flow["sim"]
    base = flow["base"]
    with ApiClient(sim.configuration()) as client:
        created = CallsApi(client).create_call(
            sim.account_id,
            CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="app",
                answer_url=f"{base}/answer",
                username=USER,
                password="not-the-password",
            ),
        )
    sim.answer(created.call_id)
    call = sim.call(created.call_id)
    assert (call.state, call.disconnect_cause) == ("disconnected", "callback-error")
    assert call.error_message == (
        f"The answer webhook to {base}/answer failed: the app answered HTTP 401."
    )
    assert call.heard == []

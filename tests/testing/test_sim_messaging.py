"""Messaging in the simulator: send, status callbacks, handsets, inbound texts (in-process)."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from bandwidth.models import Message
from bandwidth.testing import BandwidthSimulator, VoiceSimulator
from tests.testing.messaging_apps import (
    ALICE,
    APP_ID,
    BOB,
    OURS,
    CallbackApp,
    send,
)
from tests.testing.messaging_apps import (
    messages_api as client_for,
)


@pytest.fixture
def app() -> CallbackApp:
    return CallbackApp()


@pytest.fixture
def sim(app: CallbackApp) -> Any:
    with BandwidthSimulator(app=app) as simulator:
        simulator.add_messaging_application(APP_ID, "http://app.test/messaging", numbers=[OURS])
        yield simulator


def test_bandwidth_simulator_is_the_voice_simulator() -> None:
    assert BandwidthSimulator is VoiceSimulator


def test_create_message_answers_202_with_the_message(sim: BandwidthSimulator) -> None:
    message = send(sim, text="Hello there", tag="t-1")
    assert isinstance(message, Message)
    assert message.id is not None and len(message.id) == 29
    assert message.id[:13].isdigit() and message.id[13:].isalnum()
    assert message.owner == OURS and message.var_from == OURS
    assert message.to == [ALICE]
    assert message.application_id == APP_ID
    assert message.direction == "out"
    assert message.priority == "default"
    assert message.segment_count == 1
    assert message.text == "Hello there" and message.tag == "t-1"
    assert message.time == sim.now()


def test_the_text_reaches_the_handset_and_the_app_hears_delivered(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    message = send(sim, text="Your table is ready")
    assert sim.handset(ALICE).messages == []
    assert app.events == []
    sim.advance(1)
    [landed] = sim.handset(ALICE).messages
    assert isinstance(landed, Message)
    assert (landed.id, landed.text, landed.var_from) == (message.id, "Your table is ready", OURS)
    [event] = app.events
    assert event["type"] == "message-delivered"
    assert event["to"] == ALICE
    assert event["description"] == "ok"
    assert event["message"]["id"] == message.id
    assert event["message"]["text"] == ""  # the platform keeps no text
    assert event["message"]["direction"] == "out"
    assert len(app.bodies[0]) == 1  # a JSON array of one event
    assert app.headers[0]["content-type"].startswith("application/json")
    [hook] = sim.webhooks
    assert (hook.event_type, hook.call_id, hook.status) == ("message-delivered", message.id, 204)


def test_an_inbound_text_reaches_the_app_and_its_reply_reaches_the_handset() -> None:
    replies: list = []

    def on_event(event: Dict[str, Any]) -> None:
        if event["type"] == "message-received":
            message = event["message"]
            replies.append(
                client_for(sim).create_message(
                    sim.account_id,
                    {
                        "applicationId": APP_ID,
                        "to": [message["from"]],
                        "from": message["owner"],
                        "text": f"You said: {message['text']}",
                    },
                )
            )

    app = CallbackApp(on_event=on_event)
    with BandwidthSimulator(app=app) as sim:
        sim.add_messaging_application(APP_ID, "http://app.test/messaging", numbers=[OURS])
        [message_id] = sim.handset(BOB).send(OURS, "hi")
        [received] = app.events
        assert received["type"] == "message-received"
        assert received["to"] == OURS
        assert received["message"]["id"] == message_id
        assert received["message"]["direction"] == "in"
        assert received["message"]["owner"] == OURS
        assert received["message"]["from"] == BOB
        assert received["message"]["text"] == "hi"
        sim.advance(1)
        assert [m.text for m in sim.handset(BOB).messages] == ["You said: hi"]
        assert app.types() == ["message-received", "message-delivered"]
        assert len(replies) == 1


def test_the_platform_seam_texts_a_handset_with_no_app_involved() -> None:
    # The seam other products (MFA) call from the composition root.
    import threading
    from datetime import datetime, timezone

    from bandwidth.testing._core.timers import Timers
    from bandwidth.testing._messaging.building import build_messaging

    class Idle:
        def run(self, *, wait: bool = True) -> None:
            pass

    moment = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
    lock = threading.Lock()
    product = build_messaging(
        lock,
        Timers(),
        enabled=True,
        now=lambda: moment,
        account_id=lambda: "9900000",
        base_url=lambda: "http://127.0.0.1:1/api/v2",
        driver=Idle(),
        forget_webhooks=lambda ids: None,
    )
    with lock:
        product.deliver_platform_text("+18005550199", ALICE, "Your code is 123456")
    [text] = product.store.texts_of(ALICE)
    assert text["text"] == "Your code is 123456"
    assert text["from"] == "+18005550199" and text["to"] == [ALICE]
    assert len(product.store.timers) == 0  # no callback is due


def test_an_inbound_group_text_reaches_each_of_your_numbers_with_its_own_id() -> None:
    app = CallbackApp()
    with BandwidthSimulator(app=app) as sim:
        sim.add_messaging_application(APP_ID, "http://app.test/one", numbers=[OURS])
        sim.add_messaging_application("app-2", "http://app.test/two", numbers=["+19195550101"])
        first, second = sim.handset(BOB).send(
            [OURS, "+19195550101", ALICE], "pic", media=["https://cdn.test/p.png"]
        )
        assert first != second
        assert [(e["to"], e["message"]["owner"]) for e in app.events] == [
            (OURS, OURS),
            ("+19195550101", "+19195550101"),
        ]
        assert all(e["message"]["to"] == [OURS, "+19195550101", ALICE] for e in app.events)
        assert app.events[0]["message"]["media"] == ["https://cdn.test/p.png"]
        assert [h.url for h in sim.webhooks] == ["http://app.test/one", "http://app.test/two"]


def test_a_text_to_a_number_no_application_owns_is_refused(sim: BandwidthSimulator) -> None:
    with pytest.raises(ValueError, match="no messaging application owns"):
        sim.handset(BOB).send("+19195559999", "hello?")
    with pytest.raises(ValueError):
        sim.handset("not-a-number")
    with pytest.raises(ValueError):
        sim.add_messaging_application("x", "http://app.test", numbers=["919"])


def test_the_timeline_shows_texts_as_it_shows_calls(sim: BandwidthSimulator) -> None:
    message = send(sim)
    sim.advance(1)
    sim.handset(ALICE).send(OURS, "ok")
    shown = sim.timeline()
    assert f"message {message.id}  out  {OURS} -> {ALICE}" in shown
    assert "webhook message-delivered: POST http://app.test/messaging -> 204" in shown
    assert f"received from {ALICE} by {OURS}" in shown
    assert sim.messaging_timeline() in shown
    assert repr(sim.handset(ALICE)) == "SimulatedHandset(number='+19195551111')"


@pytest.mark.voice_simulator(deliver_webhooks=False)
def test_the_pytest_plugin_offers_the_simulator_and_a_messages_api(
    bandwidth_simulator: BandwidthSimulator, voice_simulator: VoiceSimulator, messages_api: Any
) -> None:
    assert bandwidth_simulator is voice_simulator
    bandwidth_simulator.add_messaging_application(APP_ID, "http://app.test/cb", numbers=[OURS])
    message = messages_api.create_message(
        bandwidth_simulator.account_id,
        {"applicationId": APP_ID, "to": [ALICE], "from": OURS, "text": "From the plugin"},
    )
    bandwidth_simulator.advance(1)
    assert [m.id for m in bandwidth_simulator.handset(ALICE).messages] == [message.id]


def test_an_asgi_app_gets_the_callbacks_too() -> None:
    import json

    received: list = []

    async def asgi_app(scope: Dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        received.extend(json.loads(body))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    with BandwidthSimulator(app=asgi_app) as sim:
        sim.add_messaging_application(APP_ID, "http://app.test/messaging", numbers=[OURS])
        send(sim, media=["https://cdn.test/x.gif"])
        sim.advance(1)
        sim.handset(ALICE).send(OURS, "nice")
    assert [event["type"] for event in received] == [
        "message-sending",
        "message-delivered",
        "message-received",
    ]

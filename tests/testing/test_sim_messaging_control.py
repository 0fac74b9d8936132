"""Messaging's control routes: a test in another process drives handsets, apps and failures."""

from __future__ import annotations

from typing import Iterator

import pytest

from bandwidth.testing import BandwidthSimulator, SimulatorControl, SimulatorControlError
from tests.support.raw import Raw
from tests.testing.messaging_apps import ALICE, APP_ID, OURS, CallbackApp, Served, send


@pytest.fixture
def app() -> CallbackApp:
    return CallbackApp(credentials=("hook-user", "hook-secret"))


@pytest.fixture
def served(app: CallbackApp) -> Iterator[Served]:
    with Served(app) as server:
        yield server


@pytest.fixture
def sim() -> Iterator[BandwidthSimulator]:
    with BandwidthSimulator() as simulator:
        yield simulator


@pytest.fixture
def control(sim: BandwidthSimulator) -> SimulatorControl:
    return SimulatorControl(sim.url, sim.username, sim.password)


def test_a_whole_text_flow_over_the_control_api(
    sim: BandwidthSimulator, control: SimulatorControl, served: Served, app: CallbackApp
) -> None:
    shown = control.add_messaging_application(
        APP_ID,
        f"{served.url}/messaging",
        numbers=[OURS],
        username="hook-user",
        password="hook-secret",
    )
    assert shown["hasPassword"] is True and "hook-secret" not in str(shown)
    [message_id] = control.handset_send(ALICE, OURS, "START")
    assert app.types() == ["message-received"]
    assert app.events[0]["message"]["id"] == message_id
    control.fail_next_message(4720, to=ALICE)
    send(sim)
    send(sim)
    control.advance(1)
    assert app.types() == ["message-received", "message-failed", "message-delivered"]
    [landed] = control.handset_messages(ALICE)
    assert landed["text"] == "Hello" and landed["from"] == OURS
    control.set_handset_reachable(ALICE, False)
    send(sim)
    control.advance(1)
    assert app.events[-1]["errorCode"] == 4702
    timeline = control.messaging_timeline()
    assert "received from" in timeline and "hook-secret" not in timeline
    assert [w.event_type for w in control.webhooks()][:1] == ["message-received"]


def test_control_refusals(sim: BandwidthSimulator, control: SimulatorControl) -> None:
    with pytest.raises(SimulatorControlError) as caught:
        control.handset_send(ALICE, OURS, "nobody owns it")
    assert caught.value.status == 409
    with pytest.raises(SimulatorControlError) as caught:
        control.fail_next_message(1234)
    assert caught.value.status == 409
    raw = Raw(sim)
    try:
        reply = raw.send("POST", "/_control/messaging/applications", {"applicationId": 7})
        assert reply.status == 400
        assert reply.json()["type"] == "request-validation"
        assert raw.send("DELETE", "/_control/messaging/applications").status == 405
        assert raw.send("GET", "/_control/handsets/%2B19195551111").json() == {
            "number": ALICE,
            "reachable": True,
            "messages": [],
        }
        assert raw.send("GET", "/_control/messaging/timeline", auth=None).status == 401
        assert raw.send("DELETE", "/_control/messaging/messages").status == 204
    finally:
        raw.close()

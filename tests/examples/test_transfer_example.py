"""The transfer sample app (``examples/transfer_app.py``), end to end: in-process and over HTTP."""

from __future__ import annotations

from types import ModuleType
from typing import Iterator, List

import pytest

from bandwidth.testing import VoiceSimulator
from tests.examples.harness import MODES, Harness, load_example

OURS, CALLER = "+19195550000", "+19195550001"
AGENTS = ["+15555550100", "+15555550101"]
GREETING = "Thanks for calling. Please hold while we find an agent."
SORRY = "Sorry, no agent can take your call right now. Please try again later."


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example("transfer_app")


@pytest.fixture(params=MODES)
def harness(request: pytest.FixtureRequest, example: ModuleType) -> Iterator[Harness]:
    running = Harness(request.param).start(lambda sim, base: example.create_app(AGENTS))
    yield running
    running.stop()


def ring(harness: Harness) -> str:
    return harness.sim.inbound_call(
        OURS,
        CALLER,
        answer_url=f"{harness.base}/callbacks/inboundCall",
        disconnect_url=f"{harness.base}/callbacks/status",
    )


def kinds(sim: VoiceSimulator) -> List[str]:
    return [w.event_type for w in sim.webhooks]


def test_the_first_agent_to_answer_takes_the_call(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(AGENTS[0], answer_after=6)
    sim.callee(AGENTS[1], answer_after=2, hang_up_after=60)
    call_id = ring(harness)
    sim.advance(4 + 3)  # the greeting (10 words: 4 s); the second agent answered 2 s later
    first, second = sim.legs(call_id)
    assert (first.state, first.disconnect_cause, second.state) == (
        "disconnected",
        "cancel",
        "answered",
    )
    assert second.heard == [f"Call from {CALLER}. Press 1 to take it."]
    sim.advance(2)
    sim.press(second.call_id, "1")
    sim.advance(2)  # "Connecting you now." (1.2 s), then the bridge
    assert f"bridged with {second.call_id}" in sim.call(call_id).timeline()
    sim.advance(120)

    caller, agent = sim.call(call_id), sim.call(second.call_id)
    assert caller.heard == [GREETING, "Thank you for calling. Goodbye."]
    assert agent.heard[-1] == "Connecting you now."
    assert (caller.disconnect_cause, agent.disconnect_cause) == ("hangup", "hangup")
    assert kinds(sim) == [
        "initiate",
        "transferDisconnect",  # the other agent's phone stops ringing
        "transferAnswer",
        "gather",
        "transferDisconnect",  # the agent hangs up after the talk
        "transferComplete",
        "disconnect",
    ]
    assert all(w.ok for w in sim.webhooks)


def test_the_caller_hears_an_apology_when_no_agent_answers(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(AGENTS[0], busy=True)
    sim.callee(AGENTS[1], never_answers=True)
    call_id = ring(harness)
    sim.advance(4 + 19.9)  # the greeting, then the agents ring for 20 s
    assert sim.call(call_id).heard == [GREETING]
    sim.advance(10)
    caller = sim.call(call_id)
    assert caller.heard == [GREETING, SORRY]
    assert [leg.disconnect_cause for leg in sim.legs(call_id)] == ["busy", "timeout"]
    complete = next(w for w in sim.webhooks if w.event_type == "transferComplete")
    assert complete.payload["cause"] == "timeout"  # the last leg to give up
    assert caller.disconnect_cause == "hangup"  # the apology's document ended


def test_an_agent_who_passes_leaves_the_caller_to_the_apology(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(AGENTS[0], answer_after=1)
    sim.callee(AGENTS[1], never_answers=True)
    call_id = ring(harness)
    sim.advance(4 + 2)
    agent = sim.legs(call_id)[0]
    sim.press(agent.call_id, "9")
    sim.advance(10)
    assert sim.call(call_id).heard == [GREETING, SORRY]
    assert "bridged" not in sim.call(call_id).timeline()
    assert sim.call(agent.call_id).disconnect_cause == "hangup"


def test_the_caller_hanging_up_ends_the_agents_calls(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(AGENTS[0], answer_after=1)
    call_id = ring(harness)
    sim.advance(4 + 2)
    sim.press(sim.legs(call_id)[0].call_id, "1")
    sim.advance(5)
    sim.hangup(call_id)
    legs = sim.legs(call_id)
    assert [leg.disconnect_cause for leg in legs] == ["hangup", "cancel"]
    assert "transferComplete" not in kinds(sim)


def test_the_app_refuses_more_agents_than_a_transfer_rings(example: ModuleType) -> None:
    with pytest.raises(ValueError, match="1 to 8"):
        example.create_app([f"+1555555010{i}" for i in range(9)])


def test_the_app_says_what_to_set(
    example: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("AGENT_NUMBERS", raising=False)
    assert example.main() == 2
    assert "set AGENT_NUMBERS" in capsys.readouterr().err

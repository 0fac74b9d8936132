"""The number-masking sample app (``examples/bridge_app.py``), end to end: in-process and over HTTP.

The app calls the Voice API itself (to place the masked call, redirect the
waiting caller, cancel a call nobody waits for), here the simulator's.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Iterator, List

import pytest

from bandwidth.testing import VoiceSimulator
from tests.examples.harness import MODES, Harness, load_example

BW_NUMBER, USER_NUMBER, CALLER = "+19195550000", "+15555550100", "+19195550001"
HOLD = "Hold while we connect you."


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example("bridge_app")


@pytest.fixture(params=MODES)
def harness(request: pytest.FixtureRequest, example: ModuleType) -> Iterator[Harness]:
    def build(sim: VoiceSimulator, base: str) -> Any:
        settings = example.Settings(
            account_id=sim.account_id,
            application_id="masking-app",
            bw_number=BW_NUMBER,
            user_number=USER_NUMBER,
            base_url=base,
        )
        return example.create_app(sim.configuration(), settings)

    running = Harness(request.param).start(build)
    yield running
    running.stop()


def call_in(harness: Harness) -> str:
    return harness.sim.inbound_call(
        BW_NUMBER,
        CALLER,
        answer_url=f"{harness.base}/callbacks/inboundCall",
        disconnect_url=f"{harness.base}/callbacks/status",
        application_id="masking-app",
    )


def masked_call(sim: VoiceSimulator, caller: str) -> Any:
    (masked,) = [c for c in sim.calls if c.call_id != caller]
    return masked


def kinds(sim: VoiceSimulator) -> List[str]:
    return [w.event_type for w in sim.webhooks]


def test_the_caller_is_bridged_to_the_private_number(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(USER_NUMBER, answer_after=3, hang_up_after=30)
    caller = call_in(harness)
    masked = masked_call(sim, caller)
    assert (masked.to, masked.from_, masked.tag) == (USER_NUMBER, BW_NUMBER, caller)
    assert masked.request["callTimeout"] == 25
    sim.advance(3)
    assert sim.call(masked.call_id).heard == ["You have a call. Connecting you now."]
    sim.advance(3)
    assert f"bridged with {masked.call_id}" in sim.call(caller).timeline()
    sim.advance(60)

    c, m = sim.call(caller), sim.call(masked.call_id)
    assert c.heard == [HOLD, "The other party has hung up. Goodbye."]
    assert (c.disconnect_cause, m.disconnect_cause) == ("hangup", "hangup")
    assert kinds(sim) == [
        "initiate",
        "answer",
        "bridgeTargetComplete",  # the callee hangs up 30 s after answering: the caller
        "disconnect",  # hears the goodbye; the callee's call ends
        "disconnect",
    ]
    assert all(w.ok for w in sim.webhooks)


def test_the_callee_hears_when_the_caller_hangs_up(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(USER_NUMBER, answer_after=1)
    caller = call_in(harness)
    sim.advance(10)
    sim.hangup(caller)
    sim.advance(10)
    m = masked_call(sim, caller)
    assert m.heard[-1] == "The caller has hung up. Goodbye."
    assert kinds(sim)[-3:] == ["bridgeComplete", "disconnect", "disconnect"]


@pytest.mark.parametrize(("script", "after"), [({"busy": True}, 0), ({"never_answers": True}, 25)])
def test_an_unreachable_callee_gets_the_caller_an_apology(
    harness: Harness, script: Any, after: float
) -> None:
    sim = harness.sim
    sim.callee(USER_NUMBER, **script)
    caller = call_in(harness)
    sim.advance(after + 10)
    c = sim.call(caller)
    assert c.heard == [HOLD, "Sorry, the person you are calling is not available. Goodbye."]
    assert c.disconnect_cause == "hangup"
    assert "redirect" in kinds(sim)  # the app redirected the waiting caller


def test_a_caller_who_gives_up_cancels_the_masked_call(harness: Harness) -> None:
    sim = harness.sim  # the private number is not scripted: it rings until someone acts
    caller = call_in(harness)
    sim.advance(5)
    sim.hangup(caller)
    m = masked_call(sim, caller)
    assert (m.state, m.disconnect_cause) == ("disconnected", "cancel")


def test_the_app_says_what_to_set(
    example: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("BW_USERNAME", "BW_PASSWORD", "BASE_CALLBACK_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BW_ACCOUNT_ID", "9900000")
    assert example.main() == 2
    err = capsys.readouterr().err
    assert "BW_USERNAME" in err and "BASE_CALLBACK_URL" in err and "BW_ACCOUNT_ID" not in err

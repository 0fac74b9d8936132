"""``<Bridge>`` in the simulator: two live calls joined, and whichever leaves first.

Exactly one of ``bridgeComplete`` (the target left: its BXML runs on the
call that bridged) and ``bridgeTargetComplete`` (the bridging call left: its
BXML runs on the target) is sent; a bridge that cannot be made sends
``bridgeComplete`` with a cause.
"""

from __future__ import annotations

from typing import Any, List

import pytest

from bandwidth import ApiClient, CallsApi, UpdateCall
from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.testing.events import CAUSE, assert_event, expect_one

BASE = "https://app.example"
HOLD = bxml("<SpeakSentence>Please hold.</SpeakSentence><Pause duration='3600'/>")


def bridge(target: str, **attributes: str) -> str:
    attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<Bridge{attrs}>{target}</Bridge>"


def routes(**extra: Any) -> Any:
    """The caller waits on hold; the agent's answer BXML bridges it in (``{target}`` is
    filled with the waiting call's id by ``place``)."""
    return {"/initiate": HOLD, **extra}


def place(sim: VoiceSimulator, app: ScriptedApp, agent_bxml: str) -> Any:
    """A caller on hold, then an agent whose answer BXML is ``agent_bxml`` (its ``{target}``
    the caller's id): returns both ids once the agent answered."""
    caller = sim.inbound_call(
        "+19195550000",
        "+19195550001",
        answer_url=f"{BASE}/initiate",
        disconnect_url=f"{BASE}/bye",
    )
    app.routes["/agent"] = bxml(agent_bxml.replace("{target}", caller))
    sim.advance(2)
    agent = outbound_call(
        sim, to="+15555550100", answer_url=f"{BASE}/agent", disconnect_url=f"{BASE}/bye"
    )
    sim.answer(agent)
    return caller, agent


def kinds(sim: VoiceSimulator) -> List[str]:
    return [h.event_type for h in sim.webhooks]


def test_the_target_hanging_up_sends_bridge_complete_to_the_bridging_call() -> None:
    app = ScriptedApp(
        routes(
            **{
                "/bridge-done": bxml("<SpeakSentence>The caller left.</SpeakSentence>"),
                "/target-done": bxml("<SpeakSentence>Not sent.</SpeakSentence>"),
            }
        )
    )
    with VoiceSimulator(app=app) as sim:
        caller, agent = place(
            sim,
            app,
            bridge(
                "{target}",
                bridgeCompleteUrl="/bridge-done",
                bridgeTargetCompleteUrl="/target-done",
                tag="bridged",
            )
            + "<SpeakSentence>Not reached.</SpeakSentence>",
        )
        sim.advance(30)
        timeline = sim.call(caller).timeline()
        assert f"its BXML is cancelled: {agent} bridges it" in timeline
        assert f"bridged with {agent}" in timeline
        sim.hangup(caller)
        sim.advance(5)
        hooks = sim.webhooks
        a, c = sim.call(agent), sim.call(caller)
    # the bridge ends as the target's call does, then its disconnect goes out
    assert kinds(sim) == ["initiate", "answer", "bridgeComplete", "disconnect", "disconnect"]
    assert [h.call_id for h in hooks[2:]] == [agent, caller, agent]
    complete = assert_event(hooks[2].payload, extra=frozenset({"enqueuedTime", "tag"}))
    assert (complete.call_id, complete.tag, complete.cause) == (agent, "bridged", None)
    assert hooks[2].url == f"{BASE}/bridge-done"
    assert a.heard == ["The caller left."] and a.disconnect_cause == "hangup"
    assert c.heard == ["Please hold."]  # the hold music stopped at the bridge


def test_the_bridging_call_leaving_sends_bridge_target_complete_to_the_target() -> None:
    app = ScriptedApp(
        routes(**{"/target-done": bxml("<SpeakSentence>The agent left.</SpeakSentence>")})
    )
    with VoiceSimulator(app=app) as sim:
        caller, agent = place(
            sim,
            app,
            bridge(
                "{target}", bridgeCompleteUrl="/bridge-done", bridgeTargetCompleteUrl="/target-done"
            ),
        )
        sim.advance(30)
        sim.hangup(agent)
        sim.advance(5)
        hooks = sim.webhooks
        c = sim.call(caller)
    assert kinds(sim) == ["initiate", "answer", "bridgeTargetComplete", "disconnect", "disconnect"]
    assert [h.call_id for h in hooks[2:]] == [caller, agent, caller]
    target = assert_event(hooks[2].payload)
    assert (target.call_id, target.direction) == (caller, "inbound")
    assert c.heard == ["Please hold.", "The agent left."] and c.disconnect_cause == "hangup"


def test_without_urls_the_target_is_hung_up_and_the_caller_carries_on() -> None:
    app = ScriptedApp(routes())
    with VoiceSimulator(app=app) as sim:
        caller, agent = place(sim, app, bridge("{target}"))
        sim.advance(30)
        sim.hangup(agent)  # the bridging call leaves: the target is hung up
        c = sim.call(caller)
    assert (c.state, c.disconnect_cause) == ("disconnected", "hangup")
    assert "no bridgeTargetCompleteUrl: the target is hung up" in c.timeline()
    with VoiceSimulator(app=app) as sim:
        caller, agent = place(
            sim, app, bridge("{target}") + "<SpeakSentence>Carrying on.</SpeakSentence>"
        )
        sim.advance(30)
        sim.hangup(caller)  # the target leaves: the bridging call carries on after <Bridge>
        sim.advance(5)
        a = sim.call(agent)
    assert a.heard == ["Carrying on."]
    assert kinds(sim) == ["initiate", "answer", "disconnect", "disconnect"]


@pytest.mark.parametrize("who", ["caller", "agent"])
def test_a_redirect_ends_the_bridge(who: str) -> None:
    def say(text: str) -> str:
        return bxml(f"<SpeakSentence>{text}</SpeakSentence><Pause duration='60'/>")

    app = ScriptedApp(
        routes(
            **{
                "/bridge-done": say("Bridge over."),
                "/target-done": say("Target over."),
                "/moved": say("Moved."),
            }
        )
    )
    with VoiceSimulator(app=app) as sim:
        caller, agent = place(
            sim,
            app,
            bridge(
                "{target}", bridgeCompleteUrl="/bridge-done", bridgeTargetCompleteUrl="/target-done"
            ),
        )
        sim.advance(10)
        moved = caller if who == "caller" else agent
        with ApiClient(sim.configuration()) as client:
            CallsApi(client).update_call(
                sim.account_id, moved, UpdateCall(redirect_url=f"{BASE}/moved")
            )
        sim.advance(5)
        c, a = sim.call(caller), sim.call(agent)
    assert c.state == a.state == "answered"
    if who == "caller":  # the target moved: the bridging call gets bridgeComplete
        assert kinds(sim)[2:] == ["redirect", "bridgeComplete"]
        assert (c.heard[-1], a.heard) == ("Moved.", ["Bridge over."])
    else:
        assert kinds(sim)[2:] == ["redirect", "bridgeTargetComplete"]
        assert (c.heard[-1], a.heard) == ("Target over.", ["Moved."])


def test_a_second_bridge_to_a_bridged_call_fails_busy() -> None:
    app = ScriptedApp(
        routes(**{"/failed": lambda e: bxml(f"<SpeakSentence>{e['cause']}</SpeakSentence>")})
    )
    with VoiceSimulator(app=app) as sim:
        caller, _ = place(sim, app, bridge("{target}"))
        app.routes["/second"] = bxml(
            bridge(caller, bridgeCompleteUrl="/failed", tag="second"),
            "<SpeakSentence>Not reached.</SpeakSentence>",
        )
        second = outbound_call(sim, to="+15555550101", answer_url=f"{BASE}/second")
        sim.answer(second)
        sim.advance(3)
        failed = expect_one(sim.webhooks, "bridgeComplete")
        s = sim.call(second)
    event = assert_event(failed, extra=CAUSE | {"enqueuedTime", "tag"})
    assert (event.cause, event.error_message) == (
        "busy",
        f"Call {caller} is already bridged with another call",
    )
    assert event.error_id and event.tag == "second"
    assert s.heard == ["busy"]


@pytest.mark.parametrize("case", ["unknown", "ended", "self", "unanswered"])
def test_a_bridge_that_cannot_be_made(case: str) -> None:
    app = ScriptedApp({"/failed": bxml("<SpeakSentence>Failed.</SpeakSentence>")})
    with VoiceSimulator(app=app) as sim:
        other = outbound_call(sim, to="+15555550101", answer_url=f"{BASE}/other")
        if case == "ended":
            sim.hangup(other)
        target = {"unknown": "c-nobody", "ended": other, "unanswered": other}.get(case, "{self}")
        app.routes["/answer"] = lambda event: bxml(
            bridge(target.replace("{self}", event["callId"]), bridgeCompleteUrl="/failed")
        )
        call_id = outbound_call(sim)
        sim.answer(call_id)
        sim.advance(3)
        failed = expect_one(sim.webhooks, "bridgeComplete")
        call = sim.call(call_id)
    event = assert_event(failed, extra=CAUSE | {"enqueuedTime"})
    assert event.cause == "unknown"
    messages = {
        "unknown": "Call c-nobody was not found",
        "ended": f"Call {other} has already ended",
        "self": "A call cannot be bridged with itself",
        "unanswered": f"Call {other} has not been answered",
    }
    assert event.error_message == messages[case]
    assert call.heard == ["Failed."]


def test_a_failed_bridge_without_url_carries_on() -> None:
    app = ScriptedApp(
        {"/answer": bxml(bridge("c-nobody"), "<SpeakSentence>On we go.</SpeakSentence>")}
    )
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        sim.advance(3)
        assert sim.call(call_id).heard == ["On we go."]
        assert kinds(sim) == ["answer"]


def test_bridging_a_ringing_inbound_call_answers_it() -> None:
    app = ScriptedApp({"/initiate": bxml("<Ring duration='600' answerCall='false'/>")})
    with VoiceSimulator(app=app) as sim:
        caller = sim.inbound_call("+19195550000", "+19195550001", answer_url=f"{BASE}/initiate")
        assert sim.call(caller).state == "initiated"
        app.routes["/answer"] = bxml(bridge(caller))
        agent = outbound_call(sim)
        sim.answer(agent)
        c = sim.call(caller)
    assert c.state == "answered" and c.answer_time is not None


def test_bridge_webhooks_follow_the_delivery_rules() -> None:
    app = ScriptedApp(
        routes(
            **{
                "/down": (500, ""),
                "/backup": bxml("<SpeakSentence>From the backup.</SpeakSentence>"),
            }
        )
    )
    with VoiceSimulator(app=app) as sim:
        caller, agent = place(
            sim,
            app,
            bridge(
                "{target}",
                bridgeCompleteUrl="/down",
                bridgeCompleteFallbackUrl="/backup",
                bridgeCompleteFallbackMethod="GET",
            ),
        )
        sim.advance(5)
        sim.hangup(caller)
        hook = next(h for h in sim.webhooks if h.event_type == "bridgeComplete")
        a = sim.call(agent)
    assert [(x.url, x.method, x.status) for x in hook.attempts] == [
        (f"{BASE}/down", "POST", 500),
        (f"{BASE}/backup", "GET", 200),
    ]
    assert a.heard == ["From the backup."]

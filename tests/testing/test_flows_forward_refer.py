"""``<Forward>`` and ``<Refer>``: handing a call over, with the app's control or without it."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, List

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.testing.events import assert_event, expect_one

BASE = "https://app.example"
OURS, CALLER, AGENT = "+19195550000", "+19195550001", "+15555550100"
SIP_APP, SIP_AGENT = "sip:support@app.example.com", "sip:agent@pbx.example.com"


def inbound(sim: VoiceSimulator, to: str = OURS) -> str:
    return sim.inbound_call(
        to, CALLER, answer_url=f"{BASE}/initiate", disconnect_url=f"{BASE}/bye", tag="in"
    )


def kinds(sim: VoiceSimulator) -> List[str]:
    return [h.event_type for h in sim.webhooks]


# -- Forward -------------------------------------------------------------------------------


def test_a_forwarded_call_is_connected_and_the_app_hears_only_its_end() -> None:
    app = ScriptedApp({"/initiate": bxml(f"<Forward to='{AGENT}' callTimeout='10'/>", "<Hangup/>")})
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=2, hang_up_after=20)
        call_id = inbound(sim)
        start = sim.now()
        sim.advance(1)
        assert sim.call(call_id).state == "initiated"  # Forward does not answer it
        sim.advance(1)
        assert sim.call(call_id).state == "answered"
        sim.advance(30)
        call, (leg,) = sim.call(call_id), sim.legs(call_id)
        disconnect = expect_one(sim.webhooks, "disconnect")
    assert kinds(sim) == ["initiate", "disconnect"]  # no webhook for the verb or the leg
    assert call.answer_time == start + timedelta(seconds=2)
    assert (call.disconnect_cause, leg.disconnect_cause) == ("hangup", "hangup")
    assert (leg.to, leg.from_, leg.parent_call_id) == (AGENT, OURS, call_id)  # from: our number
    assert leg.request["callTimeout"] == 10
    assert disconnect["cause"] == "hangup"
    assert "forwarded to +15555550100: the app no longer controls this call" in call.timeline()


@pytest.mark.parametrize(
    ("script", "cause", "after"),
    [({"busy": True}, "busy", 0), ({"never_answers": True}, "timeout", 30)],
)
def test_a_forward_that_fails_ends_the_call_with_its_cause(
    script: Any, cause: str, after: float
) -> None:
    app = ScriptedApp({"/initiate": bxml(f"<Forward to='{AGENT}'/>")})
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, **script)
        call_id = inbound(sim)
        start = sim.now()
        sim.advance(60)
        call = sim.call(call_id)
        disconnect = expect_one(sim.webhooks, "disconnect")
    assert (call.disconnect_cause, disconnect["cause"]) == (cause, cause)
    assert call.end_time == start + timedelta(seconds=after)
    assert_event(disconnect, extra=frozenset({"tag"}))


@pytest.mark.parametrize(("answered", "cause"), [(True, "hangup"), (False, "cancel")])
def test_the_caller_hanging_up_ends_the_forwarded_leg(answered: bool, cause: str) -> None:
    app = ScriptedApp({"/initiate": bxml(f"<Forward to='{AGENT}'/>")})
    with VoiceSimulator(app=app) as sim:
        call_id = inbound(sim)
        leg_id = sim.legs(call_id)[0].call_id
        if answered:
            sim.answer(leg_id)  # by hand, as any call
            assert sim.call(call_id).state == "answered"
        sim.hangup(call_id)
        leg = sim.call(leg_id)
    assert leg.disconnect_cause == cause


def test_what_a_forwarded_leg_is_dialled_with() -> None:
    forward = (
        f"<Forward to='{SIP_AGENT}' from='+15555550999' callTimeout='5' privacy='true'"
        " callerDisplayName='Private' diversionTreatment='stack' diversionReason='user-busy'"
        " uui='abc;encoding=base64'/>"
    )
    app = ScriptedApp({"/initiate": bxml(forward)})
    with VoiceSimulator(app=app) as sim:
        call_id = inbound(sim)
        (leg,) = sim.legs(call_id)
        sim.advance(5)
        call = sim.call(call_id)
    assert leg.request == {
        "to": SIP_AGENT,
        "from": "+15555550999",
        "applicationId": leg.application_id,
        "callTimeout": 5,
        "privacy": True,
        "displayName": "Private",
        "uui": "abc;encoding=base64",
        "diversion": {"origTo": OURS, "reason": "user-busy"},
    }
    assert call.disconnect_cause == "timeout"


@pytest.mark.parametrize("where", ["answered", "outbound"])
def test_forward_works_only_on_an_unanswered_inbound_call(where: str) -> None:
    reply = bxml("<SpeakSentence>Hi.</SpeakSentence>", f"<Forward to='{AGENT}'/>")
    app = ScriptedApp({"/initiate": reply, "/answer": reply})
    with VoiceSimulator(app=app) as sim:
        if where == "answered":
            call_id = inbound(sim)
        else:
            call_id = outbound_call(sim)
            sim.answer(call_id)
        sim.advance(5)
        call = sim.call(call_id)
    assert call.disconnect_cause == "application-error"
    assert call.error_message == "<Forward> works only on an unanswered inbound call"
    assert call.legs == []


def test_a_forwarded_call_cannot_be_bridged() -> None:
    app = ScriptedApp(
        {
            "/initiate": bxml(f"<Forward to='{AGENT}'/>"),
            "/failed": bxml("<Hangup/>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        call_id = inbound(sim)
        app.routes["/answer"] = bxml(f"<Bridge bridgeCompleteUrl='/failed'>{call_id}</Bridge>")
        agent = outbound_call(sim, to="+15555550199")
        sim.answer(agent)
        failed = expect_one(sim.webhooks, "bridgeComplete")
    assert (failed["cause"], failed["errorMessage"]) == (
        "unknown",
        f"Call {call_id} is being forwarded",
    )


# -- Refer ---------------------------------------------------------------------------------


def refer(**attributes: str) -> str:
    attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<Refer{attrs}><SipUri>{SIP_AGENT}</SipUri></Refer>"


def test_a_successful_refer_tears_the_call_down() -> None:
    app = ScriptedApp(
        {
            "/initiate": bxml(
                "<SpeakSentence>Transferring.</SpeakSentence>",
                refer(referCompleteUrl="/referred", tag="referring"),
                "<SpeakSentence>Not reached.</SpeakSentence>",
            ),
            "/referred": bxml("<SpeakSentence>Ignored on success.</SpeakSentence>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(SIP_AGENT, answer_after=3)
        call_id = inbound(sim, SIP_APP)
        start = sim.now()
        sim.advance(10)
        call, hooks = sim.call(call_id), sim.webhooks
    assert kinds(sim) == ["initiate", "referComplete", "disconnect"]
    assert (
        hooks[1].time == hooks[2].time == start + timedelta(seconds=0.4 + 3)
    )  # one word, then 3 s
    event = assert_event(hooks[1].payload, extra=frozenset({"tag", "notifySipResponseCode"}))
    assert (event.refer_call_status, event.refer_sip_response_code) == ("success", 202)
    assert (event.notify_sip_response_code, event.tag) == (200, "referring")
    assert (call.disconnect_cause, call.heard) == ("hangup", ["Transferring."])
    assert call.legs == []  # the caller's side calls the target, not Bandwidth


@pytest.mark.parametrize(
    ("script", "notify", "after"),
    [
        ({"busy": True}, 486, 0),
        ({"rejected": True, "answer_after": 4}, 603, 4),
        ({"never_answers": True}, None, 30),
    ],
)
def test_a_failed_refer_keeps_the_call_and_runs_the_reply(
    script: Any, notify: Any, after: float
) -> None:
    app = ScriptedApp(
        {
            "/initiate": bxml(refer(referCompleteUrl="/referred")),
            "/referred": bxml("<SpeakSentence>Still here.</SpeakSentence><Pause duration='60'/>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(SIP_AGENT, **script)
        call_id = inbound(sim, SIP_APP)
        start = sim.now()
        sim.advance(40)
        call = sim.call(call_id)
        (hook,) = [h for h in sim.webhooks if h.event_type == "referComplete"]
    extra = frozenset({"tag"} | ({"notifySipResponseCode"} if notify else set()))
    event = assert_event(hook.payload, extra=extra)
    assert (event.refer_call_status, event.notify_sip_response_code) == ("failure", notify)
    assert hook.time == start + timedelta(seconds=after)
    assert (call.state, call.heard) == ("answered", ["Still here."])


def test_a_refer_on_a_call_that_is_not_sip_fails_at_once() -> None:
    app = ScriptedApp({"/initiate": bxml(refer(), "<SpeakSentence>Plan B.</SpeakSentence>")})
    with VoiceSimulator(app=app) as sim:
        call_id = inbound(sim)  # to an E.164 number
        call = sim.call(call_id)
    assert call.heard == ["Plan B."]  # no referCompleteUrl: the document carries on
    assert "the REFER fails (405)" in call.timeline()


def test_a_refer_reports_405_to_its_url() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(refer(referCompleteUrl="/referred", referCompleteMethod="GET")),
            "/referred": bxml("<Hangup/>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        hook = next(h for h in sim.webhooks if h.event_type == "referComplete")
    assert hook.method == "GET"
    event = assert_event(hook.payload)  # no enqueuedTime, though the call is outbound
    assert (event.refer_call_status, event.refer_sip_response_code) == ("failure", 405)
    assert event.notify_sip_response_code is None

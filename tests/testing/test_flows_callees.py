"""Scripted callees: what the party at a number does when the simulator calls it.

Busy, rejected, no answer until ``callTimeout``, answering after some
seconds, hanging up later: each with the disconnect cause, SIP status and
webhooks the platform sends. Destinations nobody scripted behave as before.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from bandwidth import ApiClient, CallsApi
from bandwidth.testing import AnsweredBy, AutoProgress, Callee, VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.testing.events import assert_event, expect_one

TO = "+19195551234"  # outbound_call's default destination
BYE = "https://app.example/bye"


def app() -> ScriptedApp:
    return ScriptedApp({"/answer": bxml("<Pause duration='600'/>")})


def state(sim: VoiceSimulator, call_id: str) -> Any:
    with ApiClient(sim.configuration()) as client:
        return CallsApi(client).get_call_state(sim.account_id, call_id)


@pytest.mark.parametrize(
    ("script", "cause", "code", "message"),
    [
        ({"busy": True}, "busy", 486, "Callee is busy"),
        ({"rejected": True, "answer_after": 0}, "rejected", 603, "Callee rejected the call"),
    ],
)
def test_a_refusing_callee_ends_the_call_with_its_cause_and_sip_status(
    script: Any, cause: str, code: int, message: str
) -> None:
    with VoiceSimulator(app=app()) as sim:
        sim.callee(TO, **script)
        call_id = outbound_call(sim, disconnect_url=BYE)
        call = sim.call(call_id)
        hooks = sim.webhooks
        api_state = state(sim, call_id)
    assert (call.state, call.disconnect_cause, call.error_message) == (
        "disconnected",
        cause,
        message,
    )
    assert call.answer_time is None and call.start_time is not None
    assert [h.event_type for h in hooks] == ["disconnect"]  # never answered: no answer webhook
    disconnect = assert_event(
        hooks[0].payload, extra=frozenset({"enqueuedTime", "sipResponseCode"})
    )
    assert (disconnect.cause, disconnect.sip_response_code) == (cause, code)
    assert disconnect.error_message == message and disconnect.error_id
    assert hooks[0].payload["answerTime"] is None
    assert (api_state.disconnect_cause, api_state.error_message) == (cause, message)


def test_rejecting_takes_the_ringing_time_it_is_given() -> None:
    with VoiceSimulator(app=app()) as sim:
        sim.callee(TO, rejected=True, answer_after=4)
        call_id = outbound_call(sim)
        sim.advance(3.9)
        assert sim.call(call_id).state == "initiated"
        sim.advance(0.1)
        call = sim.call(call_id)
    assert call.disconnect_cause == "rejected"
    assert call.end_time is not None and call.start_time is not None
    assert call.end_time - call.start_time == timedelta(seconds=4)


@pytest.mark.parametrize("script", [{"never_answers": True}, {"answer_after": 12}])
def test_no_answer_rings_until_call_timeout(script: Any) -> None:
    with VoiceSimulator(app=app()) as sim:
        sim.callee(TO, **script)
        call_id = outbound_call(sim, disconnect_url=BYE, call_timeout=12)
        sim.advance(11.9)
        assert sim.call(call_id).state == "initiated"
        sim.advance(0.1)
        call = sim.call(call_id)
        hooks = sim.webhooks
    assert (call.disconnect_cause, call.error_message, call.sip_response_code) == (
        "timeout",
        None,
        None,
    )
    assert [h.event_type for h in hooks] == ["disconnect"]
    assert_event(hooks[0].payload, extra=frozenset({"enqueuedTime"}))  # no sipResponseCode


def test_a_callee_answers_after_ringing_and_hangs_up_later() -> None:
    with VoiceSimulator(app=app()) as sim:
        sim.callee(TO, answer_after=2.5, hang_up_after=10)
        call_id = outbound_call(sim, disconnect_url=BYE)
        created = sim.now()
        sim.advance(2.4)
        assert sim.webhooks == []
        sim.advance(0.1)
        assert sim.call(call_id).state == "answered"
        sim.advance(20)
        call = sim.call(call_id)
        hooks = sim.webhooks
    assert [h.event_type for h in hooks] == ["answer", "disconnect"]
    assert hooks[0].time == created + timedelta(seconds=2.5)
    assert hooks[1].time == created + timedelta(seconds=12.5)
    assert (call.disconnect_cause, call.error_message) == ("hangup", None)
    assert_event(hooks[0].payload, extra=frozenset({"enqueuedTime"}))
    assert "the callee hangs up" in call.timeline()


def test_the_default_callee_answers_after_a_second() -> None:
    with VoiceSimulator(app=app()) as sim:
        assert sim.callee(TO) == Callee()
        call_id = outbound_call(sim)
        sim.advance(1)
        assert sim.call(call_id).state == "answered"
        assert sim.callees == {TO: Callee()}


def test_unscripted_destinations_wait_for_the_test_or_auto_progress() -> None:
    with VoiceSimulator(app=app()) as sim:
        sim.callee("+15555550100", busy=True)
        call_id = outbound_call(sim)  # to TO: nobody scripted it
        sim.advance(600)
        assert sim.call(call_id).state == "queued"
        sim.answer(call_id)
        assert sim.call(call_id).state == "answered"
    with VoiceSimulator(app=app(), auto_progress=AutoProgress(answer_after=1.0)) as sim:
        sim.callee(TO, busy=True)  # a script wins over auto-progress
        busy = outbound_call(sim)
        free = outbound_call(sim, to="+15555550199")
        sim.advance(2)
        assert sim.call(busy).disconnect_cause == "busy"
        assert sim.call(free).state == "answered"


def test_a_call_follows_the_script_it_was_placed_under() -> None:
    with VoiceSimulator(app=app()) as sim:
        sim.callee(TO, answer_after=5)
        first = outbound_call(sim)
        sim.callee(TO, busy=True)
        second = outbound_call(sim)
        sim.clear_callees()
        third = outbound_call(sim)
        sim.advance(5)
        assert sim.call(first).state == "answered"
        assert sim.call(second).disconnect_cause == "busy"
        assert sim.call(third).state == "queued"
        assert sim.callees == {}


def test_the_test_can_still_move_a_scripted_call_first() -> None:
    with VoiceSimulator(app=app()) as sim:
        sim.callee(TO, answer_after=5, hang_up_after=5)
        call_id = outbound_call(sim)
        sim.answer(call_id)  # before the callee would
        sim.advance(4.9)
        assert sim.call(call_id).state == "answered"
        sim.advance(0.1)  # 5 s after the test's answer; the callee's own answer finds it ended
        call = sim.call(call_id)
    assert call.disconnect_cause == "hangup"
    assert call.end_time is not None and call.answer_time is not None
    assert call.end_time - call.answer_time == timedelta(seconds=5)


def test_scripts_work_without_call_flows() -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        sim.callee(TO, busy=True)
        call_id = outbound_call(sim, disconnect_url=BYE)
        assert sim.call(call_id).disconnect_cause == "busy"
        assert sim.webhooks == []


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "match"),
    [
        (("555-0100",), {}, ValueError, "E.164 number"),
        ((TO,), {"busy": True, "rejected": True}, ValueError, "choose one"),
        ((TO,), {"answer_after": -1}, ValueError, "at least 0"),
        ((TO,), {"hang_up_after": float("nan")}, ValueError, "finite"),
        ((TO,), {"answer_after": "3"}, TypeError, "number of seconds"),
        ((TO,), {"busy": 1}, TypeError, "True or False"),
        ((TO,), {"answerAfter": 3}, TypeError, "answerAfter"),
        ((TO,), {"answered_by": "robot"}, ValueError, "answered_by must be"),
        ((TO, Callee()), {"busy": True}, TypeError, "not both"),
        ((TO, {"busy": True}), {}, TypeError, "must be a Callee"),
    ],
)
def test_bad_scripts_are_refused(args: Any, kwargs: Any, error: Any, match: str) -> None:
    with VoiceSimulator() as sim:
        with pytest.raises(error, match=match):
            sim.callee(*args, **kwargs)
        assert sim.callees == {}


def test_sip_destinations_and_answerers() -> None:
    script = Callee(answered_by="machine")
    assert script.answered_by == AnsweredBy.machine()
    assert AnsweredBy.machine(8, beep=False).beep is None
    assert AnsweredBy.machine(8, beep=20).beep == 20
    assert AnsweredBy.machine(8).beep == 8.5  # as the greeting (from 0.5 s) ends
    assert AnsweredBy.of("silence").speech == 0
    with pytest.raises(ValueError, match="speech"):
        AnsweredBy("human", speech=-1)
    with VoiceSimulator() as sim:
        sim.callee("sip:agent@pbx.example.com", script)
        assert sim.callees == {"sip:agent@pbx.example.com": script}


def test_a_callee_hanging_up_during_the_flow_stops_the_bxml() -> None:
    app = ScriptedApp({"/answer": bxml("<SpeakSentence>" + "word " * 50 + "</SpeakSentence>")})
    with VoiceSimulator(app=app) as sim:
        sim.callee(TO, answer_after=0, hang_up_after=3)
        call_id = outbound_call(sim, disconnect_url=BYE)
        sim.advance(60)
        call = sim.call(call_id)
        disconnect = expect_one(sim.webhooks, "disconnect")
    assert call.end_time is not None and call.answer_time is not None
    assert call.end_time - call.answer_time == timedelta(seconds=3)
    assert disconnect["cause"] == "hangup"
    assert "end of the BXML" not in call.timeline()

"""``<Transfer>`` in the simulator: legs that ring at once, the winner bridged, the events.

Every payload is held to its event's table, its official callback model and
the spec's schema (``tests/testing/events.py``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Dict, List

import pytest

from bandwidth import ApiClient, CallsApi, UpdateCall
from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.testing.events import assert_event, expect_one

OURS, CALLER = "+19195550000", "+19195550001"
AGENT, OTHER = "+15555550100", "+15555550101"
BASE = "https://app.example"
T = frozenset({"tag"})


def transfer(*destinations: str, **attributes: str) -> str:
    attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<Transfer{attrs}>" + "".join(destinations) + "</Transfer>"


def number(value: str, **attributes: str) -> str:
    attrs = "".join(f' {name}="{value}"' for name, value in attributes.items())
    return f"<PhoneNumber{attrs}>{value}</PhoneNumber>"


def inbound(sim: VoiceSimulator, **fields: Any) -> str:
    return sim.inbound_call(
        OURS, CALLER, answer_url=f"{BASE}/initiate", disconnect_url=f"{BASE}/bye", **fields
    )


def events(sim: VoiceSimulator) -> List[str]:
    return [h.event_type for h in sim.webhooks]


def test_simultaneous_ring_the_first_to_answer_is_bridged_then_transfer_complete() -> None:
    app = ScriptedApp(
        {
            "/initiate": bxml(
                "<SpeakSentence>Please hold.</SpeakSentence>",
                transfer(
                    number(
                        AGENT,
                        transferAnswerUrl="/whisper",
                        transferDisconnectUrl="/leg-bye",
                        tag="agent-1",
                    ),
                    number(OTHER, transferDisconnectUrl="/leg-bye"),
                    transferCompleteUrl="/complete",
                    tag="transferring",
                ),
                "<SpeakSentence>Not reached.</SpeakSentence>",
            ),
            "/whisper": bxml("<SpeakSentence>Caller on the line.</SpeakSentence>"),
            "/complete": bxml("<SpeakSentence>Thanks for calling.</SpeakSentence>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=3, hang_up_after=60)
        sim.callee(OTHER, never_answers=True)
        a_id = inbound(sim)
        start = sim.now()
        sim.advance(5)
        legs = sim.legs(a_id)
        agent, other = legs
        assert (agent.to, other.to) == (AGENT, OTHER)
        assert (agent.state, other.state) == ("answered", "disconnected")
        assert agent.heard == ["Caller on the line."]  # the whisper: the callee only
        sim.advance(1)
        assert "bridged with " + agent.call_id in sim.call(a_id).timeline()
        sim.advance(120)
        a, hooks, legs = sim.call(a_id), sim.webhooks, sim.legs(a_id)
        with ApiClient(sim.configuration()) as client:
            api = CallsApi(client)
            listed = api.list_calls(sim.account_id)
            agent_state = api.get_call_state(sim.account_id, agent.call_id)
    agent, other = legs

    assert events(sim) == [
        "initiate",
        "transferDisconnect",  # the other leg, cancelled when the agent answered
        "transferAnswer",
        "transferDisconnect",  # the agent hangs up
        "transferComplete",
        "disconnect",
    ]
    assert [h.call_id for h in hooks] == [
        a_id, other.call_id, agent.call_id, agent.call_id, a_id, a_id
    ]  # fmt: skip
    at = [(h.time - start).total_seconds() for h in hooks]
    assert at == [0, 3.8, 3.8, 63.8, 63.8, 65.0]  # "Please hold." is 0.8 s; the agent rings 3 s
    assert a.heard == ["Please hold.", "Thanks for calling."]
    assert a.legs == [agent.call_id, other.call_id]
    assert (a.state, a.disconnect_cause, a.tag) == ("disconnected", "hangup", "transferring")
    assert (agent.disconnect_cause, other.disconnect_cause) == ("hangup", "cancel")
    assert agent.parent_call_id == other.parent_call_id == a_id
    assert (agent.from_, agent.direction) == (CALLER, "outbound")  # the caller's number by default
    assert agent.request["callTimeout"] == 30 and agent.tag == "agent-1"

    cancelled = assert_event(hooks[1].payload)
    assert (cancelled.cause, cancelled.answer_time, cancelled.transfer_to) == (
        "cancel",
        None,
        OTHER,
    )
    answer = assert_event(hooks[2].payload, extra=T)
    assert answer.call_id == agent.call_id and answer.parent_call_id == a_id
    assert (answer.var_from, answer.to) == (CALLER, OURS)  # the A-leg's numbers
    assert (answer.transfer_caller_id, answer.transfer_to, answer.tag) == (CALLER, AGENT, "agent-1")
    gone = assert_event(hooks[3].payload, extra=T)
    assert (gone.cause, gone.end_time, gone.error_message) == ("hangup", agent.end_time, None)
    complete = assert_event(hooks[4].payload, extra=T)
    assert (complete.call_id, complete.direction, complete.cause) == (a_id, "inbound", "hangup")
    assert (complete.transfer_caller_id, complete.transfer_to) == (CALLER, AGENT)
    assert complete.tag == "transferring"  # the Transfer's tag, from its webhook on
    assert_event(hooks[5].payload, extra=T)
    assert hooks[2].url == f"{BASE}/whisper"  # relative URLs resolve against the A-leg's BXML

    assert [c.call_id for c in listed] == [a_id, agent.call_id, other.call_id]
    assert agent_state.parent_call_id == a_id and agent_state.disconnect_cause == "hangup"
    assert listed[0].parent_call_id is None


def test_without_transfer_complete_url_the_document_carries_on() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(
                transfer(number(AGENT)),
                "<SpeakSentence>The agent left.</SpeakSentence>",
            )
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=2, hang_up_after=10)
        a_id = outbound_call(sim, disconnect_url=f"{BASE}/bye")
        sim.answer(a_id)
        sim.advance(11.9)
        assert sim.call(a_id).heard == []
        sim.advance(0.1)
        assert sim.call(a_id).heard == ["The agent left."]
        sim.advance(5)
        a, leg = sim.call(a_id), sim.legs(a_id)[0]
    assert events(sim) == ["answer", "disconnect"]  # the legs have no webhook URLs
    assert a.disconnect_cause == "hangup"
    assert leg.from_ == a.to  # an outbound A-leg: its callee is the remote party


def test_every_leg_failing_completes_the_transfer_with_the_last_cause() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(
                transfer(
                    number(AGENT, transferDisconnectUrl="/leg-bye"),
                    number(OTHER, transferDisconnectUrl="/leg-bye"),
                    "<SipUri transferDisconnectUrl='/leg-bye'>sip:desk@pbx.example.com</SipUri>",
                    transferCompleteUrl="/complete",
                    callTimeout="8",
                )
            ),
            "/complete": lambda event: bxml(
                f"<SpeakSentence>Sorry, {event['cause']}.</SpeakSentence>"
            ),
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, busy=True)
        sim.callee(OTHER, rejected=True, answer_after=2)
        # the SIP desk is unscripted: it rings until the Transfer's callTimeout
        a_id = outbound_call(sim)
        sim.answer(a_id)
        start = sim.now()
        sim.advance(20)
        hooks, a, legs = sim.webhooks, sim.call(a_id), sim.legs(a_id)
    assert events(sim) == [
        "answer",
        "transferDisconnect",
        "transferDisconnect",
        "transferDisconnect",
        "transferComplete",
    ]
    causes = [h.payload["cause"] for h in hooks[1:4]]
    assert causes == ["busy", "rejected", "timeout"]
    assert [(h.time - start).total_seconds() for h in hooks[1:5]] == [0, 2, 8, 8]
    busy = assert_event(hooks[1].payload, extra=frozenset())
    assert (busy.error_message, busy.transfer_to) == ("Callee is busy", AGENT)
    assert [leg.sip_response_code for leg in legs] == [486, 603, None]
    complete = assert_event(hooks[4].payload, extra=frozenset({"enqueuedTime"}))
    assert (complete.cause, complete.transfer_to) == ("timeout", "sip:desk@pbx.example.com")
    assert a.heard == ["Sorry, timeout."]


def test_the_test_answers_and_hangs_up_legs_by_hand() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(
                transfer(number(AGENT), number(OTHER), transferCompleteUrl="/complete")
            ),
            "/complete": bxml("<Hangup/>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(10)
        agent, other = sim.legs(a_id)
        assert (agent.state, other.state) == ("initiated", "initiated")
        sim.answer(other.call_id)
        assert [leg.state for leg in sim.legs(a_id)] == ["disconnected", "answered"]
        with pytest.raises(ValueError, match="only a ringing call answers"):
            sim.answer(agent.call_id)
        sim.advance(30)
        sim.hangup(other.call_id)
        a = sim.call(a_id)
        complete = expect_one(sim.webhooks, "transferComplete")
    assert complete["transferTo"] == OTHER and complete["cause"] == "hangup"
    assert a.disconnect_cause == "hangup"  # the reply's <Hangup>


def test_a_caller_hanging_up_hangs_up_every_leg_and_no_transfer_complete() -> None:
    app = ScriptedApp(
        {
            "/initiate": bxml(
                transfer(
                    number(AGENT, transferDisconnectUrl="/leg-bye"),
                    transferCompleteUrl="/complete",
                )
            )
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = inbound(sim)
        sim.advance(10)
        sim.hangup(a_id)
        hooks = sim.webhooks
        leg = sim.legs(a_id)[0]
    # the leg is hung up as the caller's call ends, then the caller's disconnect goes out
    assert events(sim) == ["initiate", "transferDisconnect", "disconnect"]
    assert hooks[1].call_id == leg.call_id and hooks[2].call_id == a_id
    assert leg.disconnect_cause == "hangup"
    assert_event(hooks[1].payload)


def test_a_caller_hanging_up_while_legs_ring_cancels_them() -> None:
    app = ScriptedApp(
        {"/answer": bxml(transfer(number(AGENT, transferDisconnectUrl="/leg-bye"), number(OTHER)))}
    )
    with VoiceSimulator(app=app) as sim:
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        sim.hangup(a_id)
        sim.advance(60)
        legs = sim.legs(a_id)
        gone = expect_one(sim.webhooks, "transferDisconnect")
    assert [leg.disconnect_cause for leg in legs] == ["cancel", "cancel"]
    assert gone["cause"] == "cancel"


def test_redirecting_the_caller_ends_the_transfer() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(transfer(number(AGENT), transferCompleteUrl="/complete")),
            "/elsewhere": bxml("<SpeakSentence>Moved.</SpeakSentence><Pause duration='60'/>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        with ApiClient(sim.configuration()) as client:
            CallsApi(client).update_call(
                sim.account_id, a_id, UpdateCall(redirect_url=f"{BASE}/elsewhere")
            )
        sim.advance(5)
        a, leg = sim.call(a_id), sim.legs(a_id)[0]
    assert events(sim) == ["answer", "redirect"]  # no transferComplete: the A-leg moved on
    assert (a.state, a.heard) == ("answered", ["Moved."])
    assert leg.disconnect_cause == "hangup"


def test_transfer_answer_bxml_screens_the_call_before_the_bridge() -> None:
    screen = bxml(
        "<Gather gatherUrl='/screened' maxDigits='1' firstDigitTimeout='10'>"
        "<SpeakSentence>Press 1 to accept.</SpeakSentence></Gather>"
    )
    app = ScriptedApp(
        {
            "/answer": bxml(
                transfer(
                    number(AGENT, transferAnswerUrl="/screen", tag="screening"),
                    transferCompleteUrl="/complete",
                )
            ),
            "/screen": screen,
            "/screened": lambda event: bxml(
                "<SpeakSentence>Connecting.</SpeakSentence>"
                if event["digits"] == "1"
                else "<Hangup/>"
            ),
            "/complete": lambda event: bxml(f"<SpeakSentence>{event['cause']}</SpeakSentence>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(3)
        leg_id = sim.legs(a_id)[0].call_id
        sim.press(leg_id, "1")
        sim.advance(1)
        assert f"bridged with {leg_id}" in sim.call(a_id).timeline()
        gather = expect_one(sim.webhooks, "gather")
        sim.hangup(leg_id)
        sim.advance(5)
        a = sim.call(a_id)
    gathered = assert_event(
        gather, extra=frozenset({"parentCallId", "transferCallerId", "transferTo"}) | T
    )
    assert (gathered.call_id, gathered.parent_call_id, gathered.digits) == (leg_id, a_id, "1")
    assert a.heard == ["hangup"]  # the transferComplete reply

    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(3)
        sim.press(sim.legs(a_id)[0].call_id, "2")  # declined: the leg hangs up, never bridged
        sim.advance(5)
        a = sim.call(a_id)
    assert "bridged" not in a.timeline()
    assert a.heard == ["hangup"]


@pytest.mark.parametrize("verb", ["Transfer", "Bridge", "Conference", "Forward"])
def test_transfer_answer_bxml_may_not_place_or_join_calls(verb: str) -> None:
    body = {
        "Transfer": transfer(number(OTHER)),
        "Bridge": "<Bridge>c-123</Bridge>",
        "Conference": "<Conference>room</Conference>",
        "Forward": f"<Forward to='{OTHER}'/>",
    }[verb]
    app = ScriptedApp(
        {
            "/answer": bxml(transfer(number(AGENT, transferAnswerUrl="/whisper"),
                                     transferCompleteUrl="/complete")),
            "/whisper": bxml("<SpeakSentence>Hi.</SpeakSentence>", body),
            "/complete": bxml("<Hangup/>"),
        }
    )  # fmt: skip
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        leg = sim.legs(a_id)[0]
        complete = expect_one(sim.webhooks, "transferComplete")
    assert leg.heard == ["Hi."]
    assert leg.disconnect_cause == "application-error"
    assert (
        leg.error_message
        == f"<{verb}> is not allowed in the BXML answering a transferAnswer webhook"
    )
    assert (complete["cause"], complete["errorMessage"]) == ("application-error", leg.error_message)


def test_a_failed_transfer_answer_webhook_ends_the_leg() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(transfer(number(AGENT, transferAnswerUrl="/down"),
                                     transferCompleteUrl="/complete")),
            "/down": (503, ""),
            "/complete": bxml("<Hangup/>"),
        }
    )  # fmt: skip
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        complete = expect_one(sim.webhooks, "transferComplete")
    assert complete["cause"] == "callback-error"
    assert "transferAnswer webhook" in complete["errorMessage"]


def test_what_the_legs_are_dialled_with() -> None:
    app = ScriptedApp(
        {
            "/initiate": bxml(
                transfer(
                    number(AGENT, uui="abc;encoding=base64"),
                    "<SipUri uui='eyJ;encoding=jwt'>sip:desk@pbx.example.com</SipUri>",
                    transferCallerId="+15555550999",
                    privacy="true",
                    transferCallerDisplayName="Anonymous",
                    callTimeout="12.5",
                    diversionTreatment="stack",
                    diversionReason="no-answer",
                )
            )
        }
    )
    with VoiceSimulator(app=app) as sim:
        a_id = inbound(sim)
        sim.advance(1)
        agent, desk = sim.legs(a_id)
        sim.advance(11)
        assert sim.legs(a_id)[0].state == "initiated"
        sim.advance(0.5)
        timed_out = sim.legs(a_id)
    shared: Dict[str, Any] = {
        "from": "+15555550999",
        "applicationId": agent.application_id,
        "callTimeout": 12.5,
        "privacy": True,
        "displayName": "Anonymous",
        "diversion": {"origTo": OURS, "reason": "no-answer"},
    }
    assert agent.request == {"to": AGENT, "uui": "abc;encoding=base64", **shared}
    assert desk.request == {"to": "sip:desk@pbx.example.com", "uui": "eyJ;encoding=jwt", **shared}
    assert agent.from_ == desk.from_ == "+15555550999"
    assert [leg.disconnect_cause for leg in timed_out] == ["timeout", "timeout"]


def test_diversion_is_ignored_when_transferring_an_outbound_call() -> None:
    app = ScriptedApp({"/answer": bxml(transfer(number(AGENT), diversionTreatment="propagate"))})
    with VoiceSimulator(app=app) as sim:
        a_id = outbound_call(sim)
        sim.answer(a_id)
        leg = sim.legs(a_id)[0]
        assert "diversion" not in leg.request
        assert "diversionTreatment ignored" in sim.call(a_id).timeline()


def test_transfer_complete_follows_the_delivery_rules() -> None:
    calls: List[Dict[str, Any]] = []

    def protected(environ: Dict[str, Any], start_response: Any) -> List[bytes]:
        calls.append(
            {"path": environ["PATH_INFO"], "auth": environ.get("HTTP_AUTHORIZATION"),
             "method": environ["REQUEST_METHOD"], "query": environ.get("QUERY_STRING", "")}
        )  # fmt: skip
        path = environ["PATH_INFO"]
        if path == "/answer":
            body = bxml(
                transfer(
                    number(AGENT),
                    transferCompleteUrl="/complete",
                    transferCompleteMethod="GET",
                    transferCompleteFallbackUrl="https://backup.example/fallback",
                    username="u",
                    password="p",
                    fallbackUsername="fu",
                    fallbackPassword="fp",
                )
            )
            start_response("200 OK", [])
            return [body.encode()]
        if path == "/complete":
            if not environ.get("HTTP_AUTHORIZATION"):
                start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="x"')])
                return []
            start_response("500 Oops", [])
            return []
        start_response("200 OK", [])
        return [bxml("<SpeakSentence>From the backup.</SpeakSentence>").encode()]

    with VoiceSimulator(app=protected) as sim:
        sim.callee(AGENT, answer_after=1, hang_up_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        (hook,) = [h for h in sim.webhooks if h.event_type == "transferComplete"]
        a = sim.call(a_id)
    assert [(c["path"], c["method"], c["auth"] is not None) for c in calls[1:]] == [
        ("/complete", "GET", False),
        ("/complete", "GET", True),
        ("/fallback", "POST", False),
    ]
    assert "eventType=transferComplete" in calls[1]["query"]
    assert (hook.url, hook.status) == ("https://backup.example/fallback", 200)
    assert a.heard == ["From the backup."]


def test_a_redirected_leg_leaves_the_transfer() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(transfer(number(AGENT), transferCompleteUrl="/complete")),
            "/complete": bxml("<SpeakSentence>Alone again.</SpeakSentence><Pause duration='60'/>"),
            "/leg-elsewhere": bxml("<Pause duration='60'/>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        leg_id = sim.legs(a_id)[0].call_id
        with ApiClient(sim.configuration()) as client:
            CallsApi(client).update_call(
                sim.account_id, leg_id, UpdateCall(redirect_url=f"{BASE}/leg-elsewhere")
            )
        sim.advance(1)
        a, leg = sim.call(a_id), sim.call(leg_id)
        redirect = expect_one(sim.webhooks, "redirect")
        complete = expect_one(sim.webhooks, "transferComplete")
    assert (leg.state, a.state) == ("answered", "answered")
    assert a.heard == ["Alone again."] and complete["cause"] == "hangup"
    assert_event(redirect, extra=frozenset({"parentCallId", "transferCallerId", "transferTo"}))
    assert redirect["callId"] == leg_id and redirect["parentCallId"] == a_id


def test_a_transfer_rings_for_its_call_timeout_by_default() -> None:
    app = ScriptedApp(
        {"/answer": bxml(transfer(number(AGENT)), "<SpeakSentence>No one.</SpeakSentence>")}
    )
    with VoiceSimulator(app=app) as sim:
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(29.9)
        assert sim.call(a_id).heard == []
        sim.advance(0.1)
        a, leg = sim.call(a_id), sim.legs(a_id)[0]
    assert a.heard == ["No one."] and leg.disconnect_cause == "timeout"
    assert leg.end_time is not None and leg.start_time is not None
    assert leg.end_time - leg.start_time == timedelta(seconds=30)


def test_leg_webhooks_use_the_destination_s_credentials_and_fallback() -> None:
    seen: List[Any] = []

    def app(environ: Dict[str, Any], start_response: Any) -> List[bytes]:
        path, auth = environ["PATH_INFO"], environ.get("HTTP_AUTHORIZATION")
        seen.append((path, environ["REQUEST_METHOD"], auth is not None))
        if path == "/answer":
            destination = number(
                AGENT,
                transferAnswerUrl="/whisper",
                transferAnswerFallbackUrl="/whisper-backup",
                transferAnswerFallbackMethod="GET",
                transferDisconnectUrl="/leg-bye",
                transferDisconnectMethod="GET",
                username="leg",
                password="leg-secret",
                fallbackUsername="backup",
                fallbackPassword="backup-secret",
            )
            body = bxml(transfer(destination))
        elif path == "/whisper":
            start_response("503 Unavailable", [])
            return []
        elif not auth:
            start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="legs"')])
            return []
        else:
            body = bxml("<SpeakSentence>From the backup.</SpeakSentence>")
        start_response("200 OK", [])
        return [body.encode()]

    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1, hang_up_after=5)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(10)
        leg = sim.legs(a_id)[0]
    assert seen[1:] == [
        ("/whisper", "POST", False),
        ("/whisper-backup", "GET", False),
        ("/whisper-backup", "GET", True),
        ("/leg-bye", "GET", False),
        ("/leg-bye", "GET", True),
    ]
    assert leg.heard == ["From the backup."]


def test_legs_of_an_unknown_call_and_after_clearing() -> None:
    app = ScriptedApp({"/answer": bxml(transfer(number(AGENT)))})
    with VoiceSimulator(app=app) as sim:
        with pytest.raises(KeyError):
            sim.legs("c-nobody")
        a_id = outbound_call(sim)
        sim.answer(a_id)
        assert len(sim.legs(a_id)) == 1
        sim.clear_calls()
        assert sim.calls == []
        sim.callee(AGENT, answer_after=1, hang_up_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        (leg,) = sim.legs(a_id)
        assert leg.disconnect_cause == "hangup"


def test_digits_during_a_transfer_are_not_collected() -> None:
    app = ScriptedApp({"/answer": bxml(transfer(number(AGENT)))})
    with VoiceSimulator(app=app) as sim:
        sim.callee(AGENT, answer_after=1)
        a_id = outbound_call(sim)
        sim.answer(a_id)
        sim.advance(5)
        sim.press(a_id, "5")
        assert "digit 5: the transfer does not collect it" in sim.call(a_id).timeline()
        assert events(sim) == ["answer"]

"""MFA in the simulator: codes by call and by text, and verifying them, through ``MFAApi``.

Against ``sim.configuration()`` over a loopback socket; the code is read
with ``sim.mfa_code`` (or from the handset's text, or the call's
``heard``), and never shows unmasked in a repr or the timeline.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterator

import pytest

import bandwidth
from bandwidth import CallsApi, CodeRequest, MFAApi, VerifyCodeRequest
from bandwidth.exceptions import (
    ForbiddenException,
    ServiceException,
    TooManyRequestsException,
)
from bandwidth.testing import AutoProgress, BandwidthSimulator, Callee, VoiceSimulator
from tests.support.raw import Raw
from tests.testing.messaging_apps import APP_ID, OURS, CallbackApp, Served

USER = "+19195553333"
VOICE_APP = "a4d4f5e6-0000-4000-8000-000000000001"


@pytest.fixture
def mfa(sim: VoiceSimulator) -> Iterator[MFAApi]:
    with bandwidth.ApiClient(sim.configuration()) as client:
        yield MFAApi(client)


def _order(**fields: Any) -> CodeRequest:
    values: Dict[str, Any] = {
        "to": USER,
        "var_from": OURS,
        "application_id": VOICE_APP,
        "message": "Your code is {CODE}",
        "digits": 6,
    }
    values.update(fields)
    return CodeRequest(**values)


def _verify(sim: VoiceSimulator, mfa: MFAApi, code: str, minutes: float = 3, **extra: Any) -> bool:
    request = VerifyCodeRequest(to=USER, expiration_time_in_minutes=minutes, code=code, **extra)
    valid = mfa.verify_code(sim.account_id, request).valid
    assert isinstance(valid, bool)
    return valid


def _path(sim: VoiceSimulator, what: str, prefix: str = "/api/v2") -> str:
    return f"{prefix}/accounts/{sim.account_id}/code/{what}"


# -- voice codes ---------------------------------------------------------------------------


def test_a_voice_code_is_spoken_on_a_call_to_the_number(sim: VoiceSimulator, mfa: MFAApi) -> None:
    call_id = mfa.generate_voice_code(sim.account_id, _order()).call_id
    code = sim.mfa_code(USER)
    assert len(code) == 6 and code.isdigit()
    with bandwidth.ApiClient(sim.configuration()) as client:
        state = CallsApi(client).get_call_state(sim.account_id, call_id)
    assert (state.to, state.var_from, state.application_id) == (USER, OURS, VOICE_APP)
    assert state.direction == "outbound"
    assert sim.call(call_id).heard == []  # ringing
    sim.advance(30)
    call = sim.call(call_id)
    assert call.heard == [f"Your code is {code}"]
    assert (call.state, call.disconnect_cause) == ("disconnected", "hangup")
    assert sim.webhooks == []  # the MFA platform runs the call, not the app
    for shown in (repr(call), repr(call.heard), call.timeline(), sim.timeline()):
        assert code not in shown
    assert "Your code is *****" in call.timeline()


def test_the_right_code_verifies_once_inside_its_expiry(sim: VoiceSimulator, mfa: MFAApi) -> None:
    mfa.generate_voice_code(sim.account_id, _order())
    code = sim.mfa_code(USER)
    wrong = "000000" if code != "000000" else "111111"
    assert _verify(sim, mfa, wrong) is False
    assert _verify(sim, mfa, code) is True
    assert _verify(sim, mfa, code) is False  # used up
    (issued,) = sim.mfa_codes
    assert issued.used and issued.channel == "voice" and code not in repr(issued)


def test_the_expiry_is_the_verify_call_s_own(sim: VoiceSimulator, mfa: MFAApi) -> None:
    mfa.generate_voice_code(sim.account_id, _order())
    code = sim.mfa_code(USER)
    sim.advance(3 * 60 + 1)
    assert _verify(sim, mfa, code, minutes=3) is False
    assert _verify(sim, mfa, code, minutes=4) is True


def test_a_new_code_replaces_the_last_one_and_scopes_are_apart(
    sim: VoiceSimulator, mfa: MFAApi
) -> None:
    sim.next_mfa_code("1234")
    sim.next_mfa_code("5678")
    sim.next_mfa_code("9999")
    mfa.generate_voice_code(sim.account_id, _order(digits=4))
    mfa.generate_voice_code(sim.account_id, _order(digits=4))
    mfa.generate_voice_code(sim.account_id, _order(digits=4, scope="login"))
    assert (sim.mfa_code(USER), sim.mfa_code(USER, "login")) == ("5678", "9999")
    assert _verify(sim, mfa, "1234") is False
    assert _verify(sim, mfa, "9999") is False  # the default scope, 2FA
    assert _verify(sim, mfa, "9999", scope="login") is True
    assert _verify(sim, mfa, "5678") is True


def test_a_scripted_callee_decides_whether_the_code_is_heard(
    sim: VoiceSimulator, mfa: MFAApi
) -> None:
    sim.callee(USER, Callee(busy=True))
    call_id = mfa.generate_voice_code(sim.account_id, _order()).call_id
    sim.advance(5)
    call = sim.call(call_id)
    assert (call.heard, call.disconnect_cause) == ([], "busy")
    sim.callee(USER, Callee(answer_after=10))
    call_id = mfa.generate_voice_code(sim.account_id, _order()).call_id
    sim.advance(9)
    assert sim.call(call_id).heard == []
    sim.advance(10)
    assert sim.call(call_id).heard == [f"Your code is {sim.mfa_code(USER)}"]


def test_auto_progress_answers_code_calls_as_any_call() -> None:
    with VoiceSimulator(deliver_webhooks=False, auto_progress=AutoProgress(answer_after=4)) as sim:
        with bandwidth.ApiClient(sim.configuration()) as client:
            call_id = MFAApi(client).generate_voice_code(sim.account_id, _order()).call_id
        sim.advance(3)
        assert sim.call(call_id).state == "initiated"
        sim.advance(10)
        assert sim.call(call_id).heard == [f"Your code is {sim.mfa_code(USER)}"]


def test_an_in_process_app_gets_no_webhook_for_a_code_call() -> None:
    app = CallbackApp()
    with VoiceSimulator(app=app) as sim:
        with bandwidth.ApiClient(sim.configuration()) as client:
            call_id = MFAApi(client).generate_voice_code(sim.account_id, _order()).call_id
        sim.advance(30)
        assert sim.call(call_id).heard == [f"Your code is {sim.mfa_code(USER)}"]
        assert app.bodies == [] and sim.webhooks == []


def test_name_and_scope_fill_the_message(sim: VoiceSimulator, mfa: MFAApi) -> None:
    sim.mfa_application_name = "Acme"
    sim.next_mfa_code("4321")
    message = "{NAME} {SCOPE} code: {CODE}"
    call_id = mfa.generate_voice_code(
        sim.account_id, _order(message=message, scope="login", digits=4)
    ).call_id
    sim.advance(30)
    assert sim.call(call_id).heard == ["Acme login code: 4321"]


# -- messaging codes -----------------------------------------------------------------------


def test_a_messaging_code_is_texted_to_the_handset() -> None:
    app = CallbackApp()
    with BandwidthSimulator(app=app) as sim:
        sim.add_messaging_application(APP_ID, "http://app.test/messaging", numbers=[OURS])
        sim.next_mfa_code("573919")
        with bandwidth.ApiClient(sim.configuration()) as client:
            answer = MFAApi(client).generate_messaging_code(
                sim.account_id, _order(application_id=APP_ID)
            )
        code = sim.mfa_code(USER)
        assert len(answer.message_id) == 29
        (text,) = sim.handset(USER).messages
        assert (text.text, text.var_from) == (f"Your code is {code}", OURS)
        sim.advance(60)
        assert app.bodies == []  # the platform's text: no callback to the app
        assert code not in sim.timeline()
        (issued,) = sim.mfa_codes
        assert (issued.channel, issued.sent_id) == ("messaging", answer.message_id)


def test_codes_reach_handsets_without_webhooks_and_over_http() -> None:
    app = CallbackApp()
    with Served(app) as served, BandwidthSimulator() as sim:
        sim.add_messaging_application(APP_ID, served.url + "/messaging", numbers=[OURS])
        with bandwidth.ApiClient(sim.configuration()) as client:
            MFAApi(client).generate_messaging_code(sim.account_id, _order(application_id=APP_ID))
            voice = MFAApi(client).generate_voice_code(sim.account_id, _order(scope="call"))
        sim.advance(60)
        assert [m.text for m in sim.handset(USER).messages] == [
            f"Your code is {sim.mfa_code(USER)}"
        ]
        assert sim.call(voice.call_id).heard == [f"Your code is {sim.mfa_code(USER, 'call')}"]
        assert app.bodies == [] and sim.webhooks == []
    with BandwidthSimulator(deliver_webhooks=False) as sim:
        with bandwidth.ApiClient(sim.configuration()) as client:
            MFAApi(client).generate_messaging_code(sim.account_id, _order(application_id=APP_ID))
        assert len(sim.handset(USER).messages) == 1


# -- limits and errors ---------------------------------------------------------------------


def test_too_many_wrong_codes_lock_the_number_for_two_minutes(
    sim: VoiceSimulator, mfa: MFAApi
) -> None:
    mfa.generate_voice_code(sim.account_id, _order())
    code = sim.mfa_code(USER)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert _verify(sim, mfa, wrong) is False
    with pytest.raises(TooManyRequestsException) as caught:
        _verify(sim, mfa, code)  # even the right code while locked
    body = json.loads(caught.value.body or "")
    assert "exceeded verification attempts" in body["error"] and body["requestId"]
    sim.advance(119)
    with pytest.raises(TooManyRequestsException):
        _verify(sim, mfa, code)
    sim.advance(1)
    assert _verify(sim, mfa, code) is True


def test_a_valid_verify_resets_the_failed_attempts(sim: VoiceSimulator, mfa: MFAApi) -> None:
    for _ in range(2):
        mfa.generate_voice_code(sim.account_id, _order())
        code = sim.mfa_code(USER)
        wrong = "000000" if code != "000000" else "111111"
        for _ in range(4):
            assert _verify(sim, mfa, wrong) is False
        assert _verify(sim, mfa, code) is True


@pytest.mark.parametrize(
    ("what", "change", "words"),
    [
        ("voice", {"to": None}, "to number is required"),
        ("voice", {"to": "9195553333"}, "to must be an E.164 number"),
        ("voice", {"from": None}, "from number is required"),
        ("voice", {"digits": 3}, "digits must be between 4 and 8"),
        ("voice", {"digits": 9}, "digits must be between 4 and 8"),
        ("voice", {"digits": "6"}, "digits must be an integer"),
        ("messaging", {"message": "No code here"}, "message must contain {CODE}"),
        ("messaging", {"message": "{CODE}" + "x" * 2043}, "at most 2048"),
        ("messaging", {"applicationId": "x" * 51}, "at most 50"),
        ("messaging", {"scope": "x" * 26}, "at most 25"),
        ("verify", {"expirationTimeInMinutes": 0}, "between 1 and 15"),
        ("verify", {"expirationTimeInMinutes": 16}, "between 1 and 15"),
        ("verify", {"expirationTimeInMinutes": None}, "expirationTimeInMinutes is required"),
        ("verify", {"code": "123"}, "code must be a string of 4 to 8"),
        ("verify", {"code": 123456}, "code must be a string of 4 to 8"),
    ],
)
def test_a_body_the_schema_refuses_is_a_400_naming_the_field(
    sim: VoiceSimulator, raw: Raw, what: str, change: Dict[str, Any], words: str
) -> None:
    if what == "verify":
        body: Dict[str, Any] = {"to": USER, "expirationTimeInMinutes": 3, "code": "123456"}
    else:
        body = {
            "to": USER,
            "from": OURS,
            "applicationId": VOICE_APP,
            "message": "Code {CODE}",
            "digits": 6,
        }
    body.update(change)
    body = {key: value for key, value in body.items() if value is not None}
    reply = raw.send("POST", _path(sim, what), body)
    assert reply.status == 400
    error = reply.json()
    assert set(error) == {"error", "requestId"} and words in error["error"]
    assert "123456" not in error["error"]
    assert sim.mfa_codes == []


def test_verify_ignores_unknown_fields_and_the_content_type(sim: VoiceSimulator, raw: Raw) -> None:
    body = {"to": USER, "applicationId": VOICE_APP, "expirationTimeInMinutes": 3, "code": "1234"}
    reply = raw.send("POST", _path(sim, "verify"), json.dumps(body), content_type="text/plain")
    assert (reply.status, reply.json()) == (200, {"valid": False})


def test_auth_errors_answer_a_message(sim: VoiceSimulator, raw: Raw, mfa: MFAApi) -> None:
    reply = raw.send("POST", _path(sim, "verify"), {"to": USER}, auth=None)
    assert reply.status == 401 and set(reply.json()) == {"message"}
    with pytest.raises(ForbiddenException) as caught:
        mfa.generate_voice_code("1234567", _order())
    assert set(json.loads(caught.value.body or "")) == {"message"}


def test_the_mfa_prefix_of_the_spec_is_served_too(sim: VoiceSimulator, raw: Raw) -> None:
    body = {"to": USER, "expirationTimeInMinutes": 3, "code": "1234"}
    reply = raw.send("POST", _path(sim, "verify", prefix="/api/v1"), body)
    assert (reply.status, reply.json()) == (200, {"valid": False})
    assert sim.requests[-1].operation == "verify_code"
    reply = raw.send("GET", _path(sim, "voice", prefix="/api/v1"))
    assert (reply.status, reply.headers["Allow"]) == (405, "POST")
    origin = sim.url[: -len("/api/v2")]
    config = bandwidth.Configuration(
        username=sim.username, password=sim.password, product_servers={"mfa": origin + "/api/v1"}
    )
    with bandwidth.ApiClient(config) as client:
        MFAApi(client).generate_voice_code(sim.account_id, _order())
    assert sim.requests[-1].path == f"/api/v1/accounts/{sim.account_id}/code/voice"


def test_faults_name_the_mfa_operations(sim: VoiceSimulator, mfa: MFAApi) -> None:
    sim.fail_next("verify_code", 500)
    with pytest.raises(ServiceException) as caught:
        _verify(sim, mfa, "1234")
    assert set(json.loads(caught.value.body or "")) == {"error", "requestId"}
    assert _verify(sim, mfa, "1234") is False


def test_the_control_route_reads_the_codes(sim: VoiceSimulator, raw: Raw, mfa: MFAApi) -> None:
    call_id = mfa.generate_voice_code(sim.account_id, _order()).call_id
    reply = raw.send("GET", "/_control/mfa/codes")
    (entry,) = reply.json()["codes"]
    assert entry["code"] == sim.mfa_code(USER)  # the test asked for it
    assert (entry["to"], entry["scope"], entry["channel"]) == (USER, "2FA", "voice")
    assert (entry["sentId"], entry["used"]) == (call_id, False)
    assert raw.send("DELETE", "/_control/mfa/codes").status == 204
    assert raw.send("GET", "/_control/mfa/codes").json() == {"codes": []}
    with pytest.raises(KeyError):
        sim.mfa_code(USER)


def test_next_mfa_code_refuses_what_cannot_be_a_code(sim: VoiceSimulator) -> None:
    for bad in ("12a4", "123", "123456789", "\uff11\uff12\uff13\uff14"):
        with pytest.raises(ValueError):
            sim.next_mfa_code(bad)


def test_codes_past_the_longest_expiry_are_forgotten(sim: VoiceSimulator, mfa: MFAApi) -> None:
    mfa.generate_voice_code(sim.account_id, _order())
    sim.advance(15 * 60 + 1)
    mfa.generate_voice_code(sim.account_id, _order(to="+19195554444"))
    assert [issued.to for issued in sim.mfa_codes] == ["+19195554444"]


def test_random_codes_have_the_digits_asked_for(sim: VoiceSimulator, mfa: MFAApi) -> None:
    for digits in (4, 8):
        mfa.generate_voice_code(sim.account_id, _order(digits=digits))
        code = sim.mfa_code(USER)
        assert len(code) == digits and code.isdigit() and code.isascii()


def test_simulator_control_seeds_lookups_and_reads_codes(sim: VoiceSimulator, mfa: MFAApi) -> None:
    from bandwidth import PhoneNumberLookupApi
    from bandwidth.testing import SimulatorControl

    control = SimulatorControl(sim.url, sim.username, sim.password)
    control.seed_lookup(USER, carrier_name="AT&T", line_type="FIXED", rcs_enabled=True)
    with bandwidth.ApiClient(sim.configuration()) as client:
        answer = PhoneNumberLookupApi(client).create_sync_lookup(
            sim.account_id, {"phoneNumbers": [USER]}
        )
    (result,) = answer.data.results
    assert (result.line_type, result.voice_provider, result.rcs_enabled) == ("FIXED", "AT&T", True)
    control.clear_lookups()
    mfa.generate_voice_code(sim.account_id, _order())
    assert control.mfa_code(USER) == sim.mfa_code(USER)
    assert [entry["channel"] for entry in control.mfa_codes()] == ["voice"]
    with pytest.raises(KeyError):
        control.mfa_code(USER, "login")


@pytest.mark.voice_simulator(deliver_webhooks=False)
def test_the_pytest_plugin_offers_mfa_and_lookup_apis(
    bandwidth_simulator: BandwidthSimulator, mfa_api: MFAApi, phone_number_lookup_api: Any
) -> None:
    sim = bandwidth_simulator
    sim.seed_lookup(USER, line_type="FIXED")
    answer = phone_number_lookup_api.create_sync_lookup(sim.account_id, {"phoneNumbers": [USER]})
    assert answer.data.results[0].line_type == "FIXED"
    mfa_api.generate_voice_code(sim.account_id, _order())
    assert _verify(sim, mfa_api, sim.mfa_code(USER)) is True


def test_a_long_run_keeps_only_the_codes_that_can_still_verify(
    sim: VoiceSimulator, mfa: MFAApi
) -> None:
    for minute in range(120):
        number = f"+1919556{minute:04d}"
        mfa.generate_voice_code(sim.account_id, _order(to=number))
        request = VerifyCodeRequest(to=number, expiration_time_in_minutes=1, code="0000")
        mfa.verify_code(sim.account_id, request)  # a failed attempt per number, too
        sim.advance(60)
    assert len(sim.mfa_codes) <= 16  # the last 15 minutes' worth
    assert len(sim.calls) == 120  # the calls follow the voice store's own retention


def test_failed_attempts_stop_counting_after_fifteen_minutes(
    sim: VoiceSimulator, mfa: MFAApi
) -> None:
    mfa.generate_voice_code(sim.account_id, _order())
    code = sim.mfa_code(USER)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(4):
        _verify(sim, mfa, wrong, minutes=15)
    sim.advance(15 * 60 + 1)
    mfa.generate_voice_code(sim.account_id, _order())
    code = sim.mfa_code(USER)
    wrong = "000000" if code != "000000" else "111111"
    assert _verify(sim, mfa, wrong) is False  # the first of a new count: no lockout
    assert _verify(sim, mfa, code) is True

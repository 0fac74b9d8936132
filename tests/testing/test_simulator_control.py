"""The control routes (``/_control``) and ``SimulatorControl``, over a real loopback socket.

The shipped example app runs in-process behind the simulator; the test
drives its calls only through HTTP, as a test in another process would
(``tests/cli/test_phone_process.py`` does it against ``bandwidth simulator``
in a subprocess). Also: ``next_due``, ``awaiting_digits`` and ``run_due``,
which the routes and ``bandwidth phone`` are built on.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

import pytest

from bandwidth import ApiClient, CallsApi
from bandwidth.testing import (
    ManualClock,
    RecordedRequest,
    SimulatorControl,
    SimulatorControlError,
    VoiceSimulator,
    Webhook,
)
from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.control_json import (
    request_from_json,
    request_json,
    webhook_from_json,
    webhook_json,
)
from tests.examples.test_webhook_example import PASSWORD, USER, load_app
from tests.support.raw import BASIC, Raw

GREETING = "Thanks for calling Example Company."
PROMPT = "Press 1 for sales or 2 for support."
TO, FROM = "+19195551234", "+19195554321"


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    app = load_app().WebhookApp(USER, PASSWORD)
    with VoiceSimulator(app=app) as simulator:
        yield simulator


@pytest.fixture
def control(sim: VoiceSimulator) -> SimulatorControl:
    return SimulatorControl(sim.url, sim.username, sim.password)


def inbound(control: SimulatorControl) -> str:
    return control.inbound_call(
        TO,
        FROM,
        answer_url="https://myapp.example/answer",
        disconnect_url="https://myapp.example/bye",
        username=USER,
        password=PASSWORD,
    )


def test_a_whole_call_driven_over_http(sim: VoiceSimulator, control: SimulatorControl) -> None:
    call_id = inbound(control)
    shown = control.call(call_id)
    assert (shown["state"], shown["direction"], shown["heard"]) == (
        "answered",
        "inbound",
        [GREETING],
    )
    assert shown["awaitingDigits"] is False  # the greeting, then the prompt, play first

    status = control.status()
    assert status["clock"] == "manual" and status["callFlows"] is True
    assert status["nextDue"] == format_time(sim.now() + timedelta(seconds=2))  # the greeting ends
    assert control.advance(5.2) == sim.now()
    assert control.call(call_id)["awaitingDigits"] is True

    after = control.press(call_id, "1")
    assert after["pressed"] == ["1"]
    assert after["heard"][-1] == "Connecting you to sales. Goodbye for now."
    assert after["awaitingDigits"] is False
    control.advance(10)
    ended = control.call(call_id)
    assert (ended["state"], ended["disconnectCause"]) == ("disconnected", "hangup")
    assert "webhook gather: POST https://myapp.example/callbacks/gather -> 200" in ended["timeline"]

    hooks = control.webhooks(call_id)
    assert hooks == sim.webhooks  # the very same records, through JSON and back
    assert [w.event_type for w in hooks] == ["initiate", "gather", "disconnect"]
    assert hooks[1].payload["digits"] == "1"
    assert control.webhooks("c-someone-else") == []
    assert [c["callId"] for c in control.calls()] == [call_id]


def test_the_test_hangs_up_and_answers(sim: VoiceSimulator, control: SimulatorControl) -> None:
    call_id = inbound(control)
    ended = control.hangup(call_id)
    assert (ended["state"], ended["disconnectCause"]) == ("disconnected", "hangup")
    assert [w.event_type for w in control.webhooks()] == ["initiate", "disconnect"]

    outbound = sim.add_call(
        to=TO, from_=FROM, answer_url="https://myapp.example/a", username=USER, password=PASSWORD
    )
    assert control.initiate(outbound)["state"] == "initiated"
    answered = control.answer(outbound)
    assert answered["state"] == "answered" and answered["heard"] == [GREETING]
    busy = control.hangup(outbound, "busy", error_message="line busy", error_id="e-1")
    assert (busy["disconnectCause"], busy["errorMessage"], busy["errorId"]) == (
        "busy",
        "line busy",
        "e-1",
    )
    control.clear_calls()
    assert sim.calls == [] and control.webhooks() == []


def test_requests_are_read_back_with_credentials_masked(
    sim: VoiceSimulator, control: SimulatorControl
) -> None:
    with ApiClient(sim.configuration()) as client:
        CallsApi(client).list_calls(sim.account_id, to=TO)
    sim.add_user("other", "pw")
    Raw(sim).send("GET", "/api/v2/accounts/9900000/calls", auth="Bearer nope")
    (listed, refused) = control.requests()
    assert listed.operation == "list_calls" and listed.query == {"to": [TO]}
    assert listed.headers["authorization"] == "Basic *****"
    assert refused.headers["authorization"] == "Bearer *****"
    assert [r.operation for r in control.requests("list_calls")] == ["list_calls"] * 2
    # Control requests themselves are neither recorded nor faulted.
    sim.fail_next(None, 503, count=5)
    assert control.status()["recordRequests"] is True
    assert len(sim.requests) == 2
    control.clear_requests()
    assert sim.requests == []


def test_wire_forms_round_trip() -> None:
    request = RecordedRequest(
        "POST", "/x", "a=1&a=2", {"a": ["1", "2"]}, {"authorization": "Basic abc"},
        b"\xff\x00binary", "create_call", ManualClock().now(),
    )  # fmt: skip
    back = request_from_json(request_json(request))
    assert back.body == request.body and back.query == request.query
    assert back.headers == {"authorization": "Basic *****"}
    hook = Webhook(
        "gather", "c-1", "https://a.example/g", "GET", {"digits": "1"}, None, None,
        ManualClock().now(), error="timed out",
    )  # fmt: skip
    assert webhook_from_json(webhook_json(hook)) == hook


# -- refusals ------------------------------------------------------------------------------


def test_credentials_are_the_apis(sim: VoiceSimulator) -> None:
    raw = Raw(sim)
    missing = raw.send("GET", "/_control", auth=None)
    assert missing.status == 401 and missing.headers["WWW-Authenticate"].startswith("Basic")
    wrong = SimulatorControl(sim.url, sim.username, "wrong")
    with pytest.raises(SimulatorControlError) as refused:
        wrong.status()
    assert (refused.value.status, refused.value.type) == (401, "unauthorized")
    sim.add_user("no-voice", "pw", voice=False)
    with pytest.raises(SimulatorControlError) as forbidden:
        SimulatorControl(sim.url, "no-voice", "pw").inbound_call(TO, FROM, answer_url="https://a")
    assert forbidden.value.status == 403
    assert sim.calls == []
    sim.add_user("tester", "pw")
    assert SimulatorControl(sim.url, "tester", "pw").status()["accountId"] == sim.account_id
    token = sim.issue_token()
    bearer = raw.send("GET", "/_control", auth=f"Bearer {token}")
    assert bearer.status == 200


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/_control/nothing", None, 404),
        ("GET", "/_control/calls/c-1/press", None, 405),
        ("POST", "/_control/calls/c-unknown/answer", {}, 404),
        ("POST", "/_control/calls/c-unknown/press", {"digits": "1"}, 404),
        ("POST", "/_control/advance", {"seconds": -1}, 400),
        ("POST", "/_control/advance", {"seconds": True}, 400),
        ("POST", "/_control/advance", b"[1]", 400),
        ("POST", "/_control/inbound", {"to": TO}, 400),
        ("POST", "/_control/inbound", {"to": "555", "from": FROM, "answerUrl": "https://a"}, 400),
        (
            "POST",
            "/_control/inbound",
            {"to": TO, "from": FROM, "answerUrl": "https://a", "x": 1},
            400,
        ),
    ],
)
def test_bad_requests(
    sim: VoiceSimulator, method: str, path: str, body: object, status: int
) -> None:
    reply = Raw(sim).send(method, path, body)  # type: ignore[arg-type]
    assert reply.status == status, reply.body
    assert set(reply.expect_error()) == {"type", "description", "id"}
    if status == 405:
        assert reply.headers["Allow"] == "POST"


def test_what_a_call_cannot_do_is_a_409(sim: VoiceSimulator, control: SimulatorControl) -> None:
    call_id = inbound(control)
    control.hangup(call_id)
    with pytest.raises(SimulatorControlError) as pressed:
        control.press(call_id, "1")
    assert pressed.value.status == 409
    assert "only an answered call hears digits" in pressed.value.description
    with pytest.raises(SimulatorControlError) as bad_digits:
        control.press(call_id, "x")
    assert bad_digits.value.status == 400
    with pytest.raises(SimulatorControlError) as cause:
        control.hangup(call_id, "Not A Cause!")
    assert cause.value.status == 400


def test_a_simulator_without_flows_or_on_the_real_clock_says_how_to_start_it() -> None:
    from datetime import datetime, timezone

    with VoiceSimulator(
        clock=lambda: datetime.now(timezone.utc), record_requests=False, deliver_webhooks=False
    ) as sim:
        control = SimulatorControl(sim.url, sim.username, sim.password)
        assert control.status()["clock"] == "real"
        for action, flag in (
            (lambda: control.advance(1), "--manual-clock"),
            (lambda: control.inbound_call(TO, FROM, answer_url="https://a"), "--deliver-webhooks"),
            (control.requests, "--record-requests"),
        ):
            with pytest.raises(SimulatorControlError) as refused:
                action()
            assert refused.value.status == 409 and flag in refused.value.description


def test_an_app_error_is_a_500_naming_it() -> None:
    def broken(environ: object, start_response: object) -> object:
        raise ZeroDivisionError("nope")

    with VoiceSimulator(app=broken) as sim:
        remote = SimulatorControl(sim.url, sim.username, sim.password)
        with pytest.raises(SimulatorControlError) as failed:
            remote.inbound_call(TO, FROM, answer_url="https://a.example/")
        assert failed.value.status == 500
        assert "ZeroDivisionError: nope" in failed.value.description
        (call,) = sim.calls
        assert call.disconnect_cause == "callback-error"


def test_the_client_refuses_what_is_not_a_simulator_url() -> None:
    for url in ("https://127.0.0.1:1", "ftp://x", "http://u:p@127.0.0.1:1", "http://h:99999"):
        with pytest.raises(ValueError):
            SimulatorControl(url, "u", "p")
    unreachable = SimulatorControl("http://127.0.0.1:1/api/v2", "u", "p", timeout=5)
    with pytest.raises(SimulatorControlError) as failed:
        unreachable.status()
    assert failed.value.status is None
    assert "p" not in repr(unreachable).replace("http", "")


def test_plain_http_with_the_apis_basic_header(sim: VoiceSimulator) -> None:
    reply = Raw(sim).send("GET", "/_control/", auth=BASIC)
    assert reply.status == 200 and reply.headers["Content-Type"] == "application/json"
    assert reply.json()["url"] == sim.url


# -- the driving API -----------------------------------------------------------------------


def test_next_due_and_awaiting_digits(sim: VoiceSimulator) -> None:
    assert sim.next_due() is None
    call_id = sim.inbound_call(
        TO, FROM, answer_url="https://myapp.example/answer", username=USER, password=PASSWORD
    )
    start = sim.now()
    seen = []
    while sim.call(call_id).state != "disconnected":
        due = sim.next_due()
        assert due is not None
        sim.advance((due - sim.now()).total_seconds())
        seen.append(((sim.now() - start).total_seconds(), sim.awaiting_digits(call_id)))
        if sim.awaiting_digits(call_id):
            sim.press(call_id, "2")
            assert not sim.awaiting_digits(call_id)
    # 2 s greeting; the prompt ends at 5.2 s and the gather waits; the goodbye ends it.
    assert seen[:2] == [(2.0, False), (pytest.approx(5.2), True)]
    assert sim.call(call_id).heard[-1] == "Connecting you to support. Goodbye for now."
    with pytest.raises(KeyError):
        sim.awaiting_digits("c-unknown")


def test_awaiting_digits_waits_for_the_prompt_and_not_after_a_key(sim: VoiceSimulator) -> None:
    call_id = sim.inbound_call(
        TO, FROM, answer_url="https://myapp.example/answer", username=USER, password=PASSWORD
    )
    sim.advance(3)  # the prompt plays
    assert not sim.awaiting_digits(call_id)
    sim.press(call_id, "1")  # barge-in: the gather is answered
    assert not sim.awaiting_digits(call_id)


def test_run_due_runs_a_real_clock_flow() -> None:
    from datetime import datetime, timezone

    moments = [datetime(2030, 1, 1, tzinfo=timezone.utc)]
    app = load_app().WebhookApp(USER, PASSWORD)
    with VoiceSimulator(app=app, clock=lambda: moments[0]) as sim:
        call_id = sim.inbound_call(
            TO, FROM, answer_url="https://myapp.example/answer", username=USER, password=PASSWORD
        )
        moments[0] += timedelta(seconds=3)
        sim.run_due()
        call = sim._store.get(call_id)  # no inspection through _act: run_due alone ran it
        assert call.heard == [GREETING, PROMPT]

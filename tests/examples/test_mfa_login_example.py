"""The MFA login example, end to end against the simulator: in-process and over real HTTP.

A user logs in with a password; the app looks the phone number up, texts the
code to a mobile (the handset receives it) or calls a landline (the call
says it), and the code the user reads back logs them in, once.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from types import ModuleType
from typing import Any, Callable, Dict, Iterator, Tuple

import pytest

from bandwidth.testing import BandwidthSimulator
from tests.examples.flask_server import load_example, serving

MOBILE = "+19195553333"
LANDLINE = "+19195554444"
OURS = "+19195550100"
MESSAGING_APP = "93de2206-9669-4e07-948d-329f4b722ee2"
VOICE_APP = "a4d4f5e6-0000-4000-8000-000000000001"

Post = Callable[[str, Dict[str, Any]], Tuple[int, Dict[str, Any]]]


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example("mfa_login")


@pytest.fixture(params=["in-process", "over-http"])
def login(
    request: pytest.FixtureRequest, example: ModuleType
) -> Iterator[Tuple[BandwidthSimulator, Post]]:
    """A simulator, and a way to post JSON to the login app that calls it."""
    users = {"ada": example.User("s3cret", MOBILE), "bob": example.User("hunter2", LANDLINE)}
    sender = example.Sender(OURS, MESSAGING_APP, VOICE_APP)
    with BandwidthSimulator(deliver_webhooks=False) as sim:
        sim.seed_lookup(LANDLINE, carrier_name="AT&T", line_type="FIXED")
        app = example.create_app(sim.configuration(), sim.account_id, users, sender)
        if request.param == "in-process":
            client = app.test_client()

            def post(path: str, body: Dict[str, Any]) -> Tuple[int, Dict[str, Any]]:
                answer = client.post(path, json=body)
                return answer.status_code, answer.get_json()

            yield sim, post
            return
        with serving(app) as base:

            def post_http(path: str, body: Dict[str, Any]) -> Tuple[int, Dict[str, Any]]:
                data = json.dumps(body).encode()
                sent = urllib.request.Request(
                    base + path, data, {"Content-Type": "application/json"}
                )
                try:
                    with urllib.request.urlopen(sent, timeout=10) as answer:
                        return answer.status, json.loads(answer.read())
                except urllib.error.HTTPError as exc:
                    return exc.code, json.loads(exc.read())

            yield sim, post_http


def _code_in(text: str) -> str:
    found = re.search(r"\b(\d{6})\b", text)
    assert found is not None, text
    return found.group(1)


def test_a_mobile_user_gets_the_code_by_text_and_logs_in(
    login: Tuple[BandwidthSimulator, Post], example: ModuleType
) -> None:
    sim, post = login
    assert post("/login", {"username": "ada", "password": "s3cret"}) == (200, {"sent": "sms"})
    (text,) = sim.handset(MOBILE).messages
    assert text.var_from == OURS and text.text.startswith("Your Example Company login code is")
    code = _code_in(text.text)
    assert code == sim.mfa_code(MOBILE, example.SCOPE)
    assert post("/login/verify", {"username": "ada", "code": code}) == (200, {"loggedIn": True})
    assert post("/login/verify", {"username": "ada", "code": code}) == (401, {"loggedIn": False})
    assert [r.operation for r in sim.requests] == [
        "create_sync_lookup",
        "generate_messaging_code",
        "verify_code",
        "verify_code",
    ]


def test_a_landline_user_gets_a_call_that_says_the_code(
    login: Tuple[BandwidthSimulator, Post],
) -> None:
    sim, post = login
    assert post("/login", {"username": "bob", "password": "hunter2"}) == (200, {"sent": "voice"})
    assert sim.handset(LANDLINE).messages == []
    sim.advance(30)  # it rings, is answered, says the code, hangs up
    (call,) = sim.calls
    assert (call.to, call.from_, call.application_id) == (LANDLINE, OURS, VOICE_APP)
    (said,) = call.heard
    code = _code_in(said)
    assert code not in repr(call) and code not in sim.timeline()
    assert post("/login/verify", {"username": "bob", "code": code}) == (200, {"loggedIn": True})


def test_a_user_may_ask_for_a_call(login: Tuple[BandwidthSimulator, Post]) -> None:
    sim, post = login
    body = {"username": "ada", "password": "s3cret", "channel": "voice"}
    assert post("/login", body) == (200, {"sent": "voice"})
    assert sim.requests_for("create_sync_lookup") == []
    assert len(sim.requests_for("generate_voice_code")) == 1


def test_a_wrong_password_sends_nothing(login: Tuple[BandwidthSimulator, Post]) -> None:
    sim, post = login
    status, _ = post("/login", {"username": "ada", "password": "guess"})
    assert status == 401 and sim.requests == [] and sim.mfa_codes == []


def test_an_expired_code_does_not_log_in(
    login: Tuple[BandwidthSimulator, Post], example: ModuleType
) -> None:
    sim, post = login
    post("/login", {"username": "ada", "password": "s3cret"})
    code = sim.mfa_code(MOBILE, example.SCOPE)
    sim.advance(example.EXPIRY_MINUTES * 60 + 1)
    assert post("/login/verify", {"username": "ada", "code": code}) == (401, {"loggedIn": False})


def test_too_many_wrong_codes_are_refused_for_a_while(
    login: Tuple[BandwidthSimulator, Post], example: ModuleType
) -> None:
    sim, post = login
    post("/login", {"username": "ada", "password": "s3cret"})
    code = sim.mfa_code(MOBILE, example.SCOPE)
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert post("/login/verify", {"username": "ada", "code": wrong})[0] == 401
    status, body = post("/login/verify", {"username": "ada", "code": code})
    assert status == 429 and body["loggedIn"] is False
    sim.advance(120)
    assert post("/login/verify", {"username": "ada", "code": code}) == (200, {"loggedIn": True})


def test_a_platform_failure_is_a_502_and_the_user_may_retry(
    login: Tuple[BandwidthSimulator, Post],
) -> None:
    sim, post = login
    sim.fail_next("generate_messaging_code", 503)
    status, _ = post("/login", {"username": "ada", "password": "s3cret"})
    assert status == 502 and sim.handset(MOBILE).messages == []
    assert post("/login", {"username": "ada", "password": "s3cret"}) == (200, {"sent": "sms"})
    assert len(sim.handset(MOBILE).messages) == 1

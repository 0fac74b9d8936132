"""Who may call the simulator: users with and without Voice access, OAuth clients and tokens.

The SDK is configured the official way (``client_id``/``client_secret`` and
``access_token_url``) and runs unchanged against the simulator's token
endpoint; tokens expire on the simulator's clock, so a test sees the SDK
fetch a new one after a 401.
"""

from __future__ import annotations

import base64
import json
from datetime import datetime, timezone
from typing import Dict, Iterator, Optional

import pytest

from bandwidth import ApiClient, CallsApi, CreateCall
from bandwidth.exceptions import ForbiddenException, UnauthorizedException
from bandwidth.testing import ManualClock, VoiceSimulator
from tests.support.raw import ACCOUNT, CALLS, Raw, Reply

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
TOKEN = "/api/v1/oauth2/token"
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(clock=ManualClock(START), deliver_webhooks=False) as simulator:
        yield simulator


def basic(name: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()


def token_request(
    raw: Raw,
    body: str = "grant_type=client_credentials",
    *,
    auth: Optional[str] = None,
    content_type: str = FORM,
) -> Reply:
    return raw.send(
        "POST",
        TOKEN,
        body,
        auth=basic("client-id", "client-secret") if auth is None else auth,
        content_type=content_type,
    )


def new_call() -> CreateCall:
    return CreateCall(
        to="+19195551234",
        var_from="+19195554321",
        application_id="app",
        answer_url="https://myServer.example/answer",
    )


# -- users ---------------------------------------------------------------------------------


def test_an_added_user_signs_in_and_a_user_without_voice_gets_403_everywhere(
    sim: VoiceSimulator, raw: Raw
) -> None:
    sim.add_user("second", "pw-2")
    sim.add_user("nobody", "pw-3", voice=False)
    assert raw.send("GET", CALLS, auth=basic("second", "pw-2")).status == 200
    assert raw.send("GET", CALLS, auth=basic("second", "wrong")).status == 401
    call_id = raw.expect_created()
    forbidden = basic("nobody", "pw-3")
    for method, path in [
        ("GET", CALLS),
        ("POST", CALLS),
        ("GET", f"{CALLS}/{call_id}"),
        ("GET", f"/api/v2/accounts/{ACCOUNT}/conferences"),
        ("GET", f"/api/v2/accounts/{ACCOUNT}/statistics"),
        ("DELETE", f"{CALLS}/{call_id}/recordings/r-1"),
    ]:
        reply = raw.send(method, path, auth=forbidden)
        assert reply.status == 403, (method, path)
        error = reply.expect_error()
        assert error["type"] == "forbidden"
        assert "nobody has no access to the Voice API" in error["description"]
    assert [c.call_id for c in sim.calls] == [call_id]  # the forbidden create did nothing


def test_a_forbidden_user_still_gets_401_for_a_wrong_password_and_404_for_no_path(
    sim: VoiceSimulator, raw: Raw
) -> None:
    sim.add_user("nobody", "pw", voice=False)
    assert raw.send("GET", CALLS, auth=basic("nobody", "nope")).status == 401
    assert raw.send("GET", "/api/v2/nowhere", auth=basic("nobody", "pw")).status == 404


def test_adding_a_user_again_replaces_it(sim: VoiceSimulator, raw: Raw) -> None:
    sim.add_user("second", "old")
    sim.add_user("second", "new", voice=False)
    assert raw.send("GET", CALLS, auth=basic("second", "old")).status == 401
    assert raw.send("GET", CALLS, auth=basic("second", "new")).status == 403


def test_user_names_are_checked(sim: VoiceSimulator) -> None:
    for bad in ("", "a:b"):
        with pytest.raises(ValueError, match="without ':'"):
            sim.add_user(bad, "pw")
        with pytest.raises(ValueError, match="without ':'"):
            sim.add_client(bad, "secret")
    with pytest.raises(ValueError):
        VoiceSimulator(username="a:b")


def test_configuration_for_a_user_and_the_sdk_sees_403(sim: VoiceSimulator) -> None:
    sim.add_user("nobody", "pw", voice=False)
    config = sim.configuration(user="nobody")
    assert (config.username, config.password) == ("nobody", "pw")
    with ApiClient(config) as client, pytest.raises(ForbiddenException) as caught:
        CallsApi(client).list_calls(ACCOUNT)
    assert caught.value.status == 403
    with pytest.raises(KeyError, match="add_user"):
        sim.configuration(user="stranger")
    with pytest.raises(ValueError, match="not both"):
        sim.configuration(user="nobody", oauth=True)


# -- the token endpoint --------------------------------------------------------------------


def test_the_token_endpoint_issues_bearer_tokens(sim: VoiceSimulator, raw: Raw) -> None:
    reply = token_request(raw)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    assert reply.headers["Cache-Control"] == "no-store"
    body = reply.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert (body["token_type"], body["expires_in"]) == ("Bearer", 3600)
    bearer = "Bearer " + body["access_token"]
    assert raw.send("GET", CALLS, auth=bearer).status == 200
    assert raw.send("GET", CALLS, auth=bearer + "x").status == 401
    assert sim.requests_for("oauth_token")[0].body == b"grant_type=client_credentials"
    assert sim.token_url == f"http://127.0.0.1:{sim.port}{TOKEN}"


def test_client_credentials_may_come_in_the_form(raw: Raw) -> None:
    form = "grant_type=client_credentials&client_id=client-id&client_secret=client-secret"
    reply = raw.send("POST", TOKEN, form, auth=None, content_type=FORM)
    assert reply.status == 200
    both = token_request(raw, form)
    assert (both.status, both.json()["error"]) == (400, "invalid_request")


@pytest.mark.parametrize(
    ("body", "auth", "content_type", "status", "error"),
    [
        ("grant_type=client_credentials", basic("client-id", "nope"), FORM, 401, "invalid_client"),
        ("grant_type=client_credentials", basic("stranger", "x"), FORM, 401, "invalid_client"),
        ("grant_type=client_credentials", "Bearer abc", FORM, 401, "invalid_client"),
        ("grant_type=password", None, FORM, 400, "unsupported_grant_type"),
        ("scope=voice", None, FORM, 400, "invalid_request"),
        ('{"grant_type": "client_credentials"}', None, "application/json", 400, "invalid_request"),
    ],
)
def test_the_token_endpoint_refuses_as_rfc_6749_says(
    raw: Raw, body: str, auth: Optional[str], content_type: str, status: int, error: str
) -> None:
    reply = token_request(raw, body, auth=auth, content_type=content_type)
    assert reply.status == status
    data = reply.json()
    assert data["error"] == error and data["error_description"]
    if status == 401:
        assert reply.headers["WWW-Authenticate"].startswith("Basic")


def test_the_token_endpoint_takes_post_only(raw: Raw) -> None:
    reply = raw.send("GET", TOKEN)
    assert (reply.status, reply.headers["Allow"]) == (405, "POST")


def test_the_token_endpoint_takes_faults_by_name(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next("oauth_token", 503)
    assert token_request(raw).status == 503
    assert token_request(raw).status == 200


def test_tokens_expire_on_the_simulator_clock(sim: VoiceSimulator, raw: Raw) -> None:
    sim.token_lifetime = 90.5
    body = token_request(raw).json()
    assert body["expires_in"] == 90.5
    bearer = "Bearer " + body["access_token"]
    sim.advance(90)
    assert raw.send("GET", CALLS, auth=bearer).status == 200
    sim.advance(0.5)
    reply = raw.send("GET", CALLS, auth=bearer)
    assert reply.status == 401
    assert reply.expect_error()["type"] == "unauthorized"
    with pytest.raises(ValueError):
        sim.token_lifetime = 0


def test_revoke_tokens_ends_them_all_now(sim: VoiceSimulator, raw: Raw) -> None:
    first = "Bearer " + token_request(raw).json()["access_token"]
    second = "Bearer " + sim.issue_token()
    assert raw.send("GET", CALLS, auth=second).status == 200
    sim.revoke_tokens()
    assert raw.send("GET", CALLS, auth=first).status == 401
    assert raw.send("GET", CALLS, auth=second).status == 401


def test_a_client_without_voice_gets_tokens_then_403(sim: VoiceSimulator, raw: Raw) -> None:
    sim.add_client("reader", "s3cret", voice=False)
    reply = token_request(raw, auth=basic("reader", "s3cret"))
    assert reply.status == 200
    bearer = "Bearer " + reply.json()["access_token"]
    assert raw.send("GET", CALLS, auth=bearer).status == 403
    assert raw.send("GET", CALLS, auth="Bearer " + sim.issue_token("reader")).status == 403
    with pytest.raises(KeyError, match="add_client"):
        sim.issue_token("stranger")


def test_the_static_access_token_never_expires() -> None:
    with VoiceSimulator(access_token="static", deliver_webhooks=False) as sim:
        client = Raw(sim)
        try:
            sim.advance(10**7)
            assert client.send("GET", CALLS, auth="Bearer static").status == 200
        finally:
            client.close()


# -- the SDK, configured the official way --------------------------------------------------


def test_the_sdk_with_client_credentials_runs_unchanged(sim: VoiceSimulator) -> None:
    config = sim.configuration(oauth=True)
    assert (config.client_id, config.client_secret) == ("client-id", "client-secret")
    assert config.access_token_url == sim.token_url
    with ApiClient(config) as client:
        api = CallsApi(client)
        created = api.create_call(ACCOUNT, new_call())
        assert api.get_call_state(ACCOUNT, created.call_id).state == "queued"
    operations = [r.operation for r in sim.requests]
    assert operations == ["oauth_token", "create_call", "get_call_state"]
    token = sim.requests[0]
    assert token.headers["authorization"] == basic("client-id", "client-secret")
    assert token.headers["content-type"] == FORM
    bearers = {r.headers["authorization"] for r in sim.requests[1:]}
    assert len(bearers) == 1 and bearers.pop().startswith("Bearer sim-")


def test_the_sdk_fetches_a_new_token_after_expiry_answers_401(sim: VoiceSimulator) -> None:
    sim.token_lifetime = 60
    with ApiClient(sim.configuration(oauth=True)) as client:
        api = CallsApi(client)
        api.list_calls(ACCOUNT)
        sim.advance(61)  # expired on the simulator's clock; the SDK's own clock has not moved
        assert api.list_calls(ACCOUNT) == []
    statuses: Dict[str, int] = {}
    for request in sim.requests:
        statuses[request.operation or ""] = statuses.get(request.operation or "", 0) + 1
    assert statuses == {"oauth_token": 2, "list_calls": 3}
    first, second = (r.headers["authorization"] for r in sim.requests_for("list_calls")[1:])
    assert first != second  # the 401 was answered to the old token, the replay used a new one


def test_the_sdk_with_an_added_client(sim: VoiceSimulator) -> None:
    sim.add_client("partner", "p-secret", voice=False)
    config = sim.configuration(client="partner")
    assert (config.client_id, config.client_secret) == ("partner", "p-secret")
    with ApiClient(config) as client, pytest.raises(ForbiddenException):
        CallsApi(client).list_calls(ACCOUNT)
    with pytest.raises(KeyError):
        sim.configuration(client="stranger")


def test_a_wrong_client_secret_is_an_sdk_401(sim: VoiceSimulator) -> None:
    config = sim.configuration(oauth=True, client_secret="wrong")
    with ApiClient(config) as client, pytest.raises(UnauthorizedException) as caught:
        CallsApi(client).list_calls(ACCOUNT)
    assert "wrong" not in str(caught.value)
    assert json.loads(caught.value.body or "{}")["error"] == "invalid_client"

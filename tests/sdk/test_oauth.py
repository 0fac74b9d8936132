"""OAuth 2 client credentials: one fetch, cached, refreshed, replayed once on 401."""

from __future__ import annotations

import base64
import threading
import time
from typing import List

import pytest
from werkzeug import Request, Response

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth.exceptions import (
    ApiTimeoutError,
    InvalidResponseException,
    UnauthorizedException,
)
from tests.support.wire import ACCOUNT, CALL_ID, CALL_STATE, Wire

TOKEN_PATH = "/api/v1/oauth2/token"
STATE_PATH = f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}"


class TokenEndpoint:
    """Hands out token-1, token-2, … and records every token request."""

    def __init__(self, expires_in: object = 3600, delay: float = 0.0) -> None:
        self.expires_in = expires_in
        self.delay = delay
        self.requests: List[Request] = []
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        import json

        with self._lock:
            self.requests.append(request)
            number = len(self.requests)
        if self.delay:
            time.sleep(self.delay)
        body = {"access_token": f"token-{number}", "token_type": "Bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return Response(json.dumps(body), content_type="application/json")


def oauth_api(wire: Wire, **config: object) -> CallsApi:
    configuration = Configuration(
        host=wire.url,
        client_id="my-client",
        client_secret="s3cr3t",
        access_token_url=wire.server.url_for(TOKEN_PATH),
        retries=0,
        **config,  # type: ignore[arg-type]
    )
    return CallsApi(ApiClient(configuration))


def api_calls(wire: Wire) -> List[Request]:
    return [r for r in wire.requests if r.path == STATE_PATH]


def test_fetches_once_and_caches(wire: Wire) -> None:
    tokens = TokenEndpoint()
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    wire.server.expect_request(STATE_PATH).respond_with_json(CALL_STATE)
    api = oauth_api(wire)
    for _ in range(3):
        api.get_call_state(ACCOUNT, CALL_ID)
    assert len(tokens.requests) == 1
    token_request = tokens.requests[0]
    assert token_request.get_data() == b"grant_type=client_credentials"
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    expected = "Basic " + base64.b64encode(b"my-client:s3cr3t").decode()
    assert token_request.headers["Authorization"] == expected
    assert [r.headers["Authorization"] for r in api_calls(wire)] == ["Bearer token-1"] * 3


def test_default_token_url_is_bandwidths() -> None:
    config = Configuration(client_id="a", client_secret="b")
    assert config.access_token_url == "https://api.bandwidth.com/api/v1/oauth2/token"


def test_refreshes_before_expiry(wire: Wire) -> None:
    tokens = TokenEndpoint(expires_in=0.4)  # refreshed at half its life, 0.2 s
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    wire.server.expect_request(STATE_PATH).respond_with_json(CALL_STATE)
    api = oauth_api(wire)
    api.get_call_state(ACCOUNT, CALL_ID)
    api.get_call_state(ACCOUNT, CALL_ID)
    time.sleep(0.3)
    api.get_call_state(ACCOUNT, CALL_ID)
    assert len(tokens.requests) == 2
    assert [r.headers["Authorization"] for r in api_calls(wire)] == [
        "Bearer token-1",
        "Bearer token-1",
        "Bearer token-2",
    ]


def test_one_fetch_at_a_time_across_threads(wire: Wire) -> None:
    tokens = TokenEndpoint(delay=0.3)
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    wire.server.expect_request(STATE_PATH).respond_with_json(CALL_STATE)
    api = oauth_api(wire)
    errors: List[BaseException] = []

    def work() -> None:
        try:
            api.get_call_state(ACCOUNT, CALL_ID)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert errors == []
    assert len(tokens.requests) == 1
    assert len(api_calls(wire)) == 8


def test_401_refreshes_once_and_replays(wire: Wire) -> None:
    tokens = TokenEndpoint()
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    wire.server.expect_oneshot_request(STATE_PATH).respond_with_json({"type": "x"}, status=401)
    wire.server.expect_request(STATE_PATH).respond_with_json(CALL_STATE)
    state = oauth_api(wire).get_call_state(ACCOUNT, CALL_ID)
    assert state.call_id == CALL_ID
    assert len(tokens.requests) == 2
    assert [r.headers["Authorization"] for r in api_calls(wire)] == [
        "Bearer token-1",
        "Bearer token-2",
    ]


def test_a_second_401_is_raised_not_looped(wire: Wire) -> None:
    tokens = TokenEndpoint()
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    wire.server.expect_request(STATE_PATH).respond_with_json({"description": "nope"}, status=401)
    with pytest.raises(UnauthorizedException):
        oauth_api(wire).get_call_state(ACCOUNT, CALL_ID)
    assert len(api_calls(wire)) == 2
    assert len(tokens.requests) == 2


def test_failed_token_request_raises_with_the_endpoints_answer(wire: Wire) -> None:
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_json(
        {"error": "invalid_client", "error_description": "bad secret"}, status=401
    )
    with pytest.raises(UnauthorizedException) as caught:
        oauth_api(wire).get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.status == 401
    assert "invalid_client" in (caught.value.body or "")
    assert api_calls(wire) == []


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"[]",
        b'{"token_type": "Bearer"}',
        b'{"access_token": "t", "expires_in": "soon"}',
    ],
)
def test_malformed_token_answer(wire: Wire, body: bytes) -> None:
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_data(
        body, content_type="application/json"
    )
    with pytest.raises(InvalidResponseException, match="OAuth token endpoint"):
        oauth_api(wire).get_call_state(ACCOUNT, CALL_ID)
    assert api_calls(wire) == []


def test_token_request_uses_the_configured_timeout(wire: Wire) -> None:
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(
        TokenEndpoint(delay=1.0)
    )
    with pytest.raises(ApiTimeoutError):
        oauth_api(wire, timeout=0.2).get_call_state(ACCOUNT, CALL_ID)


def test_token_without_expiry_is_kept_until_a_401(wire: Wire) -> None:
    tokens = TokenEndpoint(expires_in=None)
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    wire.server.expect_request(STATE_PATH).respond_with_json(CALL_STATE)
    api = oauth_api(wire)
    api.get_call_state(ACCOUNT, CALL_ID)
    api.get_call_state(ACCOUNT, CALL_ID)
    assert len(tokens.requests) == 1


def test_client_secret_and_tokens_stay_out_of_repr_and_logs(
    wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    tokens = TokenEndpoint()
    wire.server.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    wire.server.expect_request(STATE_PATH).respond_with_json(CALL_STATE)
    api = oauth_api(wire)
    with caplog.at_level(logging.DEBUG, logger="bandwidth"):
        api.get_call_state(ACCOUNT, CALL_ID)
    text = caplog.text + repr(api.api_client.configuration)
    assert "s3cr3t" not in text and "token-1" not in text

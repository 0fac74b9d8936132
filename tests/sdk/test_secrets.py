"""Secrets stay secret: logs, reprs and errors never show credentials."""

from __future__ import annotations

import base64
import http.client
import json
import logging
import re

import pytest
from werkzeug import Request, Response

from bandwidth import ApiClient, CallsApi, Configuration, CreateCall
from bandwidth.exceptions import (
    ApiValueError,
    ForbiddenException,
    InvalidResponseException,
    NotFoundException,
    UnauthorizedException,
)
from tests.support.wire import ACCOUNT, CALL_ID, CALL_STATE, CREATE_CALL_RESPONSE, Wire

SECRET = "pa55-hunter2"


def test_debug_logging_redacts_authorization(wire: Wire, caplog: pytest.LogCaptureFixture) -> None:
    wire.answer(201, json=CREATE_CALL_RESPONSE, method="POST")
    config = Configuration(host=wire.url, username="user", password=SECRET, debug=True)
    try:
        api = CallsApi(ApiClient(config))
        with caplog.at_level(logging.DEBUG, logger="bandwidth"):
            api.create_call(
                ACCOUNT,
                CreateCall(
                    to="+19195551234",
                    var_from="+19195554321",
                    application_id="a",
                    answer_url="https://a.example/x",
                    password=SECRET,
                ),
            )
    finally:
        config.debug = False
    encoded = base64.b64encode(f"user:{SECRET}".encode()).decode()
    assert "'Authorization': '[redacted]'" in caplog.text
    assert encoded not in caplog.text and SECRET not in caplog.text
    assert http.client.HTTPConnection.debuglevel == 0
    assert {record.name for record in caplog.records} <= {"bandwidth", "werkzeug"}


def test_errors_do_not_carry_request_credentials(wire: Wire) -> None:
    wire.answer(404, json={"description": "no such call"})
    api = CallsApi(ApiClient(Configuration(host=wire.url, username="user", password=SECRET)))
    with pytest.raises(NotFoundException) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    text = str(caught.value) + repr(caught.value)
    assert SECRET not in text
    assert base64.b64encode(f"user:{SECRET}".encode()).decode() not in text


def test_client_repr_does_not_show_credentials() -> None:
    client = ApiClient(Configuration(username="user", password=SECRET))
    assert SECRET not in repr(client.configuration)
    assert SECRET not in repr(vars(client).get("configuration"))


# -- a credential an HTTP header cannot carry (issue item 6) ------------------------------


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("access_token", f"tok-{SECRET}\n"),  # read from a file, newline and all
        ("access_token", f"tok-{SECRET}\u20ac"),  # not Latin-1
        ("password", f"{SECRET}\n"),
        ("password", f"{SECRET}\u20ac"),
        ("password", f"{SECRET}\x00"),
        ("client_secret", f"{SECRET}\r\n"),
        ("username", f"us:{SECRET}"),
    ],
)
def test_a_credential_a_header_cannot_carry_is_refused_at_construction(
    setting: str, value: str
) -> None:
    partner = {
        "access_token": {},
        "password": {"username": "user"},
        "client_secret": {"client_id": "cid"},
        "username": {"password": "pw"},
    }[setting]
    with pytest.raises(ApiValueError, match=setting) as caught:
        Configuration(**{setting: value}, **partner)  # type: ignore[arg-type]
    assert SECRET not in str(caught.value) and SECRET not in repr(caught.value)


def test_a_credential_changed_later_is_checked_before_sending(wire: Wire) -> None:
    wire.answer(200, json=CALL_STATE)
    config = Configuration(host=wire.url, access_token="tok-ok")
    api = CallsApi(ApiClient(config))
    api.get_call_state(ACCOUNT, CALL_ID)
    config.access_token = f"tok-{SECRET}\n"
    with pytest.raises(ApiValueError, match="access_token") as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    assert SECRET not in str(caught.value)
    assert len(wire.requests) == 1


@pytest.mark.parametrize(
    "options",
    [
        {"_request_auth": {"in": "header", "key": "Authorization", "value": f"Bearer {SECRET}\n"}},
        {"_request_auth": {"in": "header", "key": "X Bad", "value": f"Bearer {SECRET}"}},
        {"_headers": {"X-Token": f"{SECRET}\r\nX-Injected: 1"}},
        {"_headers": {"X-Token": f"{SECRET}\u20ac"}},
        {"_headers": {"Bad\nName": "v"}},
    ],
)
def test_per_call_headers_are_checked_before_sending(wire: Wire, options: dict) -> None:
    wire.answer(200, json=CALL_STATE)
    api = CallsApi(ApiClient(Configuration(host=wire.url, username="user", password="pw12")))
    with pytest.raises(ApiValueError) as caught:
        api.get_call_state(ACCOUNT, CALL_ID, **options)
    assert SECRET not in str(caught.value)
    assert wire.requests == []


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),  # used to raise RecursionError
        (json.dumps({"access_token": f"t-{SECRET}\r\nX: y"}).encode(), "cannot be sent"),
    ],
)
def test_a_hostile_token_endpoint_is_an_invalid_response(wire: Wire, body: bytes, why: str) -> None:
    wire.server.expect_request("/token", method="POST").respond_with_data(
        body, content_type="application/json"
    )
    config = Configuration(
        host=wire.url,
        client_id="cid",
        client_secret="csecret",
        access_token_url=wire.server.url_for("/token"),
        retries=0,
    )
    with pytest.raises(InvalidResponseException, match=why) as caught:
        CallsApi(ApiClient(config)).get_call_state(ACCOUNT, CALL_ID)
    assert SECRET not in str(caught.value)


# -- redaction by value, and Set-Cookie (issue item 7) --------------------------------------


def test_a_request_auth_value_never_appears_in_logs(
    wire: Wire, caplog: pytest.LogCaptureFixture
) -> None:
    wire.answer(404, json={"description": f"unknown key {SECRET}"})
    config = Configuration(host=wire.url, username="user", password="pw12", debug=True)
    try:
        api = CallsApi(ApiClient(config))
        with (
            caplog.at_level(logging.DEBUG, logger="bandwidth"),
            pytest.raises(NotFoundException) as caught,
        ):
            api.get_call_state(
                ACCOUNT,
                CALL_ID,
                _request_auth={"in": "header", "key": "X-Api-Token", "value": SECRET},
            )
    finally:
        config.debug = False
    assert wire.last.headers["X-Api-Token"] == SECRET  # it was sent...
    assert SECRET not in caplog.text  # ...and never logged
    assert "'X-Api-Token': '[redacted]'" in caplog.text
    assert SECRET not in str(caught.value) and SECRET not in (caught.value.description or "")


ECHO_SERVERS = ["basic", "bearer", "oauth"]


def echoing_client(wire: Wire, kind: str) -> CallsApi:
    if kind == "basic":
        config = Configuration(host=wire.url, username="user", password=SECRET, retries=0)
    elif kind == "bearer":
        config = Configuration(host=wire.url, access_token=f"tok-{SECRET}", retries=0)
    else:
        wire.server.expect_request("/token", method="POST").respond_with_json(
            {"access_token": f"tok-{SECRET}", "token_type": "Bearer", "expires_in": 3600}
        )
        config = Configuration(
            host=wire.url,
            client_id="cid",
            client_secret=f"cs-{SECRET}",
            access_token_url=wire.server.url_for("/token"),
            retries=0,
        )
    return CallsApi(ApiClient(config))


@pytest.mark.parametrize("kind", ECHO_SERVERS)
def test_a_server_echoing_credentials_cannot_put_them_in_an_exception_or_a_log(
    wire: Wire, kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    def echo(request: Request) -> Response:
        authorization = request.headers.get("Authorization", "")
        body = json.dumps({"type": "bad", "description": f"rejected {authorization}"})
        response = Response(body, status=403, content_type="application/json")
        response.headers["X-Echo"] = authorization
        response.headers["Set-Cookie"] = "session=c00kie-value; HttpOnly"
        return response

    wire.server.expect_request(re.compile(".*/calls/.*")).respond_with_handler(echo)
    api = echoing_client(wire, kind)
    api.api_client.configuration.debug = True
    try:
        with (
            caplog.at_level(logging.DEBUG, logger="bandwidth"),
            pytest.raises(ForbiddenException) as caught,
        ):
            api.get_call_state(ACCOUNT, CALL_ID)
    finally:
        api.api_client.configuration.debug = False
    error = caught.value
    encoded = base64.b64encode(f"user:{SECRET}".encode()).decode()
    shown = " ".join(
        [
            str(error),
            repr(error),
            str(error.args),
            error.body or "",
            str(dict(error.headers.items())) if error.headers else "",
            repr(error.data),
            caplog.text,
        ]
    )
    assert SECRET not in shown and encoded not in shown
    assert "[redacted]" in (error.body or "") and "[redacted]" in error.headers["X-Echo"]
    assert "'Set-Cookie': '[redacted]'" in str(error) and "c00kie" not in str(error)
    assert "'Set-Cookie': '[redacted]'" in caplog.text and "c00kie" not in caplog.text


def test_an_oauth_endpoint_echoing_the_client_secret_cannot_show_it(wire: Wire) -> None:
    def echo(request: Request) -> Response:
        return Response(
            json.dumps({"error": "invalid_client", "seen": request.headers["Authorization"]}),
            status=401,
            content_type="application/json",
        )

    wire.server.expect_request("/token", method="POST").respond_with_handler(echo)
    config = Configuration(
        host=wire.url,
        client_id="cid",
        client_secret=f"cs-{SECRET}",
        access_token_url=wire.server.url_for("/token"),
        retries=0,
    )
    with pytest.raises(UnauthorizedException) as caught:
        CallsApi(ApiClient(config)).get_call_state(ACCOUNT, CALL_ID)
    encoded = base64.b64encode(f"cid:cs-{SECRET}".encode()).decode()
    assert encoded not in str(caught.value) and SECRET not in str(caught.value)
    assert "[redacted]" in (caught.value.body or "")

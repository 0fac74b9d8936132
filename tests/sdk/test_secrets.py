"""Secrets stay secret: logs, reprs and errors never show credentials."""

from __future__ import annotations

import base64
import http.client
import logging

import pytest

from bandwidth import ApiClient, CallsApi, Configuration, CreateCall
from bandwidth.exceptions import NotFoundException
from tests.support.wire import ACCOUNT, CALL_ID, CREATE_CALL_RESPONSE, Wire

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

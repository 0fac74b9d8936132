"""MFAApi: every operation on a loopback server, its errors, its retries and its checks.

The three operations are ``POST``: each is sent once, even after a 503 or a
connection lost with the request sent (a repeat could text the user a second
code, or count as a second verification attempt).
"""

from __future__ import annotations

import logging
from typing import Iterator

import pytest

from bandwidth import ApiClient, Configuration, RequestValidationError
from bandwidth.api.mfa_api import MFAApi
from bandwidth.models.code_request import CodeRequest
from bandwidth.models.messaging_code_response import MessagingCodeResponse
from bandwidth.models.mfa_forbidden_request_error import MfaForbiddenRequestError
from bandwidth.models.mfa_request_error import MfaRequestError
from bandwidth.models.mfa_unauthorized_request_error import MfaUnauthorizedRequestError
from bandwidth.models.verify_code_request import VerifyCodeRequest
from bandwidth.models.verify_code_response import VerifyCodeResponse
from bandwidth.models.voice_code_response import VoiceCodeResponse
from tests.support.operations import (
    Case,
    check_account_id,
    check_error,
    check_extras,
    check_retry_on_503,
    check_retry_on_drop,
    check_wire,
    ids,
)
from tests.support.wire import ACCOUNT, Wire

CALL_ID = "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
MESSAGE_ID = "1589228074636lm4k2je7j7jklbn2"
CODE_REQUEST = {
    "to": "+19195551234",
    "from": "+19195554321",
    "applicationId": "66fd98ae-ac8d-a00f-7fcd-ba3280aeb9b1",
    "scope": "2FA",
    "message": "Your temporary {NAME} {SCOPE} code is {CODE}",
    "digits": 6,
}
VERIFY_REQUEST = {
    "to": "+19195551234",
    "scope": "2FA",
    "expirationTimeInMinutes": 3,
    "code": "123456",
}


def code_request() -> CodeRequest:
    return CodeRequest(
        to="+19195551234",
        var_from="+19195554321",
        application_id="66fd98ae-ac8d-a00f-7fcd-ba3280aeb9b1",
        scope="2FA",
        message="Your temporary {NAME} {SCOPE} code is {CODE}",
        digits=6,
    )


CASES = [
    Case(
        "generate_voice_code",
        (ACCOUNT, code_request()),
        "POST",
        f"/accounts/{ACCOUNT}/code/voice",
        answer={"callId": CALL_ID},
        body=CODE_REQUEST,
        content_type="application/json",
        check=lambda r: isinstance(r, VoiceCodeResponse) and r.call_id == CALL_ID,
    ),
    Case(
        "generate_messaging_code",
        (ACCOUNT, dict(CODE_REQUEST)),
        "POST",
        f"/accounts/{ACCOUNT}/code/messaging",
        answer={"messageId": MESSAGE_ID},
        body=CODE_REQUEST,
        content_type="application/json",
        check=lambda r: isinstance(r, MessagingCodeResponse) and r.message_id == MESSAGE_ID,
    ),
    Case(
        "verify_code",
        (
            ACCOUNT,
            VerifyCodeRequest(
                to="+19195551234", scope="2FA", expiration_time_in_minutes=3, code="123456"
            ),
        ),
        "POST",
        f"/accounts/{ACCOUNT}/code/verify",
        answer={"valid": False},
        body=VERIFY_REQUEST,
        content_type="application/json",
        check=lambda r: isinstance(r, VerifyCodeResponse) and r.valid is False,
    ),
]
ERRORS = [
    (
        400,
        {"error": "400 Request is malformed or invalid", "requestId": "354cc8a3"},
        MfaRequestError,
    ),
    (401, {"message": "Unauthorized"}, MfaUnauthorizedRequestError),
    (403, {"message": "Missing Authentication Token"}, MfaForbiddenRequestError),
    (429, {"error": "exceeded verification attempts", "requestId": "1"}, MfaRequestError),
    (500, {"error": "Internal Error", "requestId": "2"}, MfaRequestError),
]


@pytest.fixture
def api(configuration: Configuration) -> Iterator[MFAApi]:
    with ApiClient(configuration) as client:
        yield MFAApi(client)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_each_operation_on_the_wire(wire: Wire, api: MFAApi, case: Case) -> None:
    check_wire(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_extras_positionally_and_by_keyword(wire: Wire, api: MFAApi, case: Case) -> None:
    check_extras(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_a_bad_account_id_is_named_before_sending(wire: Wire, api: MFAApi, case: Case) -> None:
    check_account_id(wire, api, case)


@pytest.mark.parametrize("status, document, model", ERRORS, ids=[str(e[0]) for e in ERRORS])
@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_errors_carry_the_mfa_error_documents(
    wire: Wire, api: MFAApi, case: Case, status: int, document: dict, model: type
) -> None:
    error = check_error(wire, api, case, status, document, model)
    assert error.description == (document.get("error") or document.get("message"))


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_no_operation_is_repeated_after_a_503(wire: Wire, case: Case) -> None:
    check_retry_on_503(wire, case, MFAApi)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_no_operation_is_repeated_after_the_connection_drops(case: Case) -> None:
    check_retry_on_drop(case, MFAApi)


@pytest.mark.parametrize(
    "change, field",
    [
        ({"to": "9195551234"}, "to"),
        ({"digits": 3}, "digits"),
        ({"digits": 9}, "digits"),
        ({"message": "x" * 2049}, "message"),
        ({"applicationId": "a" * 51}, "applicationId"),
        ({"scope": "s" * 26}, "scope"),
    ],
)
def test_a_bad_code_request_is_refused_before_sending(
    wire: Wire, api: MFAApi, change: dict, field: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        api.generate_messaging_code(ACCOUNT, {**CODE_REQUEST, **change})
    assert field in str(caught.value)
    assert wire.requests == []


@pytest.mark.parametrize(
    "change, field",
    [
        ({"code": "123"}, "code"),
        ({"code": "123456789"}, "code"),
        ({"expirationTimeInMinutes": 0}, "expirationTimeInMinutes"),
        ({"expirationTimeInMinutes": 16}, "expirationTimeInMinutes"),
        ({"to": "+0123"}, "to"),
    ],
)
def test_a_bad_verify_request_is_refused_without_showing_the_code(
    wire: Wire, api: MFAApi, change: dict, field: str
) -> None:
    body = {**VERIFY_REQUEST, **change}
    with pytest.raises(RequestValidationError) as caught:
        api.verify_code(ACCOUNT, body)
    assert field in str(caught.value)
    assert str(body["code"]) not in str(caught.value)
    assert wire.requests == []


def test_the_code_never_reaches_a_log_line(
    wire: Wire, api: MFAApi, caplog: pytest.LogCaptureFixture
) -> None:
    case = CASES[2]
    wire.answer(200, json=case.answer, method="POST")
    with caplog.at_level(logging.DEBUG, logger="bandwidth"):
        assert api.verify_code(ACCOUNT, VERIFY_REQUEST).valid is False
    assert caplog.records and "123456" not in caplog.text

"""Toll-free verification webhooks: the four shapes, unknown bodies, bad bodies, signatures."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any, Dict

import pytest

from bandwidth.callbacks import (
    TFV_SIGNATURE_HEADER,
    BlockedWebhook,
    CallbackParseError,
    FailureWebhook,
    UnknownTfvWebhook,
    VerificationDenialWebhook,
    VerificationWebhook,
    parse_tfv_webhook,
    tfv_webhook_model_for,
    verify_tfv_signature,
)
from bandwidth.exceptions import ApiTypeError

SECRET = "s3cr3t-Value-0f-The-Body"
TICKET = "acde070d-8c4c-4f0d-9d8a-162843c10333"

# Built from the field examples of the spec's schemas (components/schemas)
VERIFIED: Dict[str, Any] = {
    "accountId": "9900000",
    "phoneNumber": "+18005555555",
    "status": "VERIFIED",
    "internalTicketNumber": TICKET,
}
DENIED: Dict[str, Any] = {
    "accountId": "9900000",
    "additionalDenialReasons": [
        {"statusCode": 512, "reason": "Reason A", "resubmitAllowed": True},
        {"statusCode": 513, "reason": "Reason B", "resubmitAllowed": True},
    ],
    "declineReasonDescription": "Invalid Information - Can't Validate URL - Website is not "
    "accessible / not available",
    "denialStatusCode": 511,
    "internalTicketNumber": TICKET,
    "phoneNumber": "+18005555555",
    "resubmitAllowed": True,
    "status": "UNVERIFIED",
}
FAILED: Dict[str, Any] = {
    "accountId": "9900000",
    "phoneNumber": "+18005555555",
    "errorCode": "400",
    "errorMessage": "cannot process request.",
    "errors": ["optInWorkflowImageURLs: Entries must be a valid array of objects."],
    "internalTicketNumber": TICKET,
}
BLOCKED: Dict[str, Any] = {
    "accountId": "9900000",
    "phoneNumber": "+18005555555",
    "status": "UNVERIFIED",
    "internalTicketNumber": TICKET,
    "blocked": True,
    "blockedReason": "Toll-free number was used to send spam messages",
}


@pytest.mark.parametrize(
    ("payload", "model"),
    [
        (VERIFIED, VerificationWebhook),
        (DENIED, VerificationDenialWebhook),
        ({**DENIED, "blocked": True, "blockedReason": "spam"}, VerificationDenialWebhook),
        (FAILED, FailureWebhook),
        (BLOCKED, BlockedWebhook),
        ({"status": "UNVERIFIED"}, VerificationWebhook),
        ({"errorCode": "500"}, FailureWebhook),
        ({"errors": []}, FailureWebhook),
        ({"resubmitAllowed": False}, VerificationDenialWebhook),
        ({"blocked": False}, BlockedWebhook),
        ({**VERIFIED, "errorMessage": "late failure"}, FailureWebhook),
    ],
)
def test_each_shape_is_recognised_by_its_fields(payload: Dict[str, Any], model: Any) -> None:
    webhook = parse_tfv_webhook(json.dumps(payload).encode("utf-8"), "application/json")
    assert type(webhook) is model
    assert tfv_webhook_model_for(payload) is model
    assert webhook.to_dict() == payload
    assert model.model_validate_json(webhook.to_json()) == webhook


def test_fields_are_typed() -> None:
    verified = parse_tfv_webhook(json.dumps(VERIFIED))
    assert isinstance(verified, VerificationWebhook)
    assert verified.status == "VERIFIED"
    assert verified.phone_number == "+18005555555"
    assert verified.internal_ticket_number == TICKET
    assert verified.account_id == "9900000"
    denied = parse_tfv_webhook(DENIED)
    assert isinstance(denied, VerificationDenialWebhook)
    assert denied.denial_status_code == 511
    assert denied.resubmit_allowed is True
    assert denied.additional_denial_reasons is not None
    assert [r.status_code for r in denied.additional_denial_reasons] == [512, 513]
    assert denied.additional_denial_reasons[0].reason == "Reason A"
    failed = parse_tfv_webhook(FAILED)
    assert isinstance(failed, FailureWebhook)
    assert failed.error_code == "400"
    assert failed.errors == FAILED["errors"]
    blocked = parse_tfv_webhook(BLOCKED)
    assert isinstance(blocked, BlockedWebhook)
    assert blocked.blocked is True
    assert blocked.blocked_reason == BLOCKED["blockedReason"]


def test_unknown_bodies_and_values_are_kept() -> None:
    for payload in ({}, {"accountId": "9900000", "phoneNumber": "+18005555555"}, {"x": [1]}):
        webhook = parse_tfv_webhook(payload)
        assert type(webhook) is UnknownTfvWebhook
        assert webhook.additional_properties == payload
    pending = parse_tfv_webhook({**VERIFIED, "status": "PENDING", "newField": {"a": 1}})
    assert isinstance(pending, VerificationWebhook)
    assert pending.status == "PENDING"
    assert pending.additional_properties == {"newField": {"a": 1}}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{", "not valid JSON"),
        (b"[]", "must be a JSON object"),
        (json.dumps([VERIFIED]).encode(), "must be a JSON object"),
        (b'"VERIFIED"', "must be a JSON object"),
        (b"null", "must be a JSON object"),
        (b'{"a": ' + b"[" * 40 + b"]" * 40 + b"}", "nested too deeply"),
        (b'{"a": "' + b"x" * (1024 * 1024) + b'"}', "larger than"),
        (b"\xff{", "not valid text"),
    ],
)
def test_bodies_that_are_not_tfv_webhooks(body: bytes, message: str) -> None:
    with pytest.raises(CallbackParseError, match=message):
        parse_tfv_webhook(body)


def test_a_bad_field_is_named_never_echoed() -> None:
    bad = {**DENIED, "denialStatusCode": SECRET, "resubmitAllowed": SECRET}
    with pytest.raises(CallbackParseError) as caught:
        parse_tfv_webhook(json.dumps(bad).encode())
    error = caught.value
    fields = {e["loc"][-1] for e in error.errors()}
    assert fields == {"denialStatusCode", "resubmitAllowed"}
    assert "toll-free verification webhook" in str(error)
    assert SECRET not in str(error) and SECRET not in repr(error.errors())
    with pytest.raises(ApiTypeError):
        parse_tfv_webhook(3)  # type: ignore[arg-type]


# -- signatures ------------------------------------------------------------------------------

KEY = "0123456789abcdef-shared"


def sign(body: bytes, key: str = KEY) -> str:
    return hmac.new(key.encode(), body, hashlib.sha256).hexdigest()


def test_a_signature_over_the_raw_body_verifies() -> None:
    body = json.dumps(VERIFIED).encode()
    signature = sign(body)
    assert TFV_SIGNATURE_HEADER == "x-bandwidth-signature-hmac-sha256"
    assert len(signature) == 64
    assert verify_tfv_signature(body, signature, KEY)
    assert verify_tfv_signature(bytearray(body), signature.upper(), KEY)
    assert verify_tfv_signature(memoryview(body), f" {signature}\n".encode(), KEY)


@pytest.mark.parametrize(
    "signature",
    [None, "", "00" * 32, "not hex", "\u00e9" * 64, b"\xff" * 64, 12345],
)
def test_wrong_or_missing_signatures_fail(signature: Any) -> None:
    assert not verify_tfv_signature(json.dumps(VERIFIED).encode(), signature, KEY)


def test_a_changed_body_or_key_fails() -> None:
    body = json.dumps(VERIFIED).encode()
    signature = sign(body)
    assert not verify_tfv_signature(body + b" ", signature, KEY)
    assert not verify_tfv_signature(body, signature, KEY + "x")


@pytest.mark.parametrize("key", [None, ""])
def test_an_unset_key_locks_the_webhook(key: Any) -> None:
    body = b"{}"
    assert not verify_tfv_signature(body, sign(body, ""), key)


def test_the_body_must_be_the_raw_bytes() -> None:
    with pytest.raises(ApiTypeError, match="raw bytes"):
        verify_tfv_signature("{}", sign(b"{}"), KEY)  # type: ignore[arg-type]

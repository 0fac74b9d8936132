"""TollFreeVerificationApi: every operation on a loopback server, its errors, retries and checks.

The two ``POST`` operations (a submission, a new webhook subscription) are
never repeated once they may have arrived; the reads, the ``PUT``
replacements and the deletes are retried. A subscription's password and
signing key never appear in an error message, a ``repr`` or a log line.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest
import yaml

from bandwidth import ApiClient, ApiTypeError, ApiValueError, Configuration, RequestValidationError
from bandwidth._formats import TOLL_FREE
from bandwidth.api.toll_free_verification_api import TollFreeVerificationApi
from bandwidth.models.tfv_error import TfvError
from bandwidth.models.tfv_status import TfvStatus
from bandwidth.models.tfv_submission_wrapper import TfvSubmissionWrapper
from bandwidth.models.verification_request import VerificationRequest
from bandwidth.models.webhook_subscription import WebhookSubscription
from bandwidth.models.webhook_subscription_request_schema import WebhookSubscriptionRequestSchema
from bandwidth.models.webhook_subscriptions_list_body import WebhookSubscriptionsListBody
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

NUMBER = "+18005555555"
ENCODED = "%2B18005555555"
SUB_ID = "7hICGStfAfeGxEq3N0lQwO"
PASSWORD = "hunter2-Very-Secret-Password"
SECRET_KEY = "This is my $ecret key 1234"
BASE = f"/accounts/{ACCOUNT}"
SUBSCRIPTIONS = f"{BASE}/tollFreeVerification/webhooks/subscriptions"

SUBMISSION: Dict[str, Any] = {
    "businessAddress": {
        "name": "Bandwidth Inc.",
        "addr1": "2230 Bandmate Way",
        "city": "Raleigh",
        "state": "NC",
        "zip": "27606",
        "url": "https://www.example.com/path/to/resource",
    },
    "businessContact": {
        "firstName": "John",
        "lastName": "Doe",
        "email": "foo@bar.com",
        "phoneNumber": "+19192654500",
    },
    "messageVolume": 10000,
    "useCase": "2FA",
    "useCaseSummary": "Text messages for account sign-in",
    "productionMessageContent": "Your code is 123456",
    "optInWorkflow": {
        "description": "Users opt in on the sign-up page",
        "imageUrls": ["https://www.example.com/opt-in.png"],
    },
    "businessEntityType": "PRIVATE_PROFIT",
    "businessRegistrationNumber": "12-3456789",
    "businessRegistrationType": "EIN",
    "businessRegistrationIssuingCountry": "USA",
}
VERIFICATION = {**SUBMISSION, "phoneNumbers": [NUMBER]}
SUBSCRIPTION_REQUEST = {
    "callbackUrl": "https://example.com/tfv",
    "basicAuthentication": {"username": "mySecretUsername", "password": PASSWORD},
    "sharedSecretKey": SECRET_KEY,
}
SUBSCRIPTION = {
    "id": SUB_ID,
    "accountId": ACCOUNT,
    "callbackUrl": "https://example.com/tfv",
    "type": "TOLLFREE_VERIFICATION_STATUS",
    "basicAuthentication": {"username": "mySecretUsername", "password": None},
    "createdDate": "2023-05-15T13:56:39.965Z",
    "modifiedDate": "2023-05-15T13:56:39.965Z",
}
STATUS = {
    "phoneNumber": NUMBER,
    "status": "UNVERIFIED",
    "internalTicketNumber": "acde070d-8c4c-4f0d-9d8a-162843c10333",
    "declineReasonDescription": "Invalid Information - Can't Validate URL",
    "denialStatusCode": 511,
    "additionalDenialReasons": [{"statusCode": 512, "reason": "Reason A", "resubmitAllowed": True}],
    "resubmitAllowed": True,
    "createdDateTime": "2021-06-08T06:45:13.0Z",
    "modifiedDateTime": "2021-06-08T06:45:13.0Z",
    "submission": {"useCase": "2FA", "messageVolume": 10000},
    "blocked": False,
}

CASES = [
    Case(
        "request_toll_free_verification",
        (ACCOUNT, VerificationRequest.from_dict(VERIFICATION)),
        "POST",
        f"{BASE}/tollFreeVerification",
        status=202,
        body=VERIFICATION,
        content_type="application/json",
    ),
    Case(
        "get_toll_free_verification_status",
        (ACCOUNT, NUMBER),
        "GET",
        f"{BASE}/phoneNumbers/{ENCODED}/tollFreeVerification",
        answer=STATUS,
        check=lambda s: (
            isinstance(s, TfvStatus)
            and s.status == "UNVERIFIED"
            and s.additional_denial_reasons[0].status_code == 512
        ),
    ),
    Case(
        "update_toll_free_verification_request",
        (ACCOUNT, NUMBER, TfvSubmissionWrapper.from_dict({"submission": SUBMISSION})),
        "PUT",
        f"{BASE}/phoneNumbers/{ENCODED}/tollFreeVerification",
        status=202,
        body={"submission": SUBMISSION},
        content_type="application/json",
    ),
    Case(
        "delete_verification_request",
        (ACCOUNT, NUMBER),
        "DELETE",
        f"{BASE}/phoneNumbers/{ENCODED}/tollFreeVerification",
        status=204,
    ),
    Case(
        "list_webhook_subscriptions",
        (ACCOUNT,),
        "GET",
        SUBSCRIPTIONS,
        answer={"links": {"first": "/x?page=1"}, "errors": [], "data": [SUBSCRIPTION]},
        check=lambda body: (
            isinstance(body, WebhookSubscriptionsListBody)
            and body.data[0].id == SUB_ID
            and body.data[0].basic_authentication.password is None
        ),
    ),
    Case(
        "create_webhook_subscription",
        (ACCOUNT, WebhookSubscriptionRequestSchema.from_dict(SUBSCRIPTION_REQUEST)),
        "POST",
        SUBSCRIPTIONS,
        status=201,
        answer=SUBSCRIPTION,
        body=SUBSCRIPTION_REQUEST,
        content_type="application/json",
        check=lambda s: isinstance(s, WebhookSubscription) and s.id == SUB_ID,
    ),
    Case(
        "delete_webhook_subscription",
        (ACCOUNT, SUB_ID),
        "DELETE",
        f"{SUBSCRIPTIONS}/{SUB_ID}",
        status=204,
    ),
    Case(
        "update_webhook_subscription",
        (ACCOUNT, SUB_ID, dict(SUBSCRIPTION_REQUEST)),
        "PUT",
        f"{SUBSCRIPTIONS}/{SUB_ID}",
        answer=SUBSCRIPTION,
        body=SUBSCRIPTION_REQUEST,
        content_type="application/json",
        check=lambda s: (
            isinstance(s, WebhookSubscription) and s.type == "TOLLFREE_VERIFICATION_STATUS"
        ),
    ),
    Case(
        "list_toll_free_use_cases",
        (),
        "GET",
        "/tollFreeVerification/useCases",
        answer=["2FA", "App Notifications", "Appointments"],
        check=lambda cases: cases == ["2FA", "App Notifications", "Appointments"],
    ),
]
ERRORS = [
    (400, {"description": "cannot process request.", "errors": {"businessName": "required"}}),
    (401, {"description": "Unauthorized", "type": "Unauthorized"}),
    (403, {"description": "Forbidden", "type": "Forbidden"}),
    (404, {"description": "Cannot find the requested resource.", "type": "Not Found"}),
    (405, {"description": "Method Not Allowed", "type": "Method Not Allowed"}),
    (429, {"description": "Too Many Requests", "type": "Too Many Requests"}),
    (503, {"description": "Service Unavailable Error", "type": "Service Unavailable"}),
]


@pytest.fixture
def api(configuration: Configuration) -> Iterator[TollFreeVerificationApi]:
    with ApiClient(configuration) as client:
        yield TollFreeVerificationApi(client)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_each_operation_on_the_wire(wire: Wire, api: TollFreeVerificationApi, case: Case) -> None:
    check_wire(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_extras_positionally_and_by_keyword(
    wire: Wire, api: TollFreeVerificationApi, case: Case
) -> None:
    check_extras(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_a_bad_account_id_is_named_before_sending(
    wire: Wire, api: TollFreeVerificationApi, case: Case
) -> None:
    check_account_id(wire, api, case)


@pytest.mark.parametrize("status, document", ERRORS, ids=[str(e[0]) for e in ERRORS])
@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_errors_carry_the_tfv_error_document(
    wire: Wire, api: TollFreeVerificationApi, case: Case, status: int, document: Any
) -> None:
    error = check_error(wire, api, case, status, document, TfvError)
    assert error.description == document["description"]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_only_the_posts_are_never_repeated_after_a_503(wire: Wire, case: Case) -> None:
    check_retry_on_503(wire, case, TollFreeVerificationApi)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_only_the_posts_are_never_repeated_after_the_connection_drops(case: Case) -> None:
    check_retry_on_drop(case, TollFreeVerificationApi)


@pytest.mark.parametrize(
    "operation", ["get_toll_free_verification_status", "delete_verification_request"]
)
@pytest.mark.parametrize(
    "number", ["+19195551234", "18005555555", "+1800555555", "+18001555555", "+180055555555"]
)
def test_a_number_that_is_not_toll_free_is_named_before_sending(
    wire: Wire, api: TollFreeVerificationApi, operation: str, number: str
) -> None:
    with pytest.raises(ApiValueError, match="phone_number"):
        getattr(api, operation)(ACCOUNT, number)
    with pytest.raises(ApiTypeError, match="phone_number"):
        getattr(api, operation)(ACCOUNT, 18005555555)
    assert wire.requests == []


@pytest.mark.parametrize(
    "change, field",
    [
        ({"phoneNumbers": []}, "phoneNumbers"),
        ({"phoneNumbers": ["+19195551234"]}, "phoneNumbers"),
        ({"phoneNumbers": [NUMBER] * 11}, "phoneNumbers"),
        ({"messageVolume": 9}, "messageVolume"),
        ({"useCase": "u" * 501}, "useCase"),
        ({"businessEntityType": "PIRATE"}, "businessEntityType"),
    ],
)
def test_a_bad_submission_is_refused_before_sending(
    wire: Wire, api: TollFreeVerificationApi, change: Dict[str, Any], field: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        api.request_toll_free_verification(ACCOUNT, {**VERIFICATION, **change})
    assert field in str(caught.value)
    assert wire.requests == []


def test_a_missing_business_field_is_named(wire: Wire, api: TollFreeVerificationApi) -> None:
    body = copy.deepcopy(VERIFICATION)
    del body["businessContact"]["email"]
    with pytest.raises(RequestValidationError, match="email"):
        api.request_toll_free_verification(ACCOUNT, body)
    assert wire.requests == []


@pytest.mark.parametrize(
    "change, field",
    [
        ({"basicAuthentication": {"username": "u", "password": "p" * 201}}, "password"),
        ({"basicAuthentication": {"username": "u" * 101, "password": PASSWORD}}, "username"),
        ({"sharedSecretKey": "too short"}, "sharedSecretKey"),
        ({"sharedSecretKey": SECRET_KEY + "\n"}, "sharedSecretKey"),
        ({"callbackUrl": "u" * 2001}, "callbackUrl"),
    ],
)
@pytest.mark.parametrize("operation", ["create", "update"])
def test_a_bad_subscription_is_refused_without_showing_its_secrets(
    wire: Wire, api: TollFreeVerificationApi, change: Dict[str, Any], field: str, operation: str
) -> None:
    body = {**SUBSCRIPTION_REQUEST, **change}
    with pytest.raises(RequestValidationError) as caught:
        if operation == "create":
            api.create_webhook_subscription(ACCOUNT, body)
        else:
            api.update_webhook_subscription(ACCOUNT, SUB_ID, body)
    text = str(caught.value) + repr(caught.value) + repr(caught.value.errors())
    assert field in text
    for secret in ("p" * 201, PASSWORD, "too short", SECRET_KEY):
        assert secret not in text
    assert wire.requests == []


def test_a_subscription_request_hides_its_secrets(
    wire: Wire, api: TollFreeVerificationApi, caplog: pytest.LogCaptureFixture
) -> None:
    model = WebhookSubscriptionRequestSchema.from_dict(SUBSCRIPTION_REQUEST)
    for text in (repr(model), str(model), model.to_str()):
        assert PASSWORD not in text and SECRET_KEY not in text
    wire.answer(201, json=SUBSCRIPTION, method="POST")
    with caplog.at_level(logging.DEBUG, logger="bandwidth"):
        api.create_webhook_subscription(ACCOUNT, model)
    assert caplog.records
    assert PASSWORD not in caplog.text and SECRET_KEY not in caplog.text


def test_the_toll_free_rule_is_the_specs() -> None:
    """The path check and the spec's ``tfPhoneNumber`` are one rule: a spec refresh shows."""
    spec = Path(__file__).resolve().parents[2] / "spec" / "bandwidth.yml"
    schemas = yaml.safe_load(spec.read_text(encoding="utf-8"))["components"]["schemas"]
    assert schemas["tfPhoneNumber"]["pattern"] == f"^{TOLL_FREE.pattern}$"

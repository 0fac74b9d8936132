"""Toll-free verification in the simulator, through ``TollFreeVerificationApi`` over loopback.

Requests move PENDING -> VERIFIED on the simulated clock (the review takes
``sim.toll_free_review_seconds``) or when the test decides, and every
subscription hears each decision in the shape of the SDK's TFV webhook models.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from bandwidth import ApiClient, Configuration, TollFreeVerificationApi
from bandwidth.callbacks import parse_tfv_webhook, verify_tfv_signature
from bandwidth.exceptions import BadRequestException, NotFoundException
from bandwidth.models import (
    BlockedWebhook,
    FailureWebhook,
    TfvError,
    VerificationDenialWebhook,
    VerificationWebhook,
)
from bandwidth.testing import VoiceSimulator
from bandwidth.testing._numbers.paths import ENDPOINT_PATHS, TFV_PATHS
from tests.testing.numbers_apps import (
    OTHER_TOLL_FREE,
    TOLL_FREE,
    Receiver,
    served,
    submission,
    update_of,
)

SPEC = Path(__file__).resolve().parents[2] / "spec" / "bandwidth.yml"
SECRET = "a-shared-secret-of-32-characters"
DAY = 24 * 3600.0


@pytest.fixture
def receiver() -> Receiver:
    return Receiver(username="hooks", password="hook-pass")


@pytest.fixture
def sim(receiver: Receiver) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=receiver) as simulator:
        yield simulator


def _api(sim: VoiceSimulator) -> TollFreeVerificationApi:
    return TollFreeVerificationApi(ApiClient(sim.configuration()))


def _subscribe(api: TollFreeVerificationApi, account_id: str, url: str) -> str:
    created = api.create_webhook_subscription(
        account_id,
        {
            "callbackUrl": url,
            "basicAuthentication": {"username": "hooks", "password": "hook-pass"},
            "sharedSecretKey": SECRET,
        },
    )
    assert created.id is not None and len(created.id) == 22
    return created.id


def test_a_submission_is_pending_then_verified_on_the_clock(
    sim: VoiceSimulator, receiver: Receiver
) -> None:
    api = _api(sim)
    _subscribe(api, sim.account_id, "https://app.example.com/tfv")
    api.request_toll_free_verification(sim.account_id, submission())
    status = api.get_toll_free_verification_status(sim.account_id, TOLL_FREE)
    assert status.status == "PENDING" and status.submission is not None
    assert status.submission.use_case == "Appointments"
    sim.advance(3 * DAY - 1)
    assert api.get_toll_free_verification_status(sim.account_id, TOLL_FREE).status == "PENDING"
    assert receiver.received == []
    sim.advance(1)
    verified = api.get_toll_free_verification_status(sim.account_id, TOLL_FREE)
    assert verified.status == "VERIFIED"
    [hook] = receiver.received
    assert hook.path == "/tfv"
    assert verify_tfv_signature(
        hook.body, hook.headers["x-bandwidth-signature-hmac-sha256"], SECRET
    )
    event = parse_tfv_webhook(hook.body)
    assert isinstance(event, VerificationWebhook)
    assert event.status == "VERIFIED" and event.phone_number == TOLL_FREE
    assert event.account_id == sim.account_id
    assert event.internal_ticket_number == verified.internal_ticket_number
    [record] = sim.webhooks
    assert record.event_type == "tfv-verified" and record.call_id == TOLL_FREE
    assert [a.authorized for a in record.attempts] == [False, True]  # the 401 challenge answered


def test_a_denial_is_resubmitted_and_then_approved_by_the_test(
    sim: VoiceSimulator, receiver: Receiver
) -> None:
    api = _api(sim)
    _subscribe(api, sim.account_id, "https://app.example.com/tfv")
    sim.toll_free_review_seconds = None  # only the test decides
    body = submission()
    api.request_toll_free_verification(sim.account_id, body)
    sim.deny_toll_free_verification(
        TOLL_FREE, "Invalid Information - Can't Validate URL", "Opt-in image missing"
    )
    denied = api.get_toll_free_verification_status(sim.account_id, TOLL_FREE)
    assert denied.status == "UNVERIFIED" and denied.resubmit_allowed is True
    assert denied.denial_status_code == 511
    assert denied.decline_reason_description == "Invalid Information - Can't Validate URL"
    assert [r.reason for r in denied.additional_denial_reasons or []] == ["Opt-in image missing"]
    event = parse_tfv_webhook(receiver.received[-1].body)
    assert isinstance(event, VerificationDenialWebhook)
    assert event.denial_status_code == 511 and event.resubmit_allowed is True
    with pytest.raises(ValueError, match="only a PENDING one"):
        sim.approve_toll_free_verification(TOLL_FREE)
    api.update_toll_free_verification_request(sim.account_id, TOLL_FREE, update_of(body))
    again = api.get_toll_free_verification_status(sim.account_id, TOLL_FREE)
    assert again.status == "PENDING" and again.decline_reason_description is None
    sim.advance(30 * DAY)
    assert sim.toll_free_verification(TOLL_FREE).status == "PENDING"  # no review timer
    sim.approve_toll_free_verification(TOLL_FREE)
    assert api.get_toll_free_verification_status(sim.account_id, TOLL_FREE).status == "VERIFIED"
    assert [r.event_type for r in sim.webhooks] == ["tfv-denied", "tfv-verified"]


def test_a_resubmission_is_refused_after_seven_days_or_when_not_allowed(
    sim: VoiceSimulator,
) -> None:
    api = _api(sim)
    body = submission(TOLL_FREE, OTHER_TOLL_FREE)
    api.request_toll_free_verification(sim.account_id, body)
    sim.deny_toll_free_verification(TOLL_FREE, "Late")
    sim.deny_toll_free_verification(OTHER_TOLL_FREE, "Final", resubmit_allowed=False)
    sim.advance(7 * DAY + 1)
    for number in (TOLL_FREE, OTHER_TOLL_FREE):
        with pytest.raises(BadRequestException) as refused:
            api.update_toll_free_verification_request(sim.account_id, number, update_of(body))
        assert "within 7 days" in str(refused.value.data.description)


def test_failure_and_blocked_webhooks_reach_an_app_over_http() -> None:
    receiver = Receiver(username="hooks", password="hook-pass")
    with served(receiver) as port, VoiceSimulator() as sim:
        api = _api(sim)
        # the spec's callbackUrl pattern wants a ".abc" part: a loopback URL gets one in its path
        _subscribe(api, sim.account_id, f"http://127.0.0.1:{port}/tfv/events.json")
        api.request_toll_free_verification(sim.account_id, submission())
        sim.fail_toll_free_verification(
            TOLL_FREE,
            "Cannot process request",
            "optInWorkflowImageURLs: Entries must be a valid array of objects.",
        )
        sim.block_toll_free_number(TOLL_FREE, "Used for spam")
        status = api.get_toll_free_verification_status(sim.account_id, TOLL_FREE)
    assert status.status == "PENDING" and status.blocked is True
    assert status.blocked_reason == "Used for spam"
    failure, blocked = (parse_tfv_webhook(r.body) for r in receiver.received)
    assert isinstance(failure, FailureWebhook) and failure.error_code == "400"
    assert failure.errors == ["optInWorkflowImageURLs: Entries must be a valid array of objects."]
    assert isinstance(blocked, BlockedWebhook) and blocked.blocked is True
    for hook in receiver.received:
        assert hook.path == "/tfv/events.json"
        signature = hook.headers["x-bandwidth-signature-hmac-sha256"]
        assert verify_tfv_signature(hook.body, signature, SECRET)


def test_the_platform_refuses_what_it_documents(sim: VoiceSimulator) -> None:
    api = _api(sim)
    with pytest.raises(NotFoundException) as missing:
        api.get_toll_free_verification_status(sim.account_id, TOLL_FREE)
    assert isinstance(missing.value.data, TfvError)
    api.request_toll_free_verification(sim.account_id, submission())
    with pytest.raises(BadRequestException) as twice:
        api.request_toll_free_verification(sim.account_id, submission())
    assert isinstance(twice.value.data, TfvError)
    assert "already has a verification request" in json.dumps(twice.value.data.errors)
    api.delete_verification_request(sim.account_id, TOLL_FREE)
    with pytest.raises(NotFoundException):
        api.delete_verification_request(sim.account_id, TOLL_FREE)
    with pytest.raises(BadRequestException):  # PUT declares no 404: an unknown number is a 400
        api.update_toll_free_verification_request(
            sim.account_id, TOLL_FREE, update_of(submission())
        )


def test_the_business_registration_rule_applies_from_its_date(sim: VoiceSimulator) -> None:
    api = _api(sim)
    unregistered = submission()
    for name in ("businessRegistrationNumber", "businessRegistrationType"):
        del unregistered[name]
    unregistered.pop("businessRegistrationIssuingCountry")
    with pytest.raises(BadRequestException) as refused:
        api.request_toll_free_verification(sim.account_id, unregistered)
    assert set(refused.value.data.errors) == {
        "businessRegistrationNumber",
        "businessRegistrationType",
        "businessRegistrationIssuingCountry",
    }
    sole = submission(businessEntityType="SOLE_PROPRIETOR")
    with pytest.raises(BadRequestException):
        api.request_toll_free_verification(sim.account_id, sole)
    sim.business_registration_required_from = None
    api.request_toll_free_verification(sim.account_id, unregistered)
    assert sim.toll_free_verification(TOLL_FREE).status == "PENDING"


def test_subscriptions_are_listed_without_passwords_replaced_and_deleted(
    sim: VoiceSimulator,
) -> None:
    api = _api(sim)
    first = _subscribe(api, sim.account_id, "https://app.example.com/tfv")
    listed = api.list_webhook_subscriptions(sim.account_id)
    [entry] = listed.data or []
    assert entry.id == first and entry.type == "TOLLFREE_VERIFICATION_STATUS"
    assert entry.basic_authentication is not None
    assert entry.basic_authentication.username == "hooks"
    assert entry.basic_authentication.password is None
    changed = api.update_webhook_subscription(
        sim.account_id, first, {"callbackUrl": "https://other.example.com/tfv"}
    )
    assert changed.callback_url == "https://other.example.com/tfv"
    assert changed.basic_authentication is None
    api.delete_webhook_subscription(sim.account_id, first)
    assert api.list_webhook_subscriptions(sim.account_id).data == []
    with pytest.raises(NotFoundException):
        api.delete_webhook_subscription(sim.account_id, first)
    with pytest.raises(NotFoundException):
        api.update_webhook_subscription(
            sim.account_id, first, {"callbackUrl": "https://app.example.com/tfv"}
        )


def test_use_cases_are_the_spec_s_examples_unless_the_test_sets_them(
    sim: VoiceSimulator,
) -> None:
    api = _api(sim)
    cases = api.list_toll_free_use_cases()
    assert cases[:3] == ["2FA", "App Notifications", "Appointments"] and len(cases) == 10
    sim.toll_free_use_cases = ["Billing"]
    assert api.list_toll_free_use_cases() == ["Billing"]


def test_without_webhooks_the_status_still_moves_and_real_prefixes_work() -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        origin = sim.url[: -len("/api/v2")]
        config = Configuration(
            username=sim.username,
            password=sim.password,
            product_servers={"tfv": origin + "/api/v2"},
        )
        api = TollFreeVerificationApi(ApiClient(config))
        _subscribe(api, sim.account_id, "https://app.example.com/tfv")
        api.request_toll_free_verification(sim.account_id, submission())
        sim.advance(3 * DAY)
        assert api.get_toll_free_verification_status(sim.account_id, TOLL_FREE).status == "VERIFIED"
        assert sim.webhooks == []
        assert [r.operation for r in sim.requests][-2:] == [
            "request_toll_free_verification",
            "get_toll_free_verification_status",
        ]


def test_faults_name_the_tfv_operations(sim: VoiceSimulator) -> None:
    api = _api(sim)
    sim.fail_next("list_toll_free_use_cases", 400)
    with pytest.raises(BadRequestException) as failed:
        api.list_toll_free_use_cases()
    assert isinstance(failed.value.data, TfvError)
    assert failed.value.data.description == "Simulated failure: Bad Request."
    assert [r.operation for r in sim.requests] == ["list_toll_free_use_cases"]


@pytest.mark.parametrize(
    ("tag", "operations"),
    [("Toll-Free Verification", TFV_PATHS), ("Endpoints", ENDPOINT_PATHS)],
)
def test_the_path_tables_are_the_spec_s(tag: str, operations: Any) -> None:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    expected = set()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and tag in operation.get("tags", ()):
                name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
                expected.add((name, method.upper(), path))
    table = {
        (name, method, "/" + "/".join(shape))
        for shape, methods in operations
        for method, name in methods.items()
    }
    assert table == expected


def test_clear_calls_keeps_the_pending_reviews(sim: VoiceSimulator) -> None:
    api = _api(sim)
    api.request_toll_free_verification(sim.account_id, submission())
    sim.clear_calls()  # voice's timers only: the review stays on the clock
    sim.advance(3 * DAY)
    assert api.get_toll_free_verification_status(sim.account_id, TOLL_FREE).status == "VERIFIED"

"""Toll-free verification and endpoints, checked against the spec by Prism.

The proxies of ``contract.py``: every success answer, and the error statuses
the spec declares, go through ``prism proxy --errors`` (``strict``), which
turns any violation of the spec, in the request or the answer, into a
failure. Request bodies are built with the SDK's request models.
"""

from __future__ import annotations

from typing import Callable, Dict

import pytest

from bandwidth.models import (
    CreateWebRtcConnectionRequest,
    TfvSubmissionWrapper,
    VerificationRequest,
    WebhookSubscriptionRequestSchema,
)
from bandwidth.testing import VoiceSimulator
from tests.testing.contract import ACCOUNT_PATH, Answer, Via, strict_sender, wire
from tests.testing.numbers_apps import TOLL_FREE, submission, update_of

XML = "application/xml"


@pytest.fixture
def strict(contract_prisms: Dict[str, Via], contract_sim: VoiceSimulator) -> Callable[..., Answer]:
    contract_sim.clear_faults()
    return strict_sender(contract_prisms["strict"], contract_sim)


def test_every_tfv_operation_answers_as_the_spec_says(
    strict: Callable[..., Answer],
    contract_sim: VoiceSimulator,
    contract_prisms: Dict[str, Via],
) -> None:
    verification = f"{ACCOUNT_PATH}/phoneNumbers/{TOLL_FREE}/tollFreeVerification"
    subscriptions = f"{ACCOUNT_PATH}/tollFreeVerification/webhooks/subscriptions"
    assert strict("GET", "/tollFreeVerification/useCases").status == 200
    assert strict("GET", verification).status == 404
    body = wire(VerificationRequest.from_dict(submission()))
    assert strict("POST", f"{ACCOUNT_PATH}/tollFreeVerification", body).status == 202
    assert strict("POST", f"{ACCOUNT_PATH}/tollFreeVerification", body).status == 400
    assert strict("GET", verification).status == 200
    contract_sim.deny_toll_free_verification(TOLL_FREE, "Bad URL", "No opt-in")
    denied = strict("GET", verification)
    assert denied.status == 200 and denied.json()["status"] == "UNVERIFIED"
    update = wire(TfvSubmissionWrapper.from_dict(update_of(submission())))
    assert strict("PUT", verification, update).status == 202
    contract_sim.block_toll_free_number(TOLL_FREE, "Spam")
    assert strict("GET", verification).json()["blocked"] is True
    subscription = wire(
        WebhookSubscriptionRequestSchema.from_dict(
            {
                "callbackUrl": "https://app.example.com/tfv",
                "basicAuthentication": {"username": "u", "password": "p"},
            }
        )
    )
    created = strict("POST", subscriptions, subscription)
    assert created.status == 201
    # The list hides passwords as null, as the spec's description says; its schema says
    # string (docs/compatibility.md): that one disagreement is the only violation allowed.
    listed = contract_prisms["lax"].send("GET", subscriptions)
    assert (
        listed.status == 200 and listed.json()["data"][0]["basicAuthentication"]["password"] is None
    )
    assert [v["location"] for v in listed.violations] == [
        ["response", "body", "data", "0", "basicAuthentication", "password"]
    ]
    one = f"{subscriptions}/{created.json()['id']}"
    assert strict("PUT", one, subscription).status == 200
    assert strict("DELETE", one).status == 204
    assert strict("DELETE", one).status == 404
    assert strict("DELETE", verification).status == 204


def test_every_endpoint_operation_answers_as_the_spec_says(
    strict: Callable[..., Answer], contract_sim: VoiceSimulator
) -> None:
    endpoints = f"{ACCOUNT_PATH}/endpoints"
    request = wire(CreateWebRtcConnectionRequest(type="WEBRTC", direction="BIDIRECTIONAL", tag="t"))
    created = strict("POST", endpoints, request)
    assert created.status == 201
    endpoint_id = created.json()["data"]["endpointId"]
    strict("POST", endpoints, request)
    contract_sim.connect_endpoint(endpoint_id, device_name="tab")
    one = f"{endpoints}/{endpoint_id}"
    got = strict("GET", one)
    assert got.status == 200 and got.json()["data"]["devices"][0]["deviceName"] == "tab"
    page = strict("GET", endpoints + "?limit=1")
    assert page.status == 200 and page.json()["links"][0]["rel"] == "next"
    assert (
        strict(
            "PUT", one + "/bxml", "<Response><StartRecording/></Response>", content_type=XML
        ).status
        == 204
    )
    assert strict("GET", endpoints + "?afterCursor=nope").status == 400
    assert strict("DELETE", one).status == 204
    assert strict("GET", one).status == 404
    contract_sim.max_endpoints = 0
    try:
        full = strict("POST", endpoints, request)
    finally:
        contract_sim.max_endpoints = 100
    assert full.status == 429 and full.headers["Retry-After"] == "900"

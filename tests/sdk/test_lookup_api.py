"""PhoneNumberLookupApi: every operation on a loopback server, its errors, retries and checks.

The two lookups are ``POST`` and never repeated once they may have arrived (a
lookup may be billed; a second bulk lookup is a second job); the status read
is retried like any read.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any, Dict, Iterator

import pytest
import yaml

from bandwidth import ApiClient, ApiValueError, Configuration, RequestValidationError
from bandwidth.api.phone_number_lookup_api import PhoneNumberLookupApi
from bandwidth.models.async_lookup_request import AsyncLookupRequest
from bandwidth.models.create_async_bulk_lookup_response import CreateAsyncBulkLookupResponse
from bandwidth.models.create_sync_lookup_response import CreateSyncLookupResponse
from bandwidth.models.get_async_bulk_lookup_response import GetAsyncBulkLookupResponse
from bandwidth.models.lookup_error_response import LookupErrorResponse
from bandwidth.models.sync_lookup_request import SyncLookupRequest
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

SPEC = Path(__file__).resolve().parents[2] / "spec" / "bandwidth.yml"
EXAMPLES: Dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["components"][
    "examples"
]
REQUEST_ID = "004223a0-8b17-41b1-bf81-20732adf5590"
NUMBERS = ["+19195551234", "+19195554321"]
BASE = f"/accounts/{ACCOUNT}/phoneNumberLookup"


def example(name: str) -> Any:
    return EXAMPLES[name]["value"]


def completed(data: Any, cls: type) -> bool:
    return (
        isinstance(data, cls)
        and data.data.request_id == uuid.UUID(REQUEST_ID)
        and data.data.status == "COMPLETE"
        and [r.phone_number for r in data.data.results] == ["+10072904497", "+10072904498"]
    )


CASES = [
    Case(
        "create_sync_lookup",
        (ACCOUNT, SyncLookupRequest(phone_numbers=NUMBERS, rcs_agent="my_agent-1")),
        "POST",
        BASE,
        answer=example("lookupCompleteExample"),
        body={"phoneNumbers": NUMBERS, "rcsAgent": "my_agent-1"},
        content_type="application/json",
        check=lambda r: completed(r, CreateSyncLookupResponse),
    ),
    Case(
        "create_async_bulk_lookup",
        (ACCOUNT, {"phoneNumbers": NUMBERS}),
        "POST",
        BASE + "/bulk",
        status=202,
        answer=example("lookupAcceptedExample"),
        body={"phoneNumbers": NUMBERS},
        content_type="application/json",
        check=lambda r: (
            isinstance(r, CreateAsyncBulkLookupResponse)
            and r.data.status == "IN_PROGRESS"
            and r.links[0].rel == "createdRequest"
        ),
    ),
    Case(
        "get_async_bulk_lookup",
        (ACCOUNT, REQUEST_ID),
        "GET",
        f"{BASE}/bulk/{REQUEST_ID}",
        answer=example("lookupCompleteExample"),
        check=lambda r: completed(r, GetAsyncBulkLookupResponse),
    ),
]
ERRORS = [
    (400, example("badRequestExample")),
    (
        401,
        {
            "links": [],
            "data": {},
            "errors": [{"type": "Unauthorized", "description": "Not authorized.", "code": "1"}],
        },
    ),
    (404, {"links": [], "data": {}, "errors": [{"type": "not-found", "description": "No."}]}),
    (429, example("tooManyRequestsExample")),
    (500, example("internalServerErrorExample")),
]


@pytest.fixture
def api(configuration: Configuration) -> Iterator[PhoneNumberLookupApi]:
    with ApiClient(configuration) as client:
        yield PhoneNumberLookupApi(client)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_each_operation_on_the_wire(wire: Wire, api: PhoneNumberLookupApi, case: Case) -> None:
    check_wire(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_extras_positionally_and_by_keyword(
    wire: Wire, api: PhoneNumberLookupApi, case: Case
) -> None:
    check_extras(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_a_bad_account_id_is_named_before_sending(
    wire: Wire, api: PhoneNumberLookupApi, case: Case
) -> None:
    check_account_id(wire, api, case)


@pytest.mark.parametrize("status, document", ERRORS, ids=[str(e[0]) for e in ERRORS])
@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_errors_carry_the_lookup_error_document(
    wire: Wire, api: PhoneNumberLookupApi, case: Case, status: int, document: Any
) -> None:
    error = check_error(wire, api, case, status, document, LookupErrorResponse)
    assert error.description == document["errors"][0].get("description")


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_only_the_read_is_repeated_after_a_503(wire: Wire, case: Case) -> None:
    check_retry_on_503(wire, case, PhoneNumberLookupApi)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_only_the_read_is_repeated_after_the_connection_drops(case: Case) -> None:
    check_retry_on_drop(case, PhoneNumberLookupApi)


def test_the_request_id_may_be_a_uuid_and_must_be_one(
    wire: Wire, api: PhoneNumberLookupApi
) -> None:
    wire.answer(200, json=example("lookupInProgressExample"))
    api.get_async_bulk_lookup(ACCOUNT, uuid.UUID(REQUEST_ID))
    assert wire.raw_target(wire.last).endswith(f"/bulk/{REQUEST_ID}")
    api.get_async_bulk_lookup(ACCOUNT, REQUEST_ID.upper())
    assert wire.raw_target(wire.last).endswith(f"/bulk/{REQUEST_ID}")
    sent = len(wire.requests)
    for bad in ("", "not-a-uuid", "../bulk", REQUEST_ID + "0"):
        with pytest.raises(ApiValueError, match="request_id"):
            api.get_async_bulk_lookup(ACCOUNT, bad)
    assert len(wire.requests) == sent


def test_the_answered_request_id_is_a_uuid_and_goes_back_as_it_came(
    wire: Wire, api: PhoneNumberLookupApi
) -> None:
    # A ``uuid.UUID``, as the official 23.3.1 models type it (``format: uuid``);
    # its text is ``str(request_id)``, and ``to_json`` writes that text.
    wire.answer(202, json=example("lookupAcceptedExample"), method="POST")
    started = api.create_async_bulk_lookup(ACCOUNT, AsyncLookupRequest(phone_numbers=NUMBERS))
    request_id = started.data.request_id
    assert isinstance(request_id, uuid.UUID) and str(request_id) == REQUEST_ID
    assert started.to_dict()["data"]["requestId"] == request_id  # as official: the object
    assert json.loads(started.to_json())["data"]["requestId"] == REQUEST_ID
    wire.answer(200, json=example("lookupInProgressExample"))
    api.get_async_bulk_lookup(ACCOUNT, request_id)
    assert wire.raw_target(wire.last).endswith(f"/bulk/{REQUEST_ID}")


@pytest.mark.parametrize(
    "operation, body, field",
    [
        ("create_sync_lookup", {"phoneNumbers": ["9195551234"]}, "phoneNumbers"),
        ("create_sync_lookup", {"phoneNumbers": NUMBERS, "rcsAgent": "bad agent"}, "rcsAgent"),
        ("create_sync_lookup", {}, "phoneNumbers"),
        ("create_async_bulk_lookup", {"phoneNumbers": ["+0123"]}, "phoneNumbers"),
    ],
)
def test_a_bad_lookup_request_is_refused_before_sending(
    wire: Wire, api: PhoneNumberLookupApi, operation: str, body: Dict[str, Any], field: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        getattr(api, operation)(ACCOUNT, body)
    assert field in str(caught.value)
    assert wire.requests == []


@pytest.mark.parametrize(
    "operation, model, limit",
    [
        ("create_sync_lookup", SyncLookupRequest, 100),
        ("create_async_bulk_lookup", AsyncLookupRequest, 15000),
    ],
)
def test_the_number_of_numbers_is_bounded_before_sending(
    wire: Wire, api: PhoneNumberLookupApi, operation: str, model: type, limit: int
) -> None:
    wire.answer(200, json=example("lookupCompleteExample"), method="POST")
    numbers = [f"+1919{n:07d}" for n in range(limit + 1)]
    with pytest.raises(RequestValidationError, match=rf"phone_numbers: .*at most {limit} items"):
        getattr(api, operation)(ACCOUNT, model(phone_numbers=numbers))
    with pytest.raises(RequestValidationError, match=r"phone_numbers: .*at least 1 item"):
        getattr(api, operation)(ACCOUNT, model(phone_numbers=[]))
    with pytest.raises(RequestValidationError, match="phoneNumbers"):
        getattr(api, operation)(ACCOUNT, {"phoneNumbers": numbers})
    assert wire.requests == []
    getattr(api, operation)(ACCOUNT, model(phone_numbers=numbers[:limit]))
    assert len(wire.requests) == 1

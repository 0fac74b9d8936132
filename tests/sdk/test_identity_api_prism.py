"""Contract tests: MFA, Phone Number Lookup, Toll-Free Verification and Endpoints against Prism.

Prism (``--errors``) mocks ``spec/bandwidth.yml``: it validates every request
the SDK sends (path, query, headers, body) against the spec and answers with
the spec's examples; ``Prefer: code=NNN`` asks it for a declared error status.
So each operation is shown to send what Bandwidth documents, with every
argument set, its example answer to decode into the official model, and
every error status the spec declares to become its exception with the
product's error model as ``data``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple, Type

import pytest
import yaml

from bandwidth import ApiClient, ApiResponse, Configuration
from bandwidth.api.endpoints_api import EndpointsApi
from bandwidth.api.mfa_api import MFAApi
from bandwidth.api.phone_number_lookup_api import PhoneNumberLookupApi
from bandwidth.api.toll_free_verification_api import TollFreeVerificationApi
from bandwidth.exceptions import ApiException, exception_class_for_status
from bandwidth.models.brtc_error_response import BrtcErrorResponse
from bandwidth.models.lookup_error_response import LookupErrorResponse
from bandwidth.models.mfa_forbidden_request_error import MfaForbiddenRequestError
from bandwidth.models.mfa_request_error import MfaRequestError
from bandwidth.models.mfa_unauthorized_request_error import MfaUnauthorizedRequestError
from bandwidth.models.tfv_error import TfvError
from tests.sdk.test_endpoints_api import CREATE as ENDPOINT_REQUEST
from tests.sdk.test_mfa_api import CODE_REQUEST, VERIFY_REQUEST
from tests.sdk.test_tfv_api import SUBMISSION, SUBSCRIPTION_REQUEST, VERIFICATION
from tests.support.prism import SPEC, prism

ACCOUNT = "9900000"
TOLL_FREE = "+18885555555"
REQUEST_ID = "004223a0-8b17-41b1-bf81-20732adf5590"
SUBSCRIPTION = "7bt57JcsVYJrN9K1OcV1Nu"
ENDPOINT = "e-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
BXML = "<Response><StartRecording /></Response>"
TAGS = {"MFA", "Phone Number Lookup", "Toll-Free Verification", "Endpoints"}

Apis = Dict[str, Any]

#: operation -> (API, arguments with every optional one set, the spec's success status)
CALLS: Dict[str, Tuple[str, Tuple[Any, ...], int]] = {
    "generate_voice_code": ("mfa", (ACCOUNT, CODE_REQUEST), 200),
    "generate_messaging_code": ("mfa", (ACCOUNT, CODE_REQUEST), 200),
    "verify_code": ("mfa", (ACCOUNT, VERIFY_REQUEST), 200),
    "create_sync_lookup": (
        "lookup",
        (ACCOUNT, {"phoneNumbers": ["+19195551234"], "rcsAgent": "my_agent"}),
        200,
    ),
    "create_async_bulk_lookup": (
        "lookup",
        (ACCOUNT, {"phoneNumbers": ["+19195551234", "+19195554321"]}),
        202,
    ),
    "get_async_bulk_lookup": ("lookup", (ACCOUNT, REQUEST_ID), 200),
    "request_toll_free_verification": (
        "tfv",
        (ACCOUNT, {**VERIFICATION, "phoneNumbers": [TOLL_FREE]}),
        202,
    ),
    "get_toll_free_verification_status": ("tfv", (ACCOUNT, TOLL_FREE), 200),
    "update_toll_free_verification_request": (
        "tfv",
        (ACCOUNT, TOLL_FREE, {"submission": SUBMISSION}),
        202,
    ),
    "delete_verification_request": ("tfv", (ACCOUNT, TOLL_FREE), 204),
    "list_webhook_subscriptions": ("tfv", (ACCOUNT,), 200),
    "create_webhook_subscription": ("tfv", (ACCOUNT, SUBSCRIPTION_REQUEST), 201),
    "delete_webhook_subscription": ("tfv", (ACCOUNT, SUBSCRIPTION), 204),
    "update_webhook_subscription": ("tfv", (ACCOUNT, SUBSCRIPTION, SUBSCRIPTION_REQUEST), 200),
    "list_toll_free_use_cases": ("tfv", (), 200),
    "create_endpoint": ("endpoints", (ACCOUNT, ENDPOINT_REQUEST), 201),
    "get_endpoint": ("endpoints", (ACCOUNT, ENDPOINT), 200),
    "list_endpoints": ("endpoints", (ACCOUNT, "WEBRTC", "CONNECTED", "TWF5IHRoZQ==", 2), 200),
    "delete_endpoint": ("endpoints", (ACCOUNT, ENDPOINT), 204),
    "update_endpoint_bxml": ("endpoints", (ACCOUNT, ENDPOINT, BXML), 204),
}

#: the error model each product's error answers decode into (MFA: 401 and 403 differ)
ERROR_MODELS: Dict[str, Type[Any]] = {
    "mfa": MfaRequestError,
    "lookup": LookupErrorResponse,
    "tfv": TfvError,
    "endpoints": BrtcErrorResponse,
}
MFA_BY_STATUS: Dict[int, Type[Any]] = {
    401: MfaUnauthorizedRequestError,
    403: MfaForbiddenRequestError,
}

SPEC_DOCUMENT: Dict[str, Any] = yaml.safe_load(Path(SPEC).read_text())


def operation_ids(spec: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    """The spec's operations by their SDK name (``verifyCode`` -> ``verify_code``)."""
    found = {}
    for methods in spec["paths"].values():
        for operation in methods.values():
            if isinstance(operation, dict) and "operationId" in operation:
                name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
                found[name] = operation
    return found


SPEC_OPERATIONS = operation_ids(SPEC_DOCUMENT)


def resolve(response: Dict[str, Any]) -> Dict[str, Any]:
    if "$ref" in response:
        return SPEC_DOCUMENT["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return response


def has_body(name: str, status: int) -> bool:
    """Whether the spec declares content for the operation's answer with this status."""
    return "content" in resolve(SPEC_OPERATIONS[name]["responses"][str(status)])


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    with prism("mock", errors=True) as url:
        yield url


@pytest.fixture
def apis(prism_url: str) -> Iterator[Apis]:
    config = Configuration(host=prism_url, username="user", password="pass", retries=0)
    with ApiClient(config) as client:
        yield {
            "mfa": MFAApi(client),
            "lookup": PhoneNumberLookupApi(client),
            "tfv": TollFreeVerificationApi(client),
            "endpoints": EndpointsApi(client),
        }


def call(apis: Apis, name: str, variant: str = "_with_http_info", **extras: Any) -> Any:
    api, args, _ = CALLS[name]
    return getattr(apis[api], name + variant)(*args, **extras)


def test_every_operation_of_the_four_tags_is_here() -> None:
    tagged = {name for name, operation in SPEC_OPERATIONS.items() if set(operation["tags"]) & TAGS}
    assert tagged == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_request_passes_prism_validation(apis: Apis, name: str) -> None:
    response: ApiResponse[Any] = call(apis, name)
    assert response.status_code == CALLS[name][2]
    assert response.headers.get("sl-violations") is None, response.headers["sl-violations"]
    assert (response.data is not None) == has_body(name, CALLS[name][2])


@pytest.mark.parametrize("name", [name for name in sorted(CALLS) if has_body(name, CALLS[name][2])])
def test_the_spec_example_decodes(apis: Apis, name: str) -> None:
    data = call(apis, name, variant="")
    items = data if isinstance(data, list) else [data]
    assert items
    for item in items:
        assert isinstance(item, str) or not item.additional_properties, item


def declared_errors(name: str) -> List[int]:
    statuses = [int(s) for s in SPEC_OPERATIONS[name]["responses"] if s != "default"]
    if "default" in SPEC_OPERATIONS[name]["responses"]:
        statuses += [400, 404, 500]  # the lookup's one "default" answer, at a few statuses
    return [status for status in statuses if status >= 400]


ERRORS: List[Tuple[str, int]] = [
    (name, status) for name in sorted(CALLS) for status in declared_errors(name)
]


@pytest.mark.parametrize(("name", "status"), ERRORS)
def test_every_declared_error_status_raises_its_exception(
    apis: Apis, name: str, status: int
) -> None:
    exc_class: Type[ApiException] = exception_class_for_status(status)
    prefer = f"code={status}"
    if "default" in SPEC_OPERATIONS[name]["responses"]:
        # the lookup's error examples lack the "code" their schema requires, which
        # Prism (--errors) refuses to serve: have it make a document from the schema
        prefer += ", dynamic=true"
    with pytest.raises(exc_class) as caught:
        call(apis, name, variant="", _headers={"Prefer": prefer})
    assert type(caught.value) is exc_class and caught.value.status == status
    product = CALLS[name][0]
    model = MFA_BY_STATUS.get(status, ERROR_MODELS[product]) if product == "mfa" else None
    assert isinstance(caught.value.data, model or ERROR_MODELS[product]), caught.value.data


def test_prism_rejects_what_the_spec_does_not_allow(apis: Apis) -> None:
    """The checks above can fail: a body the spec rejects never gets its 2xx."""
    from bandwidth._operation import Call
    from bandwidth.api.mfa_api import VERIFY_CODE as OPERATION

    client = apis["mfa"].api_client
    unchecked = Call(OPERATION, OPERATION.expand(ACCOUNT), body=b'{"to":"+19195551234"}')
    with pytest.raises(ApiException) as caught:
        client.execute(unchecked)  # past the SDK's own checks, straight to Prism
    assert caught.value.status in (400, 422)

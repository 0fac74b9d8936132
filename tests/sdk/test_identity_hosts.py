"""MFA, lookup, toll-free verification and endpoints each go to their own product's server.

Without an explicit ``host`` each operation goes to the server the spec gives
its product (MFA ``https://mfa.bandwidth.com/api/v1``, lookup and endpoints
``https://api.bandwidth.com/v2``, TFV ``https://api.bandwidth.com/api/v2``);
``product_servers`` moves one product (here: each onto its own loopback
prefix), and an explicit ``host`` sends every product there.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Tuple

import pytest

from bandwidth import (
    ApiClient,
    Configuration,
    EndpointsApi,
    MFAApi,
    PhoneNumberLookupApi,
    TollFreeVerificationApi,
)
from tests.sdk.test_endpoints_api import CREATE as ENDPOINT_REQUEST
from tests.sdk.test_mfa_api import CODE_REQUEST
from tests.sdk.test_tfv_api import SUBSCRIPTION_REQUEST
from tests.support.wire import ACCOUNT, Wire

REQUEST_ID = "004223a0-8b17-41b1-bf81-20732adf5590"

#: product -> (API class, an operation and its arguments, that operation's path)
CALLS: Dict[str, Tuple[type, str, Tuple[Any, ...], str]] = {
    "mfa": (MFAApi, "generate_voice_code", (ACCOUNT, CODE_REQUEST), "/code/voice"),
    "lookup": (
        PhoneNumberLookupApi,
        "get_async_bulk_lookup",
        (ACCOUNT, REQUEST_ID),
        f"/phoneNumberLookup/bulk/{REQUEST_ID}",
    ),
    "tfv": (
        TollFreeVerificationApi,
        "create_webhook_subscription",
        (ACCOUNT, SUBSCRIPTION_REQUEST),
        "/tollFreeVerification/webhooks/subscriptions",
    ),
    "endpoints": (EndpointsApi, "create_endpoint", (ACCOUNT, ENDPOINT_REQUEST), "/endpoints"),
}
PRODUCTION = {
    "mfa": "https://mfa.bandwidth.com/api/v1",
    "lookup": "https://api.bandwidth.com/v2",
    "tfv": "https://api.bandwidth.com/api/v2",
    "endpoints": "https://api.bandwidth.com/v2",
}


def url_of(configuration: Configuration, product: str) -> str:
    """Where the product's operation would be sent (built, not sent)."""
    cls, name, args, _ = CALLS[product]
    with ApiClient(configuration) as client:
        api = cls(client)
        build: Callable[..., Any] = getattr(cls, name).build
        return client.url_for(build(api, *args))


@pytest.mark.parametrize("product", sorted(CALLS))
def test_each_product_goes_to_its_server_by_default(product: str) -> None:
    configuration = Configuration(username="user", password="pa55word")
    path = CALLS[product][3]
    assert url_of(configuration, product) == f"{PRODUCTION[product]}/accounts/{ACCOUNT}{path}"


def test_each_product_can_be_moved_on_its_own(wire: Wire) -> None:
    root = wire.server.url_for("")
    servers = {product: f"{root}{product}-mock" for product in CALLS}
    configuration = Configuration(
        username="user", password="pa55word", retries=0, product_servers=servers
    )
    wire.answer(200, json={})
    arrived: List[str] = []
    with ApiClient(configuration) as client:
        for product, (cls, name, args, path) in CALLS.items():
            getattr(cls(client), f"{name}_without_preload_content")(*args).release_conn()
            target = wire.raw_target(wire.last)
            assert target == f"/{product}-mock/accounts/{ACCOUNT}{path}", target
            assert wire.last.headers["Authorization"].startswith("Basic ")
            arrived.append(target)
    assert len(arrived) == 4


@pytest.mark.parametrize("product", sorted(CALLS))
def test_an_explicit_host_serves_every_product(product: str) -> None:
    configuration = Configuration(
        host="http://127.0.0.1:9/mock", username="user", password="pa55word"
    )
    path = CALLS[product][3]
    assert url_of(configuration, product) == f"http://127.0.0.1:9/mock/accounts/{ACCOUNT}{path}"


def test_list_toll_free_use_cases_has_no_account_in_its_path() -> None:
    configuration = Configuration(username="user", password="pa55word")
    with ApiClient(configuration) as client:
        api = TollFreeVerificationApi(client)
        call = TollFreeVerificationApi.list_toll_free_use_cases.build(api)
        assert client.url_for(call) == f"{PRODUCTION['tfv']}/tollFreeVerification/useCases"

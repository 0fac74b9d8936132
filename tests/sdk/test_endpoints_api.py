"""EndpointsApi: every operation on a loopback server, its errors, retries, checks and paging.

``create_endpoint`` is never repeated once it may have arrived (an account
has a quota of endpoints); the reads, the BXML ``PUT`` and the delete are
retried. ``iter_endpoints`` follows the ``afterCursor`` of each page's
``rel="next"`` link, and only that.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from bandwidth import (
    ApiClient,
    ApiTypeError,
    ApiValueError,
    Configuration,
    InvalidResponseException,
    RequestValidationError,
)
from bandwidth.api.endpoints_api import EndpointsApi
from bandwidth.models.brtc_error_response import BrtcErrorResponse
from bandwidth.models.bxml import Bxml, SpeakSentence
from bandwidth.models.create_endpoint_response import CreateEndpointResponse
from bandwidth.models.create_web_rtc_connection_request import CreateWebRtcConnectionRequest
from bandwidth.models.endpoint_response import EndpointResponse
from bandwidth.models.endpoint_status_enum import EndpointStatusEnum
from bandwidth.models.endpoint_type_enum import EndpointTypeEnum
from bandwidth.models.endpoints import Endpoints
from bandwidth.models.list_endpoints_response import ListEndpointsResponse
from tests.support.operations import (
    PREFIX,
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
ENDPOINT = "e-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85"
BASE = f"/accounts/{ACCOUNT}/endpoints"
CREATE = EXAMPLES["createWeRtcEndpointExample"]["value"]
BXML = '<?xml version="1.0" encoding="UTF-8"?><Bxml><SpeakSentence>Hi</SpeakSentence></Bxml>'


def example(name: str) -> Any:
    return EXAMPLES[name]["value"]


CASES = [
    Case(
        "create_endpoint",
        (ACCOUNT, CreateWebRtcConnectionRequest.from_dict(CREATE)),
        "POST",
        BASE,
        status=201,
        answer=example("createEndpointResponseExample"),
        body=CREATE,
        content_type="application/json",
        check=lambda r: (
            isinstance(r, CreateEndpointResponse)
            and r.data.endpoint_id == ENDPOINT
            and r.data.token == "xxxxx.yyyyy.zzzzz"
        ),
    ),
    Case(
        "get_endpoint",
        (ACCOUNT, ENDPOINT),
        "GET",
        f"{BASE}/{ENDPOINT}",
        answer=example("getEndpointResponseExample"),
        check=lambda r: isinstance(r, EndpointResponse) and r.data.devices == [],
    ),
    Case(
        "list_endpoints",
        (ACCOUNT, EndpointTypeEnum.WEBRTC, "CONNECTED", "TWF5IHRoZSBmb3JjZSBiZSB3aXRoIHlvdQ==", 2),
        "GET",
        f"{BASE}?type=WEBRTC&status=CONNECTED"
        "&afterCursor=TWF5IHRoZSBmb3JjZSBiZSB3aXRoIHlvdQ%3D%3D&limit=2",
        answer=example("listEndpointsResponseExample"),
        check=lambda r: (
            isinstance(r, ListEndpointsResponse)
            and len(r.data) == 2
            and r.page.total_pages == 5
            and all(isinstance(e, Endpoints) for e in r.data)
        ),
    ),
    Case(
        "delete_endpoint",
        (ACCOUNT, ENDPOINT),
        "DELETE",
        f"{BASE}/{ENDPOINT}",
        status=204,
    ),
    Case(
        "update_endpoint_bxml",
        (ACCOUNT, ENDPOINT, BXML),
        "PUT",
        f"{BASE}/{ENDPOINT}/bxml",
        status=204,
        body=BXML.encode(),
        content_type="application/xml",
    ),
]
ERRORS = [
    (status, example(name))
    for status, name in [
        (400, "badRequestErrorExample"),
        (401, "unauthorizedErrorExample"),
        (403, "forbiddenErrorExample"),
        (404, "notFoundErrorExample"),
        (405, "methodNotAllowedErrorExample"),
        (415, "unsupportedMediaTypeErrorExample"),
        (429, "tooManyRequestsErrorExample"),
        (500, "serviceUnavailableErrorExample"),
    ]
]


@pytest.fixture
def api(configuration: Configuration) -> Iterator[EndpointsApi]:
    with ApiClient(configuration) as client:
        yield EndpointsApi(client)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_each_operation_on_the_wire(wire: Wire, api: EndpointsApi, case: Case) -> None:
    check_wire(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_extras_positionally_and_by_keyword(wire: Wire, api: EndpointsApi, case: Case) -> None:
    check_extras(wire, api, case)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_a_bad_account_id_is_named_before_sending(
    wire: Wire, api: EndpointsApi, case: Case
) -> None:
    check_account_id(wire, api, case)


@pytest.mark.parametrize("status, document", ERRORS, ids=[str(e[0]) for e in ERRORS])
@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_errors_carry_the_brtc_error_document(
    wire: Wire, api: EndpointsApi, case: Case, status: int, document: Any
) -> None:
    error = check_error(wire, api, case, status, document, BrtcErrorResponse)
    assert error.description == document["errors"][0]["description"]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_only_create_is_never_repeated_after_a_503(wire: Wire, case: Case) -> None:
    check_retry_on_503(wire, case, EndpointsApi)


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_only_create_is_never_repeated_after_the_connection_drops(case: Case) -> None:
    check_retry_on_drop(case, EndpointsApi)


def test_the_bxml_may_be_a_bxml_object_or_bytes(wire: Wire, api: EndpointsApi) -> None:
    wire.answer(204, method="PUT")
    api.update_endpoint_bxml(ACCOUNT, ENDPOINT, Bxml([SpeakSentence("Hi")]))
    assert b"<SpeakSentence>Hi</SpeakSentence>" in wire.last.get_data()
    api.update_endpoint_bxml(ACCOUNT, ENDPOINT, BXML.encode())
    assert wire.last.get_data() == BXML.encode()
    with pytest.raises(ApiValueError, match="body"):
        api.update_endpoint_bxml(ACCOUNT, ENDPOINT, "  ")
    with pytest.raises(ApiTypeError, match="body"):
        api.update_endpoint_bxml(ACCOUNT, ENDPOINT, 5)  # type: ignore[arg-type]
    assert len(wire.requests) == 2


@pytest.mark.parametrize(
    "arguments, name",
    [({"limit": 0}, "limit"), ({"limit": 1001}, "limit"), ({"after_cursor": 5}, "after_cursor")],
)
def test_bad_list_filters_are_named_before_sending(
    wire: Wire, api: EndpointsApi, arguments: Dict[str, Any], name: str
) -> None:
    with pytest.raises((ApiValueError, ApiTypeError), match=name):
        api.list_endpoints(ACCOUNT, **arguments)
    assert wire.requests == []


@pytest.mark.parametrize(
    "change, field",
    [
        ({"type": "SIP"}, "type"),
        ({"direction": "SIDEWAYS"}, "direction"),
        ({"direction": None}, "direction"),
        ({"eventCallbackUrl": "not a url"}, "eventCallbackUrl"),
    ],
)
def test_a_bad_create_request_is_refused_before_sending(
    wire: Wire, api: EndpointsApi, change: Dict[str, Any], field: str
) -> None:
    body = {key: value for key, value in {**CREATE, **change}.items() if value is not None}
    with pytest.raises(RequestValidationError) as caught:
        api.create_endpoint(ACCOUNT, body)
    assert field in str(caught.value)
    assert wire.requests == []


def test_the_token_is_not_in_the_repr(wire: Wire, api: EndpointsApi) -> None:
    wire.answer(201, json=example("createEndpointResponseExample"), method="POST")
    created = api.create_endpoint(ACCOUNT, CREATE)
    assert created.data.token == "xxxxx.yyyyy.zzzzz"
    assert "xxxxx.yyyyy.zzzzz" not in repr(created)


# -- iter_endpoints ---------------------------------------------------------------------------


def endpoint(number: int) -> Dict[str, Any]:
    return {
        "endpointId": f"e-{number:08d}",
        "type": "WEBRTC",
        "status": "CONNECTED",
        "creationTimestamp": "2021-01-01T00:00:00Z",
        "expirationTimestamp": "2021-01-02T00:00:00Z",
    }


def page(numbers: List[int], next_href: Optional[str] = None) -> Dict[str, Any]:
    links = [{"href": "https://api.bandwidth.com/v2/self", "rel": "self", "method": "GET"}]
    if next_href is not None:
        links.append({"href": next_href, "rel": "next", "method": "GET"})
    return {
        "links": links,
        "page": {"pageSize": 2, "totalElements": 5, "totalPages": 3, "pageNumber": 0},
        "data": [endpoint(n) for n in numbers],
        "errors": [],
    }


def next_link(cursor: str, host: str = "https://api.bandwidth.com") -> str:
    return f"{host}/v2/accounts/{ACCOUNT}/endpoints?type=WEBRTC&limit=2&afterCursor={cursor}"


def script_pages(wire: Wire, pages: List[Dict[str, Any]]) -> None:
    for document in pages:
        wire.server.expect_ordered_request(f"{PREFIX}{BASE}", method="GET").respond_with_json(
            document
        )


def queries(wire: Wire) -> List[Dict[str, List[str]]]:
    return [parse_qs(urlsplit(wire.raw_target(r)).query) for r in wire.requests]


def test_iter_endpoints_follows_the_cursor_of_each_next_link(wire: Wire, api: EndpointsApi) -> None:
    script_pages(
        wire,
        [page([1, 2], next_link("c2%3D%3D")), page([3, 4], next_link("c3")), page([5])],
    )
    found = api.iter_endpoints(ACCOUNT, type=EndpointTypeEnum.WEBRTC, status="CONNECTED", limit=2)
    assert wire.requests == []  # nothing is fetched before the first next()
    assert [e.endpoint_id for e in found] == [f"e-{n:08d}" for n in range(1, 6)]
    sent = queries(wire)
    assert [q.get("afterCursor") for q in sent] == [None, ["c2=="], ["c3"]]
    assert all(q["type"] == ["WEBRTC"] and q["limit"] == ["2"] for q in sent)
    assert all(q["status"] == ["CONNECTED"] for q in sent)


def test_iter_endpoints_sends_nothing_to_the_host_a_link_names(
    wire: Wire, api: EndpointsApi
) -> None:
    script_pages(wire, [page([1], next_link("c2", "https://attacker.example")), page([2])])
    assert [e.endpoint_id for e in api.iter_endpoints(ACCOUNT)] == ["e-00000001", "e-00000002"]
    assert all(wire.raw_target(r).startswith(f"{PREFIX}{BASE}") for r in wire.requests)
    assert "attacker" not in json.dumps([wire.raw_target(r) for r in wire.requests])


@pytest.mark.parametrize(
    "second, why",
    [
        (page([3], next_link("c2")), "repeats a page"),
        (page([3], "https://api.bandwidth.com/v2/accounts/1/endpoints?limit=2"), "afterCursor"),
        (page([3], next_link("a") + "&afterCursor=b"), "afterCursor"),
        (page([3], next_link("")), "afterCursor"),
        (page([3], "http://[::1/endpoints?afterCursor=c3"), "afterCursor"),
    ],
)
def test_iter_endpoints_refuses_a_next_link_it_cannot_follow(
    wire: Wire, api: EndpointsApi, second: Dict[str, Any], why: str
) -> None:
    script_pages(wire, [page([1, 2], next_link("c2")), second])
    found = api.iter_endpoints(ACCOUNT)
    with pytest.raises(InvalidResponseException, match=why):
        list(found)
    assert len(wire.requests) == 2


def test_iter_endpoints_stops_after_max_pages(wire: Wire, api: EndpointsApi) -> None:
    script_pages(wire, [page([1], next_link("c2")), page([2], next_link("c3"))])
    found = api.iter_endpoints(ACCOUNT, max_pages=2)
    assert next(found).endpoint_id == "e-00000001"
    with pytest.raises(InvalidResponseException, match="max_pages=2"):
        list(found)
    assert len(wire.requests) == 2


def test_iter_endpoints_checks_its_arguments_at_once(wire: Wire, api: EndpointsApi) -> None:
    with pytest.raises(ApiValueError, match="max_pages"):
        api.iter_endpoints(ACCOUNT, max_pages=0)
    with pytest.raises(ApiValueError, match="limit"):
        api.iter_endpoints(ACCOUNT, limit=5000)
    with pytest.raises(ApiTypeError, match="after_cursor"):
        api.iter_endpoints(ACCOUNT, after_cursor="c1")  # type: ignore[call-arg]
    with pytest.raises(ApiTypeError, match="account_id"):
        api.iter_endpoints(5)  # type: ignore[arg-type]
    assert wire.requests == []


def test_iter_endpoints_on_an_empty_account(wire: Wire, api: EndpointsApi) -> None:
    script_pages(wire, [{"links": [], "data": [], "errors": []}])
    assert list(api.iter_endpoints(ACCOUNT, status=EndpointStatusEnum.DISCONNECTED)) == []
    assert queries(wire) == [{"status": ["DISCONNECTED"]}]

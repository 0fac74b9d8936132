"""iter_calls: lazy, RFC 8288 links, and never a request to another host."""

from __future__ import annotations

from typing import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bandwidth import CallsApi, CallState
from bandwidth._links import next_link, parse_links
from bandwidth.exceptions import InvalidResponseException
from tests.support.wire import ACCOUNT, Wire

CALLS = "/api/v2/accounts/9900000/calls"


def page(ids: list, *links: str) -> Response:
    import json

    response = Response(json.dumps([{"callId": i} for i in ids]), content_type="application/json")
    for link in links:
        response.headers.add("Link", link)
    return response


def test_follows_next_links_across_pages_lazily(wire: Wire, api: CallsApi) -> None:
    pages = {
        None: page(
            ["c-1", "c-2"], f'<{wire.url}/accounts/{ACCOUNT}/calls?pageToken=p2>; rel="next"'
        ),
        "p2": page(["c-3"], "</api/v2/accounts/9900000/calls?pageToken=p3>; rel=next"),  # relative
        "p3": page(["c-4"]),  # no Link: last page
    }

    def handler(request: Request) -> Response:
        return pages[request.args.get("pageToken")]

    wire.server.expect_request(CALLS).respond_with_handler(handler)
    calls = api.iter_calls(ACCOUNT, to="+19195551234", page_size=2)
    assert wire.requests == []  # nothing happens until iteration starts
    first = next(calls)
    assert isinstance(first, CallState) and first.call_id == "c-1"
    assert len(wire.requests) == 1
    assert [c.call_id for c in calls] == ["c-2", "c-3", "c-4"]
    targets = [wire.raw_target(r) for r in wire.requests]
    assert targets == [
        f"{CALLS}?to=%2B19195551234&pageSize=2",
        f"{CALLS}?pageToken=p2",
        f"{CALLS}?pageToken=p3",
    ]
    assert all(r.headers["Authorization"].startswith("Basic ") for r in wire.requests)


def test_several_links_and_quoted_parameters(wire: Wire, api: CallsApi) -> None:
    first = page(
        ["c-1"],
        '</first>; rel="first", <' + CALLS + '?pageToken=n>; title="a, b; c"; rel="last next"',
    )
    wire.server.expect_ordered_request(CALLS).respond_with_response(first)
    wire.server.expect_ordered_request(CALLS).respond_with_response(page(["c-2"]))
    assert [c.call_id for c in api.iter_calls(ACCOUNT)] == ["c-1", "c-2"]
    assert wire.raw_target(wire.requests[1]) == f"{CALLS}?pageToken=n"


@pytest.fixture
def elsewhere() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("kind", ["other host", "other port", "other scheme"])
def test_refuses_links_off_the_configured_host(
    wire: Wire, api: CallsApi, elsewhere: HTTPServer, kind: str
) -> None:
    port = wire.server.port
    link = {
        "other host": f"http://127.0.0.2:{port}{CALLS}?pageToken=x",
        "other port": elsewhere.url_for(CALLS + "?pageToken=x"),
        "other scheme": f"https://localhost:{port}{CALLS}?pageToken=x",
    }[kind]
    elsewhere.expect_request(CALLS).respond_with_json([])
    wire.server.expect_request(CALLS).respond_with_response(page(["c-1"], f'<{link}>; rel="next"'))
    calls = api.iter_calls(ACCOUNT)
    assert next(calls).call_id == "c-1"
    with pytest.raises(InvalidResponseException, match="off the configured host"):
        next(calls)
    assert len(wire.requests) == 1
    assert elsewhere.log == []


def test_stops_when_a_server_repeats_a_link(wire: Wire, api: CallsApi) -> None:
    loop = page(["c-1"], f'<{CALLS}?pageToken=same>; rel="next"')
    wire.server.expect_request(CALLS).respond_with_response(loop)
    assert [c.call_id for c in api.iter_calls(ACCOUNT)] == ["c-1", "c-1"]
    assert len(wire.requests) == 2


def test_parse_links_rfc8288_shapes() -> None:
    assert parse_links(['<a>; rel="prev", <b>; rel=next; type="text/x;y"']) == [
        ("a", [("rel", "prev")]),
        ("b", [("rel", "next"), ("type", "text/x;y")]),
    ]
    assert parse_links(['<x>; REL="Next"']) == [("x", [("rel", "Next")])]
    assert parse_links(["garbage", "<y>;rel=next"]) == [("y", [("rel", "next")])]
    assert parse_links(['<c>; title="say \\"hi\\""; rel=next']) == [
        ("c", [("title", 'say "hi"'), ("rel", "next")])
    ]
    assert next_link(['<?pageToken=2>; rel="next"'], "https://h/api/v2/calls?pageToken=1") == (
        "https://h/api/v2/calls?pageToken=2"
    )
    assert next_link(['<a>; rel="prev"'], "https://h/") is None
    assert next_link([], "https://h/") is None


def test_iter_calls_checks_its_arguments_before_sending(wire: Wire, api: CallsApi) -> None:
    from bandwidth.exceptions import ApiTypeError, ApiValueError

    with pytest.raises(ApiTypeError, match="page_token"):
        api.iter_calls(ACCOUNT, page_token="x")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="pagesize"):
        api.iter_calls(ACCOUNT, pagesize=5)  # type: ignore[call-arg]
    with pytest.raises(ApiValueError, match="page_size"):
        api.iter_calls(ACCOUNT, page_size=0)
    assert wire.requests == []

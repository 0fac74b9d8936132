"""iter_calls: lazy, RFC 8288 links, and never a request to another host."""

from __future__ import annotations

import re
from typing import Iterator, Optional

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from bandwidth import CallsApi, CallState
from bandwidth._links import next_link, parse_links
from bandwidth.exceptions import ApiValueError, InvalidResponseException
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


@pytest.mark.parametrize(
    "link",
    [
        # urlsplit reads host localhost (the configured one); urllib3 connects to the first.
        "http://127.0.0.1:{evil}\\@localhost:{port}/api/v2/accounts/9900000/calls?pageToken=x",
        "http://127.0.0.1:{evil}\\@localhost:{port}",
        "http://u:p@localhost:{port}/api/v2/accounts/9900000/calls?pageToken=x",  # userinfo
        "http://127.0.0.1:{evil}/api/v2/accounts/9900000/calls?pageToken=x",
        "//127.0.0.1:{evil}/api/v2/accounts/9900000/calls?pageToken=x",  # scheme-relative
    ],
)
def test_the_foreign_host_of_an_ambiguous_link_receives_nothing(
    wire: Wire, api: CallsApi, elsewhere: HTTPServer, link: str
) -> None:
    link = link.format(evil=elsewhere.port, port=wire.server.port)
    elsewhere.expect_request(re.compile(".*")).respond_with_json([{"callId": "c-evil"}])
    wire.server.expect_request(CALLS).respond_with_response(page(["c-1"], f'<{link}>; rel="next"'))
    calls = api.iter_calls(ACCOUNT)
    assert next(calls).call_id == "c-1"
    with pytest.raises(InvalidResponseException, match="refusing to follow the next link"):
        next(calls)
    assert elsewhere.log == []  # not a byte, and so no credentials, went elsewhere
    assert len(wire.requests) == 1


@pytest.mark.parametrize("link", ["http://[::1/x", "http://[fe80::1%zz/x", "http://h:99999/x"])
def test_a_malformed_next_link_is_an_invalid_response(wire: Wire, api: CallsApi, link: str) -> None:
    wire.server.expect_request(CALLS).respond_with_response(page(["c-1"], f"<{link}>; rel=next"))
    calls = api.iter_calls(ACCOUNT)
    assert next(calls).call_id == "c-1"
    with pytest.raises(InvalidResponseException, match="not a well-formed URL"):
        next(calls)


def test_is_same_origin_reads_urls_as_the_transport_does(wire: Wire, api: CallsApi) -> None:
    client = api.api_client
    port = wire.server.port
    assert client.is_same_origin(f"http://localhost:{port}/api/v2/x?y=1")
    assert client.is_same_origin(f"HTTP://LocalHost:{port}/other")
    assert not client.is_same_origin(f"http://127.0.0.2:{port}\\@localhost:{port}/api/v2/x")
    assert not client.is_same_origin(f"http://x@localhost:{port}/api/v2/x")
    assert not client.is_same_origin(f"http://localhost:{port}/api/v2/a b")
    assert not client.is_same_origin("http://[::1/x")
    assert not client.is_same_origin(f"https://localhost:{port}/api/v2/x")


def test_a_link_to_the_page_just_fetched_ends_with_an_error(wire: Wire, api: CallsApi) -> None:
    loop = page(["c-1"], f'<{CALLS}>; rel="next"')  # the first page's own URL
    wire.server.expect_request(CALLS).respond_with_response(loop)
    calls = api.iter_calls(ACCOUNT)
    assert next(calls).call_id == "c-1"
    with pytest.raises(InvalidResponseException, match="repeats a page already fetched"):
        next(calls)
    assert len(wire.requests) == 1


def test_a_chain_that_repeats_a_page_token_ends_with_an_error(wire: Wire, api: CallsApi) -> None:
    pages = {
        None: page(["c-1"], f'<{CALLS}?pageToken=a>; rel="next"'),
        "a": page(["c-2"], f'<{CALLS}?pageToken=b>; rel="next"'),
        # The same token again, dressed differently (other parameters, escaped).
        "b": page(["c-3"], f'<{CALLS}?pageSize=5&pageToken=%61>; rel="next"'),
    }
    wire.server.expect_request(CALLS).respond_with_handler(
        lambda request: pages[request.args.get("pageToken")]
    )
    seen = []
    with pytest.raises(InvalidResponseException, match="repeats a page already fetched"):
        for call in api.iter_calls(ACCOUNT):
            seen.append(call.call_id)
    assert seen == ["c-1", "c-2", "c-3"]  # each call once
    assert len(wire.requests) == 3


def test_max_pages_stops_a_server_that_never_ends(wire: Wire, api: CallsApi) -> None:
    def endless(request: Request) -> Response:
        number = int(request.args.get("pageToken", "0"))
        return page([f"c-{number}"], f'<{CALLS}?pageToken={number + 1}>; rel="next"')

    wire.server.expect_request(CALLS).respond_with_handler(endless)
    seen = []
    with pytest.raises(InvalidResponseException, match="max_pages=3"):
        for call in api.iter_calls(ACCOUNT, max_pages=3):
            seen.append(call.call_id)
    assert seen == ["c-0", "c-1", "c-2"]
    assert len(wire.requests) == 3
    with pytest.raises(ApiValueError, match="max_pages"):
        api.iter_calls(ACCOUNT, max_pages=0)


def test_a_hostile_link_header_is_parsed_in_linear_time(
    wire: Wire, api: CallsApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bandwidth import _links

    attempts = []
    pattern = _links._LINK

    class Counting:
        def match(self, value: str, position: int) -> Optional[re.Match]:
            attempts.append(position)
            return pattern.match(value, position)

    monkeypatch.setattr(_links, "_LINK", Counting())
    hostile = "<" + ",<" * 30000  # no ">" anywhere: every comma used to rescan the rest
    wire.server.expect_request(CALLS).respond_with_response(page(["c-1"], hostile))
    assert [c.call_id for c in api.iter_calls(ACCOUNT)] == ["c-1"]
    assert len(attempts) <= 1


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

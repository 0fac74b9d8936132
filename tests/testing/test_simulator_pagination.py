"""list_calls in the simulator: every filter, pageSize bounds, opaque tokens and Link headers."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Dict, Iterator, List, Optional, Tuple
from urllib.parse import parse_qs, urlsplit

import pytest

from bandwidth.testing import ManualClock, VoiceSimulator
from bandwidth.testing._core.clock import format_time
from tests.support.raw import Raw, Reply

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
LINK = re.compile(r'<([^>]+)>; rel="next"')


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(clock=ManualClock(START), deliver_webhooks=False) as simulator:
        yield simulator


@pytest.fixture
def raw(sim: VoiceSimulator) -> Iterator[Raw]:
    client = Raw(sim)
    yield client
    client.close()


def next_link(reply: Reply) -> Optional[str]:
    header = reply.headers.get("Link")
    if header is None:
        return None
    match = LINK.fullmatch(header)
    assert match is not None, header
    return match.group(1)


def expect_pages(raw: Raw, query: str = "") -> Tuple[List[Dict[str, Any]], List[int], int]:
    """Follow Link headers from the first page, asserting each page is a 200.

    Returns (calls, page sizes, requests).
    """
    reply = raw.list(query)
    calls: List[Dict[str, Any]] = []
    sizes: List[int] = []
    requests = 1
    while True:
        assert reply.status == 200, reply.body
        page = reply.json()
        calls.extend(page)
        sizes.append(len(page))
        url = next_link(reply)
        if url is None:
            return calls, sizes, requests
        parts = urlsplit(url)
        assert f"{parts.scheme}://{parts.netloc}" == f"http://{raw.sim.host}:{raw.sim.port}"
        reply = raw.send("GET", f"{parts.path}?{parts.query}")
        requests += 1
        assert requests < 100


def test_empty_account_lists_nothing(raw: Raw) -> None:
    reply = raw.list()
    assert reply.status == 200
    assert reply.body == b"[]"
    assert reply.headers["Content-Type"] == "application/json"
    assert "Link" not in reply.headers


def test_default_page_size_is_1000(sim: VoiceSimulator, raw: Raw) -> None:
    ids = sim.bulk_create(1001)
    first = raw.list()
    assert [c["callId"] for c in first.json()] == ids[:1000]
    url = next_link(first)
    assert url is not None
    assert "pageSize" not in parse_qs(urlsplit(url).query)
    second = raw.send("GET", url.split(str(sim.port), 1)[1])
    assert [c["callId"] for c in second.json()] == ids[1000:]
    assert next_link(second) is None


def test_exactly_one_full_page_has_no_link(sim: VoiceSimulator, raw: Raw) -> None:
    sim.bulk_create(5)
    reply = raw.list("pageSize=5")
    assert len(reply.json()) == 5
    assert next_link(reply) is None


def test_pagination_walks_every_call_oldest_first(sim: VoiceSimulator, raw: Raw) -> None:
    ids = sim.bulk_create(23, spacing=1)
    calls, sizes, requests = expect_pages(raw, "pageSize=5")
    assert [c["callId"] for c in calls] == ids
    assert sizes == [5, 5, 5, 5, 3]
    assert requests == 5
    assert len(sim.requests_for("list_calls")) == 5


def test_ten_thousand_calls_in_one_page_and_more(sim: VoiceSimulator, raw: Raw) -> None:
    ids = sim.bulk_create(10001)
    calls, sizes, _ = expect_pages(raw, "pageSize=10000")
    assert sizes == [10000, 1]
    assert [c["callId"] for c in calls] == ids


def test_order_is_by_creation_time_even_when_seeded_out_of_order(
    sim: VoiceSimulator, raw: Raw
) -> None:
    newer = raw.expect_created()
    older = sim.bulk_create(2, spacing=60)  # created 60 s ago and now
    calls, _, _ = expect_pages(raw, "pageSize=1")
    assert [c["callId"] for c in calls] == [older[0], newer, older[1]]


def test_calls_created_between_pages_appear_on_later_pages(sim: VoiceSimulator, raw: Raw) -> None:
    ids = sim.bulk_create(3)
    first = raw.list("pageSize=2")
    sim.advance(1)
    late = sim.add_call()
    url = next_link(first)
    assert url is not None
    rest = raw.send("GET", url.split(str(sim.port), 1)[1])
    assert [c["callId"] for c in first.json() + rest.json()] == [*ids, late]


@pytest.mark.parametrize(
    "query",
    ["pageSize=0", "pageSize=10001", "pageSize=-1", "pageSize=abc", "pageSize=", "pageSize=1.5"],
)
def test_page_size_out_of_range_is_400(raw: Raw, query: str) -> None:
    reply = raw.list(query)
    assert reply.status == 400
    assert "pageSize" in reply.expect_error()["description"]


@pytest.mark.parametrize("token", ["garbage", "eyJ0IjoxfQ", "e30", "%%%", "eyJ0IjoiYSIsInMiOjF9"])
def test_bad_page_token_is_400(raw: Raw, token: str) -> None:
    reply = raw.list(f"pageToken={token}")
    assert reply.status == 400
    assert reply.expect_error()["description"] == "Invalid pageToken."


def _seed_for_filters(sim: VoiceSimulator) -> Dict[str, str]:
    ids: Dict[str, str] = {}
    ids["a"] = sim.add_call(to="+15550000001", from_="+15550000009")
    sim.advance(10)
    ids["b"] = sim.add_call(to="+15550000002", from_="+15550000009")
    sim.initiate(ids["b"])
    sim.advance(10)
    ids["c"] = sim.add_call(to="+15550000001", from_="+15550000008")
    sim.answer(ids["c"])
    sim.hangup(ids["c"], cause="busy")
    sim.advance(10)
    ids["d"] = sim.add_call(to="+15550000002", from_="+15550000008")
    sim.answer(ids["d"])
    sim.hangup(ids["d"])
    ids["q"] = sim.add_call(to="+15550000001", from_="+15550000009")  # still queued
    return ids


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("to=%2B15550000001", "a c q"),
        ("from=%2B15550000008", "c d"),
        ("to=%2B15550000002&from=%2B15550000009", "b"),
        ("disconnectCause=busy", "c"),
        ("disconnectCause=hangup", "d"),
        ("disconnectCause=timeout", ""),
        # startTime filters are inclusive; queued calls ("a", "q") have no startTime yet
        ("minStartTime=2024-03-01T12:00:10Z", "b c d"),
        ("minStartTime=2024-03-01T12:00:10.001Z", "c d"),
        ("maxStartTime=2024-03-01T12:00:20Z", "b c"),
        ("minStartTime=2024-03-01T12:00:15Z&maxStartTime=2024-03-01T12:00:25Z", "c"),
        ("minStartTime=2024-03-01T13:00:20%2B01:00&maxStartTime=2024-03-01", ""),
        ("minStartTime=2024-03-01T13:00:20%2B01:00", "c d"),
        ("to=%2B15550000001&disconnectCause=busy&minStartTime=2024-03-01", "c"),
        ("unknownFilter=1", "a b c d q"),
    ],
)
def test_filters(sim: VoiceSimulator, raw: Raw, query: str, expected: str) -> None:
    ids = _seed_for_filters(sim)
    names = {v: k for k, v in ids.items()}
    reply = raw.list(query)
    assert reply.status == 200
    assert " ".join(names[c["callId"]] for c in reply.json()) == expected


@pytest.mark.parametrize("name", ["minStartTime", "maxStartTime"])
def test_bad_time_filter_is_400(raw: Raw, name: str) -> None:
    reply = raw.list(f"{name}=yesterday")
    assert reply.status == 400
    assert name in reply.expect_error()["description"]


def test_link_keeps_filters_and_page_size(sim: VoiceSimulator, raw: Raw) -> None:
    for index in range(7):
        sim.add_call(to="+15550000001" if index % 2 else "+15550000002")
    calls, sizes, _ = expect_pages(raw, "to=%2B15550000001&pageSize=2")
    assert sizes == [2, 1]
    assert {c["to"] for c in calls} == {"+15550000001"}
    reply = raw.list("to=%2B15550000001&pageSize=2")
    url = next_link(reply)
    assert url is not None
    query = parse_qs(urlsplit(url).query)
    assert query["to"] == ["+15550000001"]
    assert query["pageSize"] == ["2"]
    assert len(query["pageToken"]) == 1
    assert url.startswith(f"{sim.url}/accounts/{sim.account_id}/calls?")


def test_filtered_pages_stop_without_a_trailing_empty_page(sim: VoiceSimulator, raw: Raw) -> None:
    sim.add_call(to="+15550000001")
    sim.add_call(to="+15550000001")
    sim.bulk_create(50, to="+15550000002")  # newer calls that do not match
    reply = raw.list("to=%2B15550000001&pageSize=2")
    assert len(reply.json()) == 2
    assert next_link(reply) is None


def test_list_reflects_state_changes(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call()
    assert raw.list().json()[0]["state"] == "queued"
    sim.answer(call_id)
    listed = raw.list().json()[0]
    assert listed["state"] == "answered"
    assert listed["answerTime"] == format_time(START)

"""list_messages in the simulator: filters, sorting and paging as the platform does them."""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator, List
from urllib.parse import parse_qs, urlsplit

import pytest

from bandwidth.exceptions import ApiException
from bandwidth.models import ListMessageItem, MessagesList
from bandwidth.testing import BandwidthSimulator
from tests.support.raw import Raw
from tests.testing.messaging_apps import ALICE, APP_ID, BOB, OURS, messages_api, send

MESSAGES = "/api/v2/users/9900000/messages"


@pytest.fixture
def sim() -> Iterator[BandwidthSimulator]:
    with BandwidthSimulator(deliver_webhooks=False) as simulator:
        simulator.add_messaging_application(APP_ID, "http://app.test/cb", numbers=[OURS])
        yield simulator


def ids(page: MessagesList) -> List[str]:
    return [item.message_id or "" for item in page.messages or ()]


def test_at_least_one_filter_is_required(sim: BandwidthSimulator) -> None:
    with pytest.raises(ApiException) as caught:
        messages_api(sim).list_messages(sim.account_id)
    assert caught.value.status == 400


def test_items_are_metadata_per_recipient_with_no_text(sim: BandwidthSimulator) -> None:
    message = send(sim, to=[ALICE, BOB], text="secret words")
    sim.fail_next_message(4720, to=BOB)
    page = messages_api(sim).list_messages(sim.account_id, message_id=message.id)
    assert page.total_count == 2
    assert [item.message_status for item in page.messages or ()] == ["QUEUED", "QUEUED"]
    second = send(sim, to=[ALICE, BOB])
    sim.advance(1)
    page = messages_api(sim).list_messages(sim.account_id, message_id=second.id)
    items = {item.destination_tn: item for item in page.messages or ()}
    assert items[ALICE].message_status == "DELIVERED" and items[ALICE].error_code == 0
    assert items[BOB].message_status == "FAILED" and items[BOB].error_code == 4720
    item = items[ALICE]
    assert isinstance(item, ListMessageItem)
    assert item.source_tn == OURS and item.account_id == sim.account_id
    assert item.message_direction == "OUTBOUND" and item.message_type == "sms"
    assert item.segment_count == 1 and item.recipient_count == 2
    assert item.receive_time == sim.now() - timedelta(seconds=1)
    raw = Raw(sim)
    try:
        reply = raw.send("GET", f"{MESSAGES}?messageId={message.id}")
    finally:
        raw.close()
    assert b"secret words" not in reply.body and b'"text"' not in reply.body


def test_filters_narrow_the_history(sim: BandwidthSimulator) -> None:
    api = messages_api(sim)
    sms = send(sim, to=[ALICE])
    mms = send(sim, to=[BOB], media=["https://cdn.test/a.png"])
    sim.fail_next_message(4702)
    failed = send(sim, to=[BOB], text="é" * 200)
    sim.advance(1)
    [inbound] = sim.handset(ALICE).send(OURS, "hello")
    account = sim.account_id
    assert ids(api.list_messages(account, source_tn=OURS)) == [sms.id, mms.id, failed.id]
    assert ids(api.list_messages(account, destination_tn=BOB)) == [mms.id, failed.id]
    assert ids(api.list_messages(account, destination_tn=f"{ALICE},{BOB}")) == [
        sms.id,
        mms.id,
        failed.id,
    ]
    assert ids(api.list_messages(account, source_tn="+1919555")) == [
        sms.id,
        mms.id,
        failed.id,
        inbound,
    ]
    assert ids(api.list_messages(account, message_type="mms")) == [mms.id]
    assert ids(api.list_messages(account, message_status="FAILED")) == [failed.id]
    assert ids(api.list_messages(account, error_code=4702)) == [failed.id]
    assert ids(api.list_messages(account, message_direction="INBOUND")) == [inbound]
    assert ids(api.list_messages(account, from_segment_count=2)) == [failed.id]
    assert ids(api.list_messages(account, to_date_time=sim.now() - timedelta(seconds=1))) == [
        sms.id,
        mms.id,
        failed.id,
    ]
    assert ids(api.list_messages(account, from_date_time=sim.now())) == [inbound]
    assert ids(api.list_messages(account, carrier_name="Verizon")) == []
    assert ids(api.list_messages(account, bw_queued=True)) == []
    inbound_item = api.list_messages(account, message_id=inbound).messages or []
    assert inbound_item[0].message_status == "RECEIVED"
    assert inbound_item[0].destination_tn == OURS


def test_sort_orders_by_a_field(sim: BandwidthSimulator) -> None:
    first = send(sim, to=[BOB])
    sim.advance(1)
    second = send(sim, to=[ALICE])
    api = messages_api(sim)
    assert ids(api.list_messages(sim.account_id, source_tn=OURS, sort="destinationTn:asc")) == [
        second.id,
        first.id,
    ]
    assert ids(api.list_messages(sim.account_id, source_tn=OURS, sort="receiveTime:desc")) == [
        second.id,
        first.id,
    ]
    assert ids(api.list_messages(sim.account_id, source_tn=OURS)) == [first.id, second.id]
    with pytest.raises(ApiException) as caught:
        api.list_messages(sim.account_id, source_tn=OURS, sort="text:asc")
    assert caught.value.status == 400


@pytest.mark.parametrize(
    "query",
    [
        "messageStatus=LOST",
        "messageDirection=in",
        "messageType=fax",
        "errorCode=abc",
        "sourceTn=%2B191",
        "limit=0",
        "limit=10001",
        "pageToken=not-a-token",
        "fromDateTime=yesterday",
        "bwQueued=maybe",
    ],
)
def test_bad_filters_are_400(sim: BandwidthSimulator, query: str) -> None:
    raw = Raw(sim)
    try:
        reply = raw.send("GET", f"{MESSAGES}?{query}")
    finally:
        raw.close()
    assert reply.status == 400
    assert reply.json()["type"] == "request-validation"


def test_pages_link_to_each_other_with_tokens_and_urls(sim: BandwidthSimulator) -> None:
    sent = [send(sim).id for _ in range(5)]
    api = messages_api(sim)
    first = api.list_messages(sim.account_id, source_tn=OURS, limit=2)
    assert first.total_count == 5 and ids(first) == sent[:2]
    info = first.page_info
    assert info is not None and info.prev_page_token is None
    assert info.next_page is not None and info.next_page.startswith(sim.url)
    query = parse_qs(urlsplit(info.next_page).query)
    assert query["sourceTn"] == [OURS] and query["pageToken"] == [info.next_page_token]
    second = api.list_messages(
        sim.account_id, source_tn=OURS, limit=2, page_token=info.next_page_token
    )
    assert ids(second) == sent[2:4]
    assert second.page_info is not None and second.page_info.prev_page_token is not None
    back = api.list_messages(
        sim.account_id, source_tn=OURS, limit=2, page_token=second.page_info.prev_page_token
    )
    assert ids(back) == sent[:2]
    every = list(api.iter_messages(sim.account_id, source_tn=OURS, limit=2))
    assert [item.message_id for item in every] == sent


def test_limit_total_count_caps_at_ten_thousand_and_the_window_is_bounded(
    sim: BandwidthSimulator,
) -> None:
    send(sim)
    api = messages_api(sim)
    assert (
        api.list_messages(sim.account_id, source_tn=OURS, limit_total_count=True).total_count == 1
    )
    page = api.list_messages(sim.account_id, source_tn=OURS, limit=1)
    assert page.page_info is not None and page.page_info.next_page_token is None
    raw = Raw(sim)
    try:
        token = "eyJvIjo5OTk5fQ"  # an offset of 9999
        reply = raw.send("GET", f"{MESSAGES}?sourceTn=%2B19195550100&limit=2&pageToken={token}")
    finally:
        raw.close()
    assert reply.status == 400


def test_ended_messages_are_forgotten_after_fourteen_days(sim: BandwidthSimulator) -> None:
    old = send(sim)
    [inbound] = sim.handset(BOB).send(OURS, "an inbound copy ends when it is received")
    sim.advance(1)
    sim.advance(14 * 24 * 3600 + 1)
    new = send(sim)
    assert ids(messages_api(sim).list_messages(sim.account_id, source_tn=OURS)) == [new.id]
    assert old.id not in sim.timeline() and inbound not in sim.timeline()
    assert ids(messages_api(sim).list_messages(sim.account_id, message_direction="INBOUND")) == []
    assert [m.id for m in sim.handset(ALICE).messages] == []  # the inbox keeps 14 days too

"""create_message in the simulator: 202s, synchronous 400s, segments, groups, MMS, callbacks."""

from __future__ import annotations

from typing import Any, Iterator, List

import pytest

from bandwidth.exceptions import ApiException
from bandwidth.models import CreateMessageRequestError
from bandwidth.testing import BandwidthSimulator
from tests.support.raw import Raw
from tests.testing.messaging_apps import (
    ALICE,
    APP_ID,
    BOB,
    OURS,
    CallbackApp,
    Served,
    send,
)

MESSAGES = "/api/v2/users/9900000/messages"
GOOD = {"applicationId": APP_ID, "to": [ALICE], "from": OURS, "text": "Hi"}


@pytest.fixture
def app() -> CallbackApp:
    return CallbackApp()


@pytest.fixture
def sim(app: CallbackApp) -> Iterator[BandwidthSimulator]:
    with BandwidthSimulator(app=app) as simulator:
        simulator.add_messaging_application(APP_ID, "http://app.test/cb", numbers=[OURS])
        yield simulator


@pytest.fixture
def raw(sim: BandwidthSimulator) -> Iterator[Raw]:
    client = Raw(sim)
    yield client
    client.close()


# -- synchronous refusals ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"to": ["+1invalid"]}, "to"),
        ({"to": [f"+1919555{n:04d}" for n in range(11)]}, "to"),
        ({"to": []}, "to"),
        ({"to": [ALICE, ALICE]}, "to"),
        ({"from": "19195550100"}, "from"),
        ({"from": "TOO-LONG-SENDER"}, "from"),
        ({"text": "x" * 2049}, "text"),
        ({"text": None}, "text"),
        ({"applicationId": None}, "applicationId"),
        ({"priority": "urgent"}, "priority"),
        ({"media": ["https://x.test/" + "a" * 4096]}, "media"),
        ({"tag": "t" * 1025}, "tag"),
        ({"expiration": "2001-01-01T00:00:00Z"}, "expiration"),
        ({"expiration": "tomorrow"}, "expiration"),
    ],
)
def test_what_the_platform_refuses_at_once_is_a_400_with_field_errors(
    raw: Raw, app: CallbackApp, sim: BandwidthSimulator, change: Any, field: str
) -> None:
    body = {**GOOD, **change}
    body = {k: v for k, v in body.items() if v is not None}
    reply = raw.send("POST", MESSAGES, body)
    assert reply.status == 400
    data = reply.json()
    assert data["type"] == "request-validation" and data["description"]
    assert field in [error["fieldName"] for error in data["fieldErrors"]]
    assert CreateMessageRequestError.from_dict(data) is not None
    sim.advance(5)
    assert app.events == [] and sim.handset(ALICE).messages == []


def test_the_sdk_decodes_the_400_into_its_field_errors(sim: BandwidthSimulator) -> None:
    # Rules the SDK leaves to the platform: an expiration in the past, a repeated recipient.
    with pytest.raises(ApiException) as caught:
        send(sim, to=[ALICE, ALICE], expiration="2001-01-01T00:00:00Z")
    assert caught.value.status == 400
    data = caught.value.data
    assert isinstance(data, CreateMessageRequestError)
    assert data.field_errors is not None
    assert {error.field_name for error in data.field_errors} == {"to", "expiration"}


def test_a_wrong_content_type_is_415_and_bad_json_is_400(raw: Raw) -> None:
    reply = raw.send("POST", MESSAGES, b"{}", content_type="text/plain")
    assert reply.status == 415
    assert reply.json()["type"] == "unsupported-content-type"
    reply = raw.send("POST", MESSAGES, b"{not json", content_type="application/json")
    assert reply.status == 400
    assert set(reply.json()) == {"type", "description"}


def test_messaging_errors_are_messaging_request_errors(raw: Raw) -> None:
    reply = raw.send("POST", MESSAGES, GOOD, auth=None)
    assert reply.status == 401
    assert set(reply.json()) == {"type", "description"}
    assert raw.send("DELETE", MESSAGES).status == 405
    assert raw.send("POST", "/api/v2/users/1234/messages", GOOD).status == 403
    # Voice keeps its own paths and its error body.
    assert set(raw.send("GET", "/api/v2/accounts/9900000/calls/c-x").json()) == {
        "type",
        "description",
        "id",
    }


# -- segments, MMS and groups ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("€" * 80, 1),  # an extension character costs 2
        ("€" * 81, 2),
        ("é" * 160, 1),  # in GSM-7
        ("ü" + "😀" * 34, 1),  # UCS-2: 70 units
        ("😀" * 36, 2),  # 72 units
        ("ç" * 70, 1),  # not GSM-7 (only Ç is)
        ("ç" * 71, 2),
        ("ç" * 135, 3),
    ],
)
def test_segments_are_counted_as_the_platform_counts_them(
    sim: BandwidthSimulator, text: str, segments: int
) -> None:
    assert send(sim, text=text).segment_count == segments


def test_an_mms_is_one_segment_and_is_sending_before_delivered(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    message = send(sim, text="x" * 1000, media=["https://cdn.test/cat.jpg"])
    assert message.segment_count == 1
    assert message.media == ["https://cdn.test/cat.jpg"]
    sim.advance(0.5)
    assert app.types() == ["message-sending"]
    sim.advance(0.5)
    assert app.types() == ["message-sending", "message-delivered"]
    assert app.events[0]["message"]["media"] == ["https://cdn.test/cat.jpg"]
    [landed] = sim.handset(ALICE).messages
    assert landed.media == ["https://cdn.test/cat.jpg"]


def test_a_group_message_has_one_id_and_a_callback_per_recipient(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    message = send(sim, to=[ALICE, BOB], priority="high")
    assert message.priority == "high"
    sim.advance(1)
    assert [(e["type"], e["to"]) for e in app.events] == [
        ("message-delivered", ALICE),
        ("message-delivered", BOB),
    ]
    assert all(e["message"]["id"] == message.id for e in app.events)
    assert all(e["message"]["to"] == [ALICE, BOB] for e in app.events)
    assert [m.id for m in sim.handset(ALICE).messages] == [message.id]
    assert [m.id for m in sim.handset(BOB).messages] == [message.id]


def test_tag_and_expiration_are_echoed_in_the_answer_and_the_callbacks(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    message = send(sim, tag="order-7", expiration="2999-01-01T00:00:00Z")
    assert message.tag == "order-7" and message.expiration is not None
    sim.advance(1)
    assert app.events[0]["message"]["tag"] == "order-7"


# -- failures ----------------------------------------------------------------------------------


def test_a_scripted_failure_ends_the_next_message_failed(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    sim.fail_next_message(4720)
    failed = send(sim)
    delivered = send(sim)
    sim.advance(1)
    by_id = {e["message"]["id"]: e for e in app.events}
    event = by_id[failed.id]
    assert event["type"] == "message-failed"
    assert event["errorCode"] == 4720
    assert event["description"] == "invalid-destination-address"
    assert by_id[delivered.id]["type"] == "message-delivered"
    assert [m.id for m in sim.handset(ALICE).messages] == [delivered.id]


def test_a_scripted_failure_to_one_recipient_fails_only_its_copy(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    sim.fail_next_message(4775, to=BOB, description="opted out")
    send(sim, to=[ALICE, BOB])
    sim.advance(1)
    assert [(e["type"], e["to"], e.get("errorCode")) for e in app.events] == [
        ("message-delivered", ALICE, None),
        ("message-failed", BOB, 4775),
    ]
    assert app.events[1]["description"] == "opted out"
    assert sim.handset(BOB).messages == []


def test_an_unreachable_handset_fails_every_text_until_it_is_back(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    handset = sim.handset(ALICE)
    handset.reachable = False
    send(sim)
    sim.advance(1)
    handset.reachable = True
    send(sim)
    sim.advance(1)
    assert [(e["type"], e.get("errorCode")) for e in app.events] == [
        ("message-failed", 4702),
        ("message-delivered", None),
    ]
    assert app.events[0]["description"] == "destination-subscriber-unavailable"
    assert len(handset.messages) == 1


def test_provisioning_problems_fail_after_the_202(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    send(sim, **{"from": "+19195559999"})  # not a number of the account
    sim.advance(1)
    assert [(e["type"], e["errorCode"]) for e in app.events] == [("message-failed", 4403)]
    send(sim, applicationId="no-such-app")  # no application: nowhere to call back
    sim.advance(1)
    assert len(app.events) == 1
    assert sim.handset(ALICE).messages == []


def test_an_unknown_error_code_needs_a_description(sim: BandwidthSimulator) -> None:
    with pytest.raises(ValueError, match="description"):
        sim.fail_next_message(1234)
    with pytest.raises(ValueError):
        sim.fail_next_message(4720, to="not a number")


# -- callbacks: credentials, retries, no webhooks -----------------------------------------------


def test_callbacks_answer_the_apps_challenge_with_the_applications_credentials() -> None:
    app = CallbackApp(credentials=("bw", "s3cret-pass"))
    with BandwidthSimulator(app=app) as sim:
        sim.add_messaging_application(
            APP_ID, "http://app.test/cb", numbers=[OURS], username="bw", password="s3cret-pass"
        )
        send(sim)
        sim.advance(1)
        [hook] = sim.webhooks
        assert [(a.status, a.authorized) for a in hook.attempts] == [(401, False), (204, True)]
        assert app.types() == ["message-delivered"]
        assert "s3cret-pass" not in repr(sim.messaging_applications)
        assert "s3cret-pass" not in sim.timeline()
        assert "s3cret-pass" not in repr(hook)


def test_a_failed_callback_is_retried_on_a_doubling_schedule(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    app.statuses = [500, 503]
    send(sim)
    sim.advance(1)
    assert [h.status for h in sim.webhooks] == [500]
    sim.advance(59)
    assert [h.status for h in sim.webhooks] == [500]
    sim.advance(1)
    assert [h.status for h in sim.webhooks] == [500, 503]
    sim.advance(120)
    assert [h.status for h in sim.webhooks] == [500, 503, 204]
    assert [e["type"] for e in app.events] == ["message-delivered"] * 3
    sim.advance(24 * 3600)
    assert len(sim.webhooks) == 3


def test_a_callback_that_always_fails_is_dropped_after_ten_retries(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    app.statuses = [500] * 20
    send(sim)
    sim.advance(2 * 24 * 3600)
    assert len(sim.webhooks) == 11
    assert "dropped after 10 retries" in sim.timeline()


def test_without_webhooks_the_platform_still_acts() -> None:
    with BandwidthSimulator(deliver_webhooks=False) as sim:
        sim.add_messaging_application(APP_ID, "http://nowhere.test/cb", numbers=[OURS])
        message = send(sim)
        sim.advance(1)
        assert [m.id for m in sim.handset(ALICE).messages] == [message.id]
        assert sim.webhooks == []
        sim.handset(BOB).send(OURS, "hello")  # no app hears it, but it is received
        assert "received from" in sim.timeline()


# -- over HTTP ---------------------------------------------------------------------------------


def test_over_http_callbacks_reach_an_app_served_on_loopback() -> None:
    app = CallbackApp(credentials=("user", "pw"))
    with Served(app) as server, BandwidthSimulator() as sim:
        sim.add_messaging_application(
            APP_ID, f"{server.url}/messaging", numbers=[OURS], username="user", password="pw"
        )
        message = send(sim, to=[ALICE, BOB])
        sim.advance(1)
        sim.handset(ALICE).send(OURS, "Thanks!")
        types: List[str] = app.types()
        assert types == ["message-delivered", "message-delivered", "message-received"]
        assert app.events[0]["message"]["id"] == message.id
        assert app.events[2]["message"]["text"] == "Thanks!"
        assert all(h.ok for h in sim.webhooks)


def test_over_http_an_unreachable_app_is_retried() -> None:
    with Served(CallbackApp()) as server:
        url = f"{server.url}/messaging"
    with BandwidthSimulator() as sim:  # the server is gone: no connection
        sim.add_messaging_application(APP_ID, url, numbers=[OURS])
        send(sim)
        sim.advance(61)
        assert [h.status for h in sim.webhooks] == [None, None]
        assert sim.webhooks[0].error


# -- faults and recorded requests use the SDK's method names --------------------------------------


def test_faults_and_recorded_requests_know_the_messaging_operations(
    sim: BandwidthSimulator, app: CallbackApp
) -> None:
    from bandwidth.testing import OPERATIONS

    assert {"create_message", "list_messages"} <= set(OPERATIONS)
    sim.fail_next("create_message", 503)
    with pytest.raises(ApiException) as caught:
        send(sim)
    assert caught.value.status == 503
    assert "service-unavailable" in str(caught.value.body)
    send(sim)
    assert [r.operation for r in sim.requests_for("create_message")] == [
        "create_message",
        "create_message",
    ]
    sim.advance(1)
    assert app.types() == ["message-delivered"]  # the failed request sent nothing

"""MessagesApi and MultiChannelApi over a loopback server: what goes on the wire, what comes back.

Requests go to the configured host's ``/users/{accountId}/messages`` paths;
bodies use the wire names; bad input never leaves; the two creates are never
repeated once sent (a 500 or a dropped connection is final, a 429 refusal is
retried); errors decode into the messaging error models.
"""

from __future__ import annotations

import json
import socket
import threading
from typing import Any, Dict, Iterator, List
from urllib.parse import parse_qsl

import pytest
from pytest_httpserver import HTTPServer

from bandwidth import (
    ApiClient,
    ApiConnectionError,
    ApiTypeError,
    ApiValueError,
    BadRequestException,
    Configuration,
    InvalidResponseException,
    MessagesApi,
    MultiChannelApi,
    RequestValidationError,
    RetryPolicy,
    ServiceException,
    UnauthorizedException,
)
from bandwidth.models.create_message_request_error import CreateMessageRequestError
from bandwidth.models.create_multi_channel_message_response import (
    CreateMultiChannelMessageResponse,
)
from bandwidth.models.message import Message
from bandwidth.models.message_request import MessageRequest
from bandwidth.models.message_status_enum import MessageStatusEnum
from bandwidth.models.messaging_request_error import MessagingRequestError
from bandwidth.models.multi_channel_error import MultiChannelError
from tests.support.wire import ACCOUNT, Wire

APP = "93de2206-9669-4e07-948d-329f4b722ee2"
MESSAGES = f"/api/v2/users/{ACCOUNT}/messages"
MESSAGE: Dict[str, Any] = {
    "id": "1589228074636lm4k2je7j7jklbn2",
    "owner": "+19195554321",
    "applicationId": APP,
    "time": "2024-03-11T13:15:07.160Z",
    "segmentCount": 1,
    "direction": "out",
    "to": ["+19195551234"],
    "from": "+19195554321",
    "text": "Hello",
    "priority": "default",
}
MULTI_CHANNEL: Dict[str, Any] = {
    "to": "+19195551234",
    "channelList": [
        {"from": "+19195554321", "applicationId": APP, "channel": "SMS", "content": {"text": "hi"}}
    ],
    "tag": "order-42",
    "priority": "high",
}
MULTI_CHANNEL_ACCEPTED: Dict[str, Any] = {
    "links": [],
    "data": {
        "id": "1589228074636lm4k2je7j7jklbn2",
        "time": "2024-03-11T13:15:07.160Z",
        "direction": "out",
        "to": ["+19195551234"],
        "channelList": [
            {
                "from": "+19195554321",
                "applicationId": APP,
                "channel": "SMS",
                "content": {"text": "hi"},
                "owner": "+19195554321",
            }
        ],
        "tag": "order-42",
        "priority": "high",
    },
    "errors": [],
}


def new_message(**extra: Any) -> MessageRequest:
    return MessageRequest(
        application_id=APP, to=["+19195551234"], var_from="+19195554321", text="Hello", **extra
    )


@pytest.fixture
def client(configuration: Configuration) -> Iterator[ApiClient]:
    with ApiClient(configuration) as api_client:
        yield api_client


@pytest.fixture
def messages(client: ApiClient) -> MessagesApi:
    return MessagesApi(client)


def retrying(wire: Wire, waits: List[float]) -> ApiClient:
    config = Configuration(
        host=wire.url,
        username="user",
        password="pa55word",
        retries=RetryPolicy(3, sleep=waits.append),
    )
    return ApiClient(config)


# -- create_message --------------------------------------------------------------


def test_create_message_posts_the_wire_json_and_decodes_the_202(
    wire: Wire, messages: MessagesApi
) -> None:
    wire.answer(202, json=MESSAGE, method="POST")
    message = messages.create_message(ACCOUNT, new_message(tag="order-42", priority="high"))
    assert isinstance(message, Message) and message.id == MESSAGE["id"]
    assert message.var_from == "+19195554321" and message.to == ["+19195551234"]
    sent = wire.last
    assert sent.method == "POST" and wire.raw_target(sent) == MESSAGES
    assert sent.headers["Content-Type"] == "application/json"
    assert sent.headers["Authorization"].startswith("Basic ")
    assert json.loads(sent.get_data()) == {
        "applicationId": APP,
        "to": ["+19195551234"],
        "from": "+19195554321",
        "text": "Hello",
        "tag": "order-42",
        "priority": "high",
    }


def test_create_message_takes_a_dict_of_wire_names(wire: Wire, messages: MessagesApi) -> None:
    wire.answer(202, json=MESSAGE, method="POST")
    body = {"applicationId": APP, "to": ["+19195551234"], "from": "+19195554321", "text": "x"}
    response = messages.create_message_with_http_info(ACCOUNT, body)
    assert response.status_code == 202 and response.data.id == MESSAGE["id"]
    assert json.loads(wire.last.get_data()) == body


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"to": [f"+1919555{n:04d}" for n in range(11)]}, "to"),
        ({"to": []}, "to"),
        ({"to": ["9195551234"]}, "to"),
        ({"text": "x" * 2049}, "text"),
        ({"media": ["https://example.com/" + "a" * 4096]}, "media"),
        ({"tag": "t" * 1025}, "tag"),
    ],
)
def test_a_message_the_platform_would_refuse_is_never_sent(
    wire: Wire, messages: MessagesApi, change: Dict[str, Any], field: str
) -> None:
    body = {"applicationId": APP, "to": ["+19195551234"], "from": "+19195554321", **change}
    with pytest.raises(RequestValidationError, match=field):
        messages.create_message(ACCOUNT, body)
    assert wire.requests == []


def test_ten_recipients_and_a_2048_character_text_are_sent(
    wire: Wire, messages: MessagesApi
) -> None:
    wire.answer(202, json=MESSAGE, method="POST")
    to = [f"+1919555{n:04d}" for n in range(10)]
    body = {"applicationId": APP, "to": to, "from": "+19195554321", "text": "x" * 2048}
    messages.create_message(ACCOUNT, body)
    assert json.loads(wire.last.get_data())["to"] == to


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_create_message_is_never_repeated_after_a_server_error(wire: Wire, status: int) -> None:
    wire.answer(status, json={"type": "internal", "description": "try later"}, method="POST")
    waits: List[float] = []
    with retrying(wire, waits) as client, pytest.raises(ServiceException) as caught:
        MessagesApi(client).create_message(ACCOUNT, new_message())
    assert len(wire.requests) == 1 and waits == []
    assert isinstance(caught.value.data, MessagingRequestError)
    assert caught.value.data.description == "try later"


def test_create_message_refused_with_429_is_sent_again(wire: Wire) -> None:
    refusal = {"type": "max-message-queue-size-exceeded", "description": "queue full"}
    wire.server.expect_ordered_request(MESSAGES, method="POST").respond_with_json(
        refusal, status=429, headers={"Retry-After": "0"}
    )
    wire.server.expect_ordered_request(MESSAGES, method="POST").respond_with_json(
        MESSAGE, status=202
    )
    with retrying(wire, []) as client:
        assert MessagesApi(client).create_message(ACCOUNT, new_message()).id == MESSAGE["id"]
    assert len(wire.requests) == 2


class DroppingServer:
    """Reads one whole request per connection, then closes without answering."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.requests = 0
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}/api/v2"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                while len(body) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    body += chunk
                self.requests += 1

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def dropping() -> Iterator[DroppingServer]:
    server = DroppingServer()
    yield server
    server.close()


def test_create_message_is_never_repeated_after_a_dropped_connection(
    dropping: DroppingServer,
) -> None:
    config = Configuration(
        host=dropping.url, username="u", password="p", retries=RetryPolicy(3, sleep=lambda s: None)
    )
    with ApiClient(config) as client, pytest.raises(ApiConnectionError):
        MessagesApi(client).create_message(ACCOUNT, new_message())
    assert dropping.requests == 1


def test_list_messages_is_repeated_after_a_dropped_connection(dropping: DroppingServer) -> None:
    config = Configuration(
        host=dropping.url, username="u", password="p", retries=RetryPolicy(2, sleep=lambda s: None)
    )
    with ApiClient(config) as client, pytest.raises(ApiConnectionError):
        MessagesApi(client).list_messages(ACCOUNT, source_tn="+19195554321")
    assert dropping.requests == 3


def test_a_400_decodes_the_field_errors(wire: Wire, messages: MessagesApi) -> None:
    error = {
        "type": "request-validation",
        "description": "Your request could not be accepted",
        "fieldErrors": [{"fieldName": "from", "description": "must be an E.164 number"}],
    }
    wire.answer(400, json=error, method="POST")
    with pytest.raises(BadRequestException) as caught:
        messages.create_message(ACCOUNT, new_message())
    data = caught.value.data
    assert isinstance(data, CreateMessageRequestError)
    assert data.field_errors is not None and data.field_errors[0].field_name == "from"
    assert caught.value.description == "Your request could not be accepted"


def test_other_errors_decode_as_messaging_request_errors(wire: Wire, messages: MessagesApi) -> None:
    wire.answer(401, json={"type": "unauthorized", "description": "Authentication Failed"})
    with pytest.raises(UnauthorizedException) as caught:
        messages.list_messages(ACCOUNT, message_id="1589228074636lm4k2je7j7jklbn2")
    assert isinstance(caught.value.data, MessagingRequestError)
    assert caught.value.description == "Authentication Failed"


# -- list_messages -----------------------------------------------------------------


def page(messages_on_page: List[str], token: Any = None) -> Dict[str, Any]:
    items = [
        {
            "messageId": message_id,
            "accountId": ACCOUNT,
            "sourceTn": "+19195554321",
            "destinationTn": "+19195551234",
            "messageStatus": "DELIVERED",
            "messageDirection": "OUTBOUND",
            "messageType": "sms",
            "segmentCount": 1,
            "errorCode": 0,
            "receiveTime": "2024-03-11T13:15:07.160Z",
        }
        for message_id in messages_on_page
    ]
    info = {"nextPageToken": token} if token else {}
    return {"totalCount": 3, "pageInfo": info, "messages": items}


def test_list_messages_sends_every_filter_under_its_wire_name(
    wire: Wire, messages: MessagesApi
) -> None:
    wire.answer(200, json=page(["m-1"]))
    result = messages.list_messages(
        ACCOUNT,
        "m-1",
        "+19195554321",
        "%2B1919",
        MessageStatusEnum.DELIVERED,
        "OUTBOUND",
        "AT&T",
        "mms",
        9902,
        "2024-03-01T00:00:00Z",
        "2024-03-11T00:00:00Z",
        "CJEUMDK",
        5,
        True,
        "TOLL_FREE",
        "123ABC",
        False,
        6,
        "USA",
        "CAN",
        1,
        3,
        10,
        2000,
        "sourceTn:desc",
        "GL83PD3C",
        50,
        True,
    )
    assert result.messages is not None and result.messages[0].message_id == "m-1"
    target = wire.raw_target(wire.last)
    assert target.startswith(MESSAGES + "?")
    assert "sourceTn=%2B19195554321" in target and "destinationTn=%2B1919&" in target
    assert "carrierName=AT%26T" in target
    assert parse_qsl(target.partition("?")[2]) == [
        ("messageId", "m-1"),
        ("sourceTn", "+19195554321"),
        ("destinationTn", "+1919"),
        ("messageStatus", "DELIVERED"),
        ("messageDirection", "OUTBOUND"),
        ("carrierName", "AT&T"),
        ("messageType", "mms"),
        ("errorCode", "9902"),
        ("fromDateTime", "2024-03-01T00:00:00Z"),
        ("toDateTime", "2024-03-11T00:00:00Z"),
        ("campaignId", "CJEUMDK"),
        ("fromBwLatency", "5"),
        ("bwQueued", "true"),
        ("product", "TOLL_FREE"),
        ("location", "123ABC"),
        ("carrierQueued", "false"),
        ("fromCarrierLatency", "6"),
        ("callingNumberCountryA3", "USA"),
        ("calledNumberCountryA3", "CAN"),
        ("fromSegmentCount", "1"),
        ("toSegmentCount", "3"),
        ("fromMessageSize", "10"),
        ("toMessageSize", "2000"),
        ("sort", "sourceTn:desc"),
        ("pageToken", "GL83PD3C"),
        ("limit", "50"),
        ("limitTotalCount", "true"),
    ]


@pytest.mark.parametrize(
    ("kwargs", "error", "name"),
    [
        ({"limit": 0}, ApiValueError, "limit"),
        ({"limit": 10001}, ApiValueError, "limit"),
        ({"bw_queued": "yes"}, ApiTypeError, "bw_queued"),
        ({"error_code": "9902"}, ApiTypeError, "error_code"),
        ({"from_date_time": "yesterday"}, ApiValueError, "from_date_time"),
        ({"source_tn": ""}, ApiValueError, "source_tn"),
        ({"message_status": 3}, ApiTypeError, "message_status"),
        ({"_host_index": 1}, ApiValueError, "_host_index"),
    ],
)
def test_a_bad_filter_is_named_and_nothing_is_sent(
    wire: Wire, messages: MessagesApi, kwargs: Dict[str, Any], error: type, name: str
) -> None:
    with pytest.raises(error, match=name):
        messages.list_messages(ACCOUNT, **kwargs)
    assert wire.requests == []


def serve_pages(wire: Wire, pages: List[Dict[str, Any]]) -> None:
    for body in pages:
        wire.server.expect_ordered_request(MESSAGES, method="GET").respond_with_json(body)


def test_iter_messages_follows_the_page_tokens(wire: Wire, messages: MessagesApi) -> None:
    serve_pages(wire, [page(["m-1", "m-2"], "t-2"), page(["m-3"], "t-3"), page([])])
    found = [m.message_id for m in messages.iter_messages(ACCOUNT, source_tn="+19195554321")]
    assert found == ["m-1", "m-2", "m-3"]
    queries = [dict(parse_qsl(wire.raw_target(r).partition("?")[2])) for r in wire.requests]
    assert [q.get("pageToken") for q in queries] == [None, "t-2", "t-3"]
    assert all(q["sourceTn"] == "+19195554321" for q in queries)


def test_iter_messages_stops_on_a_repeated_token(wire: Wire, messages: MessagesApi) -> None:
    serve_pages(wire, [page(["m-1"], "t-2"), page(["m-2"], "t-2")])
    found = messages.iter_messages(ACCOUNT, message_status="DELIVERED")
    assert next(found).message_id == "m-1" and next(found).message_id == "m-2"
    with pytest.raises(InvalidResponseException, match="repeats a page"):
        next(found)
    assert len(wire.requests) == 2


def test_iter_messages_is_bounded_by_max_pages(wire: Wire, messages: MessagesApi) -> None:
    serve_pages(wire, [page(["m-1"], "t-2"), page(["m-2"], "t-3")])
    with pytest.raises(InvalidResponseException, match="max_pages=2"):
        list(messages.iter_messages(ACCOUNT, message_status="DELIVERED", max_pages=2))
    assert len(wire.requests) == 2


def test_iter_messages_takes_no_page_token(wire: Wire, messages: MessagesApi) -> None:
    with pytest.raises(ApiTypeError, match="page_token"):
        messages.iter_messages(ACCOUNT, page_token="t-1")  # type: ignore[call-arg]
    with pytest.raises(ApiValueError, match="max_pages"):
        messages.iter_messages(ACCOUNT, max_pages=0)
    assert wire.requests == []


# -- create_multi_channel_message --------------------------------------------------------


def test_create_multi_channel_message(wire: Wire, client: ApiClient) -> None:
    wire.answer(202, json=MULTI_CHANNEL_ACCEPTED, method="POST")
    accepted = MultiChannelApi(client).create_multi_channel_message(ACCOUNT, MULTI_CHANNEL)
    assert isinstance(accepted, CreateMultiChannelMessageResponse)
    assert accepted.data is not None and accepted.data.id == "1589228074636lm4k2je7j7jklbn2"
    assert wire.raw_target(wire.last) == MESSAGES + "/multiChannel"
    assert json.loads(wire.last.get_data()) == MULTI_CHANNEL


def test_multi_channel_errors_decode_and_a_406_has_no_body(wire: Wire, client: ApiClient) -> None:
    api = MultiChannelApi(client)
    error = {
        "links": [],
        "data": None,
        "errors": [
            {
                "type": "request-validation",
                "description": "must contain exactly one telephone number",
                "source": {"field": "channelList[0].from"},
            }
        ],
    }
    wire.answer(400, json=error, method="POST")
    with pytest.raises(BadRequestException) as caught:
        api.create_multi_channel_message(ACCOUNT, MULTI_CHANNEL)
    assert isinstance(caught.value.data, MultiChannelError)
    assert caught.value.description == "must contain exactly one telephone number"
    wire.server.clear()
    wire.answer(406, method="POST")
    with pytest.raises(Exception) as refused:
        api.create_multi_channel_message(ACCOUNT, MULTI_CHANNEL)
    assert getattr(refused.value, "status", None) == 406 and refused.value.data is None


def test_create_multi_channel_message_is_never_repeated_after_a_server_error(
    wire: Wire,
) -> None:
    wire.answer(503, json={"links": [], "data": None, "errors": []}, method="POST")
    with retrying(wire, []) as client, pytest.raises(ServiceException):
        MultiChannelApi(client).create_multi_channel_message(ACCOUNT, MULTI_CHANNEL)
    assert len(wire.requests) == 1


def test_a_multi_channel_message_with_five_channels_is_never_sent(
    wire: Wire, client: ApiClient
) -> None:
    body = {**MULTI_CHANNEL, "channelList": MULTI_CHANNEL["channelList"] * 5}
    with pytest.raises(RequestValidationError, match="channel"):
        MultiChannelApi(client).create_multi_channel_message(ACCOUNT, body)
    assert wire.requests == []


def test_an_explicit_host_serves_messaging_too(httpserver: HTTPServer) -> None:
    """``Configuration(host=...)`` is where every product goes (a mock, the simulator)."""
    httpserver.expect_request(f"/mock/users/{ACCOUNT}/messages", method="POST").respond_with_json(
        MESSAGE, status=202
    )
    config = Configuration(host=httpserver.url_for("/mock"), username="u", password="p")
    with ApiClient(config) as client:
        assert MessagesApi(client).create_message(ACCOUNT, new_message()).id == MESSAGE["id"]

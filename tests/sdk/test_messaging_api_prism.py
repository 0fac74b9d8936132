"""Contract tests: the Messages, Media and Multi-Channel operations against Prism.

Prism (``--errors``) mocks ``spec/bandwidth.yml`` and validates each request
(path, query, headers, body); ``Prefer: code=NNN`` asks for a declared error.
Every operation is sent with every argument set, and every error status the
spec declares for it becomes its exception with the product's error model.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Tuple

import pytest

from bandwidth import ApiClient, Configuration, MediaApi, MessagesApi, MultiChannelApi
from bandwidth.exceptions import ApiException, exception_class_for_status
from bandwidth.models.create_message_request_error import CreateMessageRequestError
from bandwidth.models.message_request import MessageRequest
from bandwidth.models.messaging_request_error import MessagingRequestError
from bandwidth.models.multi_channel_error import MultiChannelError
from tests.sdk.test_voice_api_prism import SPEC_OPERATIONS, has_body
from tests.support.prism import prism

ACCOUNT = "9900000"
APP = "93de2206-9669-4e07-948d-329f4b722ee2"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"

Apis = Dict[str, Any]


@pytest.fixture(scope="module")
def prism_url() -> Iterator[str]:
    with prism("mock", errors=True) as url:
        yield url


@pytest.fixture
def apis(prism_url: str) -> Iterator[Apis]:
    config = Configuration(host=prism_url, username="user", password="pass", retries=0)
    with ApiClient(config) as client:
        yield {
            "messages": MessagesApi(client),
            "media": MediaApi(client),
            "multi_channel": MultiChannelApi(client),
        }


MESSAGE = MessageRequest(
    application_id=APP,
    to=["+19195551234", "+19195551235"],
    var_from="+19195554321",
    text="Hello",
    media=["https://dev.bandwidth.com/images/bandwidth-logo.png"],
    tag="order-42",
    priority="high",
    expiration="2030-01-01T00:00:00Z",
)
MULTI_CHANNEL: Dict[str, Any] = {
    "to": "+19195551234",
    "channelList": [
        {
            "from": "BandwidthRBM",
            "applicationId": APP,
            "channel": "RBM",
            "content": {
                "text": "Your order shipped",
                "suggestions": [{"type": "REPLY", "text": "Thanks", "postbackData": "dGhhbmtz"}],
            },
        },
        {"from": "+19195554321", "applicationId": APP, "channel": "SMS", "content": {"text": "hi"}},
        {
            "from": "+19195554321",
            "applicationId": APP,
            "channel": "MMS",
            "content": {
                "text": "see",
                "media": [{"fileUrl": "https://dev.bandwidth.com/images/bandwidth-logo.png"}],
            },
        },
    ],
    "tag": "order-42",
    "priority": "high",
    "expiration": "2030-01-01T00:00:00Z",
}

#: operation -> (API, arguments with every optional one set, the spec's success status)
CALLS: Dict[str, Tuple[str, Tuple[Any, ...], int]] = {
    "create_message": ("messages", (ACCOUNT, MESSAGE), 202),
    "list_messages": (
        "messages",
        (
            ACCOUNT,
            "1589228074636lm4k2je7j7jklbn2",
            "+19195554321",
            "+19195551234",
            "DELIVERED",
            "OUTBOUND",
            "Verizon",
            "sms",
            9902,
            "2024-03-01T00:00:00Z",
            "2024-03-11T00:00:00Z",
            "CJEUMDK",
            5,
            True,
            "LOCAL_A2P",
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
        ),
        200,
    ),
    "list_media": ("media", (ACCOUNT, "12345"), 200),
    "get_media": ("media", (ACCOUNT, "photo.jpg"), 200),
    "upload_media": ("media", (ACCOUNT, "photo.jpg", JPEG, "image/jpeg", "no-cache"), 204),
    "delete_media": ("media", (ACCOUNT, "photo.jpg"), 204),
    "create_multi_channel_message": ("multi_channel", (ACCOUNT, MULTI_CHANNEL), 202),
}


def call(apis: Apis, name: str, variant: str = "_with_http_info", **extras: Any) -> Any:
    api, args, _ = CALLS[name]
    return getattr(apis[api], name + variant)(*args, **extras)


def test_every_messaging_operation_is_here() -> None:
    tagged = {
        name
        for name, operation in SPEC_OPERATIONS.items()
        if set(operation["tags"]) & {"Messages", "Media", "Multi-Channel"}
    }
    assert tagged == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_the_request_passes_prism_validation(apis: Apis, name: str) -> None:
    response = call(apis, name)
    assert response.status_code == CALLS[name][2]
    assert response.headers.get("sl-violations") is None, response.headers["sl-violations"]
    assert (response.data is not None) == has_body(name, CALLS[name][2])


def test_an_upload_from_a_file_passes_prism_validation(apis: Apis, tmp_path: Any) -> None:
    path = tmp_path / "cat.jpeg"
    path.write_bytes(JPEG)
    response = apis["media"].upload_media_with_http_info(ACCOUNT, "cat.jpeg", path)
    assert response.status_code == 204 and response.headers.get("sl-violations") is None


@pytest.mark.parametrize("name", ["list_messages", "list_media", "create_message"])
def test_the_spec_example_decodes(apis: Apis, name: str) -> None:
    data = call(apis, name, variant="")
    items = data if isinstance(data, list) else [data]
    assert items and all(not item.additional_properties for item in items), items


ERRORS = [
    (name, int(status))
    for name in sorted(CALLS)
    for status in SPEC_OPERATIONS[name]["responses"]
    if int(status) >= 400
]


def expected_model(name: str, status: int) -> Any:
    if name == "create_multi_channel_message":
        return None if status == 406 else MultiChannelError
    if name == "create_message" and status == 400:
        return CreateMessageRequestError
    return MessagingRequestError


@pytest.mark.parametrize(("name", "status"), ERRORS)
def test_every_declared_error_status_raises_its_exception(
    apis: Apis, name: str, status: int
) -> None:
    exc_class = exception_class_for_status(status)
    with pytest.raises(exc_class) as caught:
        call(apis, name, variant="", _headers={"Prefer": f"code={status}"})
    assert type(caught.value) is exc_class and caught.value.status == status
    model = expected_model(name, status)
    if model is None:
        assert caught.value.data is None
    else:
        assert isinstance(caught.value.data, model), caught.value.body


def test_prism_rejects_what_the_spec_does_not_allow(apis: Apis) -> None:
    """The checks above can fail: a body the spec rejects never gets its 2xx."""
    from bandwidth._operation import Call
    from bandwidth.api.messages_api import CREATE_MESSAGE as OPERATION

    client = apis["messages"].api_client
    unchecked = Call(OPERATION, OPERATION.expand(ACCOUNT), body=b'{"text":"no recipients"}')
    with pytest.raises(ApiException) as caught:
        client.execute(unchecked)  # past the SDK's own checks, straight to Prism
    assert caught.value.status in (400, 422)

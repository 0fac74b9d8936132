"""Each product on its own server: Configuration's server settings, over real sockets.

Without an explicit ``host`` an operation goes to its product's server (the
spec's, or ``product_servers``' replacement), picked by ``_host_index`` or
``server_operation_index`` and filled in with ``server_operation_variables``;
an explicit ``host`` serves every product. Credentials and page links stay
on the server a request was built for.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any, Dict, Iterator, List

import pytest
from pytest_httpserver import HTTPServer

import bandwidth.api
from bandwidth import (
    ApiClient,
    ApiValueError,
    CallsApi,
    Configuration,
    InvalidResponseException,
    MediaApi,
    MessagesApi,
)
from bandwidth._operation import Operation
from bandwidth._servers import PRODUCTS
from tests.support.wire import ACCOUNT, CALL_ID, CALL_STATE

LIST: Dict[str, Any] = {"totalCount": 0, "pageInfo": {}, "messages": []}


@pytest.fixture
def elsewhere() -> Iterator[HTTPServer]:
    """A second loopback server: another origin (another port)."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    yield server
    server.clear()
    server.stop()


def paths(server: HTTPServer) -> List[str]:
    return [request.environ["RAW_URI"].partition("?")[0] for request, _ in server.log]


def all_operations() -> List[Operation[Any]]:
    found = []
    for module in pkgutil.iter_modules(bandwidth.api.__path__):
        if module.name.endswith("_api"):
            loaded = importlib.import_module(f"bandwidth.api.{module.name}")
            found.extend(v for v in vars(loaded).values() if isinstance(v, Operation))
    return found


def test_by_default_every_operation_goes_to_its_products_server_from_the_spec() -> None:
    config = Configuration()
    for operation in all_operations():
        assert config.operation_host(operation) == operation.servers.entries[0].url
    hosts = {op.servers.product: config.operation_host(op) for op in all_operations()}
    assert hosts["voice"] == "https://voice.bandwidth.com/api/v2"
    assert hosts["messaging"] == "https://messaging.bandwidth.com/api/v2"
    assert set(hosts) == set(PRODUCTS)


def test_without_a_host_each_product_reaches_its_own_server(
    httpserver: HTTPServer, elsewhere: HTTPServer
) -> None:
    httpserver.expect_request(f"/voice/v2/accounts/{ACCOUNT}/calls/{CALL_ID}").respond_with_json(
        CALL_STATE
    )
    elsewhere.expect_request(f"/msg/v2/users/{ACCOUNT}/messages").respond_with_json(LIST)
    elsewhere.expect_request(f"/msg/v2/users/{ACCOUNT}/media/a.jpg").respond_with_data(b"jpg")
    config = Configuration(
        username="user",
        password="pa55word",
        product_servers={
            "voice": httpserver.url_for("/voice/v2"),
            "messaging": [{"url": elsewhere.url_for("/msg/v2"), "description": "mock"}],
        },
    )
    with ApiClient(config) as client:
        assert CallsApi(client).get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
        MessagesApi(client).list_messages(ACCOUNT, message_status="DELIVERED")
        assert MediaApi(client).get_media(ACCOUNT, "a.jpg") == b"jpg"
    assert paths(httpserver) == [f"/voice/v2/accounts/{ACCOUNT}/calls/{CALL_ID}"]
    assert paths(elsewhere) == [
        f"/msg/v2/users/{ACCOUNT}/messages",
        f"/msg/v2/users/{ACCOUNT}/media/a.jpg",
    ]
    # each server got the credentials of the request made for it, and only that one
    for server in (httpserver, elsewhere):
        assert all(r.headers["Authorization"].startswith("Basic ") for r, _ in server.log)


def test_an_explicit_host_serves_every_product(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"/mock/accounts/{ACCOUNT}/calls/{CALL_ID}").respond_with_json(
        CALL_STATE
    )
    httpserver.expect_request(f"/mock/users/{ACCOUNT}/messages").respond_with_json(LIST)
    config = Configuration(
        host=httpserver.url_for("/mock"),
        username="u",
        password="p",
        product_servers={"messaging": "https://messaging.invalid/api/v2"},  # host wins
    )
    with ApiClient(config) as client:
        CallsApi(client).get_call_state(ACCOUNT, CALL_ID)
        MessagesApi(client).list_messages(ACCOUNT, message_id="m-1")
    assert paths(httpserver) == [
        f"/mock/accounts/{ACCOUNT}/calls/{CALL_ID}",
        f"/mock/users/{ACCOUNT}/messages",
    ]


def test_setting_host_later_moves_every_product_there(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"/later/users/{ACCOUNT}/messages").respond_with_json(LIST)
    config = Configuration(username="u", password="p", server_index=0)
    config.host = httpserver.url_for("/later")
    assert config.server_index is None and config.host == httpserver.url_for("/later")
    with ApiClient(config) as client:
        MessagesApi(client).list_messages(ACCOUNT, message_id="m-1")
    assert paths(httpserver) == [f"/later/users/{ACCOUNT}/messages"]


def two_messaging_servers(server: HTTPServer) -> List[Dict[str, Any]]:
    return [
        {"url": server.url_for("/first"), "description": "first"},
        {"url": server.url_for("/second"), "description": "second"},
    ]


def test_host_index_and_server_operation_index_pick_the_server(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"/first/users/{ACCOUNT}/messages").respond_with_json(LIST)
    httpserver.expect_request(f"/second/users/{ACCOUNT}/messages").respond_with_json(LIST)
    config = Configuration(
        username="u",
        password="p",
        product_servers={"messaging": two_messaging_servers(httpserver)},
        server_operation_index={"listMessages": 1},  # the spec's operationId
    )
    with ApiClient(config) as client:
        api = MessagesApi(client)
        api.list_messages(ACCOUNT, message_id="m-1")  # server_operation_index: the second
        config.server_operation_index = {"list_messages": 0}  # the SDK's name works too
        api.list_messages(ACCOUNT, message_id="m-1")
        api.list_messages(ACCOUNT, message_id="m-1", _host_index=1)  # the call's own wins
    assert paths(httpserver) == [
        f"/second/users/{ACCOUNT}/messages",
        f"/first/users/{ACCOUNT}/messages",
        f"/second/users/{ACCOUNT}/messages",
    ]


@pytest.mark.parametrize("host", [None, "explicit"])
def test_an_index_that_selects_no_server_is_refused_before_the_wire(
    httpserver: HTTPServer, host: Any
) -> None:
    config = Configuration(
        host=httpserver.url_for("/api/v2") if host else None,
        username="u",
        password="p",
        product_servers={"voice": httpserver.url_for("/api/v2")},
    )
    with ApiClient(config) as client:
        with pytest.raises(ApiValueError, match=r"_host_index=1 selects no server"):
            CallsApi(client).get_call_state(ACCOUNT, CALL_ID, _host_index=1)
        with pytest.raises(ApiValueError, match="_host_index"):
            CallsApi(client).get_call_state(ACCOUNT, CALL_ID, _host_index=-1)
        config.server_operation_index = {"getCallState": 3}
        with pytest.raises(ApiValueError, match=r"server_operation_index\['getCallState'\]"):
            CallsApi(client).get_call_state(ACCOUNT, CALL_ID)
    assert httpserver.log == []


def test_server_operation_variables_fill_in_a_templated_server(httpserver: HTTPServer) -> None:
    httpserver.expect_request(f"/eu/v2/users/{ACCOUNT}/messages").respond_with_json(LIST)
    httpserver.expect_request(f"/us/v2/users/{ACCOUNT}/messages").respond_with_json(LIST)
    template = {
        "url": httpserver.url_for("/{region}/v2"),
        "description": "regional",
        "variables": {
            "region": {"description": "", "default_value": "us", "enum_values": ["us", "eu"]}
        },
    }
    config = Configuration(
        username="u",
        password="p",
        product_servers={"messaging": [template]},
        server_operation_variables={"list_messages": {"region": "eu"}},
    )
    with ApiClient(config) as client:
        api = MessagesApi(client)
        api.list_messages(ACCOUNT, message_id="m-1")
        config.server_operation_variables = {}
        api.list_messages(ACCOUNT, message_id="m-1")  # the default
        config.server_variables = {"region": "mars"}
        with pytest.raises(ApiValueError, match="region"):
            api.list_messages(ACCOUNT, message_id="m-1")
    assert paths(httpserver) == [
        f"/eu/v2/users/{ACCOUNT}/messages",
        f"/us/v2/users/{ACCOUNT}/messages",
    ]


def test_a_next_page_link_to_another_products_server_is_not_followed(
    httpserver: HTTPServer, elsewhere: HTTPServer
) -> None:
    """Both servers are configured, but a page is followed only on its own request's origin."""
    other = elsewhere.url_for(f"/voice/v2/accounts/{ACCOUNT}/calls?pageToken=x")
    httpserver.expect_request(f"/voice/v2/accounts/{ACCOUNT}/calls").respond_with_json(
        [CALL_STATE], headers={"Link": f'<{other}>; rel="next"'}
    )
    config = Configuration(
        username="u",
        password="p",
        product_servers={
            "voice": httpserver.url_for("/voice/v2"),
            "messaging": elsewhere.url_for("/voice/v2"),
        },
    )
    with ApiClient(config) as client:
        calls = CallsApi(client).iter_calls(ACCOUNT)
        assert next(calls).call_id == CALL_ID
        with pytest.raises(InvalidResponseException, match="off the configured host"):
            next(calls)
    assert elsewhere.log == []


def test_ignore_operation_servers_sends_everything_to_host() -> None:
    config = Configuration(ignore_operation_servers=True)
    for operation in all_operations():
        assert config.operation_host(operation) == "https://voice.bandwidth.com/api/v2"


def test_get_host_settings_and_get_host_from_settings_answer_as_generated() -> None:
    config = Configuration()
    assert config.get_host_settings() == [
        {"url": "https://voice.bandwidth.com/api/v2", "description": "Production"}
    ]
    assert config.get_host_settings() is not config.get_host_settings()  # a fresh list
    assert config.get_host_from_settings(None) == config.host
    assert config.get_host_from_settings(0) == "https://voice.bandwidth.com/api/v2"
    with pytest.raises(ValueError, match="index=1 selects no server"):
        config.get_host_from_settings(1)
    servers = [
        {
            "url": "https://{region}.example/{version}",
            "description": "templated",
            "variables": {
                "region": {"description": "", "default_value": "us", "enum_values": ["us", "eu"]},
                "version": {"description": "", "default_value": "v2"},
            },
        }
    ]
    assert config.get_host_from_settings(0, servers=servers) == "https://us.example/v2"
    assert (
        config.get_host_from_settings(0, {"region": "eu", "version": "v3"}, servers)
        == "https://eu.example/v3"
    )
    with pytest.raises(ValueError, match="region"):
        config.get_host_from_settings(0, {"region": "mars"}, servers)
    with pytest.raises(ApiValueError, match="server_index"):
        Configuration(server_index=1)


@pytest.mark.parametrize(
    ("servers", "says"),
    [
        ({"fax": "https://x.example"}, "unknown product"),
        ({"messaging": "ftp://x.example"}, "product_servers"),
        ({"messaging": "http://user@x.example/api"}, "userinfo"),
        ({"messaging": []}, "product_servers"),
        ({"messaging": [{"description": "no url"}]}, "url"),
    ],
)
def test_bad_product_servers_are_refused(servers: Dict[str, Any], says: str) -> None:
    with pytest.raises((ApiValueError, TypeError), match=says):
        Configuration(product_servers=servers)


def test_one_oauth_token_serves_every_product_and_the_secret_only_the_token_url(
    httpserver: HTTPServer, elsewhere: HTTPServer
) -> None:
    from tests.sdk.test_oauth import TOKEN_PATH, TokenEndpoint

    tokens = TokenEndpoint()
    httpserver.expect_request(TOKEN_PATH, method="POST").respond_with_handler(tokens)
    httpserver.expect_request(f"/voice/v2/accounts/{ACCOUNT}/calls/{CALL_ID}").respond_with_json(
        CALL_STATE
    )
    elsewhere.expect_request(f"/msg/v2/users/{ACCOUNT}/messages").respond_with_json(LIST)
    config = Configuration(
        client_id="my-client",
        client_secret="s3cr3t",
        access_token_url=httpserver.url_for(TOKEN_PATH),
        product_servers={
            "voice": httpserver.url_for("/voice/v2"),
            "messaging": elsewhere.url_for("/msg/v2"),
        },
    )
    with ApiClient(config) as client:
        CallsApi(client).get_call_state(ACCOUNT, CALL_ID)
        MessagesApi(client).list_messages(ACCOUNT, message_id="m-1")
    assert len(tokens.requests) == 1
    api_requests = [r for r, _ in httpserver.log if r.path != TOKEN_PATH] + [
        r for r, _ in elsewhere.log
    ]
    assert [r.headers["Authorization"] for r in api_requests] == ["Bearer token-1"] * 2
    assert all("s3cr3t" not in str(r.headers) for r in api_requests)

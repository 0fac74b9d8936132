"""How requests reach the wire: straight to the configured host's pool, or via the manager/proxy."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator, List, Tuple

import pytest

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth.rest import RESTClientObject
from tests.support.wire import ACCOUNT, CALL_STATE, Wire

CALL_ID = CALL_STATE["callId"]


def forbid_manager(client: ApiClient, monkeypatch: pytest.MonkeyPatch) -> List[str]:
    """Make the pool manager's own routing record its URLs (it still sends them)."""
    seen: List[str] = []
    manager = client.rest_client.pool_manager
    original = manager.urlopen

    def recording(method: str, url: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(url)
        return original(method, url, *args, **kwargs)

    monkeypatch.setattr(manager, "urlopen", recording)
    return seen


def test_calls_to_the_configured_host_skip_the_managers_routing(
    wire: Wire, configuration: Configuration, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire.answer(200, json=CALL_STATE)
    with ApiClient(configuration) as client:
        routed = forbid_manager(client, monkeypatch)
        api = CallsApi(client)
        for _ in range(3):
            assert api.get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
        wire.server.clear_all_handlers()
        wire.answer(200, json=[CALL_STATE])
        assert len(api.list_calls(ACCOUNT, to="+19195551234", page_size=5)) == 1
    assert routed == []
    targets = [Wire.raw_target(request) for request in wire.requests]
    assert targets[0] == f"/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID}"
    assert targets[3] == f"/api/v2/accounts/{ACCOUNT}/calls?to=%2B19195551234&pageSize=5"
    assert all(request.headers["Authorization"].startswith("Basic ") for request in wire.requests)


def test_the_host_is_matched_as_written_and_a_closed_pool_is_replaced(wire: Wire) -> None:
    wire.answer(200, json=CALL_STATE)
    host = wire.url.replace("http://", "HTTP://")
    config = Configuration(host=host, username="user", password="pa55word")
    with ApiClient(config) as client:
        api = CallsApi(client)
        assert api.get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
        client.rest_client.clear()  # closes the remembered pool
        assert api.get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
    assert len(wire.requests) == 2


@pytest.mark.parametrize(
    "url",
    [
        "http://other.example/api/v2/x",  # another host
        "http://127.0.0.1:1/api/v2/./x",  # a dot segment the manager would remove
        "http://127.0.0.1:1/api/v2/x#frag",  # a fragment the manager would strip
        "http://127.0.0.1:1/api/v2/a b",  # a character the manager would encode
        "http://127.0.0.1:1/api/v2/x?to=%2b1",  # an escape the manager would upper-case
        "http://127.0.0.1:1/api/v2/x?to=%2",  # a broken escape the manager would encode
        "http://127.0.0.1:10/api/v2/x",  # same digits, another port
    ],
)
def test_anything_else_is_left_to_the_manager(url: str) -> None:
    config = Configuration(host="http://127.0.0.1:1/api/v2", username="u", password="p")
    rest = RESTClientObject(config)
    pool, target = rest._route("http://127.0.0.1:1/api/v2/accounts/1/calls?pageSize=5")
    assert pool is not rest.pool_manager and target == "/api/v2/accounts/1/calls?pageSize=5"
    assert rest._route(url) == (rest.pool_manager, url)


# -- a forward proxy --------------------------------------------------------------


class _Proxy(BaseHTTPRequestHandler):
    seen: List[Tuple[str, str, str, str]] = []

    def do_GET(self) -> None:
        self.seen.append(
            (
                self.requestline,
                self.headers.get("Host", ""),
                self.headers.get("Authorization", ""),
                self.headers.get("Proxy-Authorization", ""),
            )
        )
        body = json.dumps(CALL_STATE).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def proxy() -> Iterator[str]:
    _Proxy.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Proxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_configured_proxy_receives_every_request_in_absolute_form(proxy: str) -> None:
    config = Configuration(host="http://voice.example.invalid/api/v2", username="u", password="p")
    config.proxy = proxy
    config.proxy_headers = {"Proxy-Authorization": "Basic cHJveHk6c2VjcmV0"}
    with ApiClient(config) as client:
        assert CallsApi(client).get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
    [(line, host, authorization, proxy_authorization)] = _Proxy.seen
    assert line == (
        f"GET http://voice.example.invalid/api/v2/accounts/{ACCOUNT}/calls/{CALL_ID} HTTP/1.1"
    )
    assert host == "voice.example.invalid"
    assert authorization.startswith("Basic ")
    assert proxy_authorization == "Basic cHJveHk6c2VjcmV0"

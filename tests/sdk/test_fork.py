"""A client built before fork(): no process ever reads another process's answers.

A keep-alive loopback server (HTTP and TLS) answers each ``get_call_state``
with the call id it was asked for; the parent warms a client (one pooled
connection), forks, and every process checks each answer against its request.

The server is this module's own rather than the simulator: the simulator
serves plain HTTP only, and TLS is the case that matters most here; and the
OAuth test needs a token request held open until the test releases it.
"""

from __future__ import annotations

import json
import os
import select
import signal
import ssl
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterator, List, Optional

import pytest
import trustme

from bandwidth import ApiClient, CallsApi, Configuration
from tests.support.wire import ACCOUNT, CALL_STATE

IDS = [f"c-{number:02d}" for number in range(8)]
CALLS_PER_PROCESS = 200
CHILDREN = 4
STATE_PREFIX = f"/api/v2/accounts/{ACCOUNT}/calls/"


class KeepAliveServer(ThreadingHTTPServer):
    """HTTP/1.1 keep-alive; answers a call's state with the id asked for; counts connections."""

    daemon_threads = True

    def __init__(self, tls: Optional[ssl.SSLContext] = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.tls = tls
        self.connections = 0
        self.token_gate = threading.Event()  # the first token request waits for it
        self.token_requested = threading.Event()
        self.token_requests = 0
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def get_request(self) -> Any:
        sock, address = super().get_request()
        with self.lock:
            self.connections += 1
        if self.tls is not None:
            sock = self.tls.wrap_socket(sock, server_side=True)
        return sock, address

    @property
    def url(self) -> str:
        scheme = "https" if self.tls is not None else "http"
        host = "localhost" if self.tls is not None else "127.0.0.1"
        return f"{scheme}://{host}:{self.server_address[1]}/api/v2"

    def stop(self) -> None:
        self.token_gate.set()
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # head and body are two writes: no 40 ms delayed-ACK stall
    server: KeepAliveServer

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, status: int, document: Dict[str, Any]) -> None:
        body = json.dumps(document).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.startswith(STATE_PREFIX):
            self._send(200, {**CALL_STATE, "callId": self.path[len(STATE_PREFIX) :]})
        else:
            self._send(404, {"type": "not-found"})

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with self.server.lock:
            self.server.token_requests += 1
            first = self.server.token_requests == 1
        self.server.token_requested.set()
        if first:  # holds the parent's token fetch (and its lock) in flight
            self.server.token_gate.wait(30)
        self._send(200, {"access_token": f"tok-{os.getpid()}", "token_type": "Bearer"})


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(params=["http", "tls"])
def server(request: pytest.FixtureRequest, ca: trustme.CA) -> Iterator[KeepAliveServer]:
    tls = None
    if request.param == "tls":
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("localhost").configure_cert(tls)
    keep_alive = KeepAliveServer(tls)
    yield keep_alive
    keep_alive.stop()


def configuration(server: KeepAliveServer, ca: trustme.CA, **settings: Any) -> Configuration:
    config = Configuration(host=server.url, retries=0, timeout=(5, 5), deadline=20, **settings)
    if server.tls is not None:
        config.ca_cert_data = ca.cert_pem.bytes().decode()
    return config


def mismatches(api: CallsApi, seed: int) -> Dict[str, Any]:
    """Call get_call_state CALLS_PER_PROCESS times; count answers for another call, and errors."""
    wrong = 0
    errors: List[str] = []
    for number in range(CALLS_PER_PROCESS):
        call_id = IDS[(number + seed) % len(IDS)]
        try:
            if api.get_call_state(ACCOUNT, call_id).call_id != call_id:
                wrong += 1
        except Exception as exc:  # an error counts too: it must not happen either
            errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")
    return {"wrong": wrong, "errors": errors}


def in_child(work: Callable[[], Dict[str, Any]]) -> Child:
    """Fork; run ``work`` in the child and send its JSON result back through a pipe."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        code = 0
        try:
            os.close(read_end)
            result = work()
        except BaseException as exc:
            result = {"crash": repr(exc)}
            code = 1
        try:
            os.write(write_end, json.dumps(result).encode())
        finally:
            os._exit(code)
    os.close(write_end)
    return Child(pid, read_end)


class Child:
    def __init__(self, pid: int, pipe: int) -> None:
        self.pid = pid
        self.pipe = pipe

    def result(self, within: float = 60.0) -> Dict[str, Any]:
        """The child's result; a child that does not answer within ``within`` s is hung."""
        chunks = []
        give_up = time.monotonic() + within
        while True:
            left = give_up - time.monotonic()
            ready, _, _ = select.select([self.pipe], [], [], max(0.0, left))
            if not ready:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                os.close(self.pipe)
                return {"hung": True}
            chunk = os.read(self.pipe, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        os.close(self.pipe)
        os.waitpid(self.pid, 0)
        return dict(json.loads(b"".join(chunks)))


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_forked_processes_never_read_each_others_answers(
    server: KeepAliveServer, ca: trustme.CA
) -> None:
    api = CallsApi(ApiClient(configuration(server, ca, username="user", password="pa55word")))
    assert api.get_call_state(ACCOUNT, IDS[0]).call_id == IDS[0]  # one pooled connection now
    assert server.connections == 1
    children = [in_child(lambda seed=seed: mismatches(api, seed)) for seed in range(CHILDREN)]
    mine = mismatches(api, 7)  # the parent keeps calling meanwhile, on its own connection
    results = [child.result() for child in children]
    assert results == [{"wrong": 0, "errors": []}] * CHILDREN
    assert mine == {"wrong": 0, "errors": []}
    # Each child opened its own connection; the parent's was never disturbed (no reconnect).
    assert server.connections == 1 + CHILDREN
    assert api.get_call_state(ACCOUNT, IDS[3]).call_id == IDS[3]
    assert server.connections == 1 + CHILDREN


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_child_closing_its_client_leaves_the_parents_connection_alone(
    server: KeepAliveServer, ca: trustme.CA
) -> None:
    client = ApiClient(configuration(server, ca, username="user", password="pa55word"))
    api = CallsApi(client)
    assert api.get_call_state(ACCOUNT, IDS[1]).call_id == IDS[1]

    def close_in_child() -> Dict[str, Any]:
        result = mismatches(api, 1)
        client.close()  # closes only the child's own connections
        return result

    assert in_child(close_in_child).result() == {"wrong": 0, "errors": []}
    assert api.get_call_state(ACCOUNT, IDS[2]).call_id == IDS[2]
    assert server.connections == 2  # the parent's first connection is still the one it uses


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_fork_during_an_oauth_refresh_does_not_deadlock_the_child(
    server: KeepAliveServer, ca: trustme.CA
) -> None:
    config = configuration(
        server,
        ca,
        client_id="cid",
        client_secret="csecret",
        access_token_url=server.url.replace("/api/v2", "/token"),
    )
    api = CallsApi(ApiClient(config))
    parent_done: List[Any] = []
    fetching = threading.Thread(
        target=lambda: parent_done.append(api.get_call_state(ACCOUNT, IDS[4]).call_id)
    )
    fetching.start()  # its token request is held by the server: the OAuth lock is taken
    try:
        assert server.token_requested.wait(30)
        child = in_child(lambda: {"call": api.get_call_state(ACCOUNT, IDS[5]).call_id})
        assert child.result(within=30) == {"call": IDS[5]}  # not hung on the parent's lock
    finally:
        server.token_gate.set()
        fetching.join(30)
    assert parent_done == [IDS[4]]
    assert server.token_requests == 2  # the child fetched its own token

"""A server that lies about sizes, echoes secrets or sends absurd values; a caller who
passes impossible timeouts or text: every case ends in a typed SDK error.

Each case was reproduced on loopback first (a bare ``MemoryError``,
``OverflowError``, ``ValueError`` or ``UnicodeEncodeError`` from deep inside
the standard library, or a secret or 30 MB echoed into an exception).
"""

from __future__ import annotations

import contextlib
import json
import math
import socket
import threading
from pathlib import Path
from typing import Any, Callable, Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi, Configuration, CreateCall, RecordingsApi
from bandwidth.exceptions import ApiException, ApiValueError, InvalidResponseException

ACCOUNT = "9900000"
SECRET = "s3cret-Pa55word"


class CannedServer:
    """Loopback HTTP: every request gets ``self.reply`` (raw bytes), then the socket closes."""

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.origin = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self.reply = b""
        self.requests: List[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            with conn, contextlib.suppress(OSError):
                conn.settimeout(5)
                data = b""
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                while len(body) < length:  # read the whole request: closing on unread
                    chunk = conn.recv(65536)  # bytes would reset the connection
                    if not chunk:
                        break
                    body += chunk
                self.requests.append(data)
                conn.sendall(self.reply)
                conn.shutdown(socket.SHUT_WR)

    def close(self) -> None:
        self._sock.close()


@pytest.fixture
def server() -> Iterator[CannedServer]:
    canned = CannedServer()
    yield canned
    canned.close()


def _client(server: CannedServer, **options: Any) -> ApiClient:
    options.setdefault("username", "user")
    options.setdefault("password", SECRET)
    return ApiClient(Configuration(host=f"{server.origin}/api/v2", retries=0, **options))


HUGE_LENGTH = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    b"Content-Length: 4611686018427387904\r\n\r\n{}"
)
HUGE_CHUNK = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    b"Transfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n{}"
)


def _state(client: ApiClient, _: Path) -> Any:
    return CallsApi(client).get_call_state(ACCOUNT, "c-1")


def _media_bytes(client: ApiClient, _: Path) -> Any:
    return RecordingsApi(client).download_call_recording(ACCOUNT, "c-1", "r-1")


def _media_to(client: ApiClient, folder: Path) -> Any:
    return RecordingsApi(client).download_call_recording_to(
        ACCOUNT, "c-1", "r-1", folder / "out.wav"
    )


def _oauth(client: ApiClient, _: Path) -> Any:
    return CallsApi(client).get_call_state(ACCOUNT, "c-1")


CALLS: List[Callable[[ApiClient, Path], Any]] = [_state, _media_bytes, _media_to]


@pytest.mark.parametrize("reply", [HUGE_LENGTH, HUGE_CHUNK], ids=["content-length", "chunk"])
@pytest.mark.parametrize("call", CALLS, ids=lambda c: c.__name__.strip("_"))
def test_an_impossible_declared_size_is_a_typed_error(
    server: CannedServer, tmp_path: Path, reply: bytes, call: Callable[[ApiClient, Path], Any]
) -> None:
    server.reply = reply
    with _client(server) as client, pytest.raises(ApiException):
        call(client, tmp_path)


@pytest.mark.parametrize("reply", [HUGE_LENGTH, HUGE_CHUNK], ids=["content-length", "chunk"])
def test_an_impossible_declared_size_from_the_token_endpoint_is_a_typed_error(
    server: CannedServer, tmp_path: Path, reply: bytes
) -> None:
    server.reply = reply
    options = {
        "username": None,
        "password": None,
        "client_id": "client",
        "client_secret": SECRET,
        "access_token_url": f"{server.origin}/oauth2/token",
    }
    with _client(server, **options) as client, pytest.raises(InvalidResponseException):
        _oauth(client, tmp_path)


def test_a_declared_size_over_the_limit_is_refused_before_reading(server: CannedServer) -> None:
    server.reply = HUGE_LENGTH
    expected = pytest.raises(InvalidResponseException, match="larger than max_response_bytes")
    with _client(server) as client, expected:
        CallsApi(client).get_call_state(ACCOUNT, "c-1")


@pytest.mark.parametrize("length", ["\u00b2", "9" * 5000, "-1", "1e3"])
def test_a_content_length_that_is_not_a_length_does_not_break_a_download(
    server: CannedServer, tmp_path: Path, length: str
) -> None:
    head = f"HTTP/1.1 200 OK\r\nContent-Type: audio/wav\r\nContent-Length: {length}\r\n\r\n"
    server.reply = head.encode("utf-8") + b"RIFF"
    # refusing it is fine; a bare ValueError is not
    with _client(server) as client, contextlib.suppress(ApiException):
        _media_to(client, tmp_path)


def _token_reply(document: Any) -> bytes:
    body = json.dumps(document).encode()
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}"
    return head.encode() + b"\r\n\r\n" + body


@pytest.mark.parametrize(
    "document",
    [
        {"access_token": "tok", "token_type": "x" * 3_000_000},
        {"access_token": "tok", "expires_in": "9" * 1_000_000},
        {"access_token": "tok", "expires_in": [0] * 100_000},
    ],
    ids=["token_type", "expires_in-text", "expires_in-list"],
)
def test_token_endpoint_values_are_not_echoed_unbounded(
    server: CannedServer, tmp_path: Path, document: Any
) -> None:
    server.reply = _token_reply(document)
    options = {
        "username": None,
        "password": None,
        "client_id": "client",
        "client_secret": SECRET,
        "access_token_url": f"{server.origin}/oauth2/token",
    }
    with _client(server, **options) as client, pytest.raises(InvalidResponseException) as caught:
        _oauth(client, tmp_path)
    assert len(str(caught.value)) < 2000
    assert len(repr(caught.value)) < 2000


def test_non_finite_expires_in_is_refused(server: CannedServer, tmp_path: Path) -> None:
    body = b'{"access_token": "tok", "expires_in": NaN}'
    head = f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}"
    server.reply = head.encode() + b"\r\n\r\n" + body
    options = {
        "username": None,
        "password": None,
        "client_id": "client",
        "client_secret": SECRET,
        "access_token_url": f"{server.origin}/oauth2/token",
    }
    expected = pytest.raises(InvalidResponseException, match="expires_in")
    with _client(server, **options) as client, expected:
        _oauth(client, tmp_path)


def test_a_secret_echoed_as_a_header_name_is_redacted(server: CannedServer) -> None:
    body = b'{"type": "validation", "description": "no"}'
    server.reply = (
        b"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
        + SECRET.encode()
        + b": yes\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    with _client(server) as client, pytest.raises(ApiException) as caught:
        CallsApi(client).get_call_state(ACCOUNT, "c-1")
    error = caught.value
    shown = " ".join([str(error), repr(error), repr(dict(error.headers or {}))])
    assert SECRET not in shown


def test_a_unicode_escaped_secret_in_an_error_body_is_redacted(server: CannedServer) -> None:
    escaped = "".join(f"\\u{ord(c):04x}" for c in SECRET)
    body = (
        '{"type": "validation", "description": "no", "echo": "' + escaped + '", '
        '"nested": {"again": ["' + escaped + '"]}}'
    ).encode()
    server.reply = (
        b"HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    with _client(server) as client, pytest.raises(ApiException) as caught:
        CallsApi(client).get_call_state(ACCOUNT, "c-1")
    error = caught.value
    shown = " ".join([str(error), repr(error), str(error.body), repr(error.data)])
    if error.data is not None:
        shown += json.dumps(getattr(error.data, "model_extra", None) or {})
    assert SECRET not in shown
    assert "validation" in shown  # the rest of the answer is still there


@pytest.mark.parametrize(
    ("options", "call_options"),
    [
        ({"timeout": math.inf}, {}),
        ({"timeout": 1e308}, {}),
        ({"deadline": math.inf}, {}),
        ({}, {"_request_timeout": math.inf}),
        ({}, {"_request_timeout": 1e308}),
        ({}, {"_request_timeout": (1, math.inf)}),
    ],
)
def test_infinite_timeouts_are_refused_before_sending(
    server: CannedServer, options: Any, call_options: Any
) -> None:
    with pytest.raises(ApiValueError, match="finite"), _client(server, **options) as client:
        CallsApi(client).get_call_state(ACCOUNT, "c-1", **call_options)
    assert server.requests == []


@pytest.mark.parametrize(
    "call",
    [
        lambda api: api.get_call_state(ACCOUNT, "\ud800"),
        lambda api: api.get_call_state("\ud800x", "c-1"),
        lambda api: api.list_calls(ACCOUNT, var_from="+1\ud800"),
        lambda api: api.create_call(
            ACCOUNT,
            CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="app\udfff",
                answer_url="https://myapp.example/answer",
            ),
        ),
    ],
    ids=["path", "account", "query", "body"],
)
def test_lone_surrogates_are_refused_before_sending(
    server: CannedServer, call: Callable[[CallsApi], Any]
) -> None:
    with _client(server) as client, pytest.raises(ApiValueError, match="surrogate"):
        call(CallsApi(client))
    assert server.requests == []

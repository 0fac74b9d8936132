"""Recording media: bytes by default, or streamed to a file in chunks within limits of its own."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import threading
import tracemalloc
from pathlib import Path
from typing import Callable, Iterator, List, Optional

import pytest

from bandwidth import (
    ApiClient,
    ApiConnectionError,
    ApiResponse,
    ApiTimeoutError,
    ApiTypeError,
    ApiValueError,
    ConferencesApi,
    Configuration,
    InvalidResponseException,
    NotFoundException,
    RecordingsApi,
    RetryPolicy,
    ServiceException,
)
from tests.support.wire import ACCOUNT, Wire

CALL = "c-1"
REC = "r-1"
MEDIA = bytes(range(256)) * 4096  # 1 MiB


class MediaServer:
    """Loopback HTTP/1.1: answers each request with a head and a body made by ``body(n)``.

    The body is generated a block at a time from one reused buffer, so the
    server itself allocates almost nothing (for the memory test).
    """

    def __init__(self) -> None:
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}/api/v2"
        self.requests: List[bytes] = []
        self.head = b""
        self.blocks: Callable[[], Iterator[bytes]] = lambda: iter(())
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def answer(self, head: bytes, blocks: Callable[[], Iterator[bytes]]) -> None:
        self.head, self.blocks = head, blocks

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            conn.settimeout(10)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            self.requests.append(data.split(b"\r\n\r\n")[0])
            conn.sendall(self.head)
            for block in self.blocks():
                conn.sendall(block)

    def close(self) -> None:
        self._sock.close()


def repeat(block: bytes, times: int) -> Callable[[], Iterator[bytes]]:
    return lambda: (block for _ in range(times))


def head(status: int = 200, length: Optional[int] = None, **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status} X", "Content-Type: audio/vnd.wave", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


@pytest.fixture
def media() -> Iterator[MediaServer]:
    server = MediaServer()
    yield server
    server.close()


def recordings(url: str, **settings: object) -> RecordingsApi:
    configuration = Configuration(host=url, username="u", password="p", retries=0)
    for name, value in settings.items():
        setattr(configuration, name, value)
    return RecordingsApi(ApiClient(configuration))


def leftovers(directory: Path) -> List[str]:
    return sorted(path.name for path in directory.iterdir())


# -- bytes by default ------------------------------------------------------------------


def test_download_returns_bytes_and_with_http_info_the_media_type(wire: Wire) -> None:
    wire.answer(200, body=MEDIA, content_type="audio/mpeg")
    api = recordings(wire.url)
    assert api.download_call_recording(ACCOUNT, CALL, REC) == MEDIA
    info = api.download_call_recording_with_http_info(ACCOUNT, CALL, REC)
    assert info.data == MEDIA == info.raw_data and info.headers["Content-Type"] == "audio/mpeg"
    assert wire.last.headers["Accept"] == "audio/vnd.wave, audio/mpeg, application/json"


def test_an_empty_recording_is_empty_bytes(wire: Wire) -> None:
    wire.answer(200, body=b"", content_type="audio/vnd.wave")
    assert recordings(wire.url).download_call_recording(ACCOUNT, CALL, REC) == b""


def test_bytes_are_bounded_by_max_response_bytes(wire: Wire) -> None:
    wire.answer(200, body=MEDIA * 2, content_type="audio/vnd.wave")
    api = recordings(wire.url, max_response_bytes=len(MEDIA))
    with pytest.raises(InvalidResponseException, match="max_response_bytes"):
        api.download_call_recording(ACCOUNT, CALL, REC)


# -- streamed to a file -----------------------------------------------------------------


def test_to_a_path_larger_than_max_response_bytes(media: MediaServer, tmp_path: Path) -> None:
    media.answer(head(length=8 * len(MEDIA)), repeat(MEDIA, 8))
    api = recordings(media.url, max_response_bytes=len(MEDIA))  # the limit of preloaded answers
    target = tmp_path / "call.wav"
    info = api.download_call_recording_to(ACCOUNT, CALL, REC, target)
    assert isinstance(info, ApiResponse)
    assert info.data == 8 * len(MEDIA) == target.stat().st_size
    assert info.status_code == 200 and info.headers["Content-Type"] == "audio/vnd.wave"
    assert target.read_bytes() == MEDIA * 8
    assert leftovers(tmp_path) == ["call.wav"]  # no temporary file left behind
    assert target.stat().st_mode & 0o777 == 0o600  # a recording is readable by its owner only
    target.chmod(0o640)
    api.download_call_recording_to(ACCOUNT, CALL, REC, target)
    assert target.stat().st_mode & 0o777 == 0o640  # a file replaced keeps its permissions
    request = media.requests[-1]
    assert request.startswith(f"GET /api/v2/accounts/{ACCOUNT}/calls/{CALL}/recordings/".encode())
    assert b"\r\nAccept: audio/vnd.wave, audio/mpeg, application/json" in request


def test_to_a_file_object_and_a_str_path(media: MediaServer, tmp_path: Path) -> None:
    media.answer(head(), repeat(MEDIA, 3))  # no Content-Length: the body ends at close
    api = recordings(media.url)
    sink = io.BytesIO()
    assert api.download_call_recording_to(ACCOUNT, CALL, REC, sink).data == 3 * len(MEDIA)
    assert sink.getvalue() == MEDIA * 3
    path = str(tmp_path / "by-str.wav")
    assert api.download_call_recording_to(ACCOUNT, CALL, REC, path).data == 3 * len(MEDIA)


def test_conference_recordings_too(media: MediaServer, tmp_path: Path) -> None:
    media.answer(head(length=len(MEDIA)), repeat(MEDIA, 1))
    configuration = Configuration(host=media.url, username="u", password="p")
    api = ConferencesApi(ApiClient(configuration))
    info = api.download_conference_recording_to(
        ACCOUNT, "conf-1", REC, tmp_path / "conf.wav", _headers={"X-Trace": "7"}
    )
    assert info.data == len(MEDIA)
    assert media.requests[-1].startswith(
        f"GET /api/v2/accounts/{ACCOUNT}/conferences/conf-1/recordings/{REC}/media ".encode()
    )
    assert b"\r\nX-Trace: 7" in media.requests[-1]


def test_a_declared_length_over_max_bytes_writes_nothing(
    media: MediaServer, tmp_path: Path
) -> None:
    media.answer(head(length=4 * len(MEDIA)), repeat(MEDIA, 4))
    target = tmp_path / "big.wav"
    with pytest.raises(InvalidResponseException, match="over max_bytes=1048576"):
        recordings(media.url).download_call_recording_to(
            ACCOUNT, CALL, REC, target, max_bytes=len(MEDIA)
        )
    assert leftovers(tmp_path) == []


def test_a_body_past_max_bytes_is_cut_and_removed(media: MediaServer, tmp_path: Path) -> None:
    media.answer(head(), repeat(MEDIA, 4))  # no length announced
    target = tmp_path / "big.wav"
    target.write_bytes(b"the previous recording")
    with pytest.raises(InvalidResponseException, match="larger than"):
        recordings(media.url).download_call_recording_to(
            ACCOUNT, CALL, REC, target, max_bytes=len(MEDIA) + 1
        )
    assert target.read_bytes() == b"the previous recording"  # untouched: written atomically
    assert leftovers(tmp_path) == ["big.wav"]


def test_a_dropped_connection_raises_and_leaves_no_file(media: MediaServer, tmp_path: Path) -> None:
    media.answer(head(length=4 * len(MEDIA)), repeat(MEDIA, 1))  # then closes: 3 MiB short
    with pytest.raises(ApiConnectionError) as caught:
        recordings(media.url).download_call_recording_to(ACCOUNT, CALL, REC, tmp_path / "x.wav")
    assert not isinstance(caught.value, ApiTimeoutError)
    assert leftovers(tmp_path) == []


def test_the_deadline_bounds_a_slow_download(media: MediaServer, tmp_path: Path) -> None:
    stop = threading.Event()

    def drip() -> Iterator[bytes]:
        while not stop.wait(0.05):
            yield b"x" * 100

    media.answer(head(length=10**6), drip)
    try:
        with pytest.raises(ApiTimeoutError, match="deadline"):
            recordings(media.url).download_call_recording_to(
                ACCOUNT, CALL, REC, tmp_path / "slow.wav", deadline=0.5
            )
    finally:
        stop.set()
    assert leftovers(tmp_path) == []


def test_an_error_status_raises_its_exception_and_writes_nothing(
    wire: Wire, tmp_path: Path
) -> None:
    wire.answer(404, json={"type": "not-found", "description": "no such recording"})
    with pytest.raises(NotFoundException) as caught:
        recordings(wire.url).download_call_recording_to(ACCOUNT, CALL, REC, tmp_path / "x.wav")
    assert caught.value.data is not None
    assert caught.value.data.description == "no such recording"
    assert leftovers(tmp_path) == []


def test_a_huge_error_body_is_not_read_whole(media: MediaServer, tmp_path: Path) -> None:
    media.answer(head(500), repeat(MEDIA, 64))  # 64 MiB of "error"
    api = recordings(media.url, max_response_bytes=1024)
    with pytest.raises(ServiceException) as caught:
        api.download_call_recording_to(ACCOUNT, CALL, REC, tmp_path / "x.wav")
    assert caught.value.status == 500 and len(caught.value.body or "") <= 1024
    assert leftovers(tmp_path) == []


def test_a_content_encoding_is_refused(media: MediaServer, tmp_path: Path) -> None:
    media.answer(head(length=len(MEDIA), Content_Encoding="gzip"), repeat(MEDIA, 1))
    with pytest.raises(InvalidResponseException, match="Content-Encoding"):
        recordings(media.url).download_call_recording_to(ACCOUNT, CALL, REC, tmp_path / "x.wav")
    assert leftovers(tmp_path) == []


def test_a_retryable_status_is_retried_before_any_byte_is_written(
    media: MediaServer, tmp_path: Path
) -> None:
    answers = [head(503, length=0), head(length=len(MEDIA))]
    blocks = [(), (MEDIA,)]
    media.answer(b"", lambda: iter(()))

    def handler() -> Iterator[bytes]:
        yield answers.pop(0)
        yield from blocks.pop(0)

    media.answer(b"", handler)
    waits: List[float] = []
    configuration = Configuration(
        host=media.url, username="u", password="p", retries=RetryPolicy(2, sleep=waits.append)
    )
    api = RecordingsApi(ApiClient(configuration))
    target = tmp_path / "x.wav"
    assert api.download_call_recording_to(ACCOUNT, CALL, REC, target).data == len(MEDIA)
    assert len(media.requests) == 2 and len(waits) == 1
    assert target.read_bytes() == MEDIA


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"destination": 42}, ApiTypeError, "destination"),
        ({"destination": ""}, ApiValueError, "destination"),
        ({"max_bytes": 0}, ApiValueError, "max_bytes"),
        ({"max_bytes": "1"}, ApiTypeError, "max_bytes"),
        ({"deadline": 0}, ApiValueError, "deadline"),
        ({"deadline": "1"}, ApiTypeError, "deadline"),
        ({"_host_index": 2}, ApiValueError, "_host_index"),
    ],
)
def test_bad_arguments_raise_before_anything_is_sent(
    media: MediaServer, tmp_path: Path, kwargs: dict, error: type, message: str
) -> None:
    media.answer(head(length=len(MEDIA)), repeat(MEDIA, 1))
    arguments = {"destination": tmp_path / "x.wav", **kwargs}
    with pytest.raises(error, match=message):
        recordings(media.url).download_call_recording_to(ACCOUNT, CALL, REC, **arguments)
    assert media.requests == []


def test_an_unwritable_destination_fails_before_sending(media: MediaServer, tmp_path: Path) -> None:
    api = recordings(media.url)
    with pytest.raises(FileNotFoundError):
        api.download_call_recording_to(ACCOUNT, CALL, REC, tmp_path / "missing" / "x.wav")
    with pytest.raises(IsADirectoryError):
        api.download_call_recording_to(ACCOUNT, CALL, REC, tmp_path)
    assert media.requests == [] and leftovers(tmp_path) == []


# -- memory stays flat -----------------------------------------------------------------


def test_memory_stays_flat_whatever_the_size(media: MediaServer) -> None:
    """32 MiB through the SDK with a peak of Python allocations far below it."""
    size = 32 * len(MEDIA)
    media.answer(head(length=size), repeat(MEDIA, 32))
    api = recordings(media.url, max_response_bytes=len(MEDIA))
    with open(os.devnull, "wb") as sink:
        api.download_call_recording_to(ACCOUNT, CALL, REC, sink)  # warm: imports, connection
        tracemalloc.start()
        try:
            info = api.download_call_recording_to(ACCOUNT, CALL, REC, sink)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert info.data == size
    # the server's blocks are shared references; the client holds one chunk at a time
    assert peak < 4 * 1024 * 1024, f"peak {peak / 2**20:.1f} MiB for a {size / 2**20:.0f} MiB body"


@pytest.mark.parametrize("announced", [True, False], ids=["content-length", "no-length"])
def test_media_of_exactly_max_bytes_is_saved(
    media: MediaServer, tmp_path: Path, announced: bool
) -> None:
    """``max_bytes`` limits the media, not the media plus the response's headers."""
    media.answer(head(length=len(MEDIA)) if announced else head(), repeat(MEDIA, 1))
    target = tmp_path / "exact.wav"
    recordings(media.url).download_call_recording_to(
        ACCOUNT, CALL, REC, target, max_bytes=len(MEDIA)
    )
    assert target.read_bytes() == MEDIA

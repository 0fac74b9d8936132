"""Hostile HTTP at the simulator, over a raw loopback socket: every case gets an answer.

Absurd or malformed ``Content-Length`` and chunk sizes, deep JSON, integers
written the way only Python accepts (``1_0``), and clients that stop
talking: each gets a 4xx and the connection is closed, never a dropped
connection with a traceback or a thread that waits forever.
"""

from __future__ import annotations

import json
import socket
from typing import Iterator, Optional, Tuple
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bandwidth.testing import VoiceSimulator
from tests.support.raw import BASIC, CALLS, NEW_CALL

#: the simulator refuses request bodies larger than this (see docs/simulator.md)
MAX_BODY = 1024 * 1024


@pytest.fixture(scope="module")
def shared() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(idle_timeout=5, deliver_webhooks=False) as simulator:
        yield simulator


def exchange(sim: VoiceSimulator, payload: bytes, *, half_close: bool = True) -> bytes:
    """Send ``payload``, say "no more" (unless told not to) and read until the server closes.

    The socket timeout only guards the test: a server that never answers
    makes ``recv`` raise instead of hanging the suite.
    """
    with socket.create_connection((sim.host, sim.port), timeout=20) as conn:
        try:
            conn.sendall(payload)
            if half_close:
                conn.shutdown(socket.SHUT_WR)
        except OSError:  # the server answered and closed before it had it all
            pass
        data = b""
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return data
            data += chunk


def status_of(data: bytes) -> int:
    assert data.startswith(b"HTTP/1.1 "), data[:200]
    return int(data[9:12])


def expect_error(data: bytes) -> Tuple[int, str]:
    """The status and description of a raw answer, asserted to be a JSON ``voiceApiError``."""
    head, _, body = data.partition(b"\r\n\r\n")
    assert b"\r\nContent-Type: application/json\r\n" in head + b"\r\n", head
    return status_of(data), str(json.loads(body)["description"])


def post_head(length: Optional[str] = None, chunked: bool = False, extra: str = "") -> bytes:
    lines = [
        f"POST {CALLS} HTTP/1.1",
        "Host: sim",
        f"Authorization: {BASIC}",
        "Content-Type: application/json",
    ]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    if chunked:
        lines.append("Transfer-Encoding: chunked")
    if extra:
        lines.append(extra)
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


BODY = json.dumps(NEW_CALL).encode()


# -- Content-Length ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "length", [str(10**30), str(2**63), str(2**64 + 1), str(MAX_BODY + 1), "9" * 400]
)
def test_an_absurd_content_length_is_413_without_reading(
    shared: VoiceSimulator, length: str
) -> None:
    # Nothing of the body is sent, and the write side stays open: the answer
    # must come from the head alone (before, the server tried to read it all).
    data = exchange(shared, post_head(length), half_close=False)
    status, description = expect_error(data)
    assert status == 413
    assert description == f"The request body is larger than {MAX_BODY} bytes."
    assert b"\r\nConnection: close\r\n" in data


@pytest.mark.parametrize("length", ["1_0", "+10", "-1", "0x10", "1e2", "10, 10", "²", "ten", ""])
def test_a_malformed_content_length_is_400(shared: VoiceSimulator, length: str) -> None:
    data = exchange(shared, post_head(length) + b"0123456789", half_close=False)
    status, description = expect_error(data)
    assert status == 400
    assert description == "Invalid Content-Length: must be a decimal number of bytes."
    assert b"\r\nConnection: close\r\n" in data


def test_a_body_shorter_than_its_length_is_400(shared: VoiceSimulator) -> None:
    data = exchange(shared, post_head("100") + b"{}")
    assert expect_error(data) == (400, "Incomplete request body: the connection ended early.")


def test_expect_continue_with_an_oversized_length_gets_413_and_no_continue(
    shared: VoiceSimulator,
) -> None:
    data = exchange(shared, post_head(str(MAX_BODY * 4), extra="Expect: 100-continue"))
    assert status_of(data) == 413
    assert b"100 Continue" not in data


# -- chunked bodies ---------------------------------------------------------------------


def chunked(*chunks: bytes) -> bytes:
    return b"".join(chunks)


@pytest.mark.parametrize(
    ("size_line", "description"),
    [
        (b"1_0", "Invalid chunk size: must be hexadecimal."),
        (b"-5", "Invalid chunk size: must be hexadecimal."),
        (b"0x10", "Invalid chunk size: must be hexadecimal."),
        (b"+a", "Invalid chunk size: must be hexadecimal."),
        (b"", "Invalid chunk size: must be hexadecimal."),
        (b"zz", "Invalid chunk size: must be hexadecimal."),
    ],
)
def test_a_malformed_chunk_size_is_400(
    shared: VoiceSimulator, size_line: bytes, description: str
) -> None:
    payload = post_head(chunked=True) + size_line + b"\r\n" + BODY + b"\r\n0\r\n\r\n"
    data = exchange(shared, payload, half_close=False)
    assert expect_error(data) == (400, description)
    assert b"\r\nConnection: close\r\n" in data


@pytest.mark.parametrize("size", [b"F" * 40, b"7FFFFFFFFFFFFFFF", b"%x" % (MAX_BODY + 1)])
def test_an_absurd_chunk_size_is_413(shared: VoiceSimulator, size: bytes) -> None:
    data = exchange(shared, post_head(chunked=True) + size + b"\r\nabc", half_close=False)
    assert expect_error(data) == (413, f"The request body is larger than {MAX_BODY} bytes.")


def test_chunks_adding_up_past_the_limit_are_413(shared: VoiceSimulator) -> None:
    piece = b"x" * (256 * 1024)
    chunk = b"%x\r\n%s\r\n" % (len(piece), piece)
    data = exchange(shared, post_head(chunked=True) + chunk * 5 + b"0\r\n\r\n")
    assert expect_error(data) == (413, f"The request body is larger than {MAX_BODY} bytes.")


def test_a_chunk_without_its_line_end_is_400(shared: VoiceSimulator) -> None:
    payload = post_head(chunked=True) + b"2\r\n{}XX0\r\n\r\n"
    data = exchange(shared, payload, half_close=False)
    assert expect_error(data) == (400, "Invalid chunk: its data must end with CRLF.")


def test_a_truncated_chunked_body_is_400(shared: VoiceSimulator) -> None:
    data = exchange(shared, post_head(chunked=True) + b"40\r\n{}")
    assert expect_error(data) == (400, "Incomplete request body: the connection ended early.")


def test_chunk_extensions_and_trailers_are_fine(shared: VoiceSimulator) -> None:
    payload = post_head(
        chunked=True, extra="Connection: close"
    ) + b"%x;name=value\r\n%s\r\n0\r\nX-Trailer: 1\r\n\r\n" % (len(BODY), BODY)
    assert status_of(exchange(shared, payload)) == 201


def test_an_unknown_transfer_coding_is_501(shared: VoiceSimulator) -> None:
    payload = post_head(extra="Transfer-Encoding: gzip, chunked") + b"0\r\n\r\n"
    data = exchange(shared, payload, half_close=False)
    assert expect_error(data) == (501, "Transfer-Encoding gzip, chunked is not supported.")


# -- JSON and query values ------------------------------------------------------------------


@pytest.mark.parametrize("depth", [40, 1000, 100_000])
def test_deeply_nested_json_is_400(shared: VoiceSimulator, depth: int) -> None:
    body = b'{"to": ' + b"[" * depth + b"]" * depth + b"}"
    data = exchange(shared, post_head(str(len(body)), extra="Connection: close") + body)
    assert expect_error(data) == (400, "Malformed JSON in the request body: nested too deeply.")


def test_json_nesting_a_real_request_uses_is_fine(shared: VoiceSimulator) -> None:
    body = json.dumps({**NEW_CALL, "machineDetection": {"mode": "async"}}).encode()
    data = exchange(shared, post_head(str(len(body)), extra="Connection: close") + body)
    assert status_of(data) == 201


@pytest.mark.parametrize("value", ["1_0", "+10", " 10", "10 ", "0x10", "\u0661\u0660", "1e1"])
def test_page_size_is_a_plain_decimal(shared: VoiceSimulator, value: str) -> None:

    request = (
        f"GET {CALLS}?pageSize={quote(value)} HTTP/1.1\r\nAuthorization: {BASIC}\r\n"
        "Connection: close\r\n\r\n"
    ).encode()
    assert expect_error(exchange(shared, request)) == (400, "Invalid pageSize: must be an integer.")


# -- clients that stop talking ----------------------------------------------------------


@pytest.fixture
def impatient() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(idle_timeout=0.2, deliver_webhooks=False) as simulator:
        yield simulator


def test_an_idle_connection_is_closed(impatient: VoiceSimulator) -> None:
    assert exchange(impatient, b"", half_close=False) == b""


def test_an_idle_keep_alive_connection_is_closed_after_an_answer(
    impatient: VoiceSimulator,
) -> None:
    request = f"GET {CALLS} HTTP/1.1\r\nAuthorization: {BASIC}\r\n\r\n".encode()
    data = exchange(impatient, request, half_close=False)
    assert status_of(data) == 200
    assert data.count(b"HTTP/1.1 ") == 1


@pytest.mark.parametrize(
    "payload",
    [
        b"GET " + CALLS.encode() + b" HTTP/1.1\r\nAuthorization: x",  # head never ends
        post_head("100") + b'{"to": ',  # body never arrives
        post_head(chunked=True) + b"40\r\n{}",  # chunk never completes
    ],
)
def test_a_request_that_stalls_gets_408(impatient: VoiceSimulator, payload: bytes) -> None:
    data = exchange(impatient, payload, half_close=False)
    assert expect_error(data) == (408, "The request was not received in time.")
    assert b"\r\nConnection: close\r\n" in data


def test_idle_timeout_must_be_positive() -> None:
    with pytest.raises(ValueError, match="idle_timeout must be a positive number of seconds"):
        VoiceSimulator(idle_timeout=0)


# -- the fuzz test --------------------------------------------------------------------------

_ANSWERS = {201, 400, 408, 413, 501}

_CLOSE = "Connection: close"
_digits = st.text(alphabet="0123456789_+- xXabcdefABCDEF.,e", min_size=0, max_size=24)


@st.composite
def hostile_requests(draw: st.DrawFn) -> bytes:
    """A POST whose framing or JSON is drawn from the classes of input above."""
    kind = draw(st.sampled_from(["length", "chunked", "json"]))
    if kind == "length":
        length = draw(st.one_of(_digits, st.integers(-(2**70), 2**70).map(str)))
        body = draw(st.binary(max_size=64))
        return post_head(length, extra=_CLOSE) + body
    if kind == "chunked":
        sizes = draw(
            st.lists(st.one_of(_digits, st.integers(-(2**70), 2**70).map(hex)), max_size=4)
        )
        pieces = [size.encode("latin-1") + b"\r\n" + draw(st.binary(max_size=16)) for size in sizes]
        return post_head(chunked=True, extra=_CLOSE) + b"\r\n".join(pieces) + b"\r\n0\r\n\r\n"
    depth = draw(st.integers(0, 3000))
    opener = draw(st.sampled_from([b"[", b'{"a":']))
    closer = b"]" if opener == b"[" else b"}"
    number = draw(st.sampled_from([b"1", b"1_0", b"-0", b"1e999", b"0x1", b"NaN"]))
    body = b'{"to": ' + opener * depth + number + closer * depth + b"}"
    return post_head(str(len(body)), extra=_CLOSE) + body


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=hostile_requests())
def test_fuzz_hostile_framing_always_gets_a_4xx(shared: VoiceSimulator, payload: bytes) -> None:
    data = exchange(shared, payload)
    assert status_of(data) in _ANSWERS, data[:300]
    assert b"\r\nConnection: close\r\n" in data.partition(b"\r\n\r\n")[0] + b"\r\n"
    # The simulator is still serving.
    probe = f"GET {CALLS} HTTP/1.1\r\nAuthorization: {BASIC}\r\nConnection: close\r\n\r\n"
    assert status_of(exchange(shared, probe.encode())) == 200

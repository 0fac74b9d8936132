"""The byte-level faults (``raw_next``, ``slow_next``) and connection numbers, over raw sockets.

A raw socket shows what an HTTP client would hide: the exact bytes, where an
answer stops when the server stops, and which connection carried a request.
"""

from __future__ import annotations

import json
import socket
from typing import Iterator

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.raw import BASIC, CALLS, NEW_CALL

HOSTILE = b"HTTP/1.1 429 Slow Down\r\nRetry-After: \xb2\r\nContent-Length: 99\r\n\r\n{}"


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


def connect(sim: VoiceSimulator) -> socket.socket:
    """A loopback connection; its timeout only guards the test against a hang."""
    return socket.create_connection((sim.host, sim.port), timeout=20)


def create_request() -> bytes:
    body = json.dumps(NEW_CALL).encode()
    head = (
        f"POST {CALLS} HTTP/1.1\r\nHost: x\r\nAuthorization: {BASIC}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    )
    return head.encode() + body


def list_request() -> bytes:
    return f"GET {CALLS} HTTP/1.1\r\nHost: x\r\nAuthorization: {BASIC}\r\n\r\n".encode()


def read_to_close(conn: socket.socket) -> bytes:
    data = b""
    while True:
        try:
            chunk = conn.recv(65536)
        except ConnectionResetError:
            return data
        if not chunk:
            return data
        data += chunk


def read_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        assert chunk, f"closed after {data!r}"
        data += chunk
    return data


def read_answer(conn: socket.socket) -> bytes:
    """One answer framed by its Content-Length, leaving the connection open."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        assert chunk, f"closed after {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    return head + b"\r\n\r\n" + body + read_exactly(conn, length - len(body))


# -- raw_next ------------------------------------------------------------------------------


def test_raw_next_answers_exactly_the_bytes_then_closes(sim: VoiceSimulator) -> None:
    sim.raw_next("create_call", HOSTILE)
    with connect(sim) as conn:
        conn.sendall(create_request())
        assert read_to_close(conn) == HOSTILE  # no Date, no fixed length: as scripted
    assert sim.calls == []  # read, not processed
    recorded = sim.requests_for("create_call")
    assert len(recorded) == 1 and recorded[0].json() == NEW_CALL
    with connect(sim) as conn:  # spent: the next request is answered as usual
        conn.sendall(create_request())
        assert read_answer(conn).startswith(b"HTTP/1.1 201 Created\r\n")
    assert len(sim.calls) == 1


def test_raw_next_counts_and_only_hits_its_operation(sim: VoiceSimulator) -> None:
    unframed = b"HTTP/1.0 200 OK\r\n\r\nnot json, and no length"
    sim.raw_next("list_calls", unframed, count=2)
    with connect(sim) as conn:
        conn.sendall(create_request())
        assert read_answer(conn).startswith(b"HTTP/1.1 201 ")
    for _ in range(2):
        with connect(sim) as conn:
            conn.sendall(list_request())
            assert read_to_close(conn) == unframed
    with connect(sim) as conn:
        conn.sendall(list_request())
        listed = read_answer(conn)
    assert listed.startswith(b"HTTP/1.1 200 OK\r\n")
    assert json.loads(listed.partition(b"\r\n\r\n")[2])[0]["callId"] == sim.calls[0].call_id


def test_raw_next_takes_only_bytes(sim: VoiceSimulator) -> None:
    with pytest.raises(TypeError, match="bytes"):
        sim.raw_next("list_calls", "HTTP/1.1 200 OK\r\n\r\n")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        sim.raw_next("listCalls", b"")


# -- slow_next -----------------------------------------------------------------------------


def test_slow_next_drips_and_stop_cuts_it_short(sim: VoiceSimulator) -> None:
    sim.slow_next("list_calls", bytes_per_interval=5, interval=30)
    with connect(sim) as conn:
        conn.sendall(list_request())
        first = read_exactly(conn, 5)
        sim.stop()  # the next piece is 30 s away: nothing more may have come
        assert first + read_to_close(conn) == b"HTTP/"


def test_slow_next_can_send_the_head_at_once_and_drip_the_body(sim: VoiceSimulator) -> None:
    sim.slow_next("list_calls", bytes_per_interval=1, interval=30, head_at_once=True)
    with connect(sim) as conn:
        conn.sendall(list_request())
        data = b""
        while not data.endswith(b"\r\n\r\n"):
            chunk = conn.recv(65536)
            assert chunk, data
            data += chunk
        sim.stop()
        rest = read_to_close(conn)
    assert data.startswith(b"HTTP/1.1 200 OK\r\n") and b"Content-Length: 2\r\n" in data
    assert rest == b""  # the body ("[]") was due a byte every 30 s


def test_a_slow_answer_is_the_real_one_whole_and_keeps_the_connection(
    sim: VoiceSimulator,
) -> None:
    sim.slow_next("create_call", bytes_per_interval=7, interval=0)
    with connect(sim) as conn:
        conn.sendall(create_request())
        slow = read_answer(conn)
        conn.sendall(list_request())  # the same connection, still usable
        listed = read_answer(conn)
    assert slow.startswith(b"HTTP/1.1 201 Created\r\n")
    created = json.loads(slow.partition(b"\r\n\r\n")[2])
    assert [call.call_id for call in sim.calls] == [created["callId"]]  # processed as usual
    assert json.loads(listed.partition(b"\r\n\r\n")[2])[0]["callId"] == created["callId"]


def test_slow_next_combines_with_a_failure_and_with_raw_bytes(sim: VoiceSimulator) -> None:
    sim.slow_next("list_calls", bytes_per_interval=3, interval=0, count=2)
    sim.fail_next("list_calls", 429, headers={"Retry-After": "4"})
    sim.raw_next("list_calls", HOSTILE)
    with connect(sim) as conn:
        conn.sendall(list_request())
        failed = read_answer(conn)
    with connect(sim) as conn:
        conn.sendall(list_request())
        raw = read_to_close(conn)
    assert failed.startswith(b"HTTP/1.1 429 Too Many Requests\r\n")
    assert b"\r\nRetry-After: 4\r\n" in failed
    assert raw == HOSTILE


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"bytes_per_interval": 0}, ValueError),
        ({"bytes_per_interval": 1.5}, TypeError),
        ({"bytes_per_interval": True}, TypeError),
        ({"interval": -1}, ValueError),
        ({"interval": float("nan")}, ValueError),
        ({"interval": "1"}, TypeError),
        ({"count": 0}, ValueError),
    ],
)
def test_slow_next_arguments_are_checked(sim: VoiceSimulator, options: dict, error: type) -> None:
    with pytest.raises(error):
        sim.slow_next("list_calls", **options)


# -- connection numbers --------------------------------------------------------------------


def test_each_request_records_the_connection_it_came_on(sim: VoiceSimulator) -> None:
    sim.drop_next("list_calls")
    with connect(sim) as conn:  # two requests kept alive on one connection
        conn.sendall(create_request())
        read_answer(conn)
        conn.sendall(list_request())
        assert read_to_close(conn) == b""  # dropped
    with connect(sim) as conn:
        conn.sendall(list_request())
        read_answer(conn)
    numbers = [request.connection for request in sim.requests]
    assert numbers[0] == numbers[1] != numbers[2]
    assert all(number >= 1 for number in numbers)

"""Bounds over a long run: forgotten calls, request heads, connections, slow heads.

Calls past their retention (7 days after they end, on the simulator's clock)
are dropped, so memory stays flat however many calls a run makes; the HTTP
server bounds what one client can make it hold.
"""

from __future__ import annotations

import socket
import time
from typing import Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi, CreateCall
from bandwidth.testing import AutoProgress, VoiceSimulator
from tests.support.flows import ScriptedApp, bxml

WEEK_AND_A_DAY = 8 * 24 * 3600


def _create(api: CallsApi, sim: VoiceSimulator) -> str:
    body = CreateCall(
        to="+19195551234",
        var_from="+19195554321",
        application_id="app-1",
        answer_url="https://app.example/answer",
    )
    return str(api.create_call(sim.account_id, body).call_id)


def test_calls_past_their_retention_are_forgotten() -> None:
    app = ScriptedApp({"/answer": bxml("<SpeakSentence>hi</SpeakSentence>")})
    auto = AutoProgress(initiate_after=0, answer_after=0.5)
    with VoiceSimulator(app=app, auto_progress=auto) as sim:
        ids: List[str] = []
        with ApiClient(sim.configuration()) as client:
            api = CallsApi(client)
            for _round in range(6):
                for _ in range(100):
                    ids.append(_create(api, sim))
                sim.advance(5)  # every call answered, spoke, hung up
                assert all(sim.call(i).state == "disconnected" for i in ids[-100:])
                sim.advance(WEEK_AND_A_DAY)
            stored = len(sim.calls)
            assert stored <= 200  # at most the last rounds, not all 600
            with pytest.raises(KeyError):
                sim.call(ids[0])
            assert len(sim.webhooks) <= 3 * 400  # their deliveries went too
            newest = _create(api, sim)
            sim.advance(5)
            assert sim.call(newest).heard == ["hi"]


def test_recordings_and_transcriptions_past_their_retention_are_forgotten() -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        with ApiClient(sim.configuration()) as client:
            api = CallsApi(client)
            for _ in range(5):
                for _ in range(20):
                    call_id = _create(api, sim)
                    sim.answer(call_id)
                    sim.add_recording(call_id, duration=2)
                    sim.add_transcription(call_id, "hello")
                    sim.hangup(call_id)
                sim.advance(31 * 24 * 3600)  # past the 30-day retention
            _create(api, sim)
        assert len(sim.recordings) <= 20
        assert len(sim.transcriptions) <= 20


# -- what one client can make the server hold -------------------------------------------------


@pytest.fixture
def small() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False, idle_timeout=1, max_connections=4) as sim:
        yield sim


def _connect(sim: VoiceSimulator) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", sim.port), timeout=10)
    return sock


def _answer(sock: socket.socket) -> bytes:
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    return data


def test_a_head_larger_than_64_kib_gets_431(small: VoiceSimulator) -> None:
    sock = _connect(small)
    try:
        sock.sendall(b"GET /x HTTP/1.1\r\nHost: a\r\n")
        for index in range(40):  # 40 headers of 4 KiB: 160 KiB, each line well under 64 KiB
            sock.sendall(f"X-Filler-{index}: ".encode() + b"a" * 4096 + b"\r\n")
        sock.sendall(b"\r\n")
    except OSError:
        pass  # the server may stop reading and close early
    answer = _answer(sock)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 431 ")


def test_a_head_dripped_slowly_is_cut_at_the_idle_timeout(small: VoiceSimulator) -> None:
    sock = _connect(small)
    sock.settimeout(10)
    request = b"GET /api/v2/accounts/9900000/calls HTTP/1.1\r\nHost: a\r\n\r\n"
    answer = b""
    try:
        for byte in request:  # a byte every 0.3 s: each read is in time, the head is not
            sock.sendall(bytes([byte]))
            time.sleep(0.3)
            sock.setblocking(False)
            try:
                answer += sock.recv(65536)
            except BlockingIOError:
                pass
            finally:
                sock.setblocking(True)
                sock.settimeout(10)
            if answer:
                break
    except OSError:
        pass
    if not answer:
        answer = _answer(sock)
    sock.close()
    assert answer.startswith(b"HTTP/1.1 408 ")


def test_connections_past_the_cap_get_503_and_the_rest_still_work(small: VoiceSimulator) -> None:
    held = [_connect(small) for _ in range(4)]
    try:
        for sock in held:  # each is served: a request answered on it
            sock.sendall(b"GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n")
            assert sock.recv(65536).startswith(b"HTTP/1.1 ")
        extra = _connect(small)
        answer = _answer(extra)
        extra.close()
        assert answer.startswith(b"HTTP/1.1 503 ")
        assert b"at most 4" in answer
    finally:
        for sock in held:
            sock.close()
    for _ in range(50):  # the server notices the closes soon
        probe = _connect(small)
        probe.sendall(b"GET /nowhere HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
        answer = _answer(probe)
        probe.close()
        if not answer.startswith(b"HTTP/1.1 503 "):
            break
        time.sleep(0.1)
    assert answer.startswith(b"HTTP/1.1 401 ")  # served (no credentials given)
    with ApiClient(small.configuration()) as client:
        CallsApi(client).list_calls(small.account_id)


def test_max_connections_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_connections"):
        VoiceSimulator(max_connections=0)

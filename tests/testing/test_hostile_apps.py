"""A user's buggy app must not break the simulator: bad URLs in its BXML, slow or endless replies.

Each app here misbehaves the way a real one can; the simulator must end the
affected call with a cause on its timeline (or time the webhook out) and carry on.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterable, Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi, Configuration, CreateCall
from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call

# -- URLs that cannot be sent to ---------------------------------------------------------------

BAD_URLS = [
    "http://[::1/x",  # does not parse (an unclosed IPv6 address)
    "ftp://app.example/next",  # not http or https
    "http://app.example:99999/next",  # no such port
    "//[::1/x",  # relative, and still does not parse
]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("raise_app_errors", [True, False])
def test_a_redirect_to_a_url_that_cannot_be_sent_to_ends_the_call(
    url: str, raise_app_errors: bool
) -> None:
    app = ScriptedApp({"/answer": bxml(f'<Redirect redirectUrl="{url}"/>')})
    with VoiceSimulator(app=app, raise_app_errors=raise_app_errors) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        sim.advance(1)
        call = sim.call(call_id)
        assert call.state == "disconnected"
        assert call.disconnect_cause == "callback-error"
        assert "invalid URL" in (call.error_message or "")
        assert "invalid URL" in sim.timeline()
        assert [r["path"] for r in app.requests] == ["/answer"]  # nothing was sent there
        # the simulator carries on: the next call runs normally
        app.routes["/answer"] = bxml("<SpeakSentence>hello</SpeakSentence>")
        other = outbound_call(sim)
        sim.answer(other)
        sim.advance(5)
        assert sim.call(other).disconnect_cause == "hangup"


def test_a_bad_url_falls_back_to_the_fallback_url() -> None:
    app = ScriptedApp(
        {
            "/answer": bxml(
                '<Redirect redirectUrl="ftp://app.example/x" '
                'redirectFallbackUrl="https://app.example/fallback"/>'
            ),
            "/fallback": bxml("<SpeakSentence>from the fallback</SpeakSentence>"),
        }
    )
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        sim.advance(5)
        call = sim.call(call_id)
        assert call.heard == ["from the fallback"]
        assert call.disconnect_cause == "hangup"
        redirect = next(w for w in call.webhooks if w.event_type == "redirect")
        assert [a.url for a in redirect.attempts] == [
            "ftp://app.example/x",
            "https://app.example/fallback",
        ]
        assert redirect.attempts[0].status is None


def test_a_play_audio_url_that_does_not_parse_does_not_escape() -> None:
    app = ScriptedApp({"/answer": bxml("<PlayAudio>http://[::1/x.wav</PlayAudio>")})
    with VoiceSimulator(app=app, raise_app_errors=False) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        sim.advance(10)
        assert sim.call(call_id).state == "disconnected"


class _Http:
    """A real HTTP app on 127.0.0.1: ``answer(path)`` gives the handler's behaviour."""

    def __init__(self, handle: Callable[[BaseHTTPRequestHandler], None]) -> None:
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                outer.paths.append(self.path)
                with contextlib.suppress(OSError):  # the simulator hung up on a slow answer
                    handle(self)

        self.paths: List[str] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _reply(handler: BaseHTTPRequestHandler, body: str) -> None:
    data = body.encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/xml")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def test_a_bad_url_over_http_ends_the_call_and_the_simulator_serves_on() -> None:
    app = _Http(lambda h: _reply(h, bxml('<Redirect redirectUrl="http://[::1/x"/>')))
    try:
        with VoiceSimulator(deliver_webhooks=True, raise_app_errors=False) as sim:
            call_id = outbound_call(sim, answer_url=app.url + "/answer")
            sim.answer(call_id)
            call = sim.call(call_id)
            assert call.disconnect_cause == "callback-error"
            assert sim.calls_url  # the simulator still answers
            assert len(sim.calls) == 1
    finally:
        app.close()


# -- answers that come too slowly, or never end ---------------------------------------------------

SPEAK = bxml("<SpeakSentence>too late</SpeakSentence>")


def _assert_timed_out(sim: VoiceSimulator, call_id: str) -> None:
    call = sim.call(call_id)
    assert call.disconnect_cause == "callback-error"
    assert "timed out" in (call.error_message or "")
    assert call.heard == []  # the late answer was not used


def _dripping(handler: BaseHTTPRequestHandler) -> None:
    """Headers at once, then the body a byte every 0.1 s (about 6 s in all)."""
    data = SPEAK.encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "application/xml")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.flush()
    for index in range(len(data)):
        handler.wfile.write(data[index : index + 1])
        handler.wfile.flush()
        time.sleep(0.1)


def test_callback_timeout_bounds_a_dripped_answer_over_http() -> None:
    app = _Http(_dripping)
    try:
        with VoiceSimulator(deliver_webhooks=True) as sim:
            call_id = outbound_call(sim, answer_url=app.url + "/answer", callback_timeout=1)
            sim.answer(call_id)
            _assert_timed_out(sim, call_id)
            # the simulator goes on with other calls at once
            hook = sim.call(call_id).webhooks[0]
            assert hook.attempts[-1].error == f"timed out waiting for {app.url}/answer"
    finally:
        app.close()


def test_a_dripping_app_times_out_after_answers_that_came_in_time() -> None:
    # Deliveries that finished leave their deadlines behind (dropped lazily); a later slow
    # answer must still be cut at its own timeout.
    fast = _Http(lambda h: _reply(h, bxml("<SpeakSentence>quick</SpeakSentence>")))
    slow = _Http(_dripping)
    try:
        with VoiceSimulator(deliver_webhooks=True) as sim:
            for _ in range(3):
                fast_call = outbound_call(sim, answer_url=fast.url + "/answer", callback_timeout=1)
                sim.answer(fast_call)
                assert sim.call(fast_call).heard == ["quick"]
            slow_call = outbound_call(sim, answer_url=slow.url + "/answer", callback_timeout=1)
            sim.answer(slow_call)
            _assert_timed_out(sim, slow_call)
    finally:
        fast.close()
        slow.close()


def test_a_dripping_app_does_not_hold_another_call_past_its_timeout() -> None:
    slow = _Http(_dripping)
    fast = _Http(lambda h: _reply(h, bxml("<SpeakSentence>quick</SpeakSentence>")))
    try:
        with VoiceSimulator(deliver_webhooks=True) as sim:
            slow_call = outbound_call(sim, answer_url=slow.url + "/answer", callback_timeout=1)
            fast_call = outbound_call(sim, answer_url=fast.url + "/answer", callback_timeout=1)
            waiter = threading.Thread(target=sim.answer, args=(slow_call,))
            waiter.start()
            sim.answer(fast_call)  # waits for the slow delivery, at most its timeout
            sim.advance(5)
            waiter.join(10)
            assert not waiter.is_alive()
            _assert_timed_out(sim, slow_call)
            assert sim.call(fast_call).heard == ["quick"]
    finally:
        slow.close()
        fast.close()


def test_a_wsgi_answer_after_the_callback_timeout_times_out() -> None:
    # A WSGI app runs in the caller's thread (as under a test client): its late answer
    # is not used, as on the platform, and the call ends with callback-error.
    def app(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        time.sleep(1.3)  # past callbackTimeout
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [SPEAK.encode()]

    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, callback_timeout=1)
        sim.answer(call_id)
        _assert_timed_out(sim, call_id)
        assert "timed out" in (sim.call(call_id).webhooks[0].attempts[-1].error or "")


def _challenging(
    slow: Callable[[bool], None],
) -> Callable[[Dict[str, Any], Callable[..., Any]], Iterable[bytes]]:
    """A WSGI app behind Basic auth that calls ``slow(authorized)`` before answering."""

    def app(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        authorized = "HTTP_AUTHORIZATION" in environ
        slow(authorized)
        if not authorized:
            start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="app"')])
            return [b""]
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [bxml("<SpeakSentence>in time</SpeakSentence>").encode()]

    return app


def test_each_request_of_a_challenged_wsgi_delivery_has_its_own_timeout() -> None:
    # 0.6 s for the challenge and 0.6 s for the answer: 1.2 s in all, each inside 1 s.
    app = _challenging(lambda authorized: time.sleep(0.6))
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, callback_timeout=1, username="u", password="p")
        sim.answer(call_id)
        call = sim.call(call_id)
        assert call.heard == ["in time"]
        attempts = call.webhooks[0].attempts
        assert [(a.status, a.authorized) for a in attempts] == [(401, False), (200, True)]


def test_a_wsgi_app_late_with_the_answer_to_its_challenge_times_out() -> None:
    app = _challenging(lambda authorized: authorized and time.sleep(1.3))
    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, callback_timeout=1, username="u", password="p")
        sim.answer(call_id)
        _assert_timed_out(sim, call_id)
        attempts = sim.call(call_id).webhooks[0].attempts
        assert [(a.status, a.authorized) for a in attempts] == [(401, False), (None, True)]
        assert "timed out" in (attempts[-1].error or "")


def test_an_endless_wsgi_body_times_out() -> None:
    pulled = [0]

    def app(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterator[bytes]:
        start_response("200 OK", [("Content-Type", "application/xml")])
        for _ in range(300):  # "endless": 6 s, far past callbackTimeout
            pulled[0] += 1
            time.sleep(0.02)
            yield b""
        yield SPEAK.encode()

    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, callback_timeout=1)
        sim.answer(call_id)
        _assert_timed_out(sim, call_id)
    assert pulled[0] < 300


def test_a_huge_wsgi_body_is_not_read_past_the_bxml_limit() -> None:
    pulled = [0]

    def app(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterator[bytes]:
        start_response("200 OK", [("Content-Type", "application/xml")])
        chunk = b"x" * 1024
        while pulled[0] < 100_000:  # 100 MB
            pulled[0] += 1
            yield chunk

    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        assert sim.call(call_id).disconnect_cause == "invalid-bxml"
    assert pulled[0] <= 65


def test_a_huge_wsgi_write_is_not_kept_whole() -> None:
    import tracemalloc

    chunk = b"x" * (1024 * 1024)

    def app(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        write = start_response("200 OK", [("Content-Type", "application/xml")])
        for _ in range(200):  # 200 MB written
            write(chunk)
        return []

    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim)
        tracemalloc.start()
        try:
            sim.answer(call_id)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert sim.call(call_id).disconnect_cause == "invalid-bxml"
    assert peak < 20 * 1024 * 1024


def test_a_hanging_asgi_app_times_out_and_is_cancelled() -> None:
    cancelled = threading.Event()

    async def app(scope: Dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            cancelled.set()
            raise
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": SPEAK.encode()})

    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, callback_timeout=1)
        sim.answer(call_id)
        _assert_timed_out(sim, call_id)
        assert cancelled.wait(2)


def test_an_endless_asgi_body_times_out() -> None:
    async def app(scope: Dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for _ in range(300):  # 6 s of empty chunks
            await send({"type": "http.response.body", "body": b"", "more_body": True})
            await asyncio.sleep(0.02)
        await send({"type": "http.response.body", "body": SPEAK.encode()})

    with VoiceSimulator(app=app) as sim:
        call_id = outbound_call(sim, callback_timeout=1)
        sim.answer(call_id)
        _assert_timed_out(sim, call_id)


def test_an_in_process_app_may_still_call_the_simulator_from_its_handler() -> None:
    """The app runs on a worker thread; simulator calls from it still only queue their effect."""
    seen: List[str] = []
    holder: List[VoiceSimulator] = []

    def app(environ: Dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        seen.append(str(len(holder[0].calls)))
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [bxml("<SpeakSentence>hello</SpeakSentence>").encode()]

    with VoiceSimulator(app=app) as sim:
        holder.append(sim)
        call_id = outbound_call(sim, callback_timeout=1)
        sim.answer(call_id)
        sim.advance(3)
        assert seen == ["1"]
        assert sim.call(call_id).heard == ["hello"]


def test_bandwidth_simulator_deliver_webhooks_survives_a_bad_url() -> None:
    """The command kept running (it used to exit 1 on the escaping ValueError)."""
    app = _Http(lambda h: _reply(h, bxml('<Redirect redirectUrl="http://[::1/x"/>')))
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-m", "bandwidth", "simulator", "--deliver-webhooks"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert process.stdout is not None
        host = ""
        for line in process.stdout:  # the banner, up to its last line
            if line.strip().startswith("export BW_VOICE_HOST="):
                host = line.strip().partition("=")[2]
            if "Press Ctrl-C to stop." in line:
                break
        configuration = Configuration(host=host, username="username", password="password")
        with ApiClient(configuration) as client:
            api = CallsApi(client)
            body = CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="app-1",
                answer_url=app.url + "/answer",
            )
            call_id = str(api.create_call("9900000", body).call_id)
            state = api.get_call_state("9900000", call_id)
            for _ in range(100):  # answered after 1 s on the real clock
                if state.state == "disconnected":
                    break
                time.sleep(0.1)
                state = api.get_call_state("9900000", call_id)
            assert state.disconnect_cause == "callback-error"
        assert process.poll() is None  # still serving
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
        app.close()
    assert process.stderr is not None
    assert "Traceback" not in process.stderr.read()

"""A user's buggy app must not break the simulator: bad URLs in its BXML, slow or endless replies.

Each app here misbehaves the way a real one can; the simulator must end the
affected call with a cause on its timeline (or time the webhook out) and carry on.
"""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, Iterable, Iterator, List

import pytest

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
        redirect = [w for w in call.webhooks if w.event_type == "redirect"][0]
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
                try:
                    handle(self)
                except OSError:
                    pass

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

"""A small Bandwidth Voice webhook app, built on the standard library's HTTP server.

It answers inbound (``initiate``) and outbound (``answer``) calls with a menu,
acts on the caller's choice (``gather``), records hang-ups (``disconnect``),
and protects every endpoint with HTTP Basic auth the way Bandwidth expects:
a request without valid credentials gets a ``401`` challenge, and Bandwidth
then retries with them.

Run it, then point your Voice application's callback URLs (and your
``create_call`` ``answer_url``/``disconnect_url``) at it::

    BW_WEBHOOK_USERNAME=bandwidth BW_WEBHOOK_PASSWORD=change-me \\
        python examples/webhook_app.py --host 0.0.0.0 --port 8080

Any path works: the app dispatches on the event type, not the URL. POST
callbacks carry JSON; GET callbacks (``...Method="GET"``) carry the same fields
in the query string.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union
from urllib.parse import urlsplit

from bandwidth.callbacks import (
    AnswerCallback,
    Callback,
    CallbackParseError,
    DisconnectCallback,
    GatherCallback,
    InitiateCallback,
    basic_auth_challenge,
    parse_callback,
    verify_basic_auth,
)
from bandwidth.models.bxml import Gather, Hangup, Response, SpeakSentence

log = logging.getLogger("webhook_app")

#: Bandwidth's callbacks are small; refuse anything bigger than a BXML document.
MAX_BODY_BYTES = 64 * 1024
VOICE = "julie"
DEPARTMENTS = {"1": "sales", "2": "support"}
GATHER_PATH = "/callbacks/gather"


def menu() -> Response:
    """The first BXML of every call: a greeting, then a one-digit menu."""
    return Response(
        [
            SpeakSentence("Thanks for calling Example Company.", voice=VOICE),
            Gather(
                [SpeakSentence("Press 1 for sales or 2 for support.", voice=VOICE)],
                gather_url=GATHER_PATH,
                max_digits=1,
                first_digit_timeout=5,
            ),
            SpeakSentence("We did not get a choice. Goodbye.", voice=VOICE),
            Hangup(),
        ]
    )


def after_choice(event: GatherCallback) -> Response:
    """What to say once the caller pressed a key (or nothing)."""
    digits = event.digits or ""
    department = DEPARTMENTS.get(digits)
    if department is None:
        # The caller's input goes into the document as text: the builder escapes it.
        text = f"Sorry, {digits or 'nothing'} is not an option. Goodbye."
    else:
        text = f"Connecting you to {department}. Goodbye for now."
    return Response([SpeakSentence(text, voice=VOICE), Hangup()])


def respond(event: Callback) -> Optional[Response]:
    """The BXML to answer ``event`` with, or ``None`` for an empty 204."""
    if isinstance(event, (InitiateCallback, AnswerCallback)):
        return menu()
    if isinstance(event, GatherCallback):
        return after_choice(event)
    if isinstance(event, DisconnectCallback):
        log.info("call %s ended: %s", event.call_id, event.cause)
    return None


class WebhookServer(ThreadingHTTPServer):
    """The HTTP server, holding the credentials and the events received so far."""

    daemon_threads = True

    def __init__(
        self, address: Tuple[str, int], username: str, password: str, realm: str = "voice"
    ) -> None:
        if not username or not password:
            raise ValueError("a webhook username and password are required")
        super().__init__(address, WebhookHandler)
        self.username = username
        self.password = password
        self.realm = realm
        self.events: List[Callback] = []
        self.events_lock = threading.Lock()

    def record(self, event: Callback) -> None:
        """Keep an event (the test and a real app can inspect them)."""
        with self.events_lock:
            self.events.append(event)


class WebhookHandler(BaseHTTPRequestHandler):
    """One request: authenticate, parse the callback, answer with BXML or 204."""

    server: WebhookServer
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        """POST callbacks carry the event as JSON."""
        body = self._read_body()
        if body is not None:
            self._handle(body, self.headers.get("Content-Type"))

    def do_GET(self) -> None:
        """GET callbacks carry the event in the query string."""
        self._handle(urlsplit(self.path).query, "application/x-www-form-urlencoded")

    def _read_body(self) -> Optional[bytes]:
        length_text = self.headers.get("Content-Length")
        try:
            length = int(length_text) if length_text is not None else -1
        except ValueError:
            length = -1
        if length < 0:
            self._send(411, b"Content-Length required\n", close=True)
            return None
        if length > MAX_BODY_BYTES:
            self._send(413, b"callback too large\n", close=True)
            return None
        return self.rfile.read(length)

    def _handle(self, body: Union[bytes, str], content_type: Optional[str]) -> None:
        server = self.server
        if not verify_basic_auth(
            self.headers.get("Authorization"), server.username, server.password
        ):
            status, headers = basic_auth_challenge(server.realm)
            self._send(status, b"", headers)
            return
        try:
            event = parse_callback(body, content_type)
        except (CallbackParseError, ValueError) as exc:
            log.warning("unreadable callback: %s", exc)
            self._send(400, b"not a Bandwidth callback\n")
            return
        server.record(event)
        reply = respond(event)
        if reply is None:
            self._send(204, b"")
        else:
            self._send(200, reply.to_bytes(), {"Content-Type": "application/xml; charset=utf-8"})

    def _send(
        self,
        status: int,
        body: bytes,
        headers: Optional[Dict[str, str]] = None,
        close: bool = False,
    ) -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if status != 204:
            self.send_header("Content-Length", str(len(body)))
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Route the server's access log through :mod:`logging`."""
        log.info("%s " + format, self.address_string(), *args)


def make_server(
    host: str = "127.0.0.1", port: int = 0, *, username: str, password: str, realm: str = "voice"
) -> WebhookServer:
    """A ready server on ``host:port`` (port 0 picks a free one: see ``server_address``)."""
    return WebhookServer((host, port), username, password, realm)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the app until interrupted; credentials come from the environment."""
    parser = argparse.ArgumentParser(description="Run the example Voice webhook app.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    username = os.environ.get("BW_WEBHOOK_USERNAME", "")
    password = os.environ.get("BW_WEBHOOK_PASSWORD", "")
    if not username or not password:
        print("set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    with make_server(args.host, args.port, username=username, password=password) as server:
        host, port = server.server_address[:2]
        log.info("listening on http://%s:%s", host, port)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

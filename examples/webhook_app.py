"""A small Bandwidth Voice webhook app: a WSGI app on the standard library alone.

It answers inbound (``initiate``) and outbound (``answer``) calls with a menu,
acts on the caller's choice (``gather``), records hang-ups (``disconnect``),
and protects every endpoint with HTTP Basic auth the way Bandwidth expects:
a request without valid credentials gets a ``401`` challenge, and Bandwidth
then retries with them.

Run it as a server, then point your Voice application's callback URLs (and
your ``create_call`` ``answer_url``/``disconnect_url``) at it::

    BW_WEBHOOK_USERNAME=bandwidth BW_WEBHOOK_PASSWORD=change-me \\
        python examples/webhook_app.py --host 0.0.0.0 --port 8080

The module-level ``app`` is the same app, configured from those two
environment variables, for any WSGI server (``gunicorn webhook_app:app``) and
for ``bandwidth phone``, which reads the same variables for the credentials
it answers the app's challenge with::

    cd examples
    export BW_WEBHOOK_USERNAME=bandwidth BW_WEBHOOK_PASSWORD=change-me
    bandwidth phone --app webhook_app:app --press 1 --json

Or test whole calls without any server: ``VoiceSimulator(app=WebhookApp(...))``
delivers the webhooks to it in-process (see ``tests/examples``).

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
from socketserver import ThreadingMixIn
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.simple_server import make_server as _wsgi_server

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

StartResponse = Callable[[str, List[Tuple[str, str]]], Any]
WsgiApp = Callable[[Dict[str, Any], StartResponse], Iterable[bytes]]


def menu(username: Optional[str] = None, password: Optional[str] = None) -> Response:
    """The first BXML of every call: a greeting, then a one-digit menu.

    Bandwidth sends the gather webhook with the credentials the ``<Gather>``
    carries (not those of the call), so a protected app puts its own here.
    The caller's choice, or the lack of one, arrives in that webhook.
    """
    return Response(
        [
            SpeakSentence("Thanks for calling Example Company.", voice=VOICE),
            Gather(
                [SpeakSentence("Press 1 for sales or 2 for support.", voice=VOICE)],
                gather_url=GATHER_PATH,
                max_digits=1,
                first_digit_timeout=5,
                username=username,
                password=password,
            ),
            # Nothing after the Gather: with a gatherUrl, Bandwidth sends the
            # gather webhook even when no key was pressed (digits ""), and its
            # reply replaces the rest of this document.
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


def respond(
    event: Callback, username: Optional[str] = None, password: Optional[str] = None
) -> Optional[Response]:
    """The BXML to answer ``event`` with, or ``None`` for an empty 204."""
    if isinstance(event, (InitiateCallback, AnswerCallback)):
        return menu(username, password)
    if isinstance(event, GatherCallback):
        return after_choice(event)
    if isinstance(event, DisconnectCallback):
        log.info("call %s ended: %s", event.call_id, event.cause)
    return None


class WebhookApp:
    """The WSGI app: authenticate, parse the callback, answer with BXML or 204.

    ``events`` keeps every callback received (a real app would store or act
    on them; the tests read them).
    """

    def __init__(self, username: str, password: str, realm: str = "voice") -> None:
        if not username or not password:
            raise ValueError("a webhook username and password are required")
        self.username = username
        self.password = password
        self.realm = realm
        self.events: List[Callback] = []
        self._events_lock = threading.Lock()

    def __call__(self, environ: Dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        """Handle one webhook request."""
        if not verify_basic_auth(environ.get("HTTP_AUTHORIZATION"), self.username, self.password):
            status, headers = basic_auth_challenge(self.realm)
            return _reply(start_response, status, b"", headers)
        method = environ.get("REQUEST_METHOD", "GET")
        if method == "GET":
            body: Any = environ.get("QUERY_STRING", "")
            content_type: Optional[str] = "application/x-www-form-urlencoded"
        elif method == "POST":
            try:
                length = int(environ.get("CONTENT_LENGTH") or "")
            except ValueError:
                return _reply(start_response, 411, b"Content-Length required\n")
            if length > MAX_BODY_BYTES:
                return _reply(start_response, 413, b"callback too large\n")
            body = environ["wsgi.input"].read(length)
            content_type = environ.get("CONTENT_TYPE")
        else:
            return _reply(start_response, 405, b"", {"Allow": "GET, POST"})
        try:
            event = parse_callback(body, content_type)
        except (CallbackParseError, ValueError) as exc:
            log.warning("unreadable callback: %s", exc)
            return _reply(start_response, 400, b"not a Bandwidth callback\n")
        with self._events_lock:
            self.events.append(event)
        reply = respond(event, self.username, self.password)
        if reply is None:
            return _reply(start_response, 204, b"")
        xml = {"Content-Type": "application/xml; charset=utf-8"}
        return _reply(start_response, 200, reply.to_bytes(), xml)


def _reply(
    start_response: StartResponse,
    status: int,
    body: bytes,
    headers: Optional[Dict[str, str]] = None,
) -> List[bytes]:
    phrases = {200: "OK", 204: "No Content", 400: "Bad Request", 401: "Unauthorized"}
    phrases.update({405: "Method Not Allowed", 411: "Length Required", 413: "Too Large"})
    phrases[500] = "Internal Server Error"
    header_list = list((headers or {}).items())
    if status != 204:
        header_list.append(("Content-Length", str(len(body))))
    start_response(f"{status} {phrases.get(status, 'Status')}", header_list)
    return [body] if body else []


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Route the server's access log through :mod:`logging`."""
        log.info("%s " + format, self.address_string(), *args)


class WebhookServer(ThreadingMixIn, WSGIServer):
    """The standard library's WSGI server, one thread per request."""

    daemon_threads = True
    app: WebhookApp


def credentials_from(env: Mapping[str, str]) -> Optional[Tuple[str, str]]:
    """The webhook user and password from ``env``, or ``None`` unless both are set."""
    username = env.get("BW_WEBHOOK_USERNAME", "")
    password = env.get("BW_WEBHOOK_PASSWORD", "")
    return (username, password) if username and password else None


def unconfigured(environ: Dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
    """The app without credentials: it refuses every webhook, and says why.

    Serving the calls unauthenticated instead would let anyone who finds the
    URL drive them; failing loudly (a ``500`` and an error in the log) shows
    the mistake on the first call.
    """
    message = "set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD: without them, every webhook fails"
    log.error("%s", message)
    text = {"Content-Type": "text/plain; charset=utf-8"}
    return _reply(start_response, 500, message.encode() + b"\n", text)


def app_from_environment(env: Optional[Mapping[str, str]] = None) -> WsgiApp:
    """The app with the credentials in ``env`` (default ``os.environ``), or :func:`unconfigured`."""
    found = credentials_from(os.environ if env is None else env)
    if found is None:
        return unconfigured
    return WebhookApp(*found)


#: The WSGI app for servers and tools that import one (``webhook_app:app``),
#: configured from ``BW_WEBHOOK_USERNAME`` and ``BW_WEBHOOK_PASSWORD``.
app = app_from_environment()


def make_server(
    host: str = "127.0.0.1", port: int = 0, *, username: str, password: str, realm: str = "voice"
) -> WebhookServer:
    """A ready server on ``host:port`` (port 0 picks a free one: see ``server_address``)."""
    application = WebhookApp(username, password, realm)
    server = _wsgi_server(host, port, application, server_class=WebhookServer, handler_class=_Quiet)
    assert isinstance(server, WebhookServer)
    server.app = application
    return server


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the app until interrupted; credentials come from the environment."""
    parser = argparse.ArgumentParser(description="Run the example Voice webhook app.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    found = credentials_from(os.environ)
    if found is None:
        print("set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD", file=sys.stderr)
        return 2
    username, password = found
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    with make_server(args.host, args.port, username=username, password=password) as server:
        host, port = server.server_address[:2]
        log.info("listening on http://%s:%s", host, port)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

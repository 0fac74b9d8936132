"""Send, receive and auto-reply to texts: a Bandwidth Messaging sample app (standard library WSGI).

Bandwidth POSTs every messaging event of your application to one callback
URL, as a JSON array. This app:

* answers each ``message-received`` (an inbound SMS or MMS) with a text back
  through ``MessagesApi.create_message``, from the number that received it:
  ``HELP`` gets the help text, ``STOP`` a goodbye (and no more replies), any
  other text an acknowledgement counting its pictures;
* records every status callback of the messages it sent (``message-sending``,
  ``message-delivered``, ``message-failed`` with its error code), by message
  id, so ``GET /status/{messageId}`` tells where a reply is;
* ignores its own outbound events when auto-replying (Bandwidth advises
  checking ``message.direction`` so two bots never loop);
* challenges every webhook for HTTP Basic credentials (the ones set on the
  messaging application) and refuses those without them.

Run it::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... BW_MESSAGING_APPLICATION_ID=... \\
    BW_WEBHOOK_USERNAME=... BW_WEBHOOK_PASSWORD=... LOCAL_PORT=3000 python examples/messaging_app.py

and set your messaging application's callback URL to ``{base}/callbacks/messaging``
(the app takes any path). Test it offline with ``bandwidth.testing.BandwidthSimulator``
(see ``tests/examples/test_messaging_example.py``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Set
from wsgiref.simple_server import make_server

from bandwidth import ApiClient, ApiException, Configuration, MessageRequest, MessagesApi
from bandwidth.callbacks import (
    CallbackParseError,
    InboundCallback,
    StatusCallback,
    basic_auth_challenge,
    parse_messaging_callbacks,
    verify_basic_auth,
)

log = logging.getLogger("messaging_app")

HELP = "Reply STOP to stop these messages. Msg&data rates may apply."
GOODBYE = "You are unsubscribed. No more messages will be sent."
#: The largest webhook body read (Bandwidth's are a few KiB).
MAX_BODY = 1024 * 1024

StartResponse = Callable[..., Any]


@dataclass(frozen=True)
class Settings:
    """What the app needs to know about your account (see the module docstring)."""

    account_id: str
    application_id: str
    webhook_username: str
    webhook_password: str


def reply_to(text: str, pictures: int) -> Optional[str]:
    """The auto-reply to an inbound text (``None``: do not answer)."""
    word = text.strip().upper()
    if word == "STOP":
        return GOODBYE
    if word == "HELP":
        return HELP
    if pictures:
        return f"Thanks for the {pictures} picture{'s' if pictures != 1 else ''}!"
    return "Thanks for your message! Reply HELP for help."


class MessagingApp:
    """The WSGI app: webhooks on every path but ``/status/...`` (see the module docstring)."""

    def __init__(self, configuration: Configuration, settings: Settings) -> None:
        self.settings = settings
        self.api = MessagesApi(ApiClient(configuration))
        #: message id -> the statuses its callbacks reported, in order
        self.statuses: Dict[str, List[Dict[str, Any]]] = {}
        #: numbers that texted STOP: they get nothing more
        self.stopped: Set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, environ: Dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if environ["REQUEST_METHOD"] == "GET" and path.startswith("/status/"):
            return self._status(path[len("/status/") :], start_response)
        if environ["REQUEST_METHOD"] != "POST":
            return _answer(start_response, "405 Method Not Allowed", {"error": "POST only"})
        settings = self.settings
        if not verify_basic_auth(
            environ.get("HTTP_AUTHORIZATION"), settings.webhook_username, settings.webhook_password
        ):
            challenge = basic_auth_challenge("messaging")
            start_response("401 Unauthorized", list(challenge.headers.items()))
            return [b""]
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            return _answer(start_response, "413 Payload Too Large", {"error": "body too large"})
        try:
            events = parse_messaging_callbacks(
                environ["wsgi.input"].read(length), environ.get("CONTENT_TYPE")
            )
        except CallbackParseError as exc:
            log.warning("a webhook that is not a messaging callback: %s", exc)
            return _answer(start_response, "400 Bad Request", {"error": "not a callback"})
        for event in events:
            if isinstance(event, InboundCallback):
                self._received(event)
            elif isinstance(event, StatusCallback):
                self._status_event(event)
        start_response("204 No Content", [])
        return []

    def _received(self, event: InboundCallback) -> None:
        message = event.message
        if message is None or message.direction != "in":
            return  # never answer our own messages
        sender, owner = message.var_from, message.owner
        if not sender or not owner:
            return
        with self._lock:
            if sender in self.stopped:
                return
            if (message.text or "").strip().upper() == "STOP":
                self.stopped.add(sender)
        text = reply_to(message.text or "", len(message.media or ()))
        if text is None:
            return
        request = MessageRequest(
            application_id=self.settings.application_id,
            to=[sender],
            var_from=owner,
            text=text,
            tag=f"reply-to:{message.id}",
        )
        try:
            sent = self.api.create_message(self.settings.account_id, request)
        except ApiException as exc:
            log.error("the reply to %s was refused: %s", message.id, exc)
            return
        log.info("replied to %s with %s", message.id, sent.id)

    def _status_event(self, event: StatusCallback) -> None:
        message = event.message
        if message is None or not message.id:
            return
        kind = getattr(event.type, "value", event.type)
        entry = {"type": kind, "to": event.to, "errorCode": event.error_code}
        with self._lock:
            self.statuses.setdefault(message.id, []).append(entry)

    def _status(self, message_id: str, start_response: StartResponse) -> Iterable[bytes]:
        with self._lock:
            found = list(self.statuses.get(message_id, ()))
        if not found:
            return _answer(start_response, "404 Not Found", {"error": "no callback yet"})
        return _answer(start_response, "200 OK", {"messageId": message_id, "events": found})


def _answer(start_response: StartResponse, status: str, body: Any) -> Iterable[bytes]:
    data = json.dumps(body).encode()
    start_response(status, [("Content-Type", "application/json")])
    return [data]


def main() -> int:
    """Serve the app on ``LOCAL_PORT`` (default 3000) until interrupted."""
    env = os.environ
    values = {
        "BW_USERNAME": env.get("BW_USERNAME"),
        "BW_PASSWORD": env.get("BW_PASSWORD"),
        "BW_ACCOUNT_ID": env.get("BW_ACCOUNT_ID"),
        "BW_MESSAGING_APPLICATION_ID": env.get("BW_MESSAGING_APPLICATION_ID"),
        "BW_WEBHOOK_USERNAME": env.get("BW_WEBHOOK_USERNAME"),
        "BW_WEBHOOK_PASSWORD": env.get("BW_WEBHOOK_PASSWORD"),
    }
    missing = [name for name, value in values.items() if not value]
    if missing:
        print(f"set {', '.join(missing)}", file=sys.stderr)
        return 2
    settings = Settings(
        account_id=values["BW_ACCOUNT_ID"] or "",
        application_id=values["BW_MESSAGING_APPLICATION_ID"] or "",
        webhook_username=values["BW_WEBHOOK_USERNAME"] or "",
        webhook_password=values["BW_WEBHOOK_PASSWORD"] or "",
    )
    configuration = Configuration(username=values["BW_USERNAME"], password=values["BW_PASSWORD"])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    port = int(env.get("LOCAL_PORT") or 3000)
    with make_server("127.0.0.1", port, MessagingApp(configuration, settings)) as server:
        log.info("listening on http://127.0.0.1:%s", port)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Helpers for the messaging simulator's tests: a recording callback app, a client, numbers."""

from __future__ import annotations

import base64
import json
import threading
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import bandwidth
from bandwidth.api.messages_api import MessagesApi
from bandwidth.testing import BandwidthSimulator

APP_ID = "93de2206-9669-4e07-948d-329f4b722ee2"
OURS = "+19195550100"
OTHER_OURS = "+19195550101"
ALICE = "+19195551111"
BOB = "+19195552222"


class CallbackApp:
    """A WSGI messaging app that records every callback (each body a JSON array).

    ``statuses`` scripts the HTTP status of the next answers (then 204);
    ``credentials`` makes it challenge requests without them (401 + Basic).
    ``on_event`` may act on each event (reply with ``create_message``).
    """

    def __init__(
        self,
        credentials: Optional[Tuple[str, str]] = None,
        on_event: Optional[Callable[[Dict[str, Any]], None]] = None,
    ) -> None:
        self.bodies: List[Any] = []
        self.headers: List[Dict[str, str]] = []
        self.statuses: List[int] = []
        self.credentials = credentials
        self.on_event = on_event

    @property
    def events(self) -> List[Dict[str, Any]]:
        """Every event received, in order (flattened out of the arrays)."""
        return [event for body in self.bodies for event in body]

    def types(self) -> List[str]:
        return [event["type"] for event in self.events]

    def __call__(
        self, environ: Dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        headers = {
            k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")
        }
        headers["content-type"] = environ.get("CONTENT_TYPE", "")
        if self.credentials is not None:
            expected = "Basic " + base64.b64encode(":".join(self.credentials).encode()).decode()
            if headers.get("authorization") != expected:
                start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm=""')])
                return [b""]
        self.headers.append(headers)
        body = json.loads(raw)
        self.bodies.append(body)
        status = self.statuses.pop(0) if self.statuses else 204
        if self.on_event is not None and 200 <= status < 300:
            for event in body:
                self.on_event(event)
        start_response(f"{status} Status", [])
        return []


def messages_api(sim: BandwidthSimulator) -> MessagesApi:
    return MessagesApi(bandwidth.ApiClient(sim.configuration()))


def send(sim: BandwidthSimulator, **fields: Any) -> Any:
    body = {"applicationId": APP_ID, "to": [ALICE], "from": OURS, "text": "Hello"}
    body.update(fields)
    return messages_api(sim).create_message(sim.account_id, body)


class Served:
    """A WSGI app served on loopback by the standard library (``url`` is its base)."""

    def __init__(self, app: Any) -> None:
        class Quiet(WSGIRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

        self.server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=Quiet)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self._thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> Served:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()

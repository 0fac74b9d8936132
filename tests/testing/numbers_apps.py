"""What the numbers simulator tests share: a webhook receiver, served in-process or on loopback,
and a valid toll-free verification submission."""

from __future__ import annotations

import base64
import contextlib
import threading
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Tuple

TOLL_FREE = "+18005550100"
OTHER_TOLL_FREE = "+18885550199"


@dataclass
class Received:
    """One request the receiver got: its path, headers (lower-cased) and raw body."""

    path: str
    headers: Dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A WSGI app keeping every request; with ``username`` it challenges unauthenticated ones."""

    username: Optional[str] = None
    password: Optional[str] = None
    status: str = "204 No Content"
    received: List[Received] = field(default_factory=list)

    def __call__(
        self, environ: Dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        size = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(size) if size else b""
        headers = {
            key[5:].replace("_", "-").lower(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        if self.username is not None:
            token = base64.b64encode(f"{self.username}:{self.password}".encode()).decode()
            if headers.get("authorization") != f"Basic {token}":
                start_response("401 Unauthorized", [("WWW-Authenticate", 'Basic realm="hooks"')])
                return [b""]
        self.received.append(Received(environ["PATH_INFO"], headers, body))
        start_response(self.status, [])
        return [b""]


@contextlib.contextmanager
def served(app: Callable[..., Any]) -> Iterator[int]:
    """``app`` served on loopback by the standard library's WSGI server; yields the port."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = make_server("127.0.0.1", 0, app, handler_class=Quiet)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()


def submission(*numbers: str, **changes: Any) -> Dict[str, Any]:
    """A verification request the platform accepts (a private company with an EIN)."""
    body: Dict[str, Any] = {
        "businessAddress": {
            "name": "Acme Dental",
            "addr1": "1 Main St",
            "city": "Raleigh",
            "state": "NC",
            "zip": "27606",
            "url": "https://acme.example.com",
        },
        "businessContact": {
            "firstName": "Ada",
            "lastName": "Lovelace",
            "email": "ada@acme.example.com",
            "phoneNumber": "+19195551234",
        },
        "messageVolume": 1000,
        "phoneNumbers": list(numbers or (TOLL_FREE,)),
        "useCase": "Appointments",
        "useCaseSummary": "Appointment reminders for patients",
        "productionMessageContent": "Your cleaning is tomorrow at 9. Reply STOP to opt out.",
        "optInWorkflow": {
            "description": "Patients opt in on the booking form",
            "imageUrls": ["https://acme.example.com/optin.png"],
        },
        "businessEntityType": "PRIVATE_PROFIT",
        "businessRegistrationNumber": "12-3456789",
        "businessRegistrationType": "EIN",
        "businessRegistrationIssuingCountry": "USA",
    }
    body.update(changes)
    return body


def update_of(body: Dict[str, Any]) -> Dict[str, Any]:
    """The ``tfvSubmissionWrapper`` resubmitting ``body`` (its numbers are in the path)."""
    return {"submission": {k: v for k, v in body.items() if k != "phoneNumbers"}}


def pairs(received: List[Received]) -> List[Tuple[str, bytes]]:
    """Each request's path and body."""
    return [(r.path, r.body) for r in received]

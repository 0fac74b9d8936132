"""Webhook apps for Messaging, toll-free verification and endpoints, the way users write them.

A Flask app with one route per product is served over real HTTP on loopback;
the test plays Bandwidth, POSTing the bodies the reference describes (a
messaging array with Bandwidth's headers, after the Basic-auth challenge).
Then every new typed body works as a FastAPI body parameter without a warning.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import warnings
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import urllib3
from fastapi import Body, FastAPI
from fastapi.testclient import TestClient
from flask import Flask, Response, request
from typing_extensions import Annotated

import bandwidth.callbacks as callbacks
from bandwidth.callbacks import (
    TFV_SIGNATURE_HEADER,
    BlockedWebhook,
    CallbackParseError,
    EndpointCallback,
    EndpointEvent,
    FailureWebhook,
    InboundCallback,
    MessagingCallback,
    MessagingCallbacks,
    StatusCallback,
    TfvWebhook,
    UnknownMessagingCallback,
    VerificationDenialWebhook,
    VerificationWebhook,
    basic_auth_challenge,
    parse_endpoint_event,
    parse_messaging_callbacks,
    parse_tfv_webhook,
    verify_basic_auth,
    verify_tfv_signature,
)
from tests.callbacks.spec_examples import spec_example
from tests.examples.flask_server import serving

USER, PASSWORD = "callback-user", "callback-password"
KEY = "0123456789abcdef-shared"
SECRET = "s3cr3t-Value-0f-The-Body"


def webhook_app(received: List[Any]) -> Flask:
    """One route per product, each parsing with its own function."""
    app = Flask(__name__)

    @app.post("/messaging")
    def messaging() -> Tuple[Any, int, Dict[str, str]]:
        if not verify_basic_auth(request.headers.get("Authorization"), USER, PASSWORD):
            status, headers = basic_auth_challenge(realm="messaging")
            return "", status, headers
        try:
            events = parse_messaging_callbacks(request.get_data(), request.content_type)
        except CallbackParseError as exc:
            return str(exc), 400, {}
        for event in events:
            if isinstance(event, InboundCallback) and event.message.direction == "in":
                received.append(("inbound", event.message.text))
            elif isinstance(event, StatusCallback):
                received.append(("status", str(event.type), event.error_code))
            else:
                received.append(("unknown", event.type))
        return "", 204, {}

    @app.post("/tfv")
    def tfv() -> Tuple[Any, int, Dict[str, str]]:
        body = request.get_data()
        if not verify_tfv_signature(body, request.headers.get(TFV_SIGNATURE_HEADER), KEY):
            return "", 401, {}
        webhook = parse_tfv_webhook(body, request.content_type)
        received.append(("tfv", type(webhook).__name__))
        return "", 204, {}

    @app.post("/endpoint")
    def endpoint() -> Tuple[Any, int, Dict[str, str]]:
        event = parse_endpoint_event(request.get_data(), request.content_type)
        received.append(("endpoint", type(event).__name__, getattr(event, "event_type", None)))
        return "", 204, {}

    @app.errorhandler(CallbackParseError)
    def bad_body(exc: CallbackParseError) -> Response:
        return Response(str(exc), status=400)

    return app


@pytest.fixture
def server() -> Iterator[Tuple[str, List[Any]]]:
    received: List[Any] = []
    with serving(webhook_app(received)) as url:
        yield url, received


@pytest.fixture
def http() -> Iterator[urllib3.PoolManager]:
    pool = urllib3.PoolManager(retries=False, timeout=10)
    yield pool
    pool.clear()


BANDWIDTH_HEADERS = {
    "Content-Type": "application/json; charset=utf-8",
    "User-Agent": "BandwidthAPI/v2",
}


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_a_messaging_array_over_http_after_the_challenge(
    server: Tuple[str, List[Any]], http: urllib3.PoolManager
) -> None:
    url, received = server
    body = json.dumps(
        [
            spec_example("smsMessageReceivedCallbackExample"),
            spec_example("messageFailedCallbackExample"),
            spec_example("smsMessageDeliveredCallbackExample"),
            {"type": "message-expired", "time": "2025-01-01T00:00:00Z", "message": {}},
        ]
    ).encode("utf-8")
    first = http.request("POST", f"{url}/messaging", body=body, headers=BANDWIDTH_HEADERS)
    assert first.status == 401
    assert first.headers["WWW-Authenticate"] == 'Basic realm="messaging"'
    assert received == []
    headers = {**BANDWIDTH_HEADERS, "Authorization": basic(USER, PASSWORD)}
    second = http.request("POST", f"{url}/messaging", body=body, headers=headers)
    assert second.status == 204
    assert received == [
        ("inbound", "Hey, check out this SMS!"),
        ("status", "message-failed", 4432),
        ("status", "message-delivered", None),
        ("unknown", "message-expired"),
    ]


def test_a_bad_messaging_body_is_a_400_that_echoes_nothing(
    server: Tuple[str, List[Any]], http: urllib3.PoolManager
) -> None:
    url, received = server
    headers = {**BANDWIDTH_HEADERS, "Authorization": basic(USER, PASSWORD)}
    bad = spec_example("messageSentCallbackExample")
    bad["time"] = SECRET
    for body in (json.dumps([bad]).encode(), b"[{" + SECRET.encode(), b"[" * 64 + b"]" * 64):
        reply = http.request("POST", f"{url}/messaging", body=body, headers=headers)
        assert reply.status == 400
        assert SECRET not in reply.data.decode("utf-8", "replace")
    assert received == []


def test_tfv_and_endpoint_webhooks_over_http(
    server: Tuple[str, List[Any]], http: urllib3.PoolManager
) -> None:
    url, received = server
    denial = {"phoneNumber": "+18005555555", "denialStatusCode": 511, "resubmitAllowed": True}
    body = json.dumps(denial).encode()
    signature = hmac.new(KEY.encode(), body, hashlib.sha256).hexdigest()
    unsigned = http.request("POST", f"{url}/tfv", body=body, headers=BANDWIDTH_HEADERS)
    assert unsigned.status == 401
    signed_headers = {**BANDWIDTH_HEADERS, TFV_SIGNATURE_HEADER: signature}
    signed = http.request("POST", f"{url}/tfv", body=body, headers=signed_headers)
    assert signed.status == 204
    event = json.dumps(spec_example("endpointDisconnectedEventExample")).encode()
    sent = http.request("POST", f"{url}/endpoint", body=event, headers=BANDWIDTH_HEADERS)
    assert sent.status == 204
    broken = http.request("POST", f"{url}/endpoint", body=b"[]", headers=BANDWIDTH_HEADERS)
    assert broken.status == 400
    assert received == [
        ("tfv", "VerificationDenialWebhook"),
        ("endpoint", "EndpointEvent", "DEVICE_DISCONNECTED"),
    ]


# -- FastAPI body parameters -------------------------------------------------------------------

_BODIES: Dict[str, Tuple[Any, Any]] = {
    "MessagingCallbacks": (
        MessagingCallbacks,
        [spec_example("smsMessageReceivedCallbackExample"), {"type": "message-expired"}],
    ),
    "MessagingCallback": (MessagingCallback, spec_example("messageFailedCallbackExample")),
    "StatusCallback": (StatusCallback, spec_example("messageFailedCallbackExample")),
    "InboundCallback": (InboundCallback, spec_example("mmsMessageReceivedCallbackExample")),
    "TfvWebhook": (TfvWebhook, {"denialStatusCode": 511}),
    "VerificationDenialWebhook": (VerificationDenialWebhook, {"denialStatusCode": 511}),
    "VerificationWebhook": (VerificationWebhook, {"status": "VERIFIED"}),
    "FailureWebhook": (FailureWebhook, {"errorCode": "400", "errors": ["x"]}),
    "BlockedWebhook": (BlockedWebhook, {"blocked": True}),
    "EndpointCallback": (EndpointCallback, spec_example("endpointDisconnectedEventExample")),
    "EndpointEvent": (EndpointEvent, spec_example("endpointDisconnectedEventExample")),
}


def _names(value: Any) -> Any:
    if isinstance(value, list):
        return [type(item).__name__ for item in value]
    return type(value).__name__


@pytest.mark.parametrize("name", list(_BODIES))
def test_typed_bodies_as_fastapi_parameters_emit_no_warning(name: str) -> None:
    annotation, payload = _BODIES[name]
    app = FastAPI()
    client = TestClient(app)  # made outside the check: old test clients warn themselves
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")

        def webhook(body: Any) -> Dict[str, Any]:
            return {"models": _names(body)}

        # Body(): FastAPI before 0.115 reads a parameter typed with a union alias from the query
        webhook.__annotations__["body"] = Annotated[annotation, Body()]
        app.post("/webhook")(webhook)
        reply = client.post("/webhook", json=payload)
        bad = client.post("/webhook", json=[1] if "Callbacks" in name else "text")
        schema = client.get("/openapi.json")
    assert [str(w.message) for w in caught] == []
    assert reply.status_code == 200, reply.text
    expected = {
        "MessagingCallbacks": ["InboundCallback", "UnknownMessagingCallback"],
        "MessagingCallback": "StatusCallback",
        "TfvWebhook": "VerificationDenialWebhook",
        "EndpointCallback": "EndpointEvent",
    }.get(name, name)
    assert reply.json() == {"models": expected}
    assert bad.status_code == 422
    assert schema.status_code == 200


def test_unknown_messaging_events_in_fastapi_keep_their_fields() -> None:
    app = FastAPI()
    client = TestClient(app)
    seen: List[UnknownMessagingCallback] = []

    @app.post("/messaging", status_code=204, response_model=None)
    def messaging(events: MessagingCallbacks) -> None:
        seen.extend(e for e in events if isinstance(e, UnknownMessagingCallback))

    reply = client.post("/messaging", json=[{"type": "message-expired", "x": 1}])
    assert reply.status_code == 204
    assert [(e.type, e.additional_properties) for e in seen] == [("message-expired", {"x": 1})]


def test_the_new_names_are_exported_lazily() -> None:
    for name in (
        "parse_messaging_callbacks",
        "parse_tfv_webhook",
        "parse_endpoint_event",
        "verify_tfv_signature",
        "MessagingCallbacks",
        "TfvWebhook",
        "EndpointCallback",
    ):
        assert name in callbacks.__all__
        assert getattr(callbacks, name) is not None

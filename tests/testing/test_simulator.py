"""VoiceSimulator over real loopback sockets: the five operations and every error status.

Requests go through raw ``http.client`` so these tests pin the wire behaviour
itself (statuses, headers, bodies) independently of the SDK.
"""

from __future__ import annotations

import base64
import http.client
import json
import socket
from typing import Any, Dict, Optional

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.raw import ACCOUNT, BASIC, CALLS, NEW_CALL, Raw

# -- basics --------------------------------------------------------------------------------


def test_url_credentials_and_defaults() -> None:
    sim = VoiceSimulator(deliver_webhooks=False)
    with pytest.raises(RuntimeError):
        _ = sim.url
    with sim:
        assert sim.running
        assert sim.url == f"http://127.0.0.1:{sim.port}/api/v2"
        assert sim.port > 0
        assert (sim.account_id, sim.username, sim.password) == ("9900000", "username", "password")
    assert not sim.running
    sim.stop()  # idempotent


def test_start_twice_is_an_error(sim: VoiceSimulator) -> None:
    with pytest.raises(RuntimeError):
        sim.start()


def test_custom_credentials_and_account() -> None:
    with VoiceSimulator(
        account_id="5551234", username="u", password="p", deliver_webhooks=False
    ) as sim:
        raw = Raw(sim)
        auth = "Basic " + base64.b64encode(b"u:p").decode()
        ok = raw.send("GET", "/api/v2/accounts/5551234/calls", auth=auth)
        assert ok.status == 200
        assert raw.send("GET", "/api/v2/accounts/5551234/calls").status == 401
        raw.close()


# -- create_call ---------------------------------------------------------------------------


def test_create_call_answers_201_with_location_and_full_body(sim: VoiceSimulator, raw: Raw) -> None:
    reply = raw.create(
        tag="t1",
        username="user",
        password="secret",
        fallbackPassword="secret2",
        callTimeout=12.5,
        priority=2,
    )
    assert reply.status == 201
    body = reply.json()
    call_id = body["callId"]
    assert call_id.startswith("c-") and len(call_id) == 47
    location = f"{sim.url}/accounts/{ACCOUNT}/calls/{call_id}"
    assert reply.headers["Location"] == location
    assert reply.headers["Content-Type"] == "application/json"
    now = sim.now().strftime("%Y-%m-%dT%H:%M:%S.") + f"{sim.now().microsecond // 1000:03d}Z"
    assert body == {
        "applicationId": NEW_CALL["applicationId"],
        "accountId": ACCOUNT,
        "callId": call_id,
        "to": "+19195551234",
        "from": "+19195554321",
        "enqueuedTime": now,
        "callUrl": location,
        "callTimeout": 12.5,
        "callbackTimeout": 15,
        "tag": "t1",
        "answerMethod": "POST",
        "answerUrl": NEW_CALL["answerUrl"],
        "answerFallbackMethod": "POST",
        "answerFallbackUrl": None,
        "disconnectMethod": "POST",
        "disconnectUrl": None,
        "username": "user",
        "password": "*****",
        "fallbackUsername": None,
        "fallbackPassword": "*****",
        "priority": 2,
    }
    stored = sim.call(call_id)
    assert stored.state == "queued" and stored.direction == "outbound"
    assert stored.request["password"] == "secret"  # stored as sent; only the answer masks it


def test_create_call_accepts_sip_uri_and_every_optional_field(raw: Raw) -> None:
    reply = raw.create(
        to="sip:user@server.example",
        privacy=True,
        displayName="Anonymous",
        uui="aGVsbG8gd29ybGQ;encoding=base64,abcd;encoding=hex",
        answerMethod="GET",
        answerFallbackUrl="https://fallback.example/answer",
        answerFallbackMethod="GET",
        fallbackUsername="fu",
        fallbackPassword="fp",
        disconnectUrl="http://myServer.example/disconnect",
        disconnectMethod="GET",
        callTimeout=300,
        callbackTimeout=1,
        priority=1,
        tag="",
        machineDetection={
            "mode": "sync",
            "detectionTimeout": 15,
            "silenceTimeout": 10.5,
            "speechThreshold": 10,
            "speechEndThreshold": 5,
            "machineSpeechEndThreshold": None,
            "delayResult": True,
            "callbackUrl": "https://myServer.example/md",
            "callbackMethod": "GET",
            "username": "a",
            "password": "b",
            "fallbackUrl": "https://myServer.example/mdf",
            "fallbackMethod": "POST",
            "fallbackUsername": "c",
            "fallbackPassword": "d",
        },
        somethingNew="ignored like the real API ignores unknown fields",
    )
    assert reply.status == 201, reply.body
    body = reply.json()
    assert body["to"] == "sip:user@server.example"
    assert body["answerMethod"] == "GET" and body["disconnectMethod"] == "GET"
    assert body["tag"] is None  # "" clears the tag


def test_create_call_treats_explicit_nulls_as_defaults(raw: Raw) -> None:
    reply = raw.create(answerMethod=None, callTimeout=None, priority=None, tag=None)
    assert reply.status == 201
    body = reply.json()
    assert (body["answerMethod"], body["callTimeout"], body["priority"]) == ("POST", 30, 5)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"to": None}, "to"),
        ({"from": 19195554321}, "from"),
        ({"applicationId": None}, "applicationId"),
        ({"to": "19195551234"}, "to"),
        ({"to": "+0123"}, "to"),
        ({"to": "+1234567890123456"}, "to"),
        ({"to": "sip:nobody"}, "to"),
        ({"from": "sip:user@server.example"}, "from"),
        ({"answerUrl": "ftp://myServer.example/answer"}, "answerUrl"),
        ({"answerUrl": "not a url"}, "answerUrl"),
        ({"answerUrl": "https://" + "a" * 2048}, "answerUrl"),
        ({"answerFallbackUrl": "javascript:alert(1)"}, "answerFallbackUrl"),
        ({"disconnectUrl": "//no-scheme.example"}, "disconnectUrl"),
        ({"answerMethod": "PUT"}, "answerMethod"),
        ({"disconnectMethod": "post"}, "disconnectMethod"),
        ({"callTimeout": 0.5}, "callTimeout"),
        ({"callTimeout": 301}, "callTimeout"),
        ({"callTimeout": "30"}, "callTimeout"),
        ({"callbackTimeout": 26}, "callbackTimeout"),
        ({"callbackTimeout": True}, "callbackTimeout"),
        ({"priority": 0}, "priority"),
        ({"priority": 6}, "priority"),
        ({"priority": 2.5}, "priority"),
        ({"privacy": "yes"}, "privacy"),
        ({"displayName": "x" * 257}, "displayName"),
        ({"displayName": "two\nlines"}, "displayName"),
        ({"privacy": True, "displayName": "John Doe"}, "displayName"),
        ({"uui": "abc"}, "uui"),
        ({"uui": "abc;encoding=rot13"}, "uui"),
        ({"uui": "a" * 340 + ";encoding=hex"}, "uui"),
        ({"username": "u" * 1025}, "username"),
        ({"username": "u", "password": "p"}, "answerUrl"),  # http answerUrl with credentials
        ({"tag": "t" * 4097}, "tag"),
        ({"tag": 5}, "tag"),
        ({"machineDetection": None}, "machineDetection"),
        ({"machineDetection": {"mode": "maybe"}}, "machineDetection.mode"),
        ({"machineDetection": {"mode": None}}, "machineDetection.mode"),
        ({"machineDetection": {"detectionTimeout": "15"}}, "machineDetection.detectionTimeout"),
        ({"machineDetection": {"delayResult": 1}}, "machineDetection.delayResult"),
        ({"machineDetection": {"callbackUrl": "mailto:x@y"}}, "machineDetection.callbackUrl"),
        ({"machineDetection": {"fallbackMethod": "PATCH"}}, "machineDetection.fallbackMethod"),
    ],
)
def test_create_call_rejects_invalid_fields_with_400(
    sim: VoiceSimulator, raw: Raw, change: Dict[str, Any], field: str
) -> None:
    body = {**NEW_CALL, **change}
    if field == "answerUrl" and "username" in change:
        body["answerUrl"] = "http://myServer.example/answer"
    reply = raw.send("POST", CALLS, body)
    assert reply.status == 400, reply.body
    error = reply.expect_error()
    assert error["type"] == "validation"
    assert f"Invalid {field}:" in error["description"] or field in error["description"]
    assert sim.calls == []


@pytest.mark.parametrize("missing", ["to", "from", "applicationId", "answerUrl"])
def test_create_call_requires_the_four_required_fields(raw: Raw, missing: str) -> None:
    body = {k: v for k, v in NEW_CALL.items() if k != missing}
    reply = raw.send("POST", CALLS, body)
    assert reply.status == 400
    assert reply.expect_error()["description"] == f"Missing required field {missing}."


@pytest.mark.parametrize(
    "payload", [b"{", b"", b"[]", b'"text"', b"\xff\xfe", b'{"to": NaN}', b"null"]
)
def test_create_call_rejects_malformed_json_with_400(raw: Raw, payload: bytes) -> None:
    reply = raw.send("POST", CALLS, payload, content_type="application/json")
    assert reply.status == 400
    assert reply.expect_error()["type"] == "validation"


def test_error_message_for_non_http_url_matches_the_spec_example(raw: Raw) -> None:
    reply = raw.create(answerUrl="ftp://myServer.example/answer")
    assert (
        reply.expect_error()["description"] == "Invalid answerUrl: only http and https are allowed."
    )


@pytest.mark.parametrize(
    "content_type", [None, "text/plain", "application/xml", "application/x-www-form-urlencoded"]
)
def test_create_call_needs_json_content_type_415(
    sim: VoiceSimulator, raw: Raw, content_type: Optional[str]
) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    reply = raw.send("POST", CALLS, json.dumps(NEW_CALL), headers=headers)
    assert reply.status == 415
    assert reply.expect_error()["type"] == "unsupported-media-type"
    assert sim.calls == []


def test_create_call_accepts_json_with_charset(raw: Raw) -> None:
    reply = raw.send(
        "POST", CALLS, json.dumps(NEW_CALL), content_type="application/json; charset=utf-8"
    )
    assert reply.status == 201


# -- authentication and routing ------------------------------------------------------------


@pytest.mark.parametrize(
    "auth",
    [
        None,
        "Basic " + base64.b64encode(b"username:wrong").decode(),
        "Basic " + base64.b64encode(b"other:password").decode(),
        "Basic !!!notbase64",
        "Bearer some-token",
        "Digest username=username",
        "",
    ],
)
def test_401_without_valid_credentials(sim: VoiceSimulator, raw: Raw, auth: Optional[str]) -> None:
    reply = raw.send("POST", CALLS, NEW_CALL, auth=auth)
    assert reply.status == 401
    assert reply.expect_error()["type"] == "unauthorized"
    assert reply.headers["WWW-Authenticate"].startswith("Basic ")
    assert sim.calls == []


def test_basic_scheme_is_case_insensitive(raw: Raw) -> None:
    assert raw.list(query="").status == 200
    lower = "basic " + base64.b64encode(b"username:password").decode()
    assert raw.send("GET", CALLS, auth=lower).status == 200


def test_bearer_token_when_configured() -> None:
    with VoiceSimulator(access_token="tok-123", deliver_webhooks=False) as sim:
        raw = Raw(sim)
        assert raw.send("GET", CALLS, auth="Bearer tok-123").status == 200
        assert raw.send("GET", CALLS, auth="Bearer tok-124").status == 401
        assert raw.send("GET", CALLS).status == 200  # Basic still works
        raw.close()


def test_403_for_another_account(raw: Raw) -> None:
    reply = raw.send("GET", "/api/v2/accounts/1234567/calls")
    assert reply.status == 403
    assert reply.expect_error()["type"] == "forbidden"


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/api/v2",
        "/accounts/9900000/calls",  # missing the base path
        f"/api/v2/accounts/{ACCOUNT}",
        f"/api/v2/accounts/{ACCOUNT}/nowhere",  # (endpoints is a path: the Endpoints API)
        f"/api/v2/accounts/{ACCOUNT}/conferences/conf-1/members",
        f"/api/v2/accounts/{ACCOUNT}/recordings/r-1",
        f"{CALLS}/c-1/transcription",
        f"{CALLS}/c-1/recordings/r-1/media/extra",
        f"{CALLS}/c-1/bxml/extra",
        f"{CALLS}//bxml",
    ],
)
def test_404_for_unknown_paths(sim: VoiceSimulator, raw: Raw, path: str) -> None:
    reply = raw.send("GET", path)
    assert reply.status == 404
    assert reply.expect_error()["type"] == "not-found"
    assert sim.requests[-1].operation is None


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", CALLS, "GET, POST"),
        ("DELETE", CALLS, "GET, POST"),
        ("PATCH", f"{CALLS}/c-1", "GET, POST"),
        ("DELETE", f"{CALLS}/c-1", "GET, POST"),
        ("GET", f"{CALLS}/c-1/bxml", "PUT"),
        ("POST", f"{CALLS}/c-1/bxml", "PUT"),
        ("OPTIONS", f"{CALLS}/c-1/bxml", "PUT"),
    ],
)
def test_405_for_wrong_methods(raw: Raw, method: str, path: str, allow: str) -> None:
    reply = raw.send(method, path)
    assert reply.status == 405
    assert reply.headers["Allow"] == allow
    assert reply.expect_error()["type"] == "method-not-allowed"


def test_head_gets_headers_without_a_body(raw: Raw) -> None:
    raw.conn.request("HEAD", CALLS, headers={"Authorization": BASIC})
    response = raw.conn.getresponse()
    assert response.status == 405
    assert int(response.headers["Content-Length"]) > 0
    assert response.read() == b""
    assert raw.list().status == 200  # the connection is still in sync


# -- get_call_state ------------------------------------------------------------------------


def test_get_call_state_returns_every_documented_field(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = raw.expect_created()
    reply = raw.get(call_id)
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    state = reply.json()
    enqueued = state["enqueuedTime"]
    assert state == {
        "applicationId": NEW_CALL["applicationId"],
        "accountId": ACCOUNT,
        "callId": call_id,
        "parentCallId": None,
        "to": "+19195551234",
        "from": "+19195554321",
        "direction": "outbound",
        "state": "queued",
        "stirShaken": None,
        "identity": None,
        "enqueuedTime": enqueued,
        "startTime": None,
        "answerTime": None,
        "endTime": None,
        "disconnectCause": None,
        "errorMessage": None,
        "errorId": None,
        "lastUpdate": enqueued,
    }
    assert enqueued.endswith("Z") and len(enqueued) == 24


def test_get_call_state_404_for_unknown_call(raw: Raw) -> None:
    reply = raw.get("c-does-not-exist")
    assert reply.status == 404
    assert "c-does-not-exist" in reply.expect_error()["description"]


def test_call_ids_are_percent_decoded(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call()
    assert raw.get(call_id.replace("-", "%2D")).status == 200


# -- update_call ---------------------------------------------------------------------------


def test_redirect_is_recorded_on_the_call(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = raw.expect_created(tag="before")
    sim.answer(call_id)
    answered_at = sim.now()
    sim.advance(5)
    body = {
        "state": "active",
        "redirectUrl": "https://myServer.example/redirect",
        "redirectMethod": "GET",
        "tag": "after",
    }
    reply = raw.update(call_id, body)
    assert reply.status == 200
    assert reply.body == b""
    assert reply.headers["Content-Length"] == "0"
    call = sim.call(call_id)
    assert call.redirects == [body]
    assert call.tag == "after"
    assert call.state == "answered"
    assert call.last_update == answered_at  # a redirect is not a state change


def test_redirect_defaults_to_active_state(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = raw.expect_created()
    sim.initiate(call_id)
    assert raw.update(call_id, {"redirectUrl": "https://myServer.example/r"}).status == 200
    assert sim.call(call_id).redirects == [{"redirectUrl": "https://myServer.example/r"}]


def test_redirect_of_a_queued_call_is_409(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = raw.expect_created()
    reply = raw.update(call_id, {"state": "active", "redirectUrl": "https://x.example/r"})
    assert reply.status == 409
    assert reply.expect_error()["type"] == "conflict"
    assert sim.call(call_id).redirects == []


@pytest.mark.parametrize(
    ("setup", "direction", "cause"),
    [
        ("answer", "outbound", "hangup"),
        ("initiate", "outbound", "cancel"),
        (None, "outbound", "cancel"),
        (None, "inbound", "rejected"),
        ("initiate", "inbound", "rejected"),
        ("answer", "inbound", "hangup"),
    ],
)
def test_completed_ends_the_call_with_the_right_cause(
    sim: VoiceSimulator, raw: Raw, setup: Optional[str], direction: str, cause: str
) -> None:
    call_id = sim.add_call(direction=direction)
    if setup is not None:
        getattr(sim, setup)(call_id)
    sim.advance(3)
    body = {"state": "completed", "redirectMethod": "POST", "redirectFallbackMethod": "POST"}
    assert raw.update(call_id, body).status == 200
    state = raw.get(call_id).json()
    assert state["state"] == "disconnected"
    assert state["disconnectCause"] == cause
    assert state["endTime"] == state["lastUpdate"]
    assert sim.call(call_id).end_time == sim.now()


def test_updating_an_ended_call_is_409(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = raw.expect_created()
    sim.hangup(call_id, cause="busy")
    for body in (
        {"state": "completed"},
        {"state": "active", "redirectUrl": "https://myServer.example/r"},
    ):
        reply = raw.update(call_id, body)
        assert reply.status == 409
        assert reply.expect_error()["type"] == "conflict"
    assert sim.call(call_id).disconnect_cause == "busy"


def test_update_unknown_call_is_404(raw: Raw) -> None:
    assert raw.update("c-nope", {"state": "completed"}).status == 404


@pytest.mark.parametrize(
    "body",
    [
        {"state": "paused"},
        {"state": "active"},  # redirectUrl is required with active
        {},
        {"state": "completed", "redirectUrl": "https://x.example/r"},
        {"state": "completed", "tag": "not allowed"},
        {"redirectUrl": "ftp://x.example/r"},
        {"redirectUrl": "https://x.example/r", "redirectMethod": "PUT"},
        {"redirectUrl": "https://x.example/r", "redirectFallbackUrl": "file:///etc/passwd"},
        {"redirectUrl": "https://x.example/r", "username": 1},
        {"redirectUrl": "https://x.example/r", "tag": "t" * 4097},
    ],
)
def test_update_call_rejects_invalid_bodies_with_400(
    sim: VoiceSimulator, raw: Raw, body: Dict[str, Any]
) -> None:
    call_id = sim.add_call(state="answered")
    reply = raw.update(call_id, body)
    assert reply.status == 400, reply.body
    assert reply.expect_error()["type"] == "validation"
    assert sim.call(call_id).state == "answered"


def test_update_call_needs_json_415(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    body = '{"state":"completed"}'
    reply = raw.send("POST", f"{CALLS}/{call_id}", body, content_type="text/json")
    assert reply.status == 415
    assert sim.call(call_id).state == "answered"


def test_update_call_malformed_json_400(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    reply = raw.send("POST", f"{CALLS}/{call_id}", "{state:", content_type="application/json")
    assert reply.status == 400


# -- update_call_bxml ----------------------------------------------------------------------

BXML = '<?xml version="1.0" encoding="UTF-8"?>\n<Bxml><SpeakSentence>Hi</SpeakSentence></Bxml>'


def test_bxml_replacement_is_recorded_and_answers_204(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    reply = raw.bxml(call_id, BXML)
    assert reply.status == 204
    assert reply.body == b""
    assert "Content-Length" not in reply.headers
    assert "Content-Type" not in reply.headers
    assert raw.bxml(call_id, "<Bxml><Hangup/></Bxml>").status == 204
    assert sim.call(call_id).bxml == [BXML, "<Bxml><Hangup/></Bxml>"]


@pytest.mark.parametrize(
    "document",
    [
        "",
        "<Bxml>",
        "<Bxml><SpeakSentence>Hi</Bxml>",
        '<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>\n<Bxml></Bxml>',  # the spec's typo
        "not xml at all",
        "<Bxml/><Bxml/>",
        "<Bxml>&undefined;</Bxml>",
    ],
)
def test_bxml_must_be_a_well_formed_bxml_document(
    sim: VoiceSimulator, raw: Raw, document: str
) -> None:
    call_id = sim.add_call(state="answered")
    reply = raw.bxml(call_id, document)
    assert reply.status == 400
    assert reply.expect_error()["type"] == "validation"
    assert sim.call(call_id).bxml == []


def test_a_response_root_sent_to_update_call_bxml_is_accepted_with_a_note(
    sim: VoiceSimulator, raw: Raw
) -> None:
    # Bandwidth's voice-redirect-loop sample sends <Response> here.
    call_id = sim.add_call(state="answered")
    assert raw.bxml(call_id, "<Response><Hangup/></Response>").status == 204
    assert "root is <Response>; Bandwidth documents <Bxml>" in sim.call(call_id).timeline()


def test_strict_bxml_roots_refuses_a_response_root_in_update_call_bxml(
    sim: VoiceSimulator, raw: Raw
) -> None:
    sim.strict_bxml_roots = True
    call_id = sim.add_call(state="answered")
    reply = raw.bxml(call_id, "<Response><Hangup/></Response>")
    assert reply.status == 400
    assert "expected a <Bxml> root" in reply.expect_error()["description"]
    assert sim.call(call_id).bxml == []


@pytest.mark.parametrize("content_type", ["application/json", "text/plain", "text/xml"])
def test_bxml_needs_application_xml_415(raw: Raw, sim: VoiceSimulator, content_type: str) -> None:
    call_id = sim.add_call(state="answered")
    assert raw.bxml(call_id, BXML, content_type=content_type).status == 415


@pytest.mark.parametrize("state", ["queued", "initiated", "disconnected"])
def test_bxml_on_a_call_that_is_not_answered_is_409(
    sim: VoiceSimulator, raw: Raw, state: str
) -> None:
    call_id = sim.add_call(state=state)
    reply = raw.bxml(call_id, BXML)
    assert reply.status == 409
    assert reply.expect_error()["type"] == "conflict"


def test_bxml_unknown_call_is_404(raw: Raw) -> None:
    assert raw.bxml("c-nope", BXML).status == 404


# -- transport -----------------------------------------------------------------------------


def test_keep_alive_serves_many_requests_on_one_connection(sim: VoiceSimulator) -> None:
    raw = Raw(sim)
    for _ in range(20):
        assert raw.list().status == 200
    raw.close()
    assert len(sim.requests_for("list_calls")) == 20
    assert {r.headers.get("connection") for r in sim.requests} == {None}


def test_connection_close_is_honoured(sim: VoiceSimulator) -> None:
    raw = Raw(sim)
    reply = raw.send("GET", CALLS, headers={"Connection": "close"})
    assert reply.status == 200
    assert reply.headers["Connection"] == "close"
    raw.close()


def test_chunked_request_bodies_are_read(sim: VoiceSimulator) -> None:
    conn = http.client.HTTPConnection(sim.host, sim.port, timeout=10)
    body = json.dumps(NEW_CALL).encode()
    conn.request(
        "POST",
        CALLS,
        body=iter([body[:10], body[10:]]),
        headers={"Authorization": BASIC, "Content-Type": "application/json"},
        encode_chunked=True,
    )
    response = conn.getresponse()
    assert response.status == 201
    response.read()
    conn.close()
    assert sim.requests[0].body == body


def test_stop_closes_idle_keep_alive_connections() -> None:
    sim = VoiceSimulator(deliver_webhooks=False).start()
    raw = Raw(sim, timeout=5)
    assert raw.list().status == 200
    sim.stop()
    with pytest.raises((ConnectionError, http.client.HTTPException, OSError)):
        raw.list()
    raw.close()


def _exchange(sim: VoiceSimulator, payload: bytes) -> bytes:
    """Send raw bytes, read until the server closes (bounded by the socket timeout)."""
    with socket.create_connection((sim.host, sim.port), timeout=10) as conn:
        conn.sendall(payload)
        data = b""
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                return data
            data += chunk


@pytest.mark.parametrize(
    "payload",
    [b"GARBAGE\r\n\r\n", b"GET /x\r\n\r\n", b"GET / HTTP/1.1\r\nNoColonHere\r\n\r\n"],
)
def test_malformed_requests_get_400_and_close(sim: VoiceSimulator, payload: bytes) -> None:
    data = _exchange(sim, payload)
    assert data.startswith(b"HTTP/1.1 400 Bad Request\r\n")
    assert b"\r\nConnection: close\r\n" in data


def test_too_many_headers_is_431(sim: VoiceSimulator) -> None:
    headers = b"".join(b"X-%d: 1\r\n" % i for i in range(101))
    data = _exchange(sim, b"GET " + CALLS.encode() + b" HTTP/1.1\r\n" + headers + b"\r\n")
    assert data.startswith(b"HTTP/1.1 431 ")


def test_http_1_0_closes_after_the_answer(sim: VoiceSimulator) -> None:
    request = f"GET {CALLS} HTTP/1.0\r\nAuthorization: {BASIC}\r\n\r\n".encode()
    data = _exchange(sim, request)
    assert data.startswith(b"HTTP/1.1 200 OK\r\n")
    assert data.endswith(b"\r\n\r\n[]")


def test_expect_100_continue(sim: VoiceSimulator) -> None:
    body = json.dumps(NEW_CALL).encode()
    head = (
        f"POST {CALLS} HTTP/1.1\r\nHost: x\r\nAuthorization: {BASIC}\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        "Expect: 100-continue\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection((sim.host, sim.port), timeout=10) as conn:
        conn.sendall(head)
        assert conn.recv(25) == b"HTTP/1.1 100 Continue\r\n\r\n"
        conn.sendall(body)
        data = b""
        while chunk := conn.recv(65536):
            data += chunk
    assert data.startswith(b"HTTP/1.1 201 Created\r\n")
    assert len(sim.calls) == 1


def test_credentials_can_change_while_running(sim: VoiceSimulator, raw: Raw) -> None:
    assert raw.list().status == 200
    sim.password = "rotated"
    assert raw.list().status == 401
    rotated = "Basic " + base64.b64encode(b"username:rotated").decode()
    assert raw.send("GET", CALLS, auth=rotated).status == 200
    sim.access_token = "tok"
    assert raw.send("GET", CALLS, auth="Bearer tok").status == 200

"""Fault injection and request recording in the simulator, over real sockets."""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
from typing import Iterator, List

import pytest
import yaml

from bandwidth.testing import OPERATIONS, RecordedRequest, VoiceSimulator
from bandwidth.testing._voice.operations import TABLE
from tests.support.prism import SPEC
from tests.support.raw import ACCOUNT, BASIC, CALLS, NEW_CALL, Raw


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


@pytest.fixture
def raw(sim: VoiceSimulator) -> Iterator[Raw]:
    client = Raw(sim)
    yield client
    client.close()


VOICE_TAGS = {"Calls", "Conferences", "Recordings", "Statistics", "Transcriptions"}


def _snake(operation_id: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", operation_id).lower()


def test_operations_are_the_specs_voice_operations_by_sdk_method_name() -> None:
    """The table has every Voice operation of the spec, at its path and method, and no other."""
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    expected = set()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if isinstance(operation, dict) and VOICE_TAGS & set(operation.get("tags", ())):
                below = path.removeprefix("/accounts/{accountId}/")
                expected.add((_snake(operation["operationId"]), method.upper(), below))
    assert len(expected) == 28
    assert {(op.name, op.method, op.path) for op in TABLE} == expected
    # Voice's first, every other product's after them, the token endpoint last.
    assert OPERATIONS[: len(TABLE)] == tuple(op.name for op in TABLE)
    assert OPERATIONS[-1] == "oauth_token"
    assert OPERATIONS[:5] == (
        "create_call",
        "list_calls",
        "get_call_state",
        "update_call",
        "update_call_bxml",
    )


# -- fail_next -----------------------------------------------------------------------------


def test_fail_next_answers_count_requests_then_recovers(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next("create_call", 503, count=2)
    first, second, third = raw.create(), raw.create(), raw.create()
    assert (first.status, second.status, third.status) == (503, 503, 201)
    error = first.expect_error()
    assert error["type"] == "service-unavailable"
    assert error["description"] == "Simulated failure: Service Unavailable."
    assert len(sim.calls) == 1  # failed requests were not processed
    assert len(sim.requests_for("create_call")) == 3


def test_fail_next_429_carries_retry_after(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next("list_calls", 429)
    sim.fail_next("list_calls", 429, headers={"Retry-After": "7"})
    sim.fail_next("list_calls", 429, headers={"retry-after": "Wed, 21 Oct 2015 07:28:00 GMT"})
    replies = [raw.list() for _ in range(4)]
    assert [r.status for r in replies] == [429, 429, 429, 200]
    assert replies[0].headers.get_all("Retry-After") == ["0"]
    assert replies[1].headers.get_all("Retry-After") == ["7"]
    assert replies[2].headers.get_all("Retry-After") == ["Wed, 21 Oct 2015 07:28:00 GMT"]
    assert replies[0].expect_error()["type"] == "rate_limit_exceeded"


def test_fail_next_only_hits_its_operation(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call()
    sim.fail_next("update_call", 500)
    assert raw.get(call_id).status == 200
    assert raw.list().status == 200
    assert raw.update(call_id, {"state": "completed"}).status == 500
    assert raw.update(call_id, {"state": "completed"}).status == 200


def test_fail_next_none_hits_any_request_even_unroutable(raw: Raw) -> None:
    raw.conn.close()
    raw.sim.fail_next(None, 502, count=2)
    assert raw.send("GET", "/nowhere").status == 502
    assert raw.list().status == 502
    assert raw.send("GET", "/nowhere").status == 404


def test_fail_next_comes_before_authentication(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next("list_calls", 500)
    assert raw.send("GET", CALLS, auth=None).status == 500
    assert raw.send("GET", CALLS, auth=None).status == 401


def test_fail_next_custom_body_and_headers(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next("list_calls", 500, body={"type": "x", "description": "y"}, headers={"X-A": "1"})
    sim.fail_next(
        "list_calls", 400, body="<html>oops</html>", headers={"Content-Type": "text/html"}
    )
    sim.fail_next("list_calls", 500, body=b"")
    first, second, third = raw.list(), raw.list(), raw.list()
    assert (first.status, first.json(), first.headers["X-A"]) == (
        500,
        {"type": "x", "description": "y"},
        "1",
    )
    assert first.headers["Content-Type"] == "application/json"
    assert (second.status, second.body) == (400, b"<html>oops</html>")
    assert second.headers.get_all("Content-Type") == ["text/html"]
    assert (third.status, third.body) == (500, b"")


def test_fail_next_with_a_success_status_and_no_content(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next("get_call_state", 204)
    reply = raw.get("c-any")
    assert (reply.status, reply.body) == (204, b"")
    assert raw.get("c-any").status == 404  # the connection is still usable


def test_faults_are_consumed_in_order(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next(None, 500)
    sim.fail_next("list_calls", 503)
    assert [raw.list().status for _ in range(3)] == [500, 503, 200]


def test_clear_faults(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next(None, 500, count=10)
    sim.delay_next(None, 30, count=10)
    sim.clear_faults()
    assert raw.list().status == 200


def test_fault_arguments_are_checked(sim: VoiceSimulator) -> None:
    with pytest.raises(ValueError):
        sim.fail_next("createCall", 500)  # the spec's operationId, not the SDK name
    with pytest.raises(ValueError):
        sim.fail_next("create_call", 500, count=0)
    with pytest.raises(ValueError):
        sim.drop_next("create_call", when="during_read")
    with pytest.raises(ValueError):
        sim.malformed_next("create_call", kind="xml")


# -- delay_next ----------------------------------------------------------------------------


def test_delay_makes_a_short_client_timeout_fire(sim: VoiceSimulator) -> None:
    sim.delay_next("get_call_state", 2)
    slow = Raw(sim, timeout=0.2)
    with pytest.raises(socket.timeout):
        slow.get("c-1")
    slow.close()
    fresh = Raw(sim)
    assert fresh.get("c-1").status == 404  # only one request was delayed
    fresh.close()
    assert len(sim.requests_for("get_call_state")) == 2


def test_delay_combines_with_a_failure(sim: VoiceSimulator) -> None:
    sim.delay_next("list_calls", 2)
    sim.fail_next("list_calls", 503)
    slow = Raw(sim, timeout=0.2)
    with pytest.raises(socket.timeout):
        slow.list()
    slow.close()
    fresh = Raw(sim)
    assert fresh.list().status == 200  # both faults were spent on the first request
    fresh.close()


def test_stop_interrupts_a_delay() -> None:
    sim = VoiceSimulator(deliver_webhooks=False).start()
    sim.delay_next(None, 60)
    errors: List[BaseException] = []

    def request() -> None:
        client = Raw(sim, timeout=10)
        try:
            client.list()
        except BaseException as exc:
            errors.append(exc)
        client.close()

    worker = threading.Thread(target=request)
    worker.start()
    for _ in range(200):  # bounded: wait until the request has arrived
        if sim.requests:
            break
        threading.Event().wait(0.01)
    sim.stop()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert len(errors) == 1
    assert isinstance(errors[0], (ConnectionError, http.client.HTTPException))


# -- drop_next -----------------------------------------------------------------------------


@pytest.mark.parametrize("when", ["before_read", "after_read"])
def test_drop_closes_without_answer_or_effect(sim: VoiceSimulator, raw: Raw, when: str) -> None:
    sim.drop_next("create_call", when=when)
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        raw.create()
    assert sim.calls == []
    recorded = sim.requests_for("create_call")
    assert len(recorded) == 1
    assert recorded[0].body == (b"" if when == "before_read" else json.dumps(NEW_CALL).encode())
    again = Raw(sim)
    assert again.create().status == 201
    again.close()


def test_drop_after_process_loses_the_answer_but_keeps_the_effect(
    sim: VoiceSimulator, raw: Raw
) -> None:
    sim.drop_next("create_call", when="after_process")
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        raw.create()
    assert len(sim.calls) == 1
    assert sim.calls[0].state == "queued"


def test_drop_count_spans_connections(sim: VoiceSimulator) -> None:
    sim.drop_next("list_calls", count=3)
    for _ in range(3):
        client = Raw(sim)
        with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
            client.list()
        client.close()
    client = Raw(sim)
    assert client.list().status == 200
    client.close()
    assert len(sim.requests_for("list_calls")) == 4


# -- malformed_next ------------------------------------------------------------------------


def test_malformed_json_after_a_real_create(sim: VoiceSimulator, raw: Raw) -> None:
    sim.malformed_next("create_call")
    reply = raw.create()
    assert reply.status == 201
    assert reply.headers["Content-Type"] == "application/json"
    with pytest.raises(ValueError):
        json.loads(reply.body)
    assert len(sim.calls) == 1  # processed: the call exists
    assert reply.headers["Location"] == sim.call_url(sim.calls[0].call_id)


@pytest.mark.parametrize(
    ("operation", "status", "expected"),
    [
        ("create_call", 201, {"callId": 42, "accountId": None, "callUrl": ["not", "a", "url"]}),
        ("get_call_state", 200, ["not", "a", "callState"]),
        ("list_calls", 200, {"calls": "not an array"}),
    ],
)
def test_malformed_schema_bodies_are_valid_json_of_the_wrong_shape(
    sim: VoiceSimulator, raw: Raw, operation: str, status: int, expected: object
) -> None:
    call_id = sim.add_call()
    sim.malformed_next(operation, kind="schema")
    if operation == "create_call":
        reply = raw.create()
    elif operation == "get_call_state":
        reply = raw.get(call_id)
    else:
        reply = raw.list()
    assert reply.status == status
    assert reply.json() == expected


@pytest.mark.parametrize("operation", ["update_call", "update_call_bxml"])
def test_malformed_answers_for_bodyless_operations(
    sim: VoiceSimulator, raw: Raw, operation: str
) -> None:
    call_id = sim.add_call(state="answered")
    sim.malformed_next(operation)
    if operation == "update_call":
        reply = raw.update(call_id, {"redirectUrl": "https://x.example/r"})
    else:
        reply = raw.bxml(call_id, "<Bxml/>")
    assert reply.status == 200
    assert reply.body.startswith(b'{"callId"')
    with pytest.raises(ValueError):
        json.loads(reply.body)


def test_faults_reach_the_voice_operations_by_name(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id)
    media = f"{CALLS}/{call_id}/recordings/{rec_id}/media"
    sim.fail_next("download_call_recording", 503)
    sim.fail_next("get_statistics", 429)
    assert raw.send("GET", f"{CALLS}/{call_id}/recordings/{rec_id}").status == 200
    assert raw.send("GET", media).status == 503
    assert raw.send("GET", media).headers["Content-Type"] == "audio/vnd.wave"
    stats = raw.send("GET", f"/api/v2/accounts/{ACCOUNT}/statistics")
    assert (stats.status, stats.headers["Retry-After"]) == (429, "0")
    assert [r.operation for r in sim.requests] == [
        "get_call_recording",
        "download_call_recording",
        "download_call_recording",
        "get_statistics",
    ]


def test_a_dropped_delete_still_deletes(sim: VoiceSimulator) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id)
    sim.drop_next("delete_recording", when="after_process")
    conn = http.client.HTTPConnection(sim.host, sim.port, timeout=10)
    try:
        conn.request(
            "DELETE",
            f"{CALLS}/{call_id}/recordings/{rec_id}",
            headers={"Authorization": BASIC},
        )
        with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
            conn.getresponse()
    finally:
        conn.close()
    assert sim.recording(rec_id).deleted


@pytest.mark.parametrize(
    ("operation", "path", "expected"),
    [
        ("list_conferences", "conferences", {"items": "not an array"}),
        ("get_statistics", "statistics", ["not", "an", "object"]),
    ],
)
def test_malformed_schema_bodies_of_the_voice_operations(
    sim: VoiceSimulator, raw: Raw, operation: str, path: str, expected: object
) -> None:
    sim.malformed_next(operation, kind="schema")
    reply = raw.send("GET", f"/api/v2/accounts/{ACCOUNT}/{path}")
    assert (reply.status, reply.json()) == (200, expected)


def test_malformed_answers_for_a_204_voice_operation_are_200(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id)
    sim.malformed_next("delete_recording_media")
    reply = raw.send("DELETE", f"{CALLS}/{call_id}/recordings/{rec_id}/media")
    assert reply.status == 200
    with pytest.raises(ValueError):
        reply.json()
    assert sim.recording(rec_id).status == "deleted"  # processed first


def test_malformed_answer_even_when_processing_failed(sim: VoiceSimulator, raw: Raw) -> None:
    sim.malformed_next("get_call_state")
    reply = raw.get("c-unknown")
    assert reply.status == 200
    with pytest.raises(ValueError):
        reply.json()


# -- recording -----------------------------------------------------------------------------


def test_every_request_is_recorded_with_its_details(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    raw.create()
    raw.list("to=%2B15550000001&pageSize=2&to=%2B15550000002")
    raw.bxml(call_id, "<Bxml/>")
    raw.send("DELETE", CALLS)
    recorded = sim.requests
    assert [r.operation for r in recorded] == [
        "create_call",
        "list_calls",
        "update_call_bxml",
        None,
    ]
    create, listing, bxml, wrong = recorded
    assert isinstance(create, RecordedRequest)
    assert (create.method, create.path, create.query_string) == ("POST", CALLS, "")
    assert create.json() == NEW_CALL
    assert create.headers["authorization"] == BASIC
    assert create.headers["content-type"] == "application/json"
    assert create.time == sim.now()
    assert listing.query == {"to": ["+15550000001", "+15550000002"], "pageSize": ["2"]}
    assert listing.query_string == "to=%2B15550000001&pageSize=2&to=%2B15550000002"
    assert listing.body == b""
    assert (bxml.method, bxml.text) == ("PUT", "<Bxml/>")
    assert wrong.method == "DELETE"
    assert sim.requests_for("list_calls") == [listing]
    assert sim.requests_for(None) == [wrong]


def test_failed_and_unauthorized_requests_are_recorded_too(sim: VoiceSimulator, raw: Raw) -> None:
    sim.fail_next("create_call", 500)
    raw.create()
    raw.send("GET", CALLS, auth=None)
    assert [r.operation for r in sim.requests] == ["create_call", "list_calls"]


def test_clear_requests(sim: VoiceSimulator, raw: Raw) -> None:
    raw.list()
    sim.clear_requests()
    assert sim.requests == []
    raw.list()
    assert len(sim.requests) == 1


def test_recording_can_be_turned_off() -> None:
    with VoiceSimulator(record_requests=False, deliver_webhooks=False) as sim:
        raw = Raw(sim)
        assert raw.list().status == 200
        raw.close()
        assert sim.requests == []


def test_concurrent_clients_are_all_served_and_counted(sim: VoiceSimulator) -> None:
    errors: List[BaseException] = []

    def worker() -> None:
        client = Raw(sim)
        try:
            for _ in range(25):
                assert client.create().status == 201
        except BaseException as exc:
            errors.append(exc)
        finally:
            client.close()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert len(sim.calls) == 200
    assert len({c.call_id for c in sim.calls}) == 200
    assert len(sim.requests_for("create_call")) == 200


def test_raw_connection_speaks_plain_http(sim: VoiceSimulator) -> None:
    with socket.create_connection((sim.host, sim.port), timeout=10) as conn:
        conn.sendall(
            f"GET {CALLS} HTTP/1.1\r\nHost: x\r\nAuthorization: {BASIC}\r\n\r\n".encode()
            + f"GET {CALLS} HTTP/1.1\r\nHost: x\r\nAuthorization: {BASIC}\r\n\r\n".encode()
        )
        data = b""
        while data.count(b"HTTP/1.1 200 OK") < 2:
            chunk = conn.recv(65536)
            assert chunk, data
            data += chunk
    assert data.count(b"Content-Length: 2\r\n") == 2  # pipelined, two "[]" answers

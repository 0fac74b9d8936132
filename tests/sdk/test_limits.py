"""What a hostile or broken server cannot do: inflate, flood, or hold a call (issue items 3, 4).

Each test talks to a scripted loopback server (tests/support/faults.py) that
misbehaves at the byte level.
"""

from __future__ import annotations

import gzip
import json
import threading
from typing import Iterator, List

import pytest
import urllib3

from bandwidth import ApiClient, CallsApi, Configuration, RetryPolicy
from bandwidth.exceptions import (
    ERROR_BODY_LIMIT,
    ApiException,
    ApiTimeoutError,
    InvalidResponseException,
    NotFoundException,
)
from tests.support.faults import FaultServer, http_response
from tests.support.wire import ACCOUNT, CALL_ID, CALL_STATE, new_call

STATE = json.dumps(CALL_STATE).encode()
# 10 MB of JSON-ish zeros in ~10 KB of gzip: enough to show inflation, small enough to test.
BOMB = gzip.compress(b"[" + b"0," * 5_000_000 + b"0]", 9)


@pytest.fixture
def server() -> Iterator[FaultServer]:
    fault_server = FaultServer()
    yield fault_server
    fault_server.close()


def api_for(url: str, **settings: object) -> CallsApi:
    settings.setdefault("retries", 0)
    configuration = Configuration(host=url, username="u", password="pa55word", **settings)  # type: ignore[arg-type]
    return CallsApi(ApiClient(configuration))


# -- item 3: no decoding we did not ask for, a size limit, bounded error bodies --------


def test_a_gzip_bomb_is_refused_not_inflated(server: FaultServer) -> None:
    assert len(BOMB) < 20_000
    server.respond(200, BOMB, {"Content-Encoding": "gzip", "Content-Type": "application/json"})
    with pytest.raises(InvalidResponseException, match="Content-Encoding 'gzip'") as caught:
        api_for(server.url).list_calls(ACCOUNT)
    assert caught.value.status == 200
    assert len(str(caught.value)) < 2_000  # neither the inflated nor the compressed body


def test_an_encoded_error_answer_is_refused_too(server: FaultServer) -> None:
    server.respond(404, gzip.compress(b'{"description":"x"}'), {"Content-Encoding": "GZip"})
    with pytest.raises(InvalidResponseException, match="not asked for") as caught:
        api_for(server.url).get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.status == 404


@pytest.mark.parametrize("value", ["identity", "Identity ", ""])
def test_identity_is_no_encoding(server: FaultServer, value: str) -> None:
    server.respond(200, STATE, {"Content-Encoding": value, "Content-Type": "application/json"})
    assert api_for(server.url).get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID


def test_a_raw_response_is_the_callers_and_is_never_inflated(server: FaultServer) -> None:
    server.respond(200, BOMB, {"Content-Encoding": "gzip"})
    raw = api_for(server.url).list_calls_without_preload_content(ACCOUNT)
    assert raw.status == 200
    assert raw.data == BOMB  # the bytes as sent; inflating them is the caller's decision


def test_a_response_larger_than_the_limit_is_not_read_further(server: FaultServer) -> None:
    huge = b"[" + b" " * 2_000_000 + b"]"
    server.respond(200, huge, {"Content-Type": "application/json"})
    api = api_for(server.url, max_response_bytes=64 * 1024)
    with pytest.raises(InvalidResponseException, match="larger than max_response_bytes"):
        api.list_calls(ACCOUNT)


def test_the_limit_applies_to_bodies_drained_before_a_retry(server: FaultServer) -> None:
    # A 503 is retried for a GET; urllib3 reads ("drains") its body first.
    server.respond(503, b"x" * 2_000_000)
    server.respond(200, STATE)
    api = api_for(server.url, max_response_bytes=64 * 1024, retries=RetryPolicy(2, sleep=[].append))
    with pytest.raises(InvalidResponseException, match="larger than max_response_bytes"):
        api.get_call_state(ACCOUNT, CALL_ID)
    assert len(server.requests) == 1  # a flood is not retried


def test_the_limit_applies_to_a_raw_response_read_later(server: FaultServer) -> None:
    server.respond(200, b"x" * 2_000_000)
    raw = api_for(server.url, max_response_bytes=64 * 1024).list_calls_without_preload_content(
        ACCOUNT
    )
    with pytest.raises(InvalidResponseException, match="max_response_bytes"):
        raw.read()


def test_an_error_keeps_only_a_prefix_of_a_large_body(server: FaultServer) -> None:
    body = b'{"description": "' + b"y" * 1_000_000 + b'"}'
    server.respond(404, body)
    with pytest.raises(NotFoundException) as caught:
        api_for(server.url).get_call_state(ACCOUNT, CALL_ID)
    kept = caught.value.body
    assert kept is not None and kept.startswith('{"description": "yyy')
    assert len(kept) < ERROR_BODY_LIMIT + 100 and kept.endswith("characters not kept]")
    assert f"{len(body) - ERROR_BODY_LIMIT} more" in kept
    assert len(str(caught.value)) < ERROR_BODY_LIMIT + 1_000


def test_a_large_page_within_the_default_limit_is_read(server: FaultServer) -> None:
    page = json.dumps([{**CALL_STATE, "callId": f"c-{i}"} for i in range(10000)]).encode()
    assert 5_000_000 < len(page) < Configuration().max_response_bytes // 8
    server.respond(200, page, {"Content-Type": "application/json"})
    assert len(api_for(server.url).list_calls(ACCOUNT, page_size=10000)) == 10000


# -- item 4: a deadline for the whole attempt ---------------------------------------------


def dripped_state() -> bytes:
    """A whole valid answer, which the server drips one byte at a time."""
    return http_response(200, STATE, {"Content-Type": "application/json"})


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_dripping_server_cannot_hold_a_call(server: FaultServer, where: str) -> None:
    payload = dripped_state()
    head_length = payload.index(b"\r\n\r\n") + 4
    # "body": the head at once, then the body a byte at a time (headers and body share
    # the one deadline); "headers": everything a byte at a time.
    server.drip(payload, every=0.05, at_once=head_length if where == "body" else 0)
    # Each byte arrives well within the 2 s read timeout; the whole answer takes 30 s.
    api = api_for(server.url, timeout=(2, 2), deadline=0.5)
    with pytest.raises(ApiTimeoutError, match="s deadline") as caught:
        api.get_call_state(ACCOUNT, CALL_ID)
    assert "0.5s deadline" in str(caught.value)
    assert isinstance(caught.value.__cause__, urllib3.exceptions.HTTPError)


@pytest.mark.parametrize(
    "per_call", [0.4, urllib3.Timeout(total=0.4), urllib3.Timeout(connect=2, read=2, total=0.4)]
)
def test_a_per_call_total_is_the_deadline(server: FaultServer, per_call: object) -> None:
    server.drip(dripped_state(), every=0.05)
    api = api_for(server.url, timeout=(2, 2))  # the configured deadline is 120 s
    with pytest.raises(ApiTimeoutError, match=r"0\.4s deadline"):
        api.get_call_state(ACCOUNT, CALL_ID, _request_timeout=per_call)  # type: ignore[arg-type]


def test_each_retry_gets_a_new_deadline(server: FaultServer) -> None:
    waits: List[float] = []
    server.drip(dripped_state(), every=0.05)
    server.respond(200, STATE, {"Content-Type": "application/json"})
    api = api_for(
        server.url, timeout=(2, 2), deadline=0.5, retries=RetryPolicy(2, sleep=waits.append)
    )
    assert api.get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
    assert len(server.requests) == 2 and len(waits) == 1


def test_a_create_call_past_its_deadline_is_not_repeated(server: FaultServer) -> None:
    server.drip(http_response(201, b"{}"), every=0.05)
    server.respond(201, b"{}")
    api = api_for(server.url, timeout=(2, 2), deadline=0.5, retries=RetryPolicy(3, sleep=[].append))
    with pytest.raises(ApiTimeoutError):
        api.create_call(ACCOUNT, new_call())
    assert len(server.requests) == 1


def test_the_oauth_token_fetch_has_the_deadline_and_does_not_hold_its_lock(
    server: FaultServer,
) -> None:
    token = json.dumps({"access_token": "t0k3n-abcdef", "token_type": "Bearer"}).encode()
    for _ in range(3):  # a waiter may take the lock as a failed fetch lets go, and fetch too
        server.drip(http_response(200, token, {"Content-Type": "application/json"}), every=0.05)
    configuration = Configuration(
        host=server.url,
        client_id="id",
        client_secret="s3cr3t-value",
        access_token_url=server.url.replace("/api/v2", "/token"),
        retries=0,
        timeout=(2, 2),
        deadline=0.5,
    )
    api = CallsApi(ApiClient(configuration))
    errors: List[BaseException] = []
    together = threading.Barrier(3)

    def call() -> None:
        together.wait()
        try:
            api.get_call_state(ACCOUNT, CALL_ID)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert not any(thread.is_alive() for thread in threads)
    assert len(errors) == 3
    # Every thread gave up after about the deadline: the fetcher at its deadline, the
    # others waiting for its lock no longer than that (none waits for 30 s of dripping).
    assert all(isinstance(error, ApiTimeoutError) for error in errors), errors
    assert any("another thread's OAuth token fetch" in str(error) for error in errors)
    assert all(b"POST /token" in request for request in server.requests)


def test_every_failure_is_an_api_exception(server: FaultServer) -> None:
    server.respond(200, BOMB, {"Content-Encoding": "gzip"})
    with pytest.raises(ApiException):
        api_for(server.url).list_calls(ACCOUNT)


@pytest.mark.parametrize("answer", ["gzip", "flood"])
def test_the_oauth_token_fetch_has_the_same_limits(server: FaultServer, answer: str) -> None:
    token = json.dumps({"access_token": "t0k3n-abcdef", "token_type": "Bearer"}).encode()
    if answer == "gzip":
        server.respond(200, gzip.compress(token), {"Content-Encoding": "gzip"})
    else:
        server.respond(200, token + b" " * 2_000_000, {"Content-Type": "application/json"})
    configuration = Configuration(
        host=server.url,
        client_id="id",
        client_secret="s3cr3t-value",
        access_token_url=server.url.replace("/api/v2", "/token"),
        retries=0,
        max_response_bytes=64 * 1024,
    )
    with pytest.raises(InvalidResponseException, match=r"Content-Encoding|max_response_bytes"):
        CallsApi(ApiClient(configuration)).get_call_state(ACCOUNT, CALL_ID)
    assert len(server.requests) == 1 and b"POST /token" in server.requests[0]

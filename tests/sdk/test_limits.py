"""What a hostile or broken server cannot do: inflate, flood, or hold a call (issue items 3, 4).

The simulator plays the server: ``fail_next`` scripts the exact answer (a
gzip bomb, a flood), ``slow_next`` drips one a byte at a time.
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
from bandwidth.testing import VoiceSimulator
from tests.support.wire import ACCOUNT, CALL_STATE, new_call

STATE = json.dumps(CALL_STATE).encode()
JSON = {"Content-Type": "application/json"}
# 10 MB of JSON-ish zeros in ~10 KB of gzip: enough to show inflation, small enough to test.
BOMB = gzip.compress(b"[" + b"0," * 5_000_000 + b"0]", 9)


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


@pytest.fixture
def call_id(sim: VoiceSimulator) -> str:
    return sim.add_call()


def api_for(sim: VoiceSimulator, **settings: object) -> CallsApi:
    settings.setdefault("retries", 0)
    return CallsApi(ApiClient(sim.configuration(**settings)))


# -- item 3: no decoding we did not ask for, a size limit, bounded error bodies --------


def test_a_gzip_bomb_is_refused_not_inflated(sim: VoiceSimulator) -> None:
    assert len(BOMB) < 20_000
    sim.fail_next("list_calls", 200, body=BOMB, headers={"Content-Encoding": "gzip", **JSON})
    with pytest.raises(InvalidResponseException, match="Content-Encoding 'gzip'") as caught:
        api_for(sim).list_calls(ACCOUNT)
    assert caught.value.status == 200
    assert len(str(caught.value)) < 2_000  # neither the inflated nor the compressed body


def test_an_encoded_error_answer_is_refused_too(sim: VoiceSimulator, call_id: str) -> None:
    error = gzip.compress(b'{"description":"x"}')
    sim.fail_next("get_call_state", 404, body=error, headers={"Content-Encoding": "GZip"})
    with pytest.raises(InvalidResponseException, match="not asked for") as caught:
        api_for(sim).get_call_state(ACCOUNT, call_id)
    assert caught.value.status == 404


@pytest.mark.parametrize("value", ["identity", "Identity ", ""])
def test_identity_is_no_encoding(sim: VoiceSimulator, call_id: str, value: str) -> None:
    sim.fail_next("get_call_state", 200, body=STATE, headers={"Content-Encoding": value, **JSON})
    assert api_for(sim).get_call_state(ACCOUNT, call_id).call_id == CALL_STATE["callId"]


def test_a_raw_response_is_the_callers_and_is_never_inflated(sim: VoiceSimulator) -> None:
    sim.fail_next("list_calls", 200, body=BOMB, headers={"Content-Encoding": "gzip"})
    raw = api_for(sim).list_calls_without_preload_content(ACCOUNT)
    assert raw.status == 200
    assert raw.data == BOMB  # the bytes as sent; inflating them is the caller's decision


def test_a_response_larger_than_the_limit_is_not_read_further(sim: VoiceSimulator) -> None:
    huge = b"[" + b" " * 2_000_000 + b"]"
    sim.fail_next("list_calls", 200, body=huge, headers=JSON)
    api = api_for(sim, max_response_bytes=64 * 1024)
    with pytest.raises(InvalidResponseException, match="larger than max_response_bytes"):
        api.list_calls(ACCOUNT)


def test_the_limit_applies_to_bodies_drained_before_a_retry(
    sim: VoiceSimulator, call_id: str
) -> None:
    # A 503 is retried for a GET; urllib3 reads ("drains") its body first.
    sim.fail_next("get_call_state", 503, body=b"x" * 2_000_000)
    api = api_for(sim, max_response_bytes=64 * 1024, retries=RetryPolicy(2, sleep=[].append))
    with pytest.raises(InvalidResponseException, match="larger than max_response_bytes"):
        api.get_call_state(ACCOUNT, call_id)
    assert len(sim.requests_for("get_call_state")) == 1  # a flood is not retried


def test_the_limit_applies_to_a_raw_response_read_later(sim: VoiceSimulator) -> None:
    sim.fail_next("list_calls", 200, body=b"x" * 2_000_000)
    api = api_for(sim, max_response_bytes=64 * 1024)
    raw = api.list_calls_without_preload_content(ACCOUNT)
    with pytest.raises(InvalidResponseException, match="max_response_bytes"):
        raw.read()


def test_an_error_keeps_only_a_prefix_of_a_large_body(sim: VoiceSimulator, call_id: str) -> None:
    body = b'{"description": "' + b"y" * 1_000_000 + b'"}'
    sim.fail_next("get_call_state", 404, body=body)
    with pytest.raises(NotFoundException) as caught:
        api_for(sim).get_call_state(ACCOUNT, call_id)
    kept = caught.value.body
    assert kept is not None and kept.startswith('{"description": "yyy')
    assert len(kept) < ERROR_BODY_LIMIT + 100 and kept.endswith("characters not kept]")
    assert f"{len(body) - ERROR_BODY_LIMIT} more" in kept
    assert len(str(caught.value)) < ERROR_BODY_LIMIT + 1_000


def test_a_large_page_within_the_default_limit_is_read(sim: VoiceSimulator) -> None:
    page = json.dumps([{**CALL_STATE, "callId": f"c-{i}"} for i in range(10000)]).encode()
    assert 5_000_000 < len(page) < Configuration().max_response_bytes // 8
    sim.fail_next("list_calls", 200, body=page, headers=JSON)
    assert len(api_for(sim).list_calls(ACCOUNT, page_size=10000)) == 10000


# -- item 4: a deadline for the whole attempt ---------------------------------------------


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_dripping_server_cannot_hold_a_call(
    sim: VoiceSimulator, call_id: str, where: str
) -> None:
    # "body": the head at once, then the body a byte at a time (headers and body share
    # the one deadline); "headers": everything a byte at a time.
    sim.slow_next("get_call_state", interval=0.05, head_at_once=where == "body")
    # Each byte arrives well within the 2 s read timeout; the whole answer takes ~30 s.
    api = api_for(sim, timeout=(2, 2), deadline=0.5)
    with pytest.raises(ApiTimeoutError, match="s deadline") as caught:
        api.get_call_state(ACCOUNT, call_id)
    assert "0.5s deadline" in str(caught.value)
    assert isinstance(caught.value.__cause__, urllib3.exceptions.HTTPError)


@pytest.mark.parametrize(
    "per_call", [0.4, urllib3.Timeout(total=0.4), urllib3.Timeout(connect=2, read=2, total=0.4)]
)
def test_a_per_call_total_is_the_deadline(
    sim: VoiceSimulator, call_id: str, per_call: object
) -> None:
    sim.slow_next("get_call_state", interval=0.05)
    api = api_for(sim, timeout=(2, 2))  # the configured deadline is 120 s
    with pytest.raises(ApiTimeoutError, match=r"0\.4s deadline"):
        api.get_call_state(ACCOUNT, call_id, _request_timeout=per_call)  # type: ignore[arg-type]


def test_the_deadline_covers_every_attempt_of_a_call(sim: VoiceSimulator, call_id: str) -> None:
    # The first answer drips past the deadline: a retry is allowed for a GET, but the
    # call's deadline is spent, so the caller's worst case stays what they configured.
    waits: List[float] = []
    sim.slow_next("get_call_state", interval=0.05)
    api = api_for(sim, timeout=(2, 2), deadline=0.5, retries=RetryPolicy(2, sleep=waits.append))
    with pytest.raises(ApiTimeoutError, match=r"0\.5s deadline"):
        api.get_call_state(ACCOUNT, call_id)
    assert len(sim.requests_for("get_call_state")) == 1


def test_a_retry_whose_wait_would_pass_the_deadline_is_not_made(
    sim: VoiceSimulator, call_id: str
) -> None:
    waits: List[float] = []
    sim.fail_next("get_call_state", 503, headers={"Retry-After": "2"})
    api = api_for(sim, deadline=1, retries=RetryPolicy(3, sleep=waits.append))
    with pytest.raises(ApiTimeoutError, match="deadline"):
        api.get_call_state(ACCOUNT, call_id)
    assert waits == [] and len(sim.requests_for("get_call_state")) == 1


def test_retries_inside_the_deadline_still_happen(sim: VoiceSimulator, call_id: str) -> None:
    waits: List[float] = []
    sim.fail_next("get_call_state", 503, count=2)
    api = api_for(sim, deadline=30, retries=RetryPolicy(3, sleep=waits.append))
    assert api.get_call_state(ACCOUNT, call_id).call_id == call_id
    assert len(waits) == 2


def test_a_create_call_past_its_deadline_is_not_repeated(sim: VoiceSimulator) -> None:
    sim.slow_next("create_call", interval=0.05)  # the call is made; its 201 drips
    api = api_for(sim, timeout=(2, 2), deadline=0.5, retries=RetryPolicy(3, sleep=[].append))
    with pytest.raises(ApiTimeoutError):
        api.create_call(ACCOUNT, new_call())
    assert len(sim.requests_for("create_call")) == 1
    assert len(sim.calls) == 1


def test_the_oauth_token_fetch_has_the_deadline_and_does_not_hold_its_lock(
    sim: VoiceSimulator, call_id: str
) -> None:
    # a waiter may take the lock as a failed fetch lets go, and fetch too
    sim.slow_next("oauth_token", interval=0.05, count=3)
    configuration = sim.configuration(oauth=True, retries=0, timeout=(2, 2), deadline=0.5)
    api = CallsApi(ApiClient(configuration))
    errors: List[BaseException] = []
    together = threading.Barrier(3)

    def call() -> None:
        together.wait()
        try:
            api.get_call_state(ACCOUNT, call_id)
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
    assert all(request.operation == "oauth_token" for request in sim.requests)


def test_every_failure_is_an_api_exception(sim: VoiceSimulator) -> None:
    sim.fail_next("list_calls", 200, body=BOMB, headers={"Content-Encoding": "gzip"})
    with pytest.raises(ApiException):
        api_for(sim).list_calls(ACCOUNT)


@pytest.mark.parametrize("answer", ["gzip", "flood"])
def test_the_oauth_token_fetch_has_the_same_limits(
    sim: VoiceSimulator, call_id: str, answer: str
) -> None:
    token = json.dumps({"access_token": "t0k3n-abcdef", "token_type": "Bearer"}).encode()
    if answer == "gzip":
        sim.fail_next(
            "oauth_token", 200, body=gzip.compress(token), headers={"Content-Encoding": "gzip"}
        )
    else:
        sim.fail_next("oauth_token", 200, body=token + b" " * 2_000_000, headers=JSON)
    configuration = sim.configuration(oauth=True, retries=0, max_response_bytes=64 * 1024)
    with pytest.raises(InvalidResponseException, match=r"Content-Encoding|max_response_bytes"):
        CallsApi(ApiClient(configuration)).get_call_state(ACCOUNT, call_id)
    assert [request.operation for request in sim.requests] == ["oauth_token"]

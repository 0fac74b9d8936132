"""Timeouts, retries and typed transport errors, each proven over loopback.

Request counts are asserted on the server side; waits are recorded through
the policy's ``sleep`` seam instead of slept, so the tests stay fast.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
from typing import Iterator, List

import pytest
import urllib3
from urllib3.exceptions import NewConnectionError, ProtocolError, ReadTimeoutError

from bandwidth import ApiClient, CallsApi, Configuration, RetryPolicy, UpdateCall
from bandwidth.api_client import retry_policy
from bandwidth.exceptions import (
    ApiConnectionError,
    ApiException,
    ApiTimeoutError,
    ServiceException,
    TooManyRequestsException,
)
from tests.support.faults import FaultServer, closed_port
from tests.support.wire import ACCOUNT, CALL_ID, CALL_STATE, CREATE_CALL_RESPONSE, new_call

STATE = json.dumps(CALL_STATE).encode()
CREATED = json.dumps(CREATE_CALL_RESPONSE).encode()
ERROR = b'{"type":"x","description":"slow down"}'


@pytest.fixture
def server() -> Iterator[FaultServer]:
    fault_server = FaultServer()
    yield fault_server
    fault_server.close()


@pytest.fixture
def waits() -> List[float]:
    return []


def client(url: str, waits: List[float], **config: object) -> CallsApi:
    retries = config.pop("retries", RetryPolicy(3, sleep=waits.append))
    configuration = Configuration(
        host=url,
        username="u",
        password="p",
        retries=retries,
        **config,  # type: ignore[arg-type]
    )
    return CallsApi(ApiClient(configuration))


# -- idempotent operations retry ---------------------------------------------------


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_get_retries_on_retryable_status(
    server: FaultServer, waits: List[float], status: int
) -> None:
    server.respond(status, ERROR)
    server.respond(status, ERROR)
    server.respond(200, STATE)
    state = client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert state.call_id == CALL_ID
    assert len(server.requests) == 3
    assert len(waits) == 2


def test_put_bxml_retries_on_503(server: FaultServer, waits: List[float]) -> None:
    server.respond(503, ERROR)
    server.respond(204)
    client(server.url, waits).update_call_bxml(ACCOUNT, CALL_ID, "<Bxml/>")
    assert len(server.requests) == 2


def test_get_retries_on_dropped_connection_and_read_timeout(
    server: FaultServer, waits: List[float]
) -> None:
    server.drop_after_read()
    server.drop_before_read()
    server.respond(200, STATE, delay=1.0)  # longer than the read timeout below
    server.respond(200, STATE)
    api = client(server.url, waits, timeout=(2, 0.3))
    assert api.get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
    assert server.connections == 4


def test_retries_are_exhausted_then_the_last_answer_raises(
    server: FaultServer, waits: List[float]
) -> None:
    for _ in range(4):
        server.respond(503, ERROR)
    with pytest.raises(ServiceException) as caught:
        client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.status == 503
    assert len(server.requests) == 4  # the first attempt and three retries


def test_other_statuses_are_never_retried(server: FaultServer, waits: List[float]) -> None:
    server.respond(404, ERROR)
    with pytest.raises(ApiException):
        client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert len(server.requests) == 1


# -- non-idempotent operations never risk a second call ------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_create_call_is_never_retried_on_5xx(
    server: FaultServer, waits: List[float], status: int
) -> None:
    server.respond(status, ERROR)
    server.respond(201, CREATED)
    with pytest.raises(ServiceException):
        client(server.url, waits).create_call(ACCOUNT, new_call())
    assert len(server.requests) == 1


def test_create_call_is_never_retried_after_a_read_timeout(
    server: FaultServer, waits: List[float]
) -> None:
    server.respond(201, CREATED, delay=1.0)
    server.respond(201, CREATED)
    api = client(server.url, waits, timeout=(2, 0.3))
    with pytest.raises(ApiTimeoutError) as caught:
        api.create_call(ACCOUNT, new_call())
    assert isinstance(caught.value.__cause__, ReadTimeoutError)
    assert len(server.requests) == 1
    assert server.connections == 1


def test_update_call_is_never_retried_after_a_dropped_connection(
    server: FaultServer, waits: List[float]
) -> None:
    server.drop_after_read()
    server.respond(200)
    with pytest.raises(ApiConnectionError) as caught:
        client(server.url, waits).update_call(ACCOUNT, CALL_ID, UpdateCall(state="completed"))
    assert not isinstance(caught.value, ApiTimeoutError)
    assert isinstance(caught.value.__cause__, (ProtocolError, OSError))
    assert server.connections == 1


def test_a_connection_reset_before_the_request_is_read_never_duplicates_it(
    server: FaultServer, waits: List[float]
) -> None:
    # When the reset lands while connecting, urllib3 knows nothing was sent and
    # may retry; when it lands after sending, it must not. Either way the
    # server reads the request at most once.
    for _ in range(20):
        server.drop_before_read()
        server.respond(200)
        api = client(server.url, waits)
        with contextlib.suppress(ApiConnectionError):
            api.update_call(ACCOUNT, CALL_ID, UpdateCall(state="completed"))
        assert len(server.requests) <= 1
        server.requests.clear()
        server.reset()


def test_create_call_is_retried_on_429(server: FaultServer, waits: List[float]) -> None:
    server.respond(429, ERROR, {"Retry-After": "2"})
    server.respond(201, CREATED)
    result = client(server.url, waits).create_call(ACCOUNT, new_call())
    assert result.call_id == CALL_ID
    assert len(server.requests) == 2
    assert waits == [2.0]


def test_create_call_is_retried_when_the_connection_is_refused(waits: List[float]) -> None:
    api = client(f"http://127.0.0.1:{closed_port()}/api/v2", waits)
    with pytest.raises(ApiConnectionError) as caught:
        api.create_call(ACCOUNT, new_call())
    assert not isinstance(caught.value, ApiTimeoutError)  # refused is not a timeout
    assert "Connection failed" in str(caught.value)
    assert isinstance(caught.value.__cause__, urllib3.exceptions.MaxRetryError)
    assert isinstance(caught.value.__cause__.reason, NewConnectionError)
    assert len(waits) == 3  # it tried four times: the request was provably never sent


# -- Retry-After ----------------------------------------------------------------------


def test_retry_after_http_date_is_honoured(server: FaultServer, waits: List[float]) -> None:
    server.respond(429, ERROR, {"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})
    server.respond(200, STATE)
    client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert waits == []  # a date in the past: go now
    assert len(server.requests) == 2


def test_retry_after_future_http_date(server: FaultServer, waits: List[float]) -> None:
    import time
    from email.utils import formatdate

    server.respond(503, ERROR, {"Retry-After": formatdate(time.time() + 5, usegmt=True)})
    server.respond(200, STATE)
    client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert len(waits) == 1 and 3.0 <= waits[0] <= 5.0


def test_retry_after_over_the_cap_raises_at_once(server: FaultServer, waits: List[float]) -> None:
    server.respond(429, ERROR, {"Retry-After": "3600"})
    server.respond(200, STATE)
    with pytest.raises(TooManyRequestsException) as caught:
        client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert caught.value.retry_after == 3600.0
    assert waits == []
    assert len(server.requests) == 1


def test_the_cap_is_configurable(server: FaultServer, waits: List[float]) -> None:
    server.respond(429, ERROR, {"Retry-After": "30"})
    api = client(server.url, waits, retries=RetryPolicy(2, max_retry_after=10, sleep=waits.append))
    with pytest.raises(TooManyRequestsException):
        api.get_call_state(ACCOUNT, CALL_ID)
    assert len(server.requests) == 1


@pytest.mark.parametrize("value", ["soon", "-5", "1.5", "Fri, 99 Foo 2015"])
def test_malformed_retry_after_falls_back_to_backoff(
    server: FaultServer, waits: List[float], value: str
) -> None:
    server.respond(429, ERROR, {"Retry-After": value})
    server.respond(200, STATE)
    client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert len(server.requests) == 2
    assert len(waits) == 1 and 0.25 <= waits[0] <= 0.5  # backoff, first attempt


def raw_429(retry_after: bytes) -> bytes:
    """A 429 whose Retry-After is these exact bytes (headers travel as Latin-1)."""
    return (
        b"HTTP/1.1 429 Too Many Requests\r\nContent-Length: %d\r\nConnection: close\r\n"
        b"Retry-After: %s\r\n\r\n%s" % (len(ERROR), retry_after, ERROR)
    )


@pytest.mark.parametrize(
    "value",
    [
        "\u00b2".encode("latin-1"),  # "²": str.isdigit() says yes, int() says no
        "\u00b9".encode("latin-1"),
        b"9" * 400,  # float() overflows
        b"9" * 5000,  # int() refuses more than 4300 digits
    ],
    ids=["superscript-2", "superscript-1", "400-digits", "5000-digits"],
)
def test_a_hostile_retry_after_never_crashes_the_call(server: FaultServer, value: bytes) -> None:
    server.respond_raw(raw_429(value))
    with pytest.raises(TooManyRequestsException) as caught:
        client(server.url, [], retries=0).get_call_state(ACCOUNT, CALL_ID)
    text = str(caught.value)  # used to raise ValueError itself
    assert text.startswith("(429) Too Many Requests")
    expected = None if len(value) == 1 else math.inf  # not a number, or over any cap
    assert caught.value.retry_after == expected


def test_an_absurd_retry_after_is_over_the_cap(server: FaultServer, waits: List[float]) -> None:
    server.respond_raw(raw_429(b"9" * 400))
    server.respond(200, STATE)
    with pytest.raises(TooManyRequestsException, match="beyond any limit"):
        client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    assert waits == [] and len(server.requests) == 1  # stopped at once: no wait, no retry


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    from urllib3.util.retry import RequestHistory

    policy = RetryPolicy(10, backoff_factor=0.5, backoff_max=4)
    for attempts, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (6, 4.0)]:
        history = tuple(RequestHistory("GET", "/", None, 503, None) for _ in range(attempts))
        samples = {policy.new(history=history).get_backoff_time() for _ in range(50)}
        assert all(ceiling / 2 <= s <= ceiling for s in samples)
        assert len(samples) > 1  # jittered


def test_retries_zero_disables(server: FaultServer, waits: List[float]) -> None:
    server.respond(503, ERROR)
    server.respond(200, STATE)
    with pytest.raises(ServiceException):
        client(server.url, waits, retries=0).get_call_state(ACCOUNT, CALL_ID)
    assert len(server.requests) == 1


def test_int_retries_and_plain_urllib3_retry() -> None:
    config = Configuration(retries=5)
    policy = retry_policy(config)
    assert isinstance(policy, RetryPolicy) and policy.total == 5
    assert isinstance(retry_policy(Configuration()), RetryPolicy)
    plain = urllib3.Retry(2, status_forcelist=[503])
    used = retry_policy(Configuration(retries=plain))
    assert type(used) is urllib3.Retry and used.total == 2 and used.raise_on_status is False


def test_plain_urllib3_retry_is_used_as_given(server: FaultServer) -> None:
    server.respond(503, ERROR)
    server.respond(200, STATE)
    api = client(server.url, [], retries=urllib3.Retry(1, status_forcelist=[503], backoff_factor=0))
    assert api.get_call_state(ACCOUNT, CALL_ID).call_id == CALL_ID
    assert len(server.requests) == 2


def test_each_attempt_is_logged_at_debug(
    server: FaultServer, waits: List[float], caplog: pytest.LogCaptureFixture
) -> None:
    server.respond(503, ERROR, {"Retry-After": "1"})
    server.respond(200, STATE)
    with caplog.at_level(logging.DEBUG, logger="bandwidth"):
        client(server.url, waits).get_call_state(ACCOUNT, CALL_ID)
    messages = [r.getMessage() for r in caplog.records if r.name == "bandwidth"]
    assert any("Attempt 1 of GET" in m and "status 503" in m for m in messages)
    assert "Waiting 1.000s (Retry-After) before attempt 2" in messages


# -- timeouts -------------------------------------------------------------------------


def test_per_call_timeout_raises_api_timeout_error(server: FaultServer) -> None:
    server.respond(200, STATE, delay=1.0)
    api = client(server.url, [], retries=0)
    with pytest.raises(ApiTimeoutError) as caught:
        api.get_call_state(ACCOUNT, CALL_ID, _request_timeout=0.2)
    assert isinstance(caught.value, ApiException)
    assert "Timed out" in str(caught.value)


def test_configured_timeout_applies(server: FaultServer) -> None:
    server.respond(200, STATE, delay=1.0)
    api = client(server.url, [], retries=0, timeout=0.2)
    with pytest.raises(ApiTimeoutError):
        api.get_call_state(ACCOUNT, CALL_ID)


def test_no_raw_urllib3_error_escapes_any_variant(waits: List[float]) -> None:
    api = client(f"http://127.0.0.1:{closed_port()}/api/v2", waits, retries=0)
    for call in (
        lambda: api.get_call_state_without_preload_content(ACCOUNT, CALL_ID),
        lambda: api.list_calls_with_http_info(ACCOUNT),
        lambda: api.update_call_bxml(ACCOUNT, CALL_ID, "<Bxml/>"),
    ):
        with pytest.raises(ApiConnectionError) as caught:
            call()
        assert isinstance(caught.value.__cause__, urllib3.exceptions.HTTPError)


def test_configuration_cap_applies_to_the_default_policy_even_when_changed(
    server: FaultServer,
) -> None:
    server.respond(200, STATE)
    server.respond(429, ERROR, {"Retry-After": "10"})
    configuration = Configuration(host=server.url, username="u", password="p")
    api = CallsApi(ApiClient(configuration))
    api.get_call_state(ACCOUNT, CALL_ID)  # the policy is built on first use
    configuration.max_retry_after = 5
    with pytest.raises(TooManyRequestsException) as caught:
        api.get_call_state(ACCOUNT, CALL_ID)  # 10 s > the new 5 s cap: no wait, no retry
    assert caught.value.retry_after == 10.0
    assert len(server.requests) == 2

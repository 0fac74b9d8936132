"""Timeouts, retries and typed transport errors, each proven over loopback.

The simulator plays the Voice API and its faults; request counts are read
on its side (``requests_for``), and waits are recorded through the policy's
``sleep`` seam instead of slept, so the tests stay fast.
"""

from __future__ import annotations

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
    NotFoundException,
    ServiceException,
    TooManyRequestsException,
)
from bandwidth.testing import VoiceSimulator
from tests.support.ports import closed_port
from tests.support.wire import ACCOUNT, new_call

ERROR = b'{"type":"x","description":"slow down"}'


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


@pytest.fixture
def call_id(sim: VoiceSimulator) -> str:
    return sim.add_call(state="answered")


@pytest.fixture
def waits() -> List[float]:
    return []


def client(sim: VoiceSimulator, waits: List[float], **config: object) -> CallsApi:
    config.setdefault("retries", RetryPolicy(3, sleep=waits.append))
    return CallsApi(ApiClient(sim.configuration(**config)))


def refused_client(waits: List[float], **config: object) -> CallsApi:
    """A client for a port nothing listens on: every connection is refused."""
    retries = config.pop("retries", RetryPolicy(3, sleep=waits.append))
    configuration = Configuration(
        host=f"http://127.0.0.1:{closed_port()}/api/v2",
        username="u",
        password="p",
        retries=retries,
        **config,  # type: ignore[arg-type]
    )
    return CallsApi(ApiClient(configuration))


def connections(sim: VoiceSimulator, operation: str) -> int:
    """How many connections the requests of ``operation`` came over."""
    return len({request.connection for request in sim.requests_for(operation)})


# -- idempotent operations retry ---------------------------------------------------


@pytest.mark.parametrize("status", [429, 500, 502, 503, 504])
def test_get_retries_on_retryable_status(
    sim: VoiceSimulator, call_id: str, waits: List[float], status: int
) -> None:
    sim.fail_next("get_call_state", status, count=2, body=ERROR)
    state = client(sim, waits).get_call_state(ACCOUNT, call_id)
    assert state.call_id == call_id
    assert len(sim.requests_for("get_call_state")) == 3
    # a backoff before each retry; the simulator's 429 says Retry-After: 0 (go now)
    assert len(waits) == (0 if status == 429 else 2)


def test_put_bxml_retries_on_503(sim: VoiceSimulator, call_id: str, waits: List[float]) -> None:
    sim.fail_next("update_call_bxml", 503, body=ERROR)
    client(sim, waits).update_call_bxml(ACCOUNT, call_id, "<Bxml/>")
    assert len(sim.requests_for("update_call_bxml")) == 2


def test_get_retries_on_dropped_connections(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    sim.drop_next("get_call_state", when="after_read")
    sim.drop_next("get_call_state", when="before_read")
    assert client(sim, waits).get_call_state(ACCOUNT, call_id).call_id == call_id
    assert len(sim.requests_for("get_call_state")) == 3
    assert connections(sim, "get_call_state") == 3  # a dropped connection is never reused


def test_get_retries_on_a_read_timeout(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    sim.delay_next("get_call_state", 1.0)  # longer than the read timeout below
    api = client(sim, waits, timeout=(2, 0.3))
    assert api.get_call_state(ACCOUNT, call_id).call_id == call_id
    assert len(sim.requests_for("get_call_state")) == 2
    assert connections(sim, "get_call_state") == 2  # the late answer's connection was closed


def test_retries_are_exhausted_then_the_last_answer_raises(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    sim.fail_next("get_call_state", 503, count=4, body=ERROR)
    with pytest.raises(ServiceException) as caught:
        client(sim, waits).get_call_state(ACCOUNT, call_id)
    assert caught.value.status == 503
    assert len(sim.requests_for("get_call_state")) == 4  # the first attempt and three retries


def test_other_statuses_are_never_retried(sim: VoiceSimulator, waits: List[float]) -> None:
    with pytest.raises(NotFoundException):
        client(sim, waits).get_call_state(ACCOUNT, "c-nobody-made")
    assert len(sim.requests_for("get_call_state")) == 1
    assert waits == []


# -- non-idempotent operations never risk a second call ------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_create_call_is_never_retried_on_5xx(
    sim: VoiceSimulator, waits: List[float], status: int
) -> None:
    sim.fail_next("create_call", status, body=ERROR)
    with pytest.raises(ServiceException):
        client(sim, waits).create_call(ACCOUNT, new_call())
    assert len(sim.requests_for("create_call")) == 1
    assert sim.calls == []


def test_create_call_is_never_retried_after_a_read_timeout(
    sim: VoiceSimulator, waits: List[float]
) -> None:
    sim.delay_next("create_call", 1.0)
    api = client(sim, waits, timeout=(2, 0.3))
    with pytest.raises(ApiTimeoutError) as caught:
        api.create_call(ACCOUNT, new_call())
    assert isinstance(caught.value.__cause__, ReadTimeoutError)
    assert len(sim.requests_for("create_call")) == 1


def test_update_call_is_never_retried_after_a_dropped_connection(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    sim.drop_next("update_call", when="after_read")
    with pytest.raises(ApiConnectionError) as caught:
        client(sim, waits).update_call(ACCOUNT, call_id, UpdateCall(state="completed"))
    assert not isinstance(caught.value, ApiTimeoutError)
    assert isinstance(caught.value.__cause__, (ProtocolError, OSError))
    assert len(sim.requests_for("update_call")) == 1
    assert sim.call(call_id).state == "answered"


def test_a_connection_reset_before_the_request_is_read_never_duplicates_it(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    # The simulator reads the head, then closes with the body unread (a reset).
    # Whether the client is still sending or already reading when the reset
    # lands varies from run to run: a few runs see both, and none may repeat it.
    api = client(sim, waits)
    for _ in range(10):
        sim.clear_requests()
        sim.drop_next("update_call", when="before_read")
        with pytest.raises(ApiConnectionError):
            api.update_call(ACCOUNT, call_id, UpdateCall(state="completed"))
        assert len(sim.requests_for("update_call")) == 1
    assert sim.call(call_id).state == "answered"


def test_create_call_is_retried_on_429(sim: VoiceSimulator, waits: List[float]) -> None:
    sim.fail_next("create_call", 429, body=ERROR, headers={"Retry-After": "2"})
    result = client(sim, waits).create_call(ACCOUNT, new_call())
    assert [call.call_id for call in sim.calls] == [result.call_id]
    assert len(sim.requests_for("create_call")) == 2
    assert waits == [2.0]


def test_create_call_is_retried_when_the_connection_is_refused(waits: List[float]) -> None:
    api = refused_client(waits)
    with pytest.raises(ApiConnectionError) as caught:
        api.create_call(ACCOUNT, new_call())
    assert not isinstance(caught.value, ApiTimeoutError)  # refused is not a timeout
    assert "Connection failed" in str(caught.value)
    assert isinstance(caught.value.__cause__, urllib3.exceptions.MaxRetryError)
    assert isinstance(caught.value.__cause__.reason, NewConnectionError)
    assert len(waits) == 3  # it tried four times: the request was provably never sent


# -- Retry-After ----------------------------------------------------------------------


def test_retry_after_http_date_is_honoured(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    sim.fail_next(
        "get_call_state", 429, body=ERROR, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}
    )
    client(sim, waits).get_call_state(ACCOUNT, call_id)
    assert waits == []  # a date in the past: go now
    assert len(sim.requests_for("get_call_state")) == 2


def test_retry_after_future_http_date(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    import time
    from email.utils import formatdate

    later = formatdate(time.time() + 5, usegmt=True)
    sim.fail_next("get_call_state", 503, body=ERROR, headers={"Retry-After": later})
    client(sim, waits).get_call_state(ACCOUNT, call_id)
    assert len(waits) == 1 and 3.0 <= waits[0] <= 5.0


def test_retry_after_over_the_cap_raises_at_once(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    sim.fail_next("get_call_state", 429, body=ERROR, headers={"Retry-After": "3600"})
    with pytest.raises(TooManyRequestsException) as caught:
        client(sim, waits).get_call_state(ACCOUNT, call_id)
    assert caught.value.retry_after == 3600.0
    assert waits == []
    assert len(sim.requests_for("get_call_state")) == 1


def test_the_cap_is_configurable(sim: VoiceSimulator, call_id: str, waits: List[float]) -> None:
    sim.fail_next("get_call_state", 429, body=ERROR, headers={"Retry-After": "30"})
    api = client(sim, waits, retries=RetryPolicy(2, max_retry_after=10, sleep=waits.append))
    with pytest.raises(TooManyRequestsException):
        api.get_call_state(ACCOUNT, call_id)
    assert len(sim.requests_for("get_call_state")) == 1


@pytest.mark.parametrize("value", ["soon", "-5", "1.5", "Fri, 99 Foo 2015"])
def test_malformed_retry_after_falls_back_to_backoff(
    sim: VoiceSimulator, call_id: str, waits: List[float], value: str
) -> None:
    sim.fail_next("get_call_state", 429, body=ERROR, headers={"Retry-After": value})
    client(sim, waits).get_call_state(ACCOUNT, call_id)
    assert len(sim.requests_for("get_call_state")) == 2
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
def test_a_hostile_retry_after_never_crashes_the_call(
    sim: VoiceSimulator, call_id: str, value: bytes
) -> None:
    sim.raw_next("get_call_state", raw_429(value))
    with pytest.raises(TooManyRequestsException) as caught:
        client(sim, [], retries=0).get_call_state(ACCOUNT, call_id)
    text = str(caught.value)  # used to raise ValueError itself
    assert text.startswith("(429) Too Many Requests")
    expected = None if len(value) == 1 else math.inf  # not a number, or over any cap
    assert caught.value.retry_after == expected


def test_an_absurd_retry_after_is_over_the_cap(
    sim: VoiceSimulator, call_id: str, waits: List[float]
) -> None:
    sim.raw_next("get_call_state", raw_429(b"9" * 400))
    with pytest.raises(TooManyRequestsException, match="beyond any limit"):
        client(sim, waits).get_call_state(ACCOUNT, call_id)
    # stopped at once: no wait, no retry
    assert waits == [] and len(sim.requests_for("get_call_state")) == 1


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    from urllib3.util.retry import RequestHistory

    policy = RetryPolicy(10, backoff_factor=0.5, backoff_max=4)
    for attempts, ceiling in [(1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (6, 4.0)]:
        history = tuple(RequestHistory("GET", "/", None, 503, None) for _ in range(attempts))
        samples = {policy.new(history=history).get_backoff_time() for _ in range(50)}
        assert all(ceiling / 2 <= s <= ceiling for s in samples)
        assert len(samples) > 1  # jittered


def test_retries_zero_disables(sim: VoiceSimulator, call_id: str, waits: List[float]) -> None:
    sim.fail_next("get_call_state", 503, body=ERROR)
    with pytest.raises(ServiceException):
        client(sim, waits, retries=0).get_call_state(ACCOUNT, call_id)
    assert len(sim.requests_for("get_call_state")) == 1


def test_int_retries_and_plain_urllib3_retry() -> None:
    config = Configuration(retries=5)
    policy = retry_policy(config)
    assert isinstance(policy, RetryPolicy) and policy.total == 5
    assert isinstance(retry_policy(Configuration()), RetryPolicy)
    plain = urllib3.Retry(2, status_forcelist=[503])
    used = retry_policy(Configuration(retries=plain))
    assert type(used) is urllib3.Retry and used.total == 2 and used.raise_on_status is False


def test_plain_urllib3_retry_is_used_as_given(sim: VoiceSimulator, call_id: str) -> None:
    sim.fail_next("get_call_state", 503, body=ERROR)
    api = client(sim, [], retries=urllib3.Retry(1, status_forcelist=[503], backoff_factor=0))
    assert api.get_call_state(ACCOUNT, call_id).call_id == call_id
    assert len(sim.requests_for("get_call_state")) == 2


def test_each_retry_is_logged_with_its_wait_and_cause(
    sim: VoiceSimulator, call_id: str, waits: List[float], caplog: pytest.LogCaptureFixture
) -> None:
    sim.fail_next("get_call_state", 503, body=ERROR, headers={"Retry-After": "1"})
    with caplog.at_level(logging.DEBUG, logger="bandwidth"):
        client(sim, waits).get_call_state(ACCOUNT, call_id)
    messages = [r.getMessage() for r in caplog.records if r.name == "bandwidth"]
    assert any(
        m.startswith("retrying GET ") and m.endswith("in 1.0 s (Retry-After): 503")
        for m in messages
    ), messages


# -- timeouts -------------------------------------------------------------------------


def test_per_call_timeout_raises_api_timeout_error(sim: VoiceSimulator, call_id: str) -> None:
    sim.delay_next("get_call_state", 1.0)
    api = client(sim, [], retries=0)
    with pytest.raises(ApiTimeoutError) as caught:
        api.get_call_state(ACCOUNT, call_id, _request_timeout=0.2)
    assert isinstance(caught.value, ApiException)
    assert "Timed out" in str(caught.value)


def test_configured_timeout_applies(sim: VoiceSimulator, call_id: str) -> None:
    sim.delay_next("get_call_state", 1.0)
    api = client(sim, [], retries=0, timeout=0.2)
    with pytest.raises(ApiTimeoutError):
        api.get_call_state(ACCOUNT, call_id)


def test_no_raw_urllib3_error_escapes_any_variant(waits: List[float]) -> None:
    api = refused_client(waits, retries=0)
    for call in (
        lambda: api.get_call_state_without_preload_content(ACCOUNT, "c-1"),
        lambda: api.list_calls_with_http_info(ACCOUNT),
        lambda: api.update_call_bxml(ACCOUNT, "c-1", "<Bxml/>"),
    ):
        with pytest.raises(ApiConnectionError) as caught:
            call()
        assert isinstance(caught.value.__cause__, urllib3.exceptions.HTTPError)


def test_configuration_cap_applies_to_the_default_policy_even_when_changed(
    sim: VoiceSimulator, call_id: str
) -> None:
    configuration = sim.configuration()
    api = CallsApi(ApiClient(configuration))
    api.get_call_state(ACCOUNT, call_id)  # the policy is built on first use
    configuration.max_retry_after = 5
    sim.fail_next("get_call_state", 429, body=ERROR, headers={"Retry-After": "10"})
    with pytest.raises(TooManyRequestsException) as caught:
        api.get_call_state(ACCOUNT, call_id)  # 10 s > the new 5 s cap: no wait, no retry
    assert caught.value.retry_after == 10.0
    assert len(sim.requests_for("get_call_state")) == 2

"""The retry rules end to end against the simulator: counted calls, not just requests."""

from __future__ import annotations

from typing import Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi, CreateCall, RetryPolicy, UpdateCall
from bandwidth.exceptions import (
    ApiConnectionError,
    ApiTimeoutError,
    InvalidResponseException,
    ServiceException,
)
from bandwidth.testing import VoiceSimulator


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


def api_for(sim: VoiceSimulator, waits: List[float], **config: object) -> CallsApi:
    config.setdefault("retries", RetryPolicy(3, sleep=waits.append))
    return CallsApi(ApiClient(sim.configuration(**config)))


def call() -> CreateCall:
    return CreateCall(
        to="+19195551234",
        var_from="+19195554321",
        application_id="app",
        answer_url="https://myapp.example/answer",
    )


def test_a_lost_answer_to_create_call_never_creates_a_second_call(sim: VoiceSimulator) -> None:
    sim.drop_next("create_call", when="after_process")  # the call exists, the 201 is lost
    with pytest.raises(ApiConnectionError):
        api_for(sim, []).create_call(sim.account_id, call())
    assert len(sim.calls) == 1
    assert len(sim.requests_for("create_call")) == 1


def test_create_call_read_timeout_is_not_retried(sim: VoiceSimulator) -> None:
    sim.delay_next("create_call", 1.0)
    with pytest.raises(ApiTimeoutError):
        api_for(sim, [], timeout=(2, 0.3)).create_call(sim.account_id, call())
    assert len(sim.requests_for("create_call")) == 1


def test_create_call_503_is_not_retried(sim: VoiceSimulator) -> None:
    sim.fail_next("create_call", 503)
    with pytest.raises(ServiceException):
        api_for(sim, []).create_call(sim.account_id, call())
    assert len(sim.requests_for("create_call")) == 1
    assert sim.calls == []


def test_create_call_429_is_retried_and_creates_exactly_one_call(sim: VoiceSimulator) -> None:
    waits: List[float] = []
    sim.fail_next("create_call", 429, count=2, headers={"Retry-After": "1"})
    created = api_for(sim, waits).create_call(sim.account_id, call())
    assert [c.call_id for c in sim.calls] == [created.call_id]
    assert len(sim.requests_for("create_call")) == 3
    assert waits == [1.0, 1.0]


def test_update_call_dropped_after_processing_is_not_repeated(sim: VoiceSimulator) -> None:
    api = api_for(sim, [])
    created = api.create_call(sim.account_id, call())
    sim.answer(created.call_id)
    sim.drop_next("update_call", when="after_process")
    with pytest.raises(ApiConnectionError):
        api.update_call(
            sim.account_id, created.call_id, UpdateCall(redirect_url="https://myapp.example/r")
        )
    assert len(sim.requests_for("update_call")) == 1
    assert len(sim.call(created.call_id).redirects) == 1


def test_reads_and_bxml_ride_out_faults(sim: VoiceSimulator) -> None:
    waits: List[float] = []
    api = api_for(sim, waits, timeout=(2, 0.3))
    created = api.create_call(sim.account_id, call())
    sim.answer(created.call_id)
    sim.fail_next("get_call_state", 503, count=2)
    assert api.get_call_state(sim.account_id, created.call_id).state == "answered"
    sim.drop_next("list_calls", when="after_read")
    assert [c.call_id for c in api.list_calls(sim.account_id)] == [created.call_id]
    sim.delay_next("list_calls", 1.0)  # longer than the read timeout
    assert [c.call_id for c in api.list_calls(sim.account_id)] == [created.call_id]
    sim.fail_next("update_call_bxml", 502)
    api.update_call_bxml(sim.account_id, created.call_id, "<Bxml><Hangup/></Bxml>")
    assert len(sim.requests_for("get_call_state")) == 3
    assert len(sim.requests_for("list_calls")) == 4
    assert len(sim.requests_for("update_call_bxml")) == 2
    assert sim.call(created.call_id).bxml == ["<Bxml><Hangup/></Bxml>"]


def test_malformed_2xx_is_a_typed_error(sim: VoiceSimulator) -> None:
    sim.malformed_next("get_call_state")
    with pytest.raises(InvalidResponseException) as caught:
        api_for(sim, []).get_call_state(sim.account_id, "c-anything")
    assert caught.value.status == 200

"""Which conference, recording, transcription and statistics operations are retried, and when.

Reads, deletes and the ``PUT``s that set a state (a member's mute/hold, a
recording's pause/resume, a BXML document) are idempotent and retried like
any read. The two ``POST``s are not: ``update_conference`` may redirect the
conference to new BXML and ``transcribe_call_recording`` starts a new,
billed transcription, so neither is repeated once the request may have
reached the server (only when the connection was never made, or on 429).
"""

from __future__ import annotations

import json
from typing import Any, Iterator, List

import pytest

from bandwidth import (
    ApiClient,
    ApiConnectionError,
    ApiTimeoutError,
    RetryPolicy,
    ServiceException,
    TooManyRequestsException,
)
from bandwidth.testing import VoiceSimulator
from tests.sdk.test_voice_api_wire import API_CLASSES, CASES, Case

NOT_IDEMPOTENT = {"update_conference", "transcribe_call_recording"}
ERROR = b'{"type":"x","description":"try again"}'


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    """A simulator whose answers each test scripts (``fail_next`` with any status)."""
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


def call(sim: VoiceSimulator, case: Case, waits: List[float], **config: Any) -> Any:
    configuration = sim.configuration(retries=RetryPolicy(3, sleep=waits.append), **config)
    with ApiClient(configuration) as client:
        return getattr(API_CLASSES[case.api](client), case.name)(*case.args)


def answer(sim: VoiceSimulator, case: Case) -> None:
    """Script the operation's documented success answer for its next request."""
    sim.fail_next(case.name, case.status, body=success(case) or None, headers=_json(case))


def _json(case: Case) -> dict:
    return {} if isinstance(case.answer, bytes) else {"Content-Type": "application/json"}


def success(case: Case) -> bytes:
    if isinstance(case.answer, bytes):
        return case.answer
    return b"" if case.answer is None else json.dumps(case.answer).encode()


def test_the_table_covers_every_operation() -> None:
    assert {case.name for case in CASES} >= NOT_IDEMPOTENT
    assert {case.method for case in CASES if case.name in NOT_IDEMPOTENT} == {"POST"}
    assert {case.method for case in CASES if case.name not in NOT_IDEMPOTENT} <= {
        "GET",
        "PUT",
        "DELETE",
    }


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_5xx_is_retried_only_when_repeating_is_safe(sim: VoiceSimulator, case: Case) -> None:
    waits: List[float] = []
    sim.fail_next(case.name, 503, body=ERROR)
    answer(sim, case)
    if case.name in NOT_IDEMPOTENT:
        with pytest.raises(ServiceException):
            call(sim, case, waits)
        assert len(sim.requests_for(case.name)) == 1 and waits == []
    else:
        call(sim, case, waits)
        assert len(sim.requests_for(case.name)) == 2 and len(waits) == 1


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_dropped_connection_is_retried_only_when_repeating_is_safe(
    sim: VoiceSimulator, case: Case
) -> None:
    waits: List[float] = []
    sim.drop_next(case.name, when="after_read")
    answer(sim, case)
    if case.name in NOT_IDEMPOTENT:
        with pytest.raises(ApiConnectionError) as caught:
            call(sim, case, waits)
        assert not isinstance(caught.value, ApiTimeoutError)
        assert len(sim.requests_for(case.name)) == 1
    else:
        call(sim, case, waits)
        assert len(sim.requests_for(case.name)) == 2


@pytest.mark.parametrize("name", sorted(NOT_IDEMPOTENT))
def test_the_posts_are_not_repeated_after_a_read_timeout(sim: VoiceSimulator, name: str) -> None:
    case = next(case for case in CASES if case.name == name)
    sim.delay_next(name, 1.0)
    sim.fail_next(name, 204, count=2)
    with pytest.raises(ApiTimeoutError):
        call(sim, case, [], timeout=(2, 0.3))
    assert [request.connection for request in sim.requests_for(name)] == [1]


@pytest.mark.parametrize("name", sorted(NOT_IDEMPOTENT))
def test_the_posts_are_retried_on_429(sim: VoiceSimulator, name: str) -> None:
    case = next(case for case in CASES if case.name == name)
    waits: List[float] = []
    sim.fail_next(name, 429, body=ERROR, headers={"Retry-After": "1"})
    sim.fail_next(name, 204)
    call(sim, case, waits)
    assert len(sim.requests_for(name)) == 2 and waits == [1.0]
    sim.clear_requests()
    sim.fail_next(name, 429, body=ERROR, headers={"Retry-After": "0"}, count=4)
    with pytest.raises(TooManyRequestsException):
        call(sim, case, waits)
    assert len(sim.requests_for(name)) == 4  # the first attempt and 3 retries

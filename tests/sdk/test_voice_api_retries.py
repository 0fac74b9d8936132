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
    Configuration,
    RetryPolicy,
    ServiceException,
    TooManyRequestsException,
)
from tests.sdk.test_voice_api_wire import API_CLASSES, CASES, Case
from tests.support.faults import FaultServer

NOT_IDEMPOTENT = {"update_conference", "transcribe_call_recording"}
ERROR = b'{"type":"x","description":"try again"}'


@pytest.fixture
def server() -> Iterator[FaultServer]:
    fault_server = FaultServer()
    yield fault_server
    fault_server.close()


def call(server: FaultServer, case: Case, waits: List[float], **config: Any) -> Any:
    configuration = Configuration(
        host=server.url,
        username="u",
        password="p",
        retries=RetryPolicy(3, sleep=waits.append),
        **config,
    )
    api = API_CLASSES[case.api](ApiClient(configuration))
    return getattr(api, case.name)(*case.args)


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
def test_a_5xx_is_retried_only_when_repeating_is_safe(server: FaultServer, case: Case) -> None:
    waits: List[float] = []
    server.respond(503, ERROR)
    server.respond(case.status, success(case), {"Content-Type": "application/json"})
    if case.name in NOT_IDEMPOTENT:
        with pytest.raises(ServiceException):
            call(server, case, waits)
        assert len(server.requests) == 1 and waits == []
    else:
        call(server, case, waits)
        assert len(server.requests) == 2 and len(waits) == 1


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_dropped_connection_is_retried_only_when_repeating_is_safe(
    server: FaultServer, case: Case
) -> None:
    waits: List[float] = []
    server.drop_after_read()
    server.respond(case.status, success(case), {"Content-Type": "application/json"})
    if case.name in NOT_IDEMPOTENT:
        with pytest.raises(ApiConnectionError) as caught:
            call(server, case, waits)
        assert not isinstance(caught.value, ApiTimeoutError)
        assert len(server.requests) == 1
    else:
        call(server, case, waits)
        assert len(server.requests) == 2


@pytest.mark.parametrize("name", sorted(NOT_IDEMPOTENT))
def test_the_posts_are_not_repeated_after_a_read_timeout(server: FaultServer, name: str) -> None:
    case = next(case for case in CASES if case.name == name)
    server.respond(204, delay=1.0)
    server.respond(204)
    with pytest.raises(ApiTimeoutError):
        call(server, case, [], timeout=(2, 0.3))
    assert len(server.requests) == 1 and server.connections == 1


@pytest.mark.parametrize("name", sorted(NOT_IDEMPOTENT))
def test_the_posts_are_retried_on_429(server: FaultServer, name: str) -> None:
    case = next(case for case in CASES if case.name == name)
    waits: List[float] = []
    server.respond(429, ERROR, {"Retry-After": "1"})
    server.respond(204)
    call(server, case, waits)
    assert len(server.requests) == 2 and waits == [1.0]
    server.requests.clear()
    for _ in range(4):
        server.respond(429, ERROR, {"Retry-After": "0"})
    with pytest.raises(TooManyRequestsException):
        call(server, case, waits)
    assert len(server.requests) == 4  # the first attempt and 3 retries

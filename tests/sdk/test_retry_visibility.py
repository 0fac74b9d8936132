"""Retries a user can see: an INFO line per retry on the ``bandwidth`` logger, the number
of attempts in the final error, and a notice on the CLI's terminal."""

from __future__ import annotations

import io
import logging
import socket
from typing import Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi
from bandwidth.cli import main
from bandwidth.exceptions import ApiConnectionError, ServiceException
from bandwidth.retry import RetryPolicy
from bandwidth.testing import VoiceSimulator


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


def _api(sim: VoiceSimulator, waits: List[float]) -> CallsApi:
    return CallsApi(ApiClient(sim.configuration(retries=RetryPolicy(3, sleep=waits.append))))


def test_each_retry_is_logged_at_info(
    sim: VoiceSimulator, caplog: pytest.LogCaptureFixture
) -> None:
    call_id = sim.add_call()
    sim.fail_next("get_call_state", 503, count=2)
    waits: List[float] = []
    with caplog.at_level(logging.INFO, logger="bandwidth"):
        _api(sim, waits).get_call_state(sim.account_id, call_id)
    lines = [r for r in caplog.records if r.levelno == logging.INFO and "retrying" in r.message]
    assert len(lines) == 2
    first = lines[0].getMessage()
    assert first.startswith(f"retrying GET /api/v2/accounts/{sim.account_id}/calls/{call_id}")
    assert "(2/4)" in first and first.endswith(": 503")
    assert "(3/4)" in lines[1].getMessage()
    assert f"in {waits[0]:.1f} s" in first


def test_the_final_error_says_how_many_attempts_were_made(sim: VoiceSimulator) -> None:
    call_id = sim.add_call()
    sim.fail_next("get_call_state", 503, count=4)
    with pytest.raises(ServiceException, match="after 4 attempts"):
        _api(sim, []).get_call_state(sim.account_id, call_id)


def test_a_connection_that_keeps_failing_says_how_many_attempts(sim: VoiceSimulator) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed once the block ends: connections are refused
    config = sim.configuration(retries=RetryPolicy(2, sleep=[].append))
    config.host = f"http://127.0.0.1:{port}/api/v2"
    with pytest.raises(ApiConnectionError, match="3 attempts"):
        CallsApi(ApiClient(config)).get_call_state(sim.account_id, "c-1")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_cli_on_a_terminal_shows_each_retry(
    sim: VoiceSimulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_id = sim.add_call()
    sim.fail_next("get_call_state", 503)
    for name, value in {
        "BW_VOICE_HOST": sim.url,
        "BW_ACCOUNT_ID": sim.account_id,
        "BW_USERNAME": sim.username,
        "BW_PASSWORD": sim.password,
    }.items():
        monkeypatch.setenv(name, value)
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["calls", "get", call_id]) == 0
    (line,) = [line for line in terminal.getvalue().splitlines() if line.startswith("retrying")]
    assert line.startswith("retrying (2/4) in ") and line.endswith(" s: 503")
    logger = logging.getLogger("bandwidth")
    assert logger.level == logging.NOTSET and not logger.handlers  # all restored


def test_the_cli_not_on_a_terminal_stays_quiet(
    sim: VoiceSimulator, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    call_id = sim.add_call()
    sim.fail_next("get_call_state", 503)
    for name, value in {
        "BW_VOICE_HOST": sim.url,
        "BW_ACCOUNT_ID": sim.account_id,
        "BW_USERNAME": sim.username,
        "BW_PASSWORD": sim.password,
    }.items():
        monkeypatch.setenv(name, value)
    assert main(["calls", "get", call_id]) == 0
    assert "retrying" not in capsys.readouterr().err

"""``bandwidth simulator`` takes the in-process simulator's identity options.

The command runs in a thread (``run_simulator`` with a stop event); the
started simulator is caught through the start listeners the pytest plugin
uses, so nothing polls or sleeps.
"""

from __future__ import annotations

import base64
import queue
import threading
from typing import Callable, Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi
from bandwidth.cli import main
from bandwidth.cli._parser import build_parser
from bandwidth.cli._serve import run_simulator
from bandwidth.exceptions import ForbiddenException
from bandwidth.testing import VoiceSimulator
from bandwidth.testing._core.start_listeners import STARTED_LISTENERS
from tests.support.raw import CALLS, Raw


def basic(name: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{name}:{password}".encode()).decode()


@pytest.fixture
def serve() -> Iterator[Callable[..., VoiceSimulator]]:
    """Run ``bandwidth simulator`` with the arguments given to the returned function."""
    started: queue.Queue[VoiceSimulator] = queue.Queue()
    stop = threading.Event()
    threads: List[threading.Thread] = []
    sims: List[VoiceSimulator] = []
    STARTED_LISTENERS.append(started.put)

    def run(*argv: str) -> VoiceSimulator:
        args = build_parser().parse_args(["simulator", *argv])
        thread = threading.Thread(target=run_simulator, args=(args, stop), daemon=True)
        thread.start()
        threads.append(thread)
        sims.append(started.get(timeout=30))
        return sims[-1]

    try:
        yield run
    finally:
        STARTED_LISTENERS.remove(started.put)
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
        assert not any(sim.running for sim in sims)


def test_the_cli_simulator_takes_tokens_clients_and_users(
    serve: Callable[..., VoiceSimulator],
) -> None:
    sim = serve(
        "--access-token",
        "static-token",
        "--client-id",
        "cli-client",
        "--client-secret",
        "cli-secret",
        "--user",
        "ann:pw:with:colons",
        "--forbidden-user",
        "bob:pw2",
        "--no-auto-progress",
    )
    raw = Raw(sim)
    try:
        assert raw.send("GET", CALLS, auth="Bearer static-token").status == 200
        assert raw.send("GET", CALLS, auth=basic("ann", "pw:with:colons")).status == 200
        assert raw.send("GET", CALLS, auth=basic("username", "password")).status == 200
        assert raw.send("GET", CALLS, auth=basic("bob", "pw2")).status == 403
    finally:
        raw.close()
    config = sim.configuration(oauth=True)
    assert (config.client_id, config.client_secret) == ("cli-client", "cli-secret")
    with ApiClient(config) as client:
        assert CallsApi(client).list_calls(sim.account_id) == []
    with ApiClient(sim.configuration(user="bob")) as client, pytest.raises(ForbiddenException):
        CallsApi(client).list_calls(sim.account_id)


def test_the_cli_simulator_defaults_match_the_in_process_one(
    serve: Callable[..., VoiceSimulator],
) -> None:
    sim = serve()
    assert (sim.client_id, sim.client_secret, sim.access_token) == (
        "client-id",
        "client-secret",
        None,
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--user", "no-password"], "argument --user: expected NAME:PASSWORD"),
        (["--forbidden-user", ":secret"], "argument --forbidden-user: expected NAME:PASSWORD"),
        (["--username", "a:b"], "argument --username: must be non-empty and without ':'"),
        (["--client-id", ""], "argument --client-id: must be non-empty and without ':'"),
    ],
)
def test_bad_identity_options_are_usage_errors_that_do_not_echo_them(
    capsys: pytest.CaptureFixture[str], argv: List[str], message: str
) -> None:
    assert main(["simulator", *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "secret" not in err and "no-password" not in err

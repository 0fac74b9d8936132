"""``bandwidth simulator``'s secrets stay out of ``ps``, and a bind beyond loopback warns.

Real processes (``python -m bandwidth simulator``): the password and client
secret come from a flag (which warns), stdin or the environment, as for the
API commands.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from typing import Dict, Iterator, List, Optional

import pytest

from bandwidth import ApiClient, CallsApi, Configuration

PYTHON_M = [sys.executable, "-m", "bandwidth", "simulator"]


def _environment(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


class Simulator:
    """A ``bandwidth simulator`` process; its stdout lines read by a thread."""

    def __init__(self, argv: List[str], env: Dict[str, str], stdin: Optional[bytes]) -> None:
        self.process = subprocess.Popen(
            [*PYTHON_M, *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        assert self.process.stdin is not None
        if stdin is not None:
            self.process.stdin.write(stdin)
        self.process.stdin.close()
        self.lines: queue.Queue[Optional[str]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.decode().rstrip("\n"))
        self.lines.put(None)

    def banner(self) -> Dict[str, str]:
        """The export lines of the banner, once it says it is ready."""
        found: Dict[str, str] = {}
        while True:
            line = self.lines.get(timeout=20)
            if line is None:
                raise AssertionError("the simulator exited: " + self.stderr())
            if line.strip().startswith("export "):
                name, _, value = line.strip()[len("export ") :].partition("=")
                found[name] = value
            if "Press Ctrl-C to stop." in line:
                return found

    def stderr(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=20)
        assert self.process.stderr is not None
        return self.process.stderr.read().decode()


@pytest.fixture
def started() -> Iterator[List[Simulator]]:
    running: List[Simulator] = []
    yield running
    for sim in running:
        if sim.process.poll() is None:
            sim.process.kill()
        sim.process.wait(timeout=20)


def _start(
    started: List[Simulator], argv: List[str], stdin: Optional[bytes] = None, **env: str
) -> Simulator:
    sim = Simulator(argv, _environment(**env), stdin)
    started.append(sim)
    return sim


def _works_with(exports: Dict[str, str], password: str) -> None:
    configuration = Configuration(
        host=exports["BW_VOICE_HOST"], username=exports["BW_USERNAME"], password=password
    )
    with ApiClient(configuration) as client:
        assert CallsApi(client).list_calls(exports["BW_ACCOUNT_ID"]) == []


def test_the_password_from_the_environment(started: List[Simulator]) -> None:
    sim = _start(started, [], BW_SIMULATOR_PASSWORD="from-env-pw")
    exports = sim.banner()
    assert exports["BW_PASSWORD"] == "from-env-pw"
    _works_with(exports, "from-env-pw")
    assert "warning" not in sim.stderr()


def test_the_password_from_stdin(started: List[Simulator]) -> None:
    sim = _start(started, ["--password-stdin"], stdin=b"from-stdin-pw\n")
    exports = sim.banner()
    assert exports["BW_PASSWORD"] == "from-stdin-pw"
    _works_with(exports, "from-stdin-pw")
    assert "warning" not in sim.stderr()


def test_the_client_secret_from_stdin_and_the_environment(started: List[Simulator]) -> None:
    for argv, stdin, env in (
        (["--client-secret-stdin"], b"stdin-secret\n", {}),
        ([], None, {"BW_SIMULATOR_CLIENT_SECRET": "env-secret"}),
    ):
        sim = _start(started, argv, stdin, **env)
        exports = sim.banner()
        expected = "stdin-secret" if stdin else "env-secret"
        host = exports["BW_VOICE_HOST"]
        configuration = Configuration(
            host=host,
            client_id="client-id",
            client_secret=expected,
            access_token_url=host.rsplit("/api/", 1)[0] + "/api/v1/oauth2/token",
        )
        with ApiClient(configuration) as client:
            assert CallsApi(client).list_calls(exports["BW_ACCOUNT_ID"]) == []
        assert "warning" not in sim.stderr()


@pytest.mark.parametrize(
    ("flag", "advice"),
    [
        ("--password", "use BW_SIMULATOR_PASSWORD or --password-stdin"),
        ("--client-secret", "use BW_SIMULATOR_CLIENT_SECRET or --client-secret-stdin"),
    ],
)
def test_a_secret_flag_still_works_and_warns(
    started: List[Simulator], flag: str, advice: str
) -> None:
    sim = _start(started, [flag, "typed-in-ps"])
    sim.banner()
    stderr = sim.stderr()
    assert f"warning: {flag} is visible to other users of this machine (ps); {advice}" in stderr


def test_a_flag_and_its_stdin_twin_are_refused() -> None:
    done = subprocess.run(
        [*PYTHON_M, "--password", "x", "--password-stdin"],
        input=b"y\n",
        capture_output=True,
        env=_environment(),
        timeout=60,
    )
    assert done.returncode == 2
    assert b"--password or --password-stdin, not both" in done.stderr


def test_a_bind_beyond_loopback_warns_in_one_line() -> None:
    # 192.0.2.1 (TEST-NET-1) is no address of this machine: the bind fails after the warning.
    done = subprocess.run(
        [*PYTHON_M, "--bind", "192.0.2.1", "--port", "0"],
        capture_output=True,
        env=_environment(),
        timeout=60,
    )
    lines = done.stderr.decode().splitlines()
    warnings = [line for line in lines if line.startswith("warning: --bind 192.0.2.1")]
    assert len(warnings) == 1
    assert "reachable from other machines" in warnings[0]
    assert done.returncode == 1  # cannot listen there


def test_loopback_binds_do_not_warn(started: List[Simulator]) -> None:
    sim = _start(started, ["--bind", "127.0.0.1"])
    sim.banner()
    assert "warning" not in sim.stderr()

"""The ``bandwidth`` command as users run it: a real process (console script, ``python -m``).

Every wait is bounded: subprocesses get a timeout, and output from the
long-running ``bandwidth simulator`` is read by a thread into a queue.
"""

from __future__ import annotations

import json
import os
import pty
import queue
import select
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest

from bandwidth import ApiClient, CallsApi, Configuration, CreateCall
from bandwidth.testing import VoiceSimulator
from tests.support.ports import closed_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CONSOLE_SCRIPT = BIN / "bandwidth"
TIMEOUT = 60  # seconds: generous upper bound for any one subprocess

REQUIRED = [
    "--to", "+19195551234", "--from", "+19195554321", "--application-id", "app-1",
    "--answer-url", "https://example.com/answer",
]  # fmt: skip


def _environment(sim: Optional[VoiceSimulator] = None) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env["PYTHONUNBUFFERED"] = "1"
    if sim is not None:
        env.update(
            BW_VOICE_HOST=sim.url,
            BW_ACCOUNT_ID=sim.account_id,
            BW_USERNAME=sim.username,
            BW_PASSWORD=sim.password,
        )
    return env


def _run(
    argv: List[str],
    env: Dict[str, str],
    stdin: Optional[bytes] = None,
    cwd: Optional[Path] = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv,
        input=None if stdin is None else stdin.decode(),
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
        cwd=cwd,
    )


def _expect_one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ")
    return lines[0]


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


PYTHON_M = [sys.executable, "-m", "bandwidth"]


def test_console_script_is_installed() -> None:
    assert CONSOLE_SCRIPT.exists(), f"{CONSOLE_SCRIPT} missing: pip install -e . first"


@pytest.mark.parametrize("command", [PYTHON_M, [str(CONSOLE_SCRIPT)]], ids=["-m", "script"])
def test_create_get_update_in_real_processes(sim: VoiceSimulator, command: List[str]) -> None:
    env = _environment(sim)
    created = _run([*command, "calls", "create", *REQUIRED, "--tag", "t1"], env)
    assert created.returncode == 0, created.stderr
    call_id = json.loads(created.stdout)["callId"]
    assert sim.requests_for("create_call")[0].json()["tag"] == "t1"

    sim.answer(call_id)
    got = _run([*command, "calls", "get", call_id], env)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["state"] == "answered"

    bxml = b'<?xml version="1.0" encoding="UTF-8"?>\n<Bxml><Hangup/></Bxml>'
    replaced = _run([*command, "calls", "bxml", call_id, "-"], env, stdin=bxml)
    assert (replaced.returncode, replaced.stdout, replaced.stderr) == (0, "", "")
    assert sim.call(call_id).bxml == [bxml.decode()]

    hung_up = _run([*command, "calls", "update", call_id, "--state", "completed"], env)
    assert (hung_up.returncode, hung_up.stdout, hung_up.stderr) == (0, "", "")
    assert sim.call(call_id).disconnect_cause == "hangup"

    listed = _run([*command, "calls", "list", "--all"], env)
    assert [c["callId"] for c in json.loads(listed.stdout)] == [call_id]


@pytest.mark.parametrize("command", [PYTHON_M, [str(CONSOLE_SCRIPT)]], ids=["-m", "script"])
def test_errors_in_real_processes(sim: VoiceSimulator, command: List[str]) -> None:
    env = _environment(sim)
    missing = _run([*command, "calls", "get", "c-missing"], env)
    assert missing.returncode == 1
    assert (
        _expect_one_error_line(missing) == "error: (404) Not Found: Call c-missing was not found."
    )

    usage = _run([*command, "calls", "create", *REQUIRED, "--priority", "high"], env)
    assert usage.returncode == 2
    assert "--priority" in _expect_one_error_line(usage)

    sim.fail_next("create_call", 503)
    failed = _run([*command, "calls", "create", *REQUIRED], env)
    assert failed.returncode == 1
    assert _expect_one_error_line(failed).startswith("error: (503)")

    assert len(sim.requests) == 2  # the 404 and the 503; the usage error sent nothing


def test_connection_refused_in_a_real_process() -> None:
    port = closed_port()
    env = _environment()
    env.update(BW_USERNAME="u", BW_PASSWORD="p", BW_ACCOUNT_ID="1")
    result = _run(
        [*PYTHON_M, "calls", "list", "--retries", "0", "--host", f"http://127.0.0.1:{port}"], env
    )
    assert result.returncode == 1
    assert "Connection refused" in _expect_one_error_line(result)


def test_help_does_not_import_the_sdk() -> None:
    code = (
        "import sys\n"
        "from bandwidth.cli import main\n"
        "for argv in (['--help'], ['calls', 'create', '--help'], ['simulator', '--help'],\n"
        "             ['recordings', 'download', '--help'], ['conferences', '--help'],\n"
        "             ['conferences', 'update', '--help'], ['conferences', 'member', '--help']):\n"
        "    assert main(argv) == 0\n"
        "heavy = [m for m in ('pydantic', 'urllib3', 'dateutil') if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    result = _run([sys.executable, "-c", code], _environment())
    assert result.returncode == 0, result.stderr
    assert result.stderr == "[]"


def test_broken_pipe_stops_quietly(sim: VoiceSimulator) -> None:
    sim.bulk_create(3000)
    process = subprocess.Popen(
        [*PYTHON_M, "calls", "list", "--page-size", "10000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_environment(sim),
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == b"[\n"
        process.stdout.close()  # like `| head -1`
        code = process.wait(timeout=TIMEOUT)
        stderr = process.stderr.read().decode()
    finally:
        process.kill()
        process.wait(timeout=TIMEOUT)
    assert code == 141
    assert stderr == ""


# -- secrets and server text -----------------------------------------------------------


def test_password_sources_in_real_processes(sim: VoiceSimulator) -> None:
    env = _environment(sim)
    password = env.pop("BW_PASSWORD")
    flagged = _run([*PYTHON_M, "calls", "list", "--password", password], env)
    assert flagged.returncode == 0, flagged.stderr
    assert flagged.stderr.startswith("warning: --password is visible to other users")

    piped = _run([*PYTHON_M, "calls", "list", "--password-stdin"], env, stdin=password.encode())
    assert (piped.returncode, piped.stderr) == (0, "")
    assert json.loads(piped.stdout) == []

    missing = _run([*PYTHON_M, "calls", "list"], env, stdin=b"")  # a pipe: nobody to prompt
    assert missing.returncode == 2
    assert "missing BW_PASSWORD or --password-stdin" in _expect_one_error_line(missing)
    assert len(sim.requests) == 2


def _read_until(fd: int, seen: bytearray, marker: bytes) -> None:
    """Read the pty's master side into ``seen`` until ``marker`` shows (TIMEOUT at most)."""
    deadline = time.monotonic() + TIMEOUT
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"no {marker!r} from the terminal; got {bytes(seen)!r}"
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the other side is closed
            chunk = b""
        assert chunk, f"the terminal closed before {marker!r}; got {bytes(seen)!r}"
        seen += chunk


def test_a_terminal_is_prompted_for_the_password() -> None:
    """On a real terminal (a pty made the controlling one), the password is asked, not echoed."""
    with VoiceSimulator(password="typed-s3cret", deliver_webhooks=False) as sim:
        env = _environment(sim)
        del env["BW_PASSWORD"]
        master, slave = pty.openpty()
        # setsid -c: a new session whose controlling terminal is the pty, as in a real login.
        process = subprocess.Popen(
            ["setsid", "-c", *PYTHON_M, "calls", "list"],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
        )
        os.close(slave)
        seen = bytearray()
        try:
            _read_until(master, seen, f"API password for {sim.username}: ".encode())
            os.write(master, b"typed-s3cret\n")
            _read_until(master, seen, b"[]")
            assert process.wait(timeout=TIMEOUT) == 0
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=TIMEOUT)
            os.close(master)
        assert b"typed-s3cret" not in seen  # not echoed
        assert len(sim.requests) == 1


def test_server_text_reaches_the_terminal_without_controls(sim: VoiceSimulator) -> None:
    description = "Nope\x1b]0;owned\x07\x1b[2J\x9b31m\u202eevil"
    sim.fail_next("list_calls", 400, body={"type": "x", "description": description})
    result = _run([*PYTHON_M, "calls", "list"], _environment(sim))
    assert result.returncode == 1
    assert _expect_one_error_line(result) == "error: (400) Bad Request: Nope]0;owned[2J31mevil"


def test_credentials_in_bw_voice_host_are_refused_in_a_real_process(
    sim: VoiceSimulator,
) -> None:
    env = _environment(sim)
    env["BW_VOICE_HOST"] = sim.url.replace("http://", "http://user:s3cr3t@")
    result = _run([str(CONSOLE_SCRIPT), "calls", "list"], env)
    assert result.returncode == 2
    assert _expect_one_error_line(result).startswith(
        "error: BW_VOICE_HOST must not contain a user or password"
    )
    assert "s3cr3t" not in result.stderr
    assert sim.requests == []


# -- bandwidth demo --------------------------------------------------------------------


def test_demo_through_the_console_script() -> None:
    result = _run([str(CONSOLE_SCRIPT), "demo"], _environment(), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    for step in ("201 Created", "state=answered", "204 No Content", "disconnectCause=hangup"):
        assert step in result.stdout


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("cli-wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(work.glob("bandwidth_sdk-*.whl"))
    site = work / "site"
    zipfile.ZipFile(wheel).extractall(site)
    return site


def test_demo_runs_from_the_wheel_without_the_source_tree(
    unpacked_wheel: Path, tmp_path: Path
) -> None:
    """`bandwidth demo` needs nothing but the installed package (no repo files)."""
    env = _environment()
    env["PYTHONPATH"] = str(unpacked_wheel)  # ahead of the editable install
    where = _run(
        [sys.executable, "-c", "import bandwidth.cli, sys; print(bandwidth.cli.__file__)"],
        env,
        cwd=tmp_path,
    )
    assert where.stdout.startswith(str(unpacked_wheel)), where.stdout + where.stderr
    result = _run([sys.executable, "-m", "bandwidth", "demo"], env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "disconnectCause=hangup" in result.stdout


# -- bandwidth simulator ---------------------------------------------------------------


class Served:
    """A ``bandwidth simulator`` process and its output lines, read by a thread.

    ``sigint_ignored`` starts it the way a non-interactive shell starts a
    background job (``bandwidth simulator &`` in a script): with SIGINT ignored.
    """

    def __init__(self, argv: List[str], *, sigint_ignored: bool = False) -> None:
        command = [*PYTHON_M, "simulator", *argv]
        if sigint_ignored:
            command = ["bash", "-c", 'trap "" INT; exec "$@"', "bash", *command]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
        )
        self.lines: queue.Queue[Optional[str]] = queue.Queue()
        self.seen: List[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def until(self, text: str) -> List[str]:
        """Lines up to and including the first containing ``text`` (10 s at most)."""
        while True:
            try:
                line = self.lines.get(timeout=10)
            except queue.Empty:
                raise AssertionError(f"no {text!r} within 10 s; got {self.seen}") from None
            if line is None:
                raise AssertionError(f"exited before {text!r}; got {self.seen}")
            self.seen.append(line)
            if text in line:
                return self.seen

    def exports(self) -> Dict[str, str]:
        found = {}
        for line in self.seen:
            line = line.strip()
            if line.startswith("export "):
                name, _, value = line[len("export ") :].partition("=")
                found[name] = value
        return found

    def stop(self, signum: int) -> int:
        self.process.send_signal(signum)
        code = self.process.wait(timeout=10)
        self.until("simulator stopped")
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def served() -> Iterator[List[Served]]:
    started: List[Served] = []
    yield started
    for process in started:
        process.close()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_simulator_serves_until_signalled(served: List[Served], signum: int) -> None:
    server = Served(["--account-id", "4242", "--username", "me", "--password", "pw"])
    served.append(server)
    output = "\n".join(server.until("Press Ctrl-C to stop."))
    assert "account id: 4242" in output and "username:   me" in output
    exports = server.exports()
    assert set(exports) == {
        "BW_BASE_URL",
        "BW_VOICE_HOST",
        "BW_ACCOUNT_ID",
        "BW_USERNAME",
        "BW_PASSWORD",
    }
    assert exports["BW_ACCOUNT_ID"] == "4242" and exports["BW_PASSWORD"] == "pw"
    assert f"listening on {exports['BW_VOICE_HOST']}" in output
    assert exports["BW_VOICE_HOST"] == exports["BW_BASE_URL"] + "/api/v2"

    # Reachable with the SDK, through the Configuration(...) line it prints ...
    (line,) = [line.strip() for line in server.seen if line.strip().startswith("Configuration(")]
    configuration = eval(line, {"Configuration": Configuration})
    assert (configuration.host, configuration.username) == (exports["BW_VOICE_HOST"], "me")
    with ApiClient(configuration) as client:
        api = CallsApi(client)
        created = api.create_call(
            "4242",
            CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="a",
                answer_url="https://example.com/a",
            ),
        )
        assert api.get_call_state("4242", created.call_id).call_id == created.call_id
    # one line per request, on stdout (method, path, status, time)
    logged = "\n".join(server.until(f"GET /api/v2/accounts/4242/calls/{created.call_id} 200"))
    assert "POST /api/v2/accounts/4242/calls 201" in logged
    # ... and with the CLI, using the printed export lines.
    env = {**_environment(), **exports}
    got = _run([*PYTHON_M, "calls", "get", created.call_id], env)
    assert got.returncode == 0, got.stderr
    assert json.loads(got.stdout)["to"] == "+19195551234"

    assert server.stop(signum) == 0
    assert server.process.stderr is not None
    assert "Traceback" not in server.process.stderr.read()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["TERM", "INT"])
def test_simulator_stops_when_started_with_sigint_ignored(
    served: List[Served], signum: int
) -> None:
    """A script's ``bandwidth simulator &`` inherits SIGINT ignored; ``kill -INT`` stops it."""
    server = Served([], sigint_ignored=True)
    served.append(server)
    server.until("Press Ctrl-C to stop.")
    assert server.stop(signum) == 0


def test_simulator_on_a_busy_port_is_one_error_line(served: List[Served]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _run([*PYTHON_M, "simulator", "--port", str(port)], _environment())
    assert result.returncode == 1
    assert _expect_one_error_line(result).startswith(f"error: cannot listen on 127.0.0.1:{port}: ")

"""``bandwidth phone`` and ``bandwidth simulator``'s control routes in real processes.

The shipped example app (``examples/webhook_app.py``) serves on loopback
from a thread of the test; the phone runs as a subprocess and calls it over
HTTP: scripted (``--press``, ``--json``), on a real terminal (a pty: keys
typed as the call plays, Ctrl-C) and interrupted with SIGINT. Then a test
drives a ``bandwidth simulator`` subprocess through its control routes.

Every wait is bounded: subprocesses get a timeout and output is read by a
thread into a queue. Real-time calls run with ``--speed`` so they take a
fraction of their simulated length.
"""

from __future__ import annotations

import json
import os
import pty
import queue
import re
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator, List, Optional

import pytest

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth.callbacks import DisconnectCallback, GatherCallback, InitiateCallback
from bandwidth.testing import SimulatorControl, SimulatorControlError
from tests.examples.test_webhook_example import PASSWORD, USER, load_app

BIN = Path(sys.executable).parent
PHONE = [str(BIN / "bandwidth"), "phone"]
TIMEOUT = 60
GREETING = "Thanks for calling Example Company."
PROMPT = "Press 1 for sales or 2 for support."


def _environment() -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env.update(PYTHONUNBUFFERED="1", BW_WEBHOOK_USERNAME=USER, BW_WEBHOOK_PASSWORD=PASSWORD)
    return env


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_app()


@pytest.fixture
def server(example: ModuleType) -> Iterator[Any]:
    """The example app on loopback; ``server.url`` is its answer URL."""
    srv = example.make_server("127.0.0.1", 0, username=USER, password=PASSWORD)
    thread = threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    host, port = srv.server_address[:2]
    srv.url = f"http://{host}:{port}/callbacks/answer"
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join()


class Lines:
    """A process's stdout, line by line, read by a thread (bounded waits)."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process
        self.queue: queue.Queue[Optional[str]] = queue.Queue()
        self.seen: List[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.queue.put(line.rstrip("\n"))
        self.queue.put(None)

    def until(self, text: str) -> List[str]:
        while not any(text in line for line in self.seen):
            try:
                line = self.queue.get(timeout=TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"no {text!r}; got {self.seen}") from None
            if line is None:
                raise AssertionError(f"exited before {text!r}; got {self.seen}")
            self.seen.append(line)
        return self.seen

    def rest(self) -> List[str]:
        while True:
            line = self.queue.get(timeout=TIMEOUT)
            if line is None:
                return self.seen
            self.seen.append(line)


# -- scripted ------------------------------------------------------------------------------


def test_press_and_json_against_the_example_app(server: Any) -> None:
    result = subprocess.run(
        [*PHONE, server.url, "--press", "1", "--json"],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    timeline = json.loads(result.stdout)
    assert timeline["heard"] == [GREETING, PROMPT, "Connecting you to sales. Goodbye for now."]
    assert (timeline["pressed"], timeline["disconnectCause"]) == (["1"], "hangup")
    hooks = [e for e in timeline["events"] if e["type"] == "webhook"]
    assert [(h["eventType"], h["status"]) for h in hooks] == [
        ("initiate", 200),
        ("gather", 200),
        ("disconnect", 204),
    ]
    assert hooks[1]["payload"]["digits"] == "1"
    assert hooks[1]["url"] == server.url.replace("/answer", "/gather")
    events = server.app.events
    assert [type(e) for e in events] == [InitiateCallback, GatherCallback, DisconnectCallback]
    assert events[1].digits == "1"
    assert PASSWORD not in result.stdout + result.stderr


def test_press_prints_the_call_and_its_timeline(server: Any) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bandwidth", "phone", server.url, "--press", "2"],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    assert (result.returncode, result.stderr) == (0, "")
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[:7] == [
        f"calling {server.url} from +19195554321 to +19195551234",
        "+0.000s  answered",
        f'+0.000s  heard "{GREETING}"',
        f'+2.000s  heard "{PROMPT}"',
        "+5.200s  pressed 2",
        '+5.200s  heard "Connecting you to support. Goodbye for now."',
        "+8.000s  the app hung up (hangup)",
    ]
    assert lines[7] == "" and lines[8].startswith("call c-")
    assert f"+5.200s  webhook gather: POST {server.url.replace('/answer', '/gather')} -> 200" in (
        " ".join(lines)
    )


def test_an_app_that_is_not_there_is_exit_1() -> None:
    result = subprocess.run(
        [*PHONE, "http://127.0.0.1:9/answer", "--press", "1"],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=TIMEOUT,
    )
    assert result.returncode == 1
    (error,) = result.stderr.splitlines()
    assert error.startswith("error: the call ended with callback-error: The initiate webhook to ")
    assert "Traceback" not in result.stderr


# -- real time -----------------------------------------------------------------------------


def test_sigint_hangs_up_and_prints_the_timeline(server: Any) -> None:
    process = subprocess.Popen(
        [*PHONE, server.url, "--speed", "4"],
        stdin=subprocess.PIPE,  # open: the caller has not typed anything yet
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_environment(),
    )
    lines = Lines(process)
    try:
        lines.until(f'heard "{GREETING}"')
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=TIMEOUT) == 0
        seen = lines.rest()
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=TIMEOUT)
        for stream in (process.stdin, process.stdout, process.stderr):
            assert stream is not None
            stream.close()
    assert any(line.strip().endswith("you hung up") for line in seen), seen
    assert any(line.startswith("call c-") and "now disconnected, hangup" in line for line in seen)
    assert any("webhook disconnect: POST" in line and "-> 204" in line for line in seen)
    assert isinstance(server.app.events[-1], DisconnectCallback)
    assert server.app.events[-1].cause == "hangup"


def _read_until(fd: int, seen: bytearray, marker: bytes) -> None:
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


def _on_a_terminal(argv: List[str]) -> Any:
    """The phone on a pty made its controlling terminal (``setsid -c``), as in a login."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        ["setsid", "-c", *argv], stdin=slave, stdout=slave, stderr=slave, env=_environment()
    )
    os.close(slave)
    return process, master


def _finish(process: Any, master: int, seen: bytearray) -> int:
    try:
        code: int = process.wait(timeout=TIMEOUT)
        try:
            while True:  # what is left in the terminal
                ready, _, _ = select.select([master], [], [], 0)
                if not ready:
                    break
                chunk = os.read(master, 4096)
                if not chunk:
                    break
                seen += chunk
        except OSError:
            pass
        return code
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=TIMEOUT)
        os.close(master)


def test_keys_typed_on_a_terminal_as_the_call_plays(server: Any) -> None:
    # At twice the speed, the key has 2.5 s of real time before the gather times out.
    process, master = _on_a_terminal([*PHONE, server.url, "--speed", "2"])
    seen = bytearray()
    try:
        _read_until(master, seen, b"type keys 0-9 * # A-D as you hear")
        _read_until(master, seen, b"(the app waits for keys)")
        os.write(master, b"2")
        _read_until(master, seen, b"the app hung up (hangup)")
    finally:
        code = _finish(process, master, seen)
    assert code == 0
    text = seen.decode()
    assert 'heard "Connecting you to support. Goodbye for now."' in text
    # The key is not echoed: the line after the hint is the phone's "pressed 2".
    assert re.search(r"\(the app waits for keys\)\r\n +\+\d+\.\d{3}s  pressed 2\r\n", text)
    assert [type(e) for e in server.app.events] == [
        InitiateCallback,
        GatherCallback,
        DisconnectCallback,
    ]
    assert server.app.events[1].digits == "2"


@pytest.mark.parametrize(("key", "name"), [(b"\x03", "Ctrl-C"), (b"\x04", "Ctrl-D")])
def test_ctrl_c_or_ctrl_d_on_a_terminal_hangs_up(server: Any, key: bytes, name: str) -> None:
    process, master = _on_a_terminal([*PHONE, server.url, "--speed", "4"])
    seen = bytearray()
    try:
        _read_until(master, seen, f'heard "{GREETING}"'.encode())
        os.write(master, key)
        _read_until(master, seen, b"you hung up")
    finally:
        code = _finish(process, master, seen)
    assert code == 0, name
    assert b"now disconnected, hangup" in seen
    assert isinstance(server.app.events[-1], DisconnectCallback)


# -- bandwidth simulator's control routes --------------------------------------------------


class Simulator:
    """A ``bandwidth simulator`` subprocess; ``url`` once it is listening."""

    def __init__(self, *argv: str) -> None:
        self.process = subprocess.Popen(
            [str(BIN / "bandwidth"), "simulator", *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
        )
        self.lines = Lines(self.process)
        banner = self.lines.until("Press Ctrl-C to stop.")
        self.url = banner[0].rsplit(" ", 1)[-1]
        self.control_line = next(line for line in banner if "control:" in line)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        assert self.process.wait(timeout=TIMEOUT) == 0
        for stream in (self.process.stdout, self.process.stderr):
            assert stream is not None
            stream.close()


@pytest.fixture
def simulators() -> Iterator[List[Simulator]]:
    started: List[Simulator] = []
    yield started
    for each in started:
        each.close()


def test_a_test_in_another_process_drives_calls(server: Any, simulators: List[Simulator]) -> None:
    sim = Simulator(
        "--deliver-webhooks", "--manual-clock", "--record-requests", "--forbidden-user", "ro:pw"
    )
    simulators.append(sim)
    origin = sim.url.rsplit("/api/v2", 1)[0]
    assert sim.control_line.strip() == f"control:    {origin}/_control (the same credentials)"
    control = SimulatorControl(sim.url, "username", "password")
    assert control.status()["clock"] == "manual"

    call_id = control.inbound_call(
        "+19195551234",
        "+19195554321",
        answer_url=server.url,
        username=USER,
        password=PASSWORD,
        disconnect_url=server.url,
    )
    assert control.call(call_id)["heard"] == [GREETING]
    control.advance(5.2)
    assert control.call(call_id)["awaitingDigits"] is True
    assert control.press(call_id, "1")["heard"][-1] == "Connecting you to sales. Goodbye for now."
    control.advance(5)
    assert control.call(call_id)["disconnectCause"] == "hangup"
    assert [w.event_type for w in control.webhooks(call_id)] == ["initiate", "gather", "disconnect"]
    assert [type(e) for e in server.app.events] == [
        InitiateCallback,
        GatherCallback,
        DisconnectCallback,
    ]

    with ApiClient(Configuration(host=sim.url, username="username", password="password")) as c:
        assert CallsApi(c).get_call_state("9900000", call_id).state == "disconnected"
    (recorded,) = control.requests()
    assert recorded.operation == "get_call_state"
    assert recorded.headers["authorization"] == "Basic *****"

    for user, password, status in (("username", "nope", 401), ("ro", "pw", 403)):
        with pytest.raises(SimulatorControlError) as refused:
            SimulatorControl(sim.url, user, password).hangup(call_id)
        assert refused.value.status == status
    import http.client

    host, port = origin.split("//")[1].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
    conn.request("POST", "/_control/calls/x/answer", body=b"{}")
    assert conn.getresponse().status == 401
    conn.close()


def test_on_the_real_clock_flows_run_by_themselves(simulators: List[Simulator]) -> None:
    """Nobody asks the simulator anything: its serve loop runs the <Pause>, then the redirect."""
    redirected = threading.Event()

    def app(environ: Dict[str, Any], start_response: Any) -> List[bytes]:
        if environ["PATH_INFO"] == "/next":
            redirected.set()
            body = b"<Response><Hangup/></Response>"
        else:
            body = b'<Response><Pause duration="0.5"/><Redirect redirectUrl="/next"/></Response>'
        start_response("200 OK", [("Content-Type", "application/xml")])
        return [body]

    from wsgiref.simple_server import WSGIRequestHandler, make_server

    class Quiet(WSGIRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    httpd = make_server("127.0.0.1", 0, app, handler_class=Quiet)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        sim = Simulator("--deliver-webhooks")
        simulators.append(sim)
        control = SimulatorControl(sim.url, "username", "password")
        port = httpd.server_address[1]
        call_id = control.inbound_call(
            "+19195551234", "+19195554321", answer_url=f"http://127.0.0.1:{port}/answer"
        )
        assert redirected.wait(TIMEOUT)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
    # The app has the redirect; the simulator records it once the reply is back.
    deadline = time.monotonic() + TIMEOUT
    while len(control.webhooks(call_id)) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert [w.event_type for w in control.webhooks(call_id)] == ["initiate", "redirect"]


def test_the_documented_simulator_control_example(server: Any, simulators: List[Simulator]) -> None:
    """docs/simulator.md's ``SimulatorControl`` example, against a real ``bandwidth simulator``."""
    text = (Path(__file__).resolve().parents[2] / "docs" / "simulator.md").read_text()
    section = text[text.index("### `SimulatorControl`") :]
    block = section.split("```python\n", 1)[1].split("```", 1)[0]
    sim = Simulator("--deliver-webhooks", "--manual-clock")
    simulators.append(sim)
    origin = sim.url.rsplit("/api/v2", 1)[0]
    code = (
        block.replace("http://127.0.0.1:8099", origin)
        .replace("http://127.0.0.1:8000/callbacks/answer", server.url)
        .replace('"bandwidth"', repr(USER))
        .replace('"change-me"', repr(PASSWORD))
    )
    assert code != block
    exec(compile(code, "docs/simulator.md SimulatorControl", "exec"), {})  # our own docs
    assert [type(e) for e in server.app.events] == [
        InitiateCallback,
        GatherCallback,
        DisconnectCallback,
    ]

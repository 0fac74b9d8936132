"""``bandwidth messages send`` and ``bandwidth media upload`` as users run them: real processes.

``python -m bandwidth`` in a subprocess against a loopback server: the
request that arrives, what the process prints, its exit status, and that an
upload streams the file (the process's peak memory does not grow with it).
Every wait is bounded (subprocess timeouts).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Dict, Iterator, List

import pytest
from pytest_httpserver import HTTPServer

from tests.cli import samples

TIMEOUT = 60
MEDIA = f"/api/v2/users/{samples.ACCOUNT}/media"


@pytest.fixture
def server(httpserver: HTTPServer) -> Iterator[HTTPServer]:
    yield httpserver
    httpserver.clear()


def _environment(server: HTTPServer) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    samples.point_at(server, env)
    return env


def _run(argv: List[str], env: Dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bandwidth", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )


def test_messages_send_prints_the_message_and_sends_the_request(server: HTTPServer) -> None:
    samples.serve(server)
    env = _environment(server)
    result = _run(
        ["messages", "send", "--to", "+19195551234", "--from", "+19195554321",
         "--application-id", samples.MESSAGE["applicationId"], "--text", "Your table is ready"],
        env,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout) == samples.MESSAGE
    ((request, _),) = server.log
    assert (request.method, request.path) == ("POST", f"/api/v2/users/{samples.ACCOUNT}/messages")
    assert json.loads(request.get_data())["text"] == "Your table is ready"
    assert samples.PASSWORD not in result.stdout + result.stderr


def test_messages_send_bad_input_is_one_line_and_sends_nothing(server: HTTPServer) -> None:
    samples.serve(server)
    result = _run(
        ["messages", "send", "--to", "555", "--from", "+19195554321", "--application-id", "a"],
        _environment(server),
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "error: --to (value 1): must be an E.164 phone number such as +15555551212 "
        "(see 'bandwidth messages send --help')\n"
    )
    assert server.log == []


def test_media_upload_sends_the_whole_file(server: HTTPServer, tmp_path: Path) -> None:
    samples.serve(server)
    photo = tmp_path / "logo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(3 * 1024 * 1024))
    result = _run(["media", "upload", str(photo)], _environment(server))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    ((request, _),) = server.log
    assert (request.method, request.path) == ("PUT", f"{MEDIA}/logo.png")
    assert request.headers["Content-Type"] == "image/png"
    assert request.get_data() == photo.read_bytes()


#: Runs the CLI in-process, then reports its peak resident memory (``VmHWM``, in kB).
_MEASURED = (
    "import sys\n"
    "from bandwidth.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "with open('/proc/self/status') as status:\n"
    "    peak = [line for line in status if line.startswith('VmHWM:')][0].split()[1]\n"
    "sys.stderr.write('peak ' + peak + '\\n')\n"
    "sys.exit(code)\n"
)


def _peak_kib(argv: List[str], env: Dict[str, str]) -> int:
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *argv],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    return int(result.stderr.splitlines()[-1].split()[1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux's /proc")
def test_a_large_upload_keeps_memory_flat(server: HTTPServer, tmp_path: Path) -> None:
    """The largest file Bandwidth takes (3.75 MiB) costs the process no more than a tiny one."""
    server.expect_request(MEDIA + "/small.jpg", method="PUT").respond_with_data(b"", status=204)
    server.expect_request(MEDIA + "/large.jpg", method="PUT").respond_with_data(b"", status=204)
    small, large = tmp_path / "small.jpg", tmp_path / "large.jpg"
    small.write_bytes(os.urandom(1024))
    large.write_bytes(os.urandom(3_932_160))
    env = _environment(server)
    baseline = _peak_kib(["media", "upload", str(small)], env)
    peak = _peak_kib(["media", "upload", str(large)], env)
    sizes = [len(request.get_data()) for request, _ in server.log]
    assert sizes == [1024, 3_932_160]
    # Read whole, the file alone would add 3840 KiB (and its copies more).
    assert peak - baseline < 1024, (baseline, peak)

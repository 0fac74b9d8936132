"""Every example in docs/cli.md runs, and its sample output is what really comes out.

Each ```console block's ``$`` lines run in bash (the venv's ``bandwidth`` on
PATH) against a simulator, in document order, with ``CALL_ID`` set to an
answered call. Sample output is checked as follows:

* JSON samples must have the same keys, in the same order, as the real output
  (ids and times differ from run to run);
* ``error:`` lines must equal the real stderr line, or its prefix when the
  sample ends with ``…``; the exit status must be 2 for a usage error, 1 otherwise;
* ``more calls:`` notes and ``warning:`` lines must be on stderr (notes apart from the token);
* a command shown without output must print nothing on stdout;
* other text must match line for line, up to a ``...`` line;
* the ``bandwidth simulator`` transcript must match apart from the port.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shlex
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.ports import closed_port

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "cli.md"
BIN = Path(sys.executable).parent
TIMEOUT = 60


@dataclass
class Example:
    command: str
    sample: List[str] = field(default_factory=list)


def _examples() -> List[Example]:
    examples: List[Example] = []
    in_console = False
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_console = line.strip() == "```console"
            continue
        if not in_console:
            continue
        if line.startswith("$ "):
            examples.append(Example(line[2:]))
        else:
            assert examples, f"output before any command: {line!r}"
            examples[-1].sample.append(line)
    return examples


def _assert_same_shape(sample: Any, actual: Any) -> None:
    assert type(sample) is type(actual), (sample, actual)
    if isinstance(sample, dict):
        assert list(sample) == list(actual)
    elif isinstance(sample, list):
        assert len(sample) == len(actual)
        for s, a in zip(sample, actual):
            _assert_same_shape(s, a)


def _assert_matches_sample(example: Example, result: subprocess.CompletedProcess[str]) -> None:
    errors = [line for line in example.sample if line.startswith("error: ")]
    notes = [line for line in example.sample if line.startswith(("more calls: ", "warning: "))]
    shown = [line for line in example.sample if line not in errors and line not in notes]
    context = f"{example.command}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"

    if errors:
        (expected,) = errors
        assert result.returncode == (2 if "(see 'bandwidth" in expected else 1), context
        (actual,) = result.stderr.splitlines()
        if expected.endswith("…"):
            assert actual.startswith(expected[:-1]), context
        else:
            assert actual == expected, context
        assert result.stdout == ""
        return

    assert result.returncode == 0, context
    stderr = result.stderr.splitlines()
    assert len(stderr) == len(notes), context
    token = re.compile(r"--page-token \S+")
    for expected, actual in zip(notes, stderr):
        assert token.sub("TOKEN", actual) == token.sub("TOKEN", expected), context

    if not shown:
        assert result.stdout == "", context
    elif shown[0].startswith(("{", "[")):
        _assert_same_shape(json.loads("\n".join(shown)), json.loads(result.stdout))
    else:
        actual_lines = result.stdout.splitlines()
        for index, expected in enumerate(shown):
            if expected == "...":
                break
            assert actual_lines[index] == expected, context
        else:
            assert len(actual_lines) == len(shown), context


def _assert_simulator_example(example: Example, env: Dict[str, str]) -> None:
    argv = shlex.split(example.command)
    assert argv[:2] == ["bandwidth", "simulator"]
    port = closed_port()
    argv = [str(BIN / "bandwidth"), *argv[1:]]
    if "--port" in argv:
        argv[argv.index("--port") + 1] = str(port)
    process = subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    lines: queue.Queue[Optional[str]] = queue.Queue()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    seen: List[str] = []
    try:
        while not seen or seen[-1] != "Press Ctrl-C to stop.":
            line = lines.get(timeout=10)
            assert line is not None, f"simulator exited early: {seen}"
            seen.append(line)
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        while True:
            line = lines.get(timeout=10)
            if line is None:
                break
            seen.append(line)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()

    def normal(text: str) -> str:
        return re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", text)

    expected = [normal(line) for line in example.sample if line != "^C"]
    assert [normal(line) for line in seen] == expected


def test_the_doc_has_examples_of_every_command() -> None:
    commands = " ".join(example.command for example in _examples())
    for needed in (
        "bandwidth demo",
        "bandwidth calls create",
        "--json -",
        "bandwidth calls get",
        "bandwidth calls list",
        "--all",
        "bandwidth calls bxml",
        "bandwidth calls update",
        "bandwidth simulator",
    ):
        assert needed in commands, needed


def test_every_example_in_docs_cli_md(tmp_path: Path) -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        call_id = sim.add_call(to="+19195551234", from_="+19195554321", application_id="my-app")
        sim.answer(call_id)
        env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
        env.update(
            PATH=str(BIN) + os.pathsep + env.get("PATH", ""),
            BW_VOICE_HOST=sim.url,
            BW_ACCOUNT_ID=sim.account_id,
            BW_USERNAME=sim.username,
            BW_PASSWORD=sim.password,
            CALL_ID=call_id,
        )
        for example in _examples():
            if example.command.startswith("bandwidth simulator"):
                _assert_simulator_example(example, env)
                continue
            result = subprocess.run(
                ["bash", "-c", example.command],
                capture_output=True,
                text=True,
                env=env,
                cwd=tmp_path,
                timeout=TIMEOUT,
            )
            _assert_matches_sample(example, result)
        # The examples did what they say.
        creates = [request.json() for request in sim.requests_for("create_call")]
        assert creates[-1]["tag"] == "from-flag"
        assert creates[1]["machineDetection"] == {
            "mode": "async",
            "callbackUrl": "https://example.com/amd",
        }
        recorded = sim.call(call_id)
        assert len(recorded.bxml) == 2
        assert recorded.redirects == [
            {"redirectUrl": "https://example.com/next-step", "tag": "step-2"}
        ]
        assert recorded.disconnect_cause == "hangup"


@pytest.mark.parametrize("flag", ["--webhook-username", "--machine-detection-detection-timeout"])
def test_doc_tables_list_the_flags(flag: str) -> None:
    from bandwidth.cli._fields import CREATE_FLAGS, UPDATE_FLAGS

    text = DOC.read_text(encoding="utf-8")
    for each in CREATE_FLAGS + UPDATE_FLAGS:
        assert f"`{each.flag}" in text, each.flag
        assert ".".join(each.wire) in text, each.wire
    assert flag in text

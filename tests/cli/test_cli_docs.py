"""Every example in docs/cli.md runs, and its sample output is what really comes out.

Each ```console block's ``$`` lines run in bash (the venv's ``bandwidth`` on
PATH) against a simulator, in document order, with ``CALL_ID`` set to an
answered call, ``RECORDING_ID`` to its recording, ``CONF_ID`` to a conference,
``MEMBER_ID`` to one of its members, ``CONF_RECORDING_ID`` to its recording
and ``TRANSCRIPTION_ID`` to a transcription of the call. The other products'
commands go to a loopback server answering as :mod:`tests.cli.samples` says
(their ``BW_*_HOST`` name it), from a directory holding ``logo.png`` and the
doc's ``verification.json`` (and ``resubmit.json``, made from it).
Sample output is checked as follows:

* JSON samples must have the same keys, in the same order, as the real output
  (ids and times differ from run to run);
* ``error:`` lines must equal the real stderr line, where ``…`` stands for any
  text; the exit status must be 2 for a usage error, 1 otherwise;
* ``more calls:``/``more conferences:`` notes, ``saved`` lines and ``warning:``
  lines must be on stderr (notes apart from the token, ``saved`` apart from a
  recording id);
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
import wave
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
from pytest_httpserver import HTTPServer

from bandwidth.testing import VoiceSimulator
from tests.cli import samples
from tests.support.ports import closed_port

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "cli.md"
BIN = Path(sys.executable).parent
TIMEOUT = 60
#: Sample lines that are stderr: next-page notes, downloads' ``saved`` lines, warnings.
NOTES = ("more ", "saved ", "warning: ")


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
    notes = [line for line in example.sample if line.startswith(NOTES)]
    shown = [line for line in example.sample if line not in errors and line not in notes]
    context = f"{example.command}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"

    if errors:
        (expected,) = errors
        assert result.returncode == (2 if "(see 'bandwidth" in expected else 1), context
        (actual,) = result.stderr.splitlines()
        pattern = ".*".join(re.escape(part) for part in expected.split("…"))
        assert re.fullmatch(pattern, actual), context
        assert result.stdout == ""
        return

    assert result.returncode == 0, context
    stderr = result.stderr.splitlines()
    assert len(stderr) == len(notes), context
    varying = re.compile(r"--page-token \S+|\br-[0-9a-f-]+")
    for expected, actual in zip(notes, stderr):
        assert varying.sub("X", actual) == varying.sub("X", expected), context

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
        "bandwidth recordings list",
        "bandwidth recordings get",
        "bandwidth recordings download",
        "-o -",
        "bandwidth conferences list",
        "bandwidth conferences get",
        "bandwidth conferences update",
        "bandwidth conferences bxml",
        "bandwidth conferences member",
        "bandwidth conferences recordings",
        "bandwidth conferences download",
        "bandwidth transcriptions list",
        "bandwidth transcriptions get",
        "bandwidth transcriptions delete",
        "bandwidth statistics get",
        "bandwidth messages send",
        "bandwidth messages list",
        "bandwidth media upload",
        "bandwidth media list",
        "bandwidth media get",
        "bandwidth media download",
        "bandwidth media delete",
        "bandwidth mfa voice",
        "bandwidth mfa messaging",
        "bandwidth mfa verify",
        "bandwidth lookup +",
        "bandwidth lookup bulk",
        "bandwidth lookup status",
        "bandwidth endpoints create",
        "bandwidth endpoints get",
        "bandwidth endpoints list",
        "bandwidth endpoints delete",
        "bandwidth endpoints bxml",
        "bandwidth tfv request",
        "bandwidth tfv status",
        "bandwidth tfv update",
        "bandwidth tfv delete",
        "bandwidth tfv use-cases",
        "bandwidth tfv subscriptions list",
        "bandwidth tfv subscriptions create",
        "bandwidth tfv subscriptions update",
        "bandwidth tfv subscriptions delete",
        "bandwidth simulator",
    ):
        assert needed in commands, needed


def _verification_request() -> Any:
    """The ``verification.json`` the doc shows (its ``tfv`` section's JSON block)."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## `bandwidth tfv`") :]
    block = section[section.index("```json\n") + len("```json\n") :]
    return json.loads(block[: block.index("```")])


def test_every_example_in_docs_cli_md(tmp_path: Path, httpserver: HTTPServer) -> None:
    samples.serve(httpserver)
    logo = b"\x89PNG\r\n\x1a\n" + bytes(100)
    (tmp_path / "logo.png").write_bytes(logo)
    verification = _verification_request()
    (tmp_path / "verification.json").write_text(json.dumps(verification), encoding="utf-8")
    submission = {k: v for k, v in verification.items() if k != "phoneNumbers"}
    resubmit = {"submission": submission}
    (tmp_path / "resubmit.json").write_text(json.dumps(resubmit), encoding="utf-8")
    with VoiceSimulator(deliver_webhooks=False) as sim:
        call_id = sim.add_call(to="+19195551234", from_="+19195554321", application_id="my-app")
        sim.answer(call_id)
        recording_id = sim.add_recording(call_id)
        members = []
        for to in ("+19195550001", "+19195550002"):
            members.append(sim.add_call(to=to, from_="+19195554321", application_id="my-app"))
            sim.answer(members[-1])
        conference_id = sim.add_conference("my-conf", members, tag="weekly")
        conference_recording_id = sim.add_conference_recording(conference_id)
        transcription_id = sim.add_transcription(
            call_id, {"inbound": "I would like to pay my bill", "outbound": "Sure, one moment"}
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
        env.update(
            PATH=str(BIN) + os.pathsep + env.get("PATH", ""),
            BW_VOICE_HOST=sim.url,
            BW_ACCOUNT_ID=sim.account_id,
            BW_USERNAME=sim.username,
            BW_PASSWORD=sim.password,
            CALL_ID=call_id,
            RECORDING_ID=recording_id,
            CONF_ID=conference_id,
            MEMBER_ID=members[0],
            CONF_RECORDING_ID=conference_recording_id,
            TRANSCRIPTION_ID=transcription_id,
            **samples.hosts(httpserver),
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
        saved = [f"{recording_id}.wav", "call.wav", "copy.wav", "conference.wav"]
        assert sorted(path.name for path in tmp_path.glob("*.wav")) == sorted(saved)
        for name in saved:
            with wave.open(str(tmp_path / name)) as audio:
                assert audio.getnframes() == 5 * audio.getframerate()
        conference = sim.conference(conference_id)
        assert conference.members[members[0]].mute is True
        assert conference.bxml == [
            "<Bxml><SpeakSentence>Welcome to the weekly call.</SpeakSentence></Bxml>\n"
        ]
        assert conference.redirects == [
            {
                "redirectUrl": "https://example.com/conference-next",
                "username": "hooks",
                "password": "hook secret",
            }
        ]
        assert conference.completed_time is not None
        assert sim.requests_for("delete_real_time_transcription")[0].path.endswith(transcription_id)


@pytest.mark.parametrize(
    "flag",
    [
        "--webhook-username",
        "--machine-detection-detection-timeout",
        "--webhook-password-stdin",
        "--max-bytes",
        "--deadline",
        "-o FILE",
        "--call-id",
    ],
)
def test_doc_tables_list_the_flags(flag: str) -> None:
    from bandwidth.cli._fields import (
        CONFERENCE_LIST_FLAGS,
        CONFERENCE_UPDATE_FLAGS,
        CREATE_FLAGS,
        LIST_FLAGS,
        MEMBER_FLAGS,
        RECORDING_LIST_FLAGS,
        UPDATE_FLAGS,
    )

    text = DOC.read_text(encoding="utf-8")
    for each in CREATE_FLAGS + UPDATE_FLAGS + CONFERENCE_UPDATE_FLAGS + MEMBER_FLAGS:
        assert f"`{each.flag}" in text, each.flag
        assert ".".join(each.wire) in text, each.wire
    for listed in LIST_FLAGS + CONFERENCE_LIST_FLAGS + RECORDING_LIST_FLAGS:
        assert f"`{listed.flag}" in text, listed.flag
    assert flag in text


def test_doc_lists_every_simulator_flag() -> None:
    import argparse

    from bandwidth.cli._parser import build_parser

    text = DOC.read_text(encoding="utf-8")
    start = text.index("## `bandwidth simulator`")
    section = text[start : text.index("\n## ", start + 1)]
    commands = next(
        action
        for action in build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    options = [
        option
        for action in commands.choices["simulator"]._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help"
    ]
    assert "--forbidden-user" in options
    for option in options:
        assert f"`{option}" in section, option

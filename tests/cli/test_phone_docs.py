"""The ``bandwidth phone`` examples in docs/cli.md are what really comes out.

The phone's examples are ```text blocks (``test_cli_docs.py`` runs the
```console ones, against a simulator without an app). Here the scripted
ones (``--press``, or keys piped in) run in bash against the shipped example
app, served on loopback with the credentials the page exports; the port,
call ids and times aside, the sample must match line for line up to a
``...`` line. The ``--json`` sample is abbreviated, so its keys are checked
against the tables that document them.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from tests.examples.test_webhook_example import load_app

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"
BIN = Path(sys.executable).parent
TIMEOUT = 60


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## `bandwidth phone`")
    end = text.index("\n## ", start + 1) if "\n## " in text[start + 1 :] else len(text)
    return text[start:end]


def _examples() -> List[Tuple[str, List[str]]]:
    examples: List[Tuple[str, List[str]]] = []
    inside = False
    for line in _section().splitlines():
        if line.startswith("```"):
            inside = line.strip() == "```text"
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            examples.append((line[2:], []))
        elif examples:
            examples[-1][1].append(line)
    return examples


def _exports() -> Dict[str, str]:
    (line,) = [c for c, _ in _examples() if c.startswith("export ")]
    return dict(pair.split("=", 1) for pair in shlex.split(line)[1:])


@pytest.fixture
def app_url() -> Iterator[str]:
    credentials = _exports()
    server = load_app().make_server(
        "127.0.0.1",
        0,
        username=credentials["BW_WEBHOOK_USERNAME"],
        password=credentials["BW_WEBHOOK_PASSWORD"],
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _normal(line: str) -> str:
    line = re.sub(r"127\.0\.0\.1:\d+", "127.0.0.1:PORT", line)
    line = re.sub(r"c-[0-9a-f]{8}-[0-9a-f-]{36}", "c-ID", line)
    return re.sub(r"created [0-9T:.Z-]+;", "created TIME;", line)


def test_the_scripted_examples_print_what_the_doc_shows(app_url: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env.update(_exports(), PATH=str(BIN) + os.pathsep + env.get("PATH", ""))
    ran = 0
    for command, sample in _examples():
        if "bandwidth phone" not in command or not ("--press" in command or "|" in command):
            continue  # the export, the app, and the interactive call on a terminal
        if sample and sample[0] == "{":
            continue  # the abbreviated --json sample: see the next test
        result = subprocess.run(
            ["bash", "-c", command.replace("127.0.0.1:8000", app_url)],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT,
        )
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        actual = result.stdout.splitlines()
        for index, expected in enumerate(sample):
            if expected == "...":
                break
            assert _normal(actual[index]) == _normal(expected), command
        else:
            assert len(actual) == len(sample), command
        ran += 1
    assert ran == 2


def _table_names(heading: str) -> List[List[str]]:
    """Per row of the first table after ``heading``: the backticked names of its cells
    (the first cell for the top-level keys; the second, outside parentheses, for events)."""
    text = _section()
    rows = text[text.index(heading) :].split("\n\n| ", 1)[1].split("\n\n", 1)[0]
    found = []
    for row in ("| " + rows).splitlines()[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        found.append([re.findall(r"`(\w+)`", re.sub(r"\([^)]*\)", "", cell)) for cell in cells[:2]])
    return found  # type: ignore[return-value]


def test_the_json_keys_are_the_documented_ones(app_url: str) -> None:
    (command,) = [c for c, _ in _examples() if "--json" in c]
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    env.update(_exports(), PATH=str(BIN) + os.pathsep + env.get("PATH", ""))
    result = subprocess.run(
        ["bash", "-c", command.replace("127.0.0.1:8000", app_url)],
        capture_output=True,
        text=True,
        env=env,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    timeline: Dict[str, Any] = json.loads(result.stdout)
    rows: Any = _table_names("The keys, which")
    documented = [name for row in rows for name in row[0]]
    assert list(timeline) == documented
    by_type: Dict[str, List[str]] = {}
    for first, second in _table_names("Every event has"):
        by_type[first[0]] = second
    for event in timeline["events"]:
        assert list(event) == ["at", "time", "type", *by_type[event["type"]]], event
    assert {e["type"] for e in timeline["events"]} == set(by_type)  # each one documented, seen

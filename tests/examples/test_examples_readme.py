"""``examples/README.md`` says what the examples are and do, and stays true.

Every example has its line; the environment variables the README lists for
an example are exactly those its source reads, and the required ones those
its ``main()`` asks for when none is set; the test files it names exist; the
``bandwidth phone --app`` commands it shows run as shown.
"""

from __future__ import annotations

import json
import re
import shlex
from types import ModuleType
from typing import Dict, List, Set

import pytest

from tests.examples.flask_server import EXAMPLES, load_example
from tests.examples.test_webhook_example_app import SALES, phone

README = EXAMPLES / "README.md"
REPO = EXAMPLES.parent
NAMES = sorted(path.stem for path in EXAMPLES.glob("*.py"))
#: an environment variable's name: upper case with an underscore (BW_NUMBER, LOCAL_PORT)
VARIABLE = re.compile(r"\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b")
#: how the examples read the environment: os.getenv("X"), os.environ / env .get("X") or ["X"]
LOOKUP = re.compile(
    r"(?:\bos\.getenv\(|(?:\bos\.environ|\benv)(?:\.get\(|\[))\s*\"([A-Z][A-Z0-9_]*)\""
)


def tables() -> List[List[Dict[str, str]]]:
    """Every table of the README, as rows keyed by the header's cells."""
    found: List[List[Dict[str, str]]] = []
    header: List[str] = []
    for line in [*README.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.startswith("|"):
            header = []
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not header:
            header = cells
            found.append([])
        elif not set(cells[0]) <= set("-: "):
            found[-1].append(dict(zip(header, cells)))
    return found


def table(column: str) -> Dict[str, Dict[str, str]]:
    """The table with ``column``, by example file name."""
    (rows,) = [rows for rows in tables() if rows and column in rows[0]]
    by_name = {}
    for row in rows:
        (name,) = re.findall(r"`(\w+)\.py`", row["Example"])
        by_name[name] = row
    return by_name


@pytest.mark.parametrize("column", ["What it shows", "Its tests", "Required", "Call-status URL"])
def test_every_example_has_its_line(column: str) -> None:
    assert sorted(table(column)) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_the_variables_listed_are_those_the_example_reads(name: str) -> None:
    row = table("Required")[name]
    listed = set(VARIABLE.findall(row["Required"] + row["Optional"]))
    source = (EXAMPLES / f"{name}.py").read_text(encoding="utf-8")
    assert listed == set(LOOKUP.findall(source))


@pytest.mark.parametrize("name", NAMES)
def test_main_asks_for_the_required_variables(
    name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example: ModuleType = load_example(name)
    row = table("Required")[name]
    source = (EXAMPLES / f"{name}.py").read_text(encoding="utf-8")
    # none set, whatever the README says (else main() might serve forever)
    for variable in {*LOOKUP.findall(source), *VARIABLE.findall(row["Required"])}:
        monkeypatch.delenv(variable, raising=False)
    main = example.main
    assert (main([]) if name == "webhook_app" else main()) == 2
    asked: Set[str] = set(VARIABLE.findall(capsys.readouterr().err))
    assert asked == set(VARIABLE.findall(row["Required"]))


def test_the_tests_named_exist() -> None:
    for name, row in table("Its tests").items():
        paths = re.findall(r"`([\w/.]+\.py)`", row["Its tests"])
        assert paths, name
        for path in paths:
            assert (REPO / path).is_file(), path
    for command in re.findall(r"pytest -q (\S+)", README.read_text(encoding="utf-8")):
        assert (REPO / command).exists(), command


def test_the_phone_commands_run_as_shown() -> None:
    commands = [
        shlex.split(line)
        for line in README.read_text(encoding="utf-8").splitlines()
        if line.startswith("bandwidth phone --app ")
    ]
    assert commands == [
        ["bandwidth", "phone", "--app", "webhook_app:app", "--press", "1", "--json"]
    ]
    for command in commands:
        result = phone(*command[2:])  # from examples/, with the README's two variables set
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["heard"] == SALES

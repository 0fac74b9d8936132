#!/usr/bin/env python3
"""The lowest versions pyproject.toml allows for the runtime dependencies, as pins.

    python .ci/floors.py            # print pip constraints: urllib3==2.1 ...
    python .ci/floors.py --verify   # exit 1 unless exactly those are installed here

``make test-floors`` installs the package and its dev tools under these
constraints (so pip picks dev-tool versions that accept them) and runs the
test suite: the floors in ``dependencies`` are tested, not guessed. Every
runtime dependency must have a ``>=`` floor. Standard library only, any
Python >= 3.9 (no tomllib there, hence the small parser).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import List, Tuple

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def floors(text: str) -> List[Tuple[str, str]]:
    """(name, lowest version) for each entry of ``[project] dependencies``."""
    project = text.split("\n[project]\n", 1)[1].split("\n[", 1)[0]
    match = re.search(r"^dependencies = \[(.*?)^\]", project, re.MULTILINE | re.DOTALL)
    if match is None:
        raise SystemExit("error: no dependencies = [...] in [project]")
    found = []
    for requirement in re.findall(r'^\s*"([^"]+)"', match.group(1), re.MULTILINE):
        parts = re.match(r"([A-Za-z0-9_.-]+)[^;]*?>=\s*([0-9][^,;\s]*)", requirement)
        if parts is None:
            raise SystemExit(f"error: {requirement!r} has no >= floor to test")
        found.append((parts.group(1), parts.group(2)))
    return found


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _same(installed: str, floor: str) -> bool:
    """2.8 == 2.8.0: compare release numbers padded with zeros."""
    a = [int(p) for p in installed.split(".") if p.isdigit()]
    b = [int(p) for p in floor.split(".") if p.isdigit()]
    width = max(len(a), len(b))
    return a + [0] * (width - len(a)) == b + [0] * (width - len(b))


def main(argv: List[str]) -> int:
    pins = floors(PYPROJECT.read_text(encoding="utf-8"))
    if argv[1:] != ["--verify"]:
        sys.stdout.write("".join(f"{name}=={floor}\n" for name, floor in pins))
        return 0
    from importlib.metadata import PackageNotFoundError, version

    wrong = []
    for name, floor in pins:
        try:
            installed = version(_normal(name))
        except PackageNotFoundError:
            installed = "(not installed)"
        if not _same(installed, floor):
            wrong.append(f"{name} {installed}, want {floor}")
        else:
            sys.stdout.write(f"floor: {name} {installed}\n")
    if wrong:
        sys.stderr.write("error: not the floors: " + "; ".join(wrong) + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

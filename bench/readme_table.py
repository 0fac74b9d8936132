#!/usr/bin/env python3
"""Write the README's benchmark block from ``bench/results.md``.

    python bench/readme_table.py           # rewrite the block in README.md
    python bench/readme_table.py --check   # exit 1 if README.md's block is stale

The block is everything between the two ``<!-- bench-table ... -->`` markers
in README.md: one sentence saying when, where and how the numbers were
measured, the main table of ``results.md`` as it is, and whether every target
was met. ``bench/run.py`` runs this after a full run writes ``results.md``, and
``tests/repo/test_bench_readme.py`` fails when the README does not match.
Standard library only, any Python >= 3.9.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import textwrap
from pathlib import Path
from typing import List, Optional

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.md"
README = ROOT / "README.md"

BEGIN = "<!-- bench-table: generated from bench/results.md by bench/readme_table.py -->"
END = "<!-- bench-table end -->"
TABLE_HEADER = "| measure | ours | official | raw urllib3 |"


class ResultsError(ValueError):
    """``results.md`` lacks something the README block is made of."""


def _find(pattern: str, text: str, what: str) -> re.Match[str]:
    match = re.search(pattern, text, re.MULTILINE)
    if match is None:
        raise ResultsError(f"results.md has no {what} line (looked for /{pattern}/)")
    return match


def _main_table(lines: List[str]) -> List[str]:
    for start, line in enumerate(lines):
        if line.startswith(TABLE_HEADER):
            end = start
            while end < len(lines) and lines[end].startswith("|"):
                end += 1
            return lines[start:end]
    raise ResultsError(f"results.md has no table starting {TABLE_HEADER!r}")


def _verdict(table: List[str]) -> str:
    """ "Every target is met." or the measures whose "met?" cell is not all yes."""
    missed = []
    for row in table[2:]:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        target, met = cells[-2], cells[-1]
        if target and any(word != "yes" for word in met.split(" / ")):
            missed.append(cells[0])
    if not missed:
        return "Every target is met."
    return "Targets not met: " + "; ".join(missed) + "."


def block(results: str) -> str:
    """The README block (markers included) for the text of ``results.md``."""
    date = _find(r"^Date: (.+?); wall time", results, "Date").group(1)
    machine = _find(r"^Machine: (.+?), (\d+) cores,", results, "Machine")
    versions = _find(
        r"^Python (\S+); ours = bandwidth-sdk \S+ \(pydantic ([^)]+)\),.*; urllib3 (\S+?)\s*$",
        results,
        "Python",
    )
    python, pydantic, urllib3 = versions.groups()
    table = _main_table(results.splitlines())
    sentence = textwrap.fill(
        "Measured with `python bench/run.py` (one command; it installs the official "
        "`bandwidth-sdk` 23.3.1 into a venv of its own and runs this SDK, the official one "
        "and raw urllib3 + `json` against the same loopback server, interleaved, medians of "
        f"many rounds) on a {machine.group(2)}-core {machine.group(1)}, Python {python}, "
        f"pydantic {pydantic}, urllib3 {urllib3}, on {date}. "
        "Full table and method: [bench/results.md](bench/results.md).",
        width=88,
        break_on_hyphens=False,
    )
    return "\n".join([BEGIN, sentence, "", *table, "", _verdict(table), END])


def rewrite(readme: str, results: str) -> str:
    """``readme`` with its block replaced by the one ``results`` gives."""
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
    if len(pattern.findall(readme)) != 1:
        raise ResultsError(f"README.md must hold the block once, between {BEGIN!r} and {END!r}")
    return pattern.sub(lambda _: block(results), readme)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if stale")
    parser.add_argument("--results", type=Path, default=RESULTS, help="default bench/results.md")
    parser.add_argument("--readme", type=Path, default=README, help="default README.md")
    args = parser.parse_args(argv)
    current = args.readme.read_text(encoding="utf-8")
    try:
        wanted = rewrite(current, args.results.read_text(encoding="utf-8"))
    except ResultsError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    if wanted == current:
        return 0
    if args.check:
        diff = difflib.unified_diff(
            current.splitlines(), wanted.splitlines(), "README.md", "generated", lineterm=""
        )
        sys.stderr.write("README.md's benchmark block is stale; run python bench/readme_table.py\n")
        sys.stderr.write("\n".join(diff) + "\n")
        return 1
    args.readme.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

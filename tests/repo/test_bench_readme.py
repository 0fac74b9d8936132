"""README.md's benchmark block is generated from bench/results.md, never copied by hand."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "readme_table.py"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
    )


def _table(text: str) -> List[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| measure | ours |"))
    end = next(i for i in range(start, len(lines)) if not lines[i].startswith("|"))
    return lines[start:end]


def test_the_readme_block_is_what_the_results_give() -> None:
    result = _run("--check")
    assert result.returncode == 0, result.stderr
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    results = (ROOT / "bench" / "results.md").read_text(encoding="utf-8")
    assert _table(readme) == _table(results)


def test_new_results_rewrite_the_block(tmp_path: Path) -> None:
    results = (ROOT / "bench" / "results.md").read_text(encoding="utf-8")
    row = next(line for line in _table(results) if line.startswith("| `create_call` sequential"))
    changed_row = (
        "| `create_call` sequential (calls/s) | 1 | 2 | 3 | 0.33x | 0.50x | at least raw | no |"
    )
    changed = results.replace(row, changed_row).replace("Python 3.11.7;", "Python 3.99.0;")
    (tmp_path / "results.md").write_text(changed, encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text((ROOT / "README.md").read_text(encoding="utf-8"), encoding="utf-8")

    stale = _run("--check", "--results", str(tmp_path / "results.md"), "--readme", str(readme))
    assert stale.returncode == 1
    assert "+" + changed_row in stale.stderr  # the diff shows what would change

    assert _run("--results", str(tmp_path / "results.md"), "--readme", str(readme)).returncode == 0
    text = readme.read_text(encoding="utf-8")
    assert changed_row in text and row not in text
    assert "Python 3.99.0" in text
    verdict = next(line for line in text.splitlines() if line.startswith("Targets not met: "))
    assert "`create_call` sequential (calls/s)" in verdict.split(";")[0]
    assert "Every target is met." not in text
    # Only the block changed.
    before, after = (ROOT / "README.md").read_text(encoding="utf-8").split("<!-- bench-table")[::2]
    assert text.startswith(before) and text.endswith(after)


def test_results_without_the_table_are_an_error(tmp_path: Path) -> None:
    (tmp_path / "results.md").write_text("# nothing measured\n", encoding="utf-8")
    result = _run("--check", "--results", str(tmp_path / "results.md"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: results.md has no ")

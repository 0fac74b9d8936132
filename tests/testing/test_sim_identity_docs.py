"""docs/simulator.md's "MFA" and "Number lookup" examples run as they are written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List

import pytest

DOC = Path(__file__).resolve().parents[2] / "docs" / "simulator.md"


def _examples(section: str) -> List[str]:
    text = DOC.read_text(encoding="utf-8")
    start = text.index(f"## {section}\n")
    end = text.index("\n## ", start + 1)
    return re.findall(r"```python\n(.*?)```", text[start:end], re.S)


@pytest.mark.parametrize("section", ["MFA", "Number lookup"])
def test_the_section_s_example_runs(section: str) -> None:
    (code,) = _examples(section)
    exec(compile(code, f"docs/simulator.md {section}", "exec"), {})  # our own docs

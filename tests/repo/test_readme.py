"""The README's Python examples run, in order, as a reader would paste them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.repo._examples import examples_ran, python_blocks

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_has_examples() -> None:
    assert len(python_blocks(README)) >= 4


def test_readme_examples_run(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    with examples_ran(README, "README.md", monkeypatch) as sim:
        # the real-API example really talked to the (stand-in) API
        assert len(sim.requests_for("create_call")) == 1
        assert len(sim.requests_for("update_call")) == 1
    assert "answered" in capsys.readouterr().out

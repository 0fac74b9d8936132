"""docs/callbacks.md: the Messaging, toll-free verification and endpoint examples run as written."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict

import pytest

from tests.repo._examples import python_blocks

PAGE = Path(__file__).resolve().parents[2] / "docs" / "callbacks.md"


def _section(first: str, end: str) -> str:
    text = PAGE.read_text(encoding="utf-8")
    return text[text.index(first) : text.index(end)]


def test_the_product_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks(_section("## Messaging and Multi-Channel", "## Limits and errors"))
    assert len(blocks) == 5
    namespace: Dict[str, Any] = {"__name__": "docs_example"}
    for number, block in enumerate(blocks, 1):
        exec(compile(block, f"docs/callbacks.md product block {number}", "exec"), namespace)
    assert namespace["delivered"] == set()
    assert capsys.readouterr().out.splitlines() == [
        "+12345678901 wrote 'Hey, check out this SMS!'",
        "message 1589228074636lm4k2je7j7jklbn2 failed with 4432",
        "+18005555555 denied (511): resubmit",
        "e-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85 DEVICE_DISCONNECTED "
        "2021-01-01T00:00:00+00:00",
        "endpointConnected",
    ]

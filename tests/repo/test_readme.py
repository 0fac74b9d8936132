"""The README's Python examples run, in order, as a reader would paste them.

Examples written for the real API are pointed at the simulator by swapping
the default host; ``test_*`` functions shown in the README are called with
the fixtures they name.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from typing import Any, Dict, List

import pytest

import bandwidth.configuration
from bandwidth import ApiClient, CallsApi
from bandwidth.testing import VoiceSimulator

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def python_blocks(path: Path) -> List[str]:
    return BLOCK.findall(path.read_text(encoding="utf-8"))


def test_readme_has_examples() -> None:
    assert len(python_blocks(ROOT / "README.md")) >= 4


def test_readme_examples_run(monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    with VoiceSimulator(username="api-user", password="api-password") as sim:
        monkeypatch.setattr(bandwidth.configuration, "DEFAULT_HOST", sim.url)
        namespace: Dict[str, Any] = {"__name__": "readme"}
        for number, block in enumerate(python_blocks(ROOT / "README.md"), 1):
            code = compile(block, f"README.md block {number}", "exec")
            exec(code, namespace)  # running our own documentation
            for name, value in list(namespace.items()):
                if name.startswith("test_") and inspect.isfunction(value):
                    with (
                        VoiceSimulator() as fixture_sim,
                        ApiClient(fixture_sim.configuration()) as client,
                    ):
                        value(voice_simulator=fixture_sim, calls_api=CallsApi(client))
                    del namespace[name]
        # the real-API example really talked to the (stand-in) API
        assert len(sim.requests_for("create_call")) == 1
        assert len(sim.requests_for("update_call")) == 1
    assert "answered" in capsys.readouterr().out

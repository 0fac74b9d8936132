"""Run a markdown page's Python examples, in order, as a reader would paste them.

Shared by the README test and the PyPI description test. Examples written
for the real API are pointed at a simulator by swapping the default host
(credentials ``api-user``/``api-password``); ``test_*`` functions an example
defines are called with the pytest fixtures they name (``voice_simulator``,
``calls_api``), built as the pytest plugin builds them (its ``voice_simulator``
marker's keywords included).
"""

from __future__ import annotations

import contextlib
import inspect
import re
from typing import Any, Dict, Iterator, List

import pytest

import bandwidth.configuration
from bandwidth import ApiClient, CallsApi
from bandwidth.testing import VoiceSimulator

BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def python_blocks(markdown: str) -> List[str]:
    return BLOCK.findall(markdown)


@contextlib.contextmanager
def examples_ran(
    markdown: str, source: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[VoiceSimulator]:
    """Run every ```python block of ``markdown``; yields the stand-in for the real API."""
    with VoiceSimulator(
        username="api-user", password="api-password", deliver_webhooks=False
    ) as sim:
        monkeypatch.setattr(bandwidth.configuration, "DEFAULT_HOST", sim.url)
        namespace: Dict[str, Any] = {"__name__": "example"}
        for number, block in enumerate(python_blocks(markdown), 1):
            code = compile(block, f"{source} block {number}", "exec")
            exec(code, namespace)  # running our own documentation
            for name, value in list(namespace.items()):
                if name.startswith("test_") and inspect.isfunction(value):
                    _run_test(value)
                    del namespace[name]
        yield sim


def _run_test(test: Any) -> None:
    """Call an example's test function with the plugin's fixtures it asks for."""
    wanted = inspect.signature(test).parameters
    if not wanted:
        test()
        return
    options: Dict[str, Any] = {}
    for mark in getattr(test, "pytestmark", []):
        if mark.name == "voice_simulator":
            options.update(mark.kwargs)
    with VoiceSimulator(**options) as fixture_sim, ApiClient(fixture_sim.configuration()) as client:
        fixtures = {"voice_simulator": fixture_sim, "calls_api": CallsApi(client)}
        test(**{name: fixtures[name] for name in wanted})

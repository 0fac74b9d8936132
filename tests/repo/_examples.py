"""Run a markdown page's Python examples, in order, as a reader would paste them.

Shared by the README test and the PyPI description test. Examples written
for the real API are pointed at a simulator by swapping Voice's server from the spec
(credentials ``api-user``/``api-password``); ``test_*`` functions an example
defines are called with the pytest fixtures they name (``voice_simulator``,
``calls_api``), built as the pytest plugin builds them (its ``voice_simulator``
marker's keywords included).
"""

from __future__ import annotations

import contextlib
import inspect
import re
from typing import Any, Dict, Iterator, List, Tuple

import pytest

from bandwidth import ApiClient, CallsApi
from bandwidth._hosts import ServerSelection
from bandwidth._servers import VOICE_SERVERS, Server, Servers
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
        # The examples' Configuration(username=..., password=...) has no host: Voice's
        # server stands in for production (the other products have no stand-in).
        stand_in = (Server(sim.url),)
        spec_servers = ServerSelection._servers

        def servers(self: ServerSelection, product: Servers) -> Tuple[Server, ...]:
            return stand_in if product is VOICE_SERVERS else spec_servers(self, product)

        monkeypatch.setattr(ServerSelection, "_servers", servers)
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

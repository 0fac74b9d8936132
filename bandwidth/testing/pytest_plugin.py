"""pytest plugin (entry point ``pytest11``): fixtures for testing code that uses this SDK.

* ``voice_simulator``: a started :class:`~bandwidth.testing.VoiceSimulator`,
  stopped after the test. Configure it per test with
  ``@pytest.mark.voice_simulator(auto_progress=True, ...)`` (any constructor
  keyword).
* ``calls_api``: a ``bandwidth.CallsApi`` bound to that simulator.

Loaded by every pytest run, so it imports nothing until a fixture is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import pytest

if TYPE_CHECKING:
    from bandwidth import CallsApi
    from bandwidth.testing import VoiceSimulator


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``voice_simulator`` marker so ``--strict-markers`` accepts it."""
    config.addinivalue_line(
        "markers",
        "voice_simulator(**kwargs): keyword arguments for the voice_simulator fixture's "
        "VoiceSimulator(...)",
    )


@pytest.fixture
def voice_simulator(request: pytest.FixtureRequest) -> Iterator[VoiceSimulator]:
    """A running local Voice API; ``sim.configuration()`` points an SDK client at it."""
    from bandwidth.testing import VoiceSimulator

    marker = request.node.get_closest_marker("voice_simulator")
    options: Any = dict(marker.kwargs) if marker is not None else {}
    with VoiceSimulator(**options) as sim:
        yield sim


@pytest.fixture
def calls_api(voice_simulator: VoiceSimulator) -> Iterator[CallsApi]:
    """A ``CallsApi`` whose client talks to ``voice_simulator`` (closed after the test)."""
    from bandwidth import ApiClient, CallsApi

    with ApiClient(voice_simulator.configuration()) as client:
        yield CallsApi(client)

"""Fixtures for the simulator's tests: a running simulator, a raw client, and Prism proxies."""

from __future__ import annotations

from typing import Dict, Iterator

import pytest

from bandwidth.testing import ManualClock, VoiceSimulator
from tests.support.prism import PrismServer
from tests.support.raw import Raw
from tests.testing.contract import START, Via


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        yield simulator


@pytest.fixture
def raw(sim: VoiceSimulator) -> Iterator[Raw]:
    client = Raw(sim)
    yield client
    client.close()


@pytest.fixture(scope="session")
def contract_sim() -> Iterator[VoiceSimulator]:
    """One simulator behind the Prism proxies, shared by the contract tests."""
    with VoiceSimulator(clock=ManualClock(START), deliver_webhooks=False) as simulator:
        simulator.add_user("no-voice", "password", voice=False)
        yield simulator


@pytest.fixture(scope="session")
def contract_prisms(contract_sim: VoiceSimulator) -> Iterator[Dict[str, Via]]:
    """``strict`` and ``lax`` Prism proxies in front of ``contract_sim``, and a ``mock``."""
    servers = {
        "strict": PrismServer("proxy", contract_sim.url, errors=True),
        "lax": PrismServer("proxy", contract_sim.url, errors=False),
        "mock": PrismServer("mock"),
    }
    try:
        for server in servers.values():  # start all, then wait: they boot in parallel
            server.start()
        yield {name: Via(server.wait()) for name, server in servers.items()}
    finally:
        for server in servers.values():
            server.close()

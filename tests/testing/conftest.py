"""Fixtures for the simulator's tests: a running simulator and a raw client to it."""

from __future__ import annotations

from typing import Iterator

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.raw import Raw


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator() as simulator:
        yield simulator


@pytest.fixture
def raw(sim: VoiceSimulator) -> Iterator[Raw]:
    client = Raw(sim)
    yield client
    client.close()

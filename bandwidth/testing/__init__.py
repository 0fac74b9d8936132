"""Test helpers for code built on this SDK: a local Voice API simulator and pytest fixtures.

``from bandwidth.testing import VoiceSimulator``. Names load on first use, so
importing this package (as the pytest plugin does) costs nothing.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict, List

_MODULES: Dict[str, str] = {
    "AutoProgress": "bandwidth.testing._calls",
    "ManualClock": "bandwidth.testing._clock",
    "OPERATIONS": "bandwidth.testing._faults",
    "RecordedRequest": "bandwidth.testing.simulator",
    "SimulatedCall": "bandwidth.testing._calls",
    "VoiceSimulator": "bandwidth.testing.simulator",
}

__all__ = [
    "OPERATIONS",
    "AutoProgress",
    "ManualClock",
    "RecordedRequest",
    "SimulatedCall",
    "VoiceSimulator",
]

if TYPE_CHECKING:
    from bandwidth.testing._calls import AutoProgress, SimulatedCall
    from bandwidth.testing._clock import ManualClock
    from bandwidth.testing._faults import OPERATIONS
    from bandwidth.testing.simulator import RecordedRequest, VoiceSimulator


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'bandwidth.testing' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(__all__))

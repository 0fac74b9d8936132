"""Test helpers for code built on this SDK: a local Voice API simulator and pytest fixtures.

``from bandwidth.testing import VoiceSimulator``. Names load on first use, so
importing this package (as the pytest plugin does) costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict

from bandwidth._lazy import lazy_exports

_MODULES: Dict[str, str] = {
    "AutoProgress": "bandwidth.testing._calls",
    "ManualClock": "bandwidth.testing._clock",
    "OPERATIONS": "bandwidth.testing._faults",
    "RecordedRequest": "bandwidth.testing._rest",
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
    from bandwidth.testing._rest import RecordedRequest
    from bandwidth.testing.simulator import VoiceSimulator


__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

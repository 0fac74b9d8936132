"""Test helpers for code built on this SDK: a local Voice API simulator and pytest fixtures.

The simulator answers the Voice REST API (calls, conferences, recordings,
transcriptions, statistics; Basic, bearer and OAuth client credentials) and
runs whole call flows (webhooks, BXML, digits) on a manual clock: in-process
through your webhook app, or over real HTTP to your app running as a server.

``from bandwidth.testing import VoiceSimulator``. Names load on first use, so
importing this package (as the pytest plugin does) costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, List

from bandwidth._lazy import lazy_exports

_MODULES: Dict[str, str] = {
    "AnsweredBy": "bandwidth.testing._callees",
    "Attempt": "bandwidth.testing._webhooks",
    "AutoProgress": "bandwidth.testing._calls",
    "Callee": "bandwidth.testing._callees",
    "ManualClock": "bandwidth.testing._clock",
    "OPERATIONS": "bandwidth.testing._faults",
    "RecordedRequest": "bandwidth.testing._rest",
    "SimulatedCall": "bandwidth.testing._calls",
    "SimulatorControl": "bandwidth.testing._control",
    "SimulatorControlError": "bandwidth.testing._control",
    "Timing": "bandwidth.testing._interpreter",
    "VoiceSimulator": "bandwidth.testing.simulator",
    "Webhook": "bandwidth.testing._webhooks",
    "WebhookAppError": "bandwidth.testing.simulator",
}

__all__ = [
    "OPERATIONS",
    "AnsweredBy",
    "Attempt",
    "AutoProgress",
    "Callee",
    "ManualClock",
    "RecordedRequest",
    "SimulatedCall",
    "SimulatorControl",
    "SimulatorControlError",
    "Timing",
    "VoiceSimulator",
    "Webhook",
    "WebhookAppError",
]

if TYPE_CHECKING:
    from bandwidth.testing._callees import AnsweredBy, Callee
    from bandwidth.testing._calls import AutoProgress, SimulatedCall
    from bandwidth.testing._clock import ManualClock
    from bandwidth.testing._control import SimulatorControl, SimulatorControlError
    from bandwidth.testing._faults import OPERATIONS
    from bandwidth.testing._interpreter import Timing
    from bandwidth.testing._rest import RecordedRequest
    from bandwidth.testing._webhooks import Attempt, Webhook
    from bandwidth.testing.simulator import VoiceSimulator, WebhookAppError


__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

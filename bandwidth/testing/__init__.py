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
    "AnsweredBy": "bandwidth.testing.voice.callees",
    "Attempt": "bandwidth.testing.core.webhooks",
    "AutoProgress": "bandwidth.testing.voice.calls",
    "Callee": "bandwidth.testing.voice.callees",
    "ManualClock": "bandwidth.testing.core.clock",
    "OPERATIONS": "bandwidth.testing.composition",
    "RecordedRequest": "bandwidth.testing.core.rest_service",
    "SimulatedCall": "bandwidth.testing.voice.calls",
    "SimulatorControl": "bandwidth.testing.control_client",
    "SimulatorControlError": "bandwidth.testing.control_client",
    "Timing": "bandwidth.testing.voice.interpreter",
    "VoiceSimulator": "bandwidth.testing.simulator",
    "Webhook": "bandwidth.testing.core.webhooks",
    "WebhookAppError": "bandwidth.testing.core.app_errors",
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
    from bandwidth.testing.composition import OPERATIONS
    from bandwidth.testing.control_client import SimulatorControl, SimulatorControlError
    from bandwidth.testing.core.app_errors import WebhookAppError
    from bandwidth.testing.core.clock import ManualClock
    from bandwidth.testing.core.rest_service import RecordedRequest
    from bandwidth.testing.core.webhooks import Attempt, Webhook
    from bandwidth.testing.simulator import VoiceSimulator
    from bandwidth.testing.voice.callees import AnsweredBy, Callee
    from bandwidth.testing.voice.calls import AutoProgress, SimulatedCall
    from bandwidth.testing.voice.interpreter import Timing


__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

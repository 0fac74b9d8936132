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
    "AnsweredBy": "bandwidth.testing._voice.callees",
    "Attempt": "bandwidth.testing._core.webhooks",
    "AutoProgress": "bandwidth.testing._voice.calls",
    "BandwidthSimulator": "bandwidth.testing.simulator",
    "Callee": "bandwidth.testing._voice.callees",
    "IssuedCode": "bandwidth.testing._identity.code_book",
    "ManualClock": "bandwidth.testing._core.clock",
    "MediaUsage": "bandwidth.testing._media.library",
    "MessagingApplication": "bandwidth.testing._messaging.message_records",
    "OPERATIONS": "bandwidth.testing._composition",
    "RecordedRequest": "bandwidth.testing._core.rest_service",
    "SimulatedCall": "bandwidth.testing._voice.calls",
    "SimulatedHandset": "bandwidth.testing._messaging.test_api",
    "SimulatorControl": "bandwidth.testing._control_client",
    "SimulatorControlError": "bandwidth.testing._control_client",
    "StoredMedia": "bandwidth.testing._media.library",
    "Timing": "bandwidth.testing._voice.interpreter",
    "VoiceSimulator": "bandwidth.testing.simulator",
    "Webhook": "bandwidth.testing._core.webhooks",
    "WebhookAppError": "bandwidth.testing._core.app_errors",
}

__all__ = [
    "OPERATIONS",
    "AnsweredBy",
    "Attempt",
    "AutoProgress",
    "BandwidthSimulator",
    "Callee",
    "IssuedCode",
    "ManualClock",
    "MediaUsage",
    "MessagingApplication",
    "RecordedRequest",
    "SimulatedCall",
    "SimulatedHandset",
    "SimulatorControl",
    "SimulatorControlError",
    "StoredMedia",
    "Timing",
    "VoiceSimulator",
    "Webhook",
    "WebhookAppError",
]

if TYPE_CHECKING:
    from bandwidth.testing._composition import OPERATIONS
    from bandwidth.testing._control_client import SimulatorControl, SimulatorControlError
    from bandwidth.testing._core.app_errors import WebhookAppError
    from bandwidth.testing._core.clock import ManualClock
    from bandwidth.testing._core.rest_service import RecordedRequest
    from bandwidth.testing._core.webhooks import Attempt, Webhook
    from bandwidth.testing._identity.code_book import IssuedCode
    from bandwidth.testing._media.library import MediaUsage, StoredMedia
    from bandwidth.testing._messaging.message_records import MessagingApplication
    from bandwidth.testing._messaging.test_api import SimulatedHandset
    from bandwidth.testing._voice.callees import AnsweredBy, Callee
    from bandwidth.testing._voice.calls import AutoProgress, SimulatedCall
    from bandwidth.testing._voice.interpreter import Timing
    from bandwidth.testing.simulator import BandwidthSimulator, VoiceSimulator


__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

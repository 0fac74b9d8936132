"""The example webhook app's module-level ``app``: configured from the environment.

``bandwidth phone --app webhook_app:app`` (run from ``examples/``) imports it
and calls it in-process; the same app served over HTTP answers the phone
the same way. Both sides read ``BW_WEBHOOK_USERNAME``/``BW_WEBHOOK_PASSWORD``,
so one pair of variables configures the app and the credentials the phone
answers its challenge with. Without them the app refuses every webhook and
says why.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Dict, List

import pytest

from bandwidth.testing import VoiceSimulator
from tests.examples.flask_server import EXAMPLES, serving
from tests.examples.test_webhook_example import PASSWORD, USER, load_app

PHONE = str(Path(sys.executable).parent / "bandwidth")
TIMEOUT = 60
CREDENTIALS = {"BW_WEBHOOK_USERNAME": USER, "BW_WEBHOOK_PASSWORD": PASSWORD}
SALES = [
    "Thanks for calling Example Company.",
    "Press 1 for sales or 2 for support.",
    "Connecting you to sales. Goodbye for now.",
]
MISSING = "set BW_WEBHOOK_USERNAME and BW_WEBHOOK_PASSWORD: without them, every webhook fails"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_app()


def phone(*args: str, credentials: bool = True) -> subprocess.CompletedProcess[str]:
    """``bandwidth phone ARGS`` run from ``examples/``, with no other ``BW_`` variables."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BW_")}
    if credentials:
        env.update(CREDENTIALS)
    return subprocess.run(
        [PHONE, "phone", *args],
        cwd=EXAMPLES,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        stdin=subprocess.DEVNULL,
    )


def webhooks(timeline: Dict[str, object]) -> List[object]:
    events = timeline["events"]
    assert isinstance(events, list)
    return [(e["eventType"], e["status"]) for e in events if e["type"] == "webhook"]


def test_the_module_app_reads_its_credentials_from_the_environment(example: ModuleType) -> None:
    app = example.app_from_environment(CREDENTIALS)
    assert isinstance(app, example.WebhookApp)
    assert (app.username, app.password) == (USER, PASSWORD)
    for partial in ({}, {"BW_WEBHOOK_USERNAME": USER}, {**CREDENTIALS, "BW_WEBHOOK_PASSWORD": ""}):
        assert example.app_from_environment(partial) is example.unconfigured
    # imported as a module, it has an app whatever the environment says
    assert callable(example.app)


def test_without_credentials_every_webhook_fails_and_says_why(
    example: ModuleType, caplog: pytest.LogCaptureFixture
) -> None:
    with VoiceSimulator(app=example.app_from_environment({})) as sim:
        call_id = sim.inbound_call("+19195551234", "+19195550100", answer_url="https://a.example/")
        call = sim.call(call_id)
        assert (call.state, call.disconnect_cause) == ("disconnected", "callback-error")
        (initiate,) = sim.webhooks
        assert (initiate.status, initiate.bxml) == (500, MISSING + "\n")
    assert MISSING in caplog.messages


@pytest.mark.parametrize("mode", ["in-process", "over-http"])
def test_bandwidth_phone_calls_the_module_app(example: ModuleType, mode: str) -> None:
    if mode == "in-process":
        result = phone("--app", "webhook_app:app", "--press", "1", "--json")
    else:
        with serving(example.app_from_environment(CREDENTIALS)) as base:
            result = phone(f"{base}/callbacks/answer", "--press", "1", "--json")
    assert result.returncode == 0, result.stderr
    timeline = json.loads(result.stdout)
    assert timeline["heard"] == SALES
    assert (timeline["pressed"], timeline["disconnectCause"]) == (["1"], "hangup")
    assert webhooks(timeline) == [("initiate", 200), ("gather", 200), ("disconnect", 204)]
    assert PASSWORD not in result.stdout + result.stderr


def test_bandwidth_phone_without_credentials_says_what_to_set() -> None:
    result = phone("--app", "webhook_app:app", "--press", "1", "--json", credentials=False)
    assert result.returncode == 1
    assert MISSING in result.stderr
    timeline = json.loads(result.stdout)
    assert (timeline["heard"], timeline["disconnectCause"]) == ([], "callback-error")
    assert webhooks(timeline) == [("initiate", 500), ("disconnect", 500)]

"""``<Connect><Endpoint>``: a call joins a BRTC endpoint of the simulator.

The call holds on an endpoint with a connected device until the endpoint's
side ends, then goes on with its next verb; the Connect status events
(``INITIATED``, ``COMPLETED``, ``TIMED_OUT``, ``DENIED``) go to the verb's
``eventCallbackUrl``. In-process and over HTTP.
"""

from __future__ import annotations

import json
from typing import List

from bandwidth import ApiClient, EndpointsApi
from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.testing.numbers_apps import served


def _endpoint(sim: VoiceSimulator) -> str:
    created = EndpointsApi(ApiClient(sim.configuration())).create_endpoint(
        sim.account_id, {"type": "WEBRTC", "direction": "BIDIRECTIONAL"}
    )
    assert created.data is not None and created.data.endpoint_id is not None
    return created.data.endpoint_id


def _connect(endpoint_id: str) -> str:
    return bxml(
        "<SpeakSentence>Connecting you.</SpeakSentence>",
        f'<Connect eventCallbackUrl="/connect"><Endpoint>{endpoint_id}</Endpoint></Connect>',
        "<SpeakSentence>The agent left.</SpeakSentence>",
    )


def _statuses(app: ScriptedApp) -> List[str]:
    return [r["event"]["status"] for r in app.requests if r["path"] == "/connect"]


def test_a_call_holds_on_the_endpoint_until_its_device_leaves() -> None:
    app = ScriptedApp()
    with VoiceSimulator(app=app) as sim:
        endpoint_id = _endpoint(sim)
        sim.connect_endpoint(endpoint_id)
        app.routes["/answer"] = _connect(endpoint_id)
        call_id = outbound_call(sim, answer_url="https://app.example/answer")
        sim.answer(call_id)
        sim.advance(60)
        held = sim.call(call_id)
        assert held.state == "answered" and held.heard == ["Connecting you."]
        assert _statuses(app) == ["INITIATED"]
        sim.disconnect_endpoint(endpoint_id)
        sim.advance(10)
        call = sim.call(call_id)
    assert _statuses(app) == ["INITIATED", "COMPLETED"]
    assert call.heard == ["Connecting you.", "The agent left."]
    assert call.state == "disconnected"
    event = next(r["event"] for r in app.requests if r["path"] == "/connect")
    assert event["endpointId"] == endpoint_id and event["callId"] == call_id
    assert event["eventType"] == "connect"


def test_an_unknown_endpoint_is_denied_and_an_idle_one_times_out() -> None:
    app = ScriptedApp({"/answer": _connect("e-unknown")})
    with VoiceSimulator(app=app) as sim:
        denied_id = outbound_call(sim, answer_url="https://app.example/answer")
        sim.answer(denied_id)
        sim.advance(5)
        denied = sim.call(denied_id)
        idle = _endpoint(sim)  # exists, but no device is connected
        app.routes["/answer"] = _connect(idle)
        waiting_id = outbound_call(sim, answer_url="https://app.example/answer")
        sim.answer(waiting_id)
        sim.advance(29)
        assert sim.call(waiting_id).heard == ["Connecting you."]
        sim.advance(10)
        waited = sim.call(waiting_id)
    assert denied.heard == ["Connecting you.", "The agent left."]
    assert _statuses(app) == ["DENIED", "TIMED_OUT"]
    assert waited.heard == ["Connecting you.", "The agent left."]


def test_deleting_the_endpoint_releases_the_call_over_http() -> None:
    app = ScriptedApp()
    with served(app) as port, VoiceSimulator() as sim:
        endpoint_id = _endpoint(sim)
        sim.connect_endpoint(endpoint_id)
        app.routes["/answer"] = _connect(endpoint_id)
        call_id = outbound_call(sim, answer_url=f"http://127.0.0.1:{port}/answer")
        sim.answer(call_id)
        sim.advance(5)
        EndpointsApi(ApiClient(sim.configuration())).delete_endpoint(sim.account_id, endpoint_id)
        sim.advance(5)
        call = sim.call(call_id)
        connects = [w for w in sim.webhooks if w.event_type == "connect"]
    assert _statuses(app) == ["INITIATED", "COMPLETED"]
    assert call.heard[-1] == "The agent left."
    assert [w.url for w in connects] == [f"http://127.0.0.1:{port}/connect"] * 2
    assert json.loads(json.dumps(connects[0].payload))["status"] == "INITIATED"

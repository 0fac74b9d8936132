"""The numbers control routes: another process decides TFV reviews and connects endpoint devices.

Over HTTP on the simulator's own origin, with the API's credentials, as
``bandwidth simulator`` users drive it; the effects show through the SDK.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from typing import Any, Iterator, Optional, Tuple

import pytest

from bandwidth import ApiClient, EndpointsApi, TollFreeVerificationApi
from bandwidth.testing import VoiceSimulator
from tests.testing.numbers_apps import TOLL_FREE, Receiver, submission


@pytest.fixture
def receiver() -> Receiver:
    return Receiver()


@pytest.fixture
def sim(receiver: Receiver) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=receiver) as simulator:
        yield simulator


def _control(
    sim: VoiceSimulator, method: str, path: str, body: Optional[Any] = None
) -> Tuple[int, Any]:
    origin = sim.url[: -len("/api/v2")]
    token = base64.b64encode(f"{sim.username}:{sim.password}".encode()).decode()
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        origin + "/_control" + path,
        data=data,
        method=method,
        headers={"Authorization": f"Basic {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            raw = answer.read()
            return answer.status, json.loads(raw) if raw else None
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        return exc.code, json.loads(raw) if raw else None


def test_reviews_are_decided_and_settings_changed_over_http(sim: VoiceSimulator) -> None:
    api = TollFreeVerificationApi(ApiClient(sim.configuration()))
    assert _control(sim, "PUT", "/tollfree", {"reviewSeconds": None, "useCases": ["2FA"]}) == (
        200,
        {
            "reviewSeconds": None,
            "useCases": ["2FA"],
            "businessRegistrationRequiredFrom": "2026-10-19T00:00:00.000Z",
        },
    )
    api.request_toll_free_verification(sim.account_id, submission())
    status, shown = _control(sim, "GET", f"/tollfree/{TOLL_FREE}")
    assert status == 200 and shown["status"] == "PENDING" and shown["phoneNumber"] == TOLL_FREE
    body = {"reasons": ["Bad URL", "No opt-in"], "denialStatusCode": 512}
    assert _control(sim, "POST", f"/tollfree/{TOLL_FREE}/deny", body) == (204, None)
    denied = api.get_toll_free_verification_status(sim.account_id, TOLL_FREE)
    assert denied.denial_status_code == 512 and denied.decline_reason_description == "Bad URL"
    status, refused = _control(sim, "POST", f"/tollfree/{TOLL_FREE}/approve")
    assert status == 409 and "only a PENDING one" in refused["description"]
    assert _control(sim, "POST", f"/tollfree/{TOLL_FREE}/block", {"reason": "Spam"})[0] == 204
    assert _control(sim, "POST", f"/tollfree/{TOLL_FREE}/fail", {"errors": ["x: y"]})[0] == 204
    status, missing = _control(sim, "POST", "/tollfree/+18885550199/approve")
    assert status == 404 and set(missing) == {"type", "description", "errors"}  # a tfvError
    assert _control(sim, "DELETE", f"/tollfree/{TOLL_FREE}/approve")[0] == 405
    assert api.list_toll_free_use_cases() == ["2FA"]


def test_devices_connect_and_disconnect_over_http(sim: VoiceSimulator, receiver: Receiver) -> None:
    api = EndpointsApi(ApiClient(sim.configuration()))
    created = api.create_endpoint(
        sim.account_id,
        {
            "type": "WEBRTC",
            "direction": "OUTBOUND",
            "eventCallbackUrl": "https://app.example.com/e",
        },
    )
    assert created.data is not None and created.data.endpoint_id is not None
    endpoint_id = created.data.endpoint_id
    status, answer = _control(
        sim, "POST", f"/endpoints/{endpoint_id}/connect", {"deviceName": "tab"}
    )
    assert status == 201 and answer["deviceId"].startswith("d-")
    got = api.get_endpoint(sim.account_id, endpoint_id).data
    assert got is not None and got.status == "CONNECTED"
    assert _control(sim, "POST", f"/endpoints/{endpoint_id}/disconnect", {})[0] == 204
    status, refused = _control(
        sim, "POST", f"/endpoints/{endpoint_id}/disconnect", {"deviceId": answer["deviceId"]}
    )
    assert status == 409 and "is not connected" in refused["errors"][0]["description"]
    assert len(receiver.received) == 2
    api.update_endpoint_bxml(sim.account_id, endpoint_id, '<Bxml><Pause duration="1"/></Bxml>')
    assert _control(sim, "GET", f"/endpoints/{endpoint_id}/bxml") == (
        200,
        {"documents": ['<Bxml><Pause duration="1"/></Bxml>']},
    )
    status, missing = _control(sim, "POST", "/endpoints/e-nope/connect")
    assert status == 404 and missing["errors"][0]["type"] == "resource_not_found"
    assert _control(sim, "PUT", "/endpoints", {"maxEndpoints": 3, "eventShape": "docs"}) == (
        200,
        {"maxEndpoints": 3, "eventShape": "docs"},
    )
    assert _control(sim, "PUT", "/endpoints", {"eventShape": "xml"})[0] == 400
    assert sim.max_endpoints == 3 and sim.endpoint_event_shape == "docs"


def test_simulator_control_drives_the_numbers_products(sim: VoiceSimulator) -> None:
    from bandwidth.testing import SimulatorControl, SimulatorControlError

    control = SimulatorControl(sim.url, sim.username, sim.password)
    tfv = TollFreeVerificationApi(ApiClient(sim.configuration()))
    tfv.request_toll_free_verification(sim.account_id, submission())
    control.deny_toll_free_verification(TOLL_FREE, "Bad URL", resubmit_allowed=False)
    shown = control.toll_free_verification(TOLL_FREE)
    assert shown["status"] == "UNVERIFIED" and shown["resubmitAllowed"] is False
    with pytest.raises(SimulatorControlError) as refused:
        control.approve_toll_free_verification(TOLL_FREE)
    assert refused.value.status == 409
    control.fail_toll_free_verification(TOLL_FREE, "Cannot process", "x: y")
    control.block_toll_free_number(TOLL_FREE)
    assert sim.toll_free_verification(TOLL_FREE).blocked is True
    endpoints = EndpointsApi(ApiClient(sim.configuration()))
    created = endpoints.create_endpoint(
        sim.account_id, {"type": "WEBRTC", "direction": "INBOUND"}
    ).data
    assert created is not None and created.endpoint_id is not None
    device_id = control.connect_endpoint(created.endpoint_id, device_name="phone")
    control.disconnect_endpoint(created.endpoint_id, device_id)
    endpoints.update_endpoint_bxml(sim.account_id, created.endpoint_id, "<Bxml/>")
    assert control.endpoint_bxml(created.endpoint_id) == ["<Bxml/>"]
    with pytest.raises(SimulatorControlError) as missing:
        control.connect_endpoint("e-missing")
    assert missing.value.status == 404 and missing.value.type == "resource_not_found"


@pytest.mark.voice_simulator(deliver_webhooks=False)
def test_the_pytest_plugin_offers_both_apis(
    voice_simulator: VoiceSimulator,
    toll_free_verification_api: TollFreeVerificationApi,
    endpoints_api: EndpointsApi,
) -> None:
    account = voice_simulator.account_id
    toll_free_verification_api.request_toll_free_verification(account, submission())
    voice_simulator.approve_toll_free_verification(TOLL_FREE)
    status = toll_free_verification_api.get_toll_free_verification_status(account, TOLL_FREE)
    assert status.status == "VERIFIED"
    endpoints_api.create_endpoint(account, {"type": "WEBRTC", "direction": "INBOUND"})
    listed = endpoints_api.list_endpoints(account)
    assert listed.page is not None and listed.page.total_elements == 1

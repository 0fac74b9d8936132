"""BRTC endpoints in the simulator, through ``EndpointsApi`` over loopback.

An endpoint is created with a token, lives 24 simulated hours, is
``CONNECTED`` while a device is (the test connects devices), and each device
change is an event to its ``eventCallbackUrl`` (its fallback when that fails).
"""

from __future__ import annotations

import json
from typing import Iterator, List

import pytest

from bandwidth import ApiClient, Configuration, EndpointsApi
from bandwidth.callbacks import parse_endpoint_event
from bandwidth.exceptions import ApiException, BadRequestException, NotFoundException
from bandwidth.models import BrtcErrorResponse, EndpointEvent
from bandwidth.models.bxml import Bxml, Pause, SpeakSentence
from bandwidth.testing import VoiceSimulator
from tests.testing.numbers_apps import Receiver, served

HOUR = 3600.0


@pytest.fixture
def receiver() -> Receiver:
    return Receiver()


@pytest.fixture
def sim(receiver: Receiver) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=receiver) as simulator:
        yield simulator


def _api(sim: VoiceSimulator) -> EndpointsApi:
    return EndpointsApi(ApiClient(sim.configuration()))


def _create(api: EndpointsApi, account_id: str, **fields: str) -> str:
    body = {"type": "WEBRTC", "direction": "BIDIRECTIONAL", **fields}
    created = api.create_endpoint(account_id, body)
    assert created.data is not None and created.data.endpoint_id is not None
    return created.data.endpoint_id


def test_create_answers_a_token_and_get_shows_the_devices(
    sim: VoiceSimulator, receiver: Receiver
) -> None:
    api = _api(sim)
    created = api.create_endpoint(
        sim.account_id,
        {
            "type": "WEBRTC",
            "direction": "INBOUND",
            "eventCallbackUrl": "https://app.example.com/endpoint-events",
            "tag": '{"user": "ada"}',
        },
    )
    data = created.data
    assert data is not None and data.endpoint_id is not None
    assert data.endpoint_id.startswith("e-") and data.status == "DISCONNECTED"
    assert data.token == sim.endpoint_token(data.endpoint_id) and data.token.count(".") == 2
    assert data.expiration_timestamp is not None and data.creation_timestamp is not None
    assert (data.expiration_timestamp - data.creation_timestamp).total_seconds() == 24 * HOUR
    assert data.devices == [] and created.errors == []
    device_id = sim.connect_endpoint(data.endpoint_id, device_name="Ada's browser")
    got = api.get_endpoint(sim.account_id, data.endpoint_id).data
    assert got is not None and got.status == "CONNECTED" and got.tag == '{"user": "ada"}'
    [device] = got.devices or []
    assert device.device_id == device_id and device.device_name == "Ada's browser"
    sim.disconnect_endpoint(data.endpoint_id)
    got = api.get_endpoint(sim.account_id, data.endpoint_id).data
    assert got is not None and got.status == "DISCONNECTED"
    assert [d.status for d in got.devices or []] == ["DISCONNECTED"]
    connected, disconnected = (parse_endpoint_event(r.body) for r in receiver.received)
    assert isinstance(connected, EndpointEvent) and isinstance(disconnected, EndpointEvent)
    assert connected.event_type == "DEVICE_CONNECTED" and connected.status == "CONNECTED"
    assert connected.device is not None and connected.device.device_id == device_id
    assert disconnected.event_type == "DEVICE_DISCONNECTED"
    assert disconnected.status == "DISCONNECTED"
    assert [w.event_type for w in sim.webhooks] == ["DEVICE_CONNECTED", "DEVICE_DISCONNECTED"]
    assert {w.call_id for w in sim.webhooks} == {data.endpoint_id}


def test_the_docs_shape_and_the_fallback_url_over_http() -> None:
    primary = Receiver(status="500 Internal Server Error")
    backup = Receiver()
    with served(primary) as bad, served(backup) as good, VoiceSimulator() as sim:
        api = _api(sim)
        sim.endpoint_event_shape = "docs"
        endpoint_id = _create(
            api,
            sim.account_id,
            eventCallbackUrl=f"http://127.0.0.1:{bad}/events",
            eventFallbackUrl=f"http://127.0.0.1:{good}/backup",
            tag="agent-7",
        )
        device_id = sim.connect_endpoint(endpoint_id)
        [record] = sim.webhooks
    [event] = backup.received
    assert event.path == "/backup"
    body = json.loads(event.body)
    assert body["event"] == "endpointConnected" and body["deviceId"] == device_id
    assert body["endpointId"] == endpoint_id and body["tags"] == "agent-7"
    assert body["timestamp"] == int(sim.now().timestamp() * 1000)
    assert [a.status for a in record.attempts] == [500, 204]


def test_an_endpoint_expires_after_24_hours_with_its_devices(
    sim: VoiceSimulator, receiver: Receiver
) -> None:
    api = _api(sim)
    endpoint_id = _create(api, sim.account_id, eventCallbackUrl="https://app.example.com/e")
    sim.connect_endpoint(endpoint_id)
    sim.advance(24 * HOUR - 1)
    assert api.get_endpoint(sim.account_id, endpoint_id).data is not None
    sim.advance(1)
    with pytest.raises(NotFoundException) as gone:
        api.get_endpoint(sim.account_id, endpoint_id)
    assert isinstance(gone.value.data, BrtcErrorResponse)
    [error] = gone.value.data.errors or []
    assert error.type == "resource_not_found" and error.code == "404"
    assert error.source is not None and error.source.reference == endpoint_id
    assert [w.event_type for w in sim.webhooks][-1] == "DEVICE_DISCONNECTED"


def test_list_filters_and_pages_with_a_cursor(sim: VoiceSimulator) -> None:
    api = _api(sim)
    made = [_create(api, sim.account_id) for _ in range(5)]
    sim.connect_endpoint(made[1])
    first = api.list_endpoints(sim.account_id, limit=2)
    assert [e.endpoint_id for e in first.data or []] == made[:2]
    assert first.page is not None and first.page.total_elements == 5
    assert first.page.total_pages == 3 and first.page.page_number == 0
    everything = [e.endpoint_id for e in api.iter_endpoints(sim.account_id, limit=2)]
    assert everything == made
    connected = api.list_endpoints(sim.account_id, status="CONNECTED")
    assert [e.endpoint_id for e in connected.data or []] == [made[1]]
    assert connected.links == []
    with pytest.raises(BadRequestException):
        api.list_endpoints(sim.account_id, after_cursor="not-a-cursor")


def test_delete_bxml_and_the_quota(sim: VoiceSimulator) -> None:
    api = _api(sim)
    endpoint_id = _create(api, sim.account_id)
    document = Bxml([SpeakSentence("Hello from the endpoint."), Pause(duration=1)])
    api.update_endpoint_bxml(sim.account_id, endpoint_id, document)
    api.update_endpoint_bxml(sim.account_id, endpoint_id, "<Response><StartRecording/></Response>")
    kept: List[str] = sim.endpoint_bxml(endpoint_id)
    assert len(kept) == 2 and "Hello from the endpoint." in kept[0]
    with pytest.raises(BadRequestException):
        api.update_endpoint_bxml(sim.account_id, endpoint_id, "<Response><Nope/></Response>")
    sim.max_endpoints = 1
    with pytest.raises(ApiException) as full:
        _create(api, sim.account_id)
    assert full.value.status == 429
    assert full.value.headers is not None and full.value.headers["Retry-After"] == "900"
    api.delete_endpoint(sim.account_id, endpoint_id)
    with pytest.raises(NotFoundException):
        api.delete_endpoint(sim.account_id, endpoint_id)
    with pytest.raises(KeyError):
        sim.connect_endpoint(endpoint_id)
    _create(api, sim.account_id)  # room again


def test_the_real_prefix_serves_endpoints_too() -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        origin = sim.url[: -len("/api/v2")]
        config = Configuration(
            username=sim.username,
            password=sim.password,
            product_servers={"endpoints": origin + "/v2"},
        )
        api = EndpointsApi(ApiClient(config))
        endpoint_id = _create(api, sim.account_id, eventCallbackUrl="https://app.example.com/e")
        sim.connect_endpoint(endpoint_id)  # no webhooks, but the platform still acts
        got = api.get_endpoint(sim.account_id, endpoint_id).data
        assert got is not None and got.status == "CONNECTED"
        assert sim.webhooks == []
        assert sim.requests[0].path == f"/v2/accounts/{sim.account_id}/endpoints"

"""Bringing your own HTTP layer: an assigned urllib3 ``PoolManager`` or ``ProxyManager``
serves every request from then on (it was consulted once, then bypassed)."""

from __future__ import annotations

from typing import Any, List

import pytest
import urllib3

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth.exceptions import ApiTypeError
from bandwidth.testing import VoiceSimulator
from tests.support.wire import CALL_STATE, Wire


class CountingManager(urllib3.PoolManager):
    """A PoolManager that notes every pool it hands out and every request it sends."""

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.pools_given: List[str] = []
        self.sent: List[str] = []

    def connection_from_host(self, host: Any, port: Any = None, scheme: Any = "http", **kw: Any):  # type: ignore[no-untyped-def]
        self.pools_given.append(f"{scheme}://{host}:{port}")
        return super().connection_from_host(host, port, scheme, **kw)

    def urlopen(self, method: str, url: str, redirect: bool = True, **kw: Any):  # type: ignore[no-untyped-def]
        self.sent.append(url)
        return super().urlopen(method, url, redirect=redirect, **kw)


def test_an_assigned_manager_serves_every_later_request() -> None:
    with VoiceSimulator(deliver_webhooks=False) as sim:
        call_id = sim.add_call()
        with ApiClient(sim.configuration()) as client:
            api = CallsApi(client)
            api.get_call_state(sim.account_id, call_id)  # the default manager's pool is made
            manager = CountingManager()
            client.rest_client.pool_manager = manager
            assert client.rest_client.pool_manager is manager
            for _ in range(3):
                api.get_call_state(sim.account_id, call_id)
        # its pool serves the three calls (made once, from this manager)
        assert manager.pools_given and len(sim.requests_for("get_call_state")) == 4
        assert all(given.startswith("http://127.0.0.1:") for given in manager.pools_given)


def test_an_assigned_proxy_manager_gets_every_request(wire: Wire) -> None:
    wire.answer(json=CALL_STATE)
    config = Configuration(
        host="http://voice.example.test/api/v2", username="u", password="p", retries=0
    )
    with ApiClient(config) as client:
        client.rest_client.pool_manager = urllib3.ProxyManager(wire.server.url_for("/"))
        state = CallsApi(client).get_call_state("9900000", CALL_STATE["callId"])
    assert state.call_id == CALL_STATE["callId"]
    # the proxy got the absolute-form target of the API host
    assert wire.raw_target(wire.last).startswith("http://voice.example.test/api/v2/accounts/")


def test_anything_else_is_refused() -> None:
    client = ApiClient(Configuration(username="u", password="p"))
    with client, pytest.raises(ApiTypeError, match="PoolManager"):
        client.rest_client.pool_manager = object()  # type: ignore[assignment]

"""The SDK against the simulator, through the pytest plugin's fixtures (end to end)."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any, Dict, List, Optional

import pytest

from bandwidth import ApiClient, CallsApi, CreateCall, UpdateCall
from bandwidth.exceptions import (
    ApiException,
    BadRequestException,
    ConflictException,
    NotFoundException,
    UnauthorizedException,
)
from bandwidth.testing import AutoProgress, ManualClock, VoiceSimulator

#: The calls here carry made-up URLs: the REST API alone, no webhook delivery.
pytestmark = pytest.mark.voice_simulator(deliver_webhooks=False)

ACCOUNT = "9900000"
BXML = '<?xml version="1.0" encoding="UTF-8"?><Bxml><SpeakSentence>Hi</SpeakSentence></Bxml>'


def new_call(**overrides: Any) -> CreateCall:
    fields: Dict[str, Any] = {
        "to": "+19195551234",
        "var_from": "+19195554321",
        "application_id": "04e88489-df02-4e34-a0ee-27a91849555f",
        "answer_url": "https://myServer.example/bandwidth/webhooks/answer",
    }
    fields.update(overrides)
    return CreateCall(**fields)


def test_configuration_points_at_the_simulator(voice_simulator: VoiceSimulator) -> None:
    config = voice_simulator.configuration()
    assert config.host == voice_simulator.url
    assert (config.username, config.password) == ("username", "password")


def test_full_call_through_the_sdk(voice_simulator: VoiceSimulator, calls_api: CallsApi) -> None:
    sim = voice_simulator
    info = calls_api.create_call_with_http_info(ACCOUNT, new_call(tag="e2e"))
    created = info.data
    assert info.status_code == 201
    assert info.headers["Location"] == sim.call_url(created.call_id) == created.call_url
    assert created.tag == "e2e"
    assert calls_api.get_call_state(ACCOUNT, created.call_id).state == "queued"

    sim.answer(created.call_id)
    calls_api.update_call_bxml(ACCOUNT, created.call_id, BXML)
    calls_api.update_call(
        ACCOUNT, created.call_id, UpdateCall(redirect_url="https://myServer.example/redirect")
    )
    calls_api.update_call(ACCOUNT, created.call_id, UpdateCall(state="completed"))

    final = calls_api.get_call_state(ACCOUNT, created.call_id)
    assert (final.state, final.disconnect_cause) == ("disconnected", "hangup")
    assert final.end_time is not None and final.answer_time is not None
    call = sim.call(created.call_id)
    assert call.bxml == [BXML]
    assert [r["redirectUrl"] for r in call.redirects] == ["https://myServer.example/redirect"]
    assert [r.operation for r in sim.requests] == [
        "create_call",
        "get_call_state",
        "update_call_bxml",
        "update_call",
        "update_call",
        "get_call_state",
    ]
    assert len(sim.requests_for("create_call")) == 1


def test_sdk_pages_through_ten_thousand_calls(
    voice_simulator: VoiceSimulator, calls_api: CallsApi
) -> None:
    ids = voice_simulator.bulk_create(10000, state="disconnected", spacing=0.5)
    seen: List[Optional[str]] = [c.call_id for c in calls_api.iter_calls(ACCOUNT, page_size=4000)]
    assert seen == ids
    requests = voice_simulator.requests_for("list_calls")
    assert [r.query.get("pageSize") for r in requests] == [["4000"]] * 3
    assert "pageToken" not in requests[0].query
    assert all("pageToken" in r.query for r in requests[1:])
    first_page = calls_api.list_calls(ACCOUNT)
    assert len(first_page) == 1000  # the spec's default pageSize


def test_sdk_filters(voice_simulator: VoiceSimulator, calls_api: CallsApi) -> None:
    voice_simulator.bulk_create(3, state="disconnected", disconnect_cause="busy")
    voice_simulator.bulk_create(2, state="disconnected", to="+15550000001")
    assert len(calls_api.list_calls(ACCOUNT, disconnect_cause="busy")) == 3
    assert len(calls_api.list_calls(ACCOUNT, to="+15550000001")) == 2
    assert calls_api.list_calls(ACCOUNT, var_from="+15550000009") == []


def test_sdk_sees_typed_errors(voice_simulator: VoiceSimulator, calls_api: CallsApi) -> None:
    with pytest.raises(NotFoundException) as not_found:
        calls_api.get_call_state(ACCOUNT, "c-unknown")
    assert not_found.value.status == 404
    ended = voice_simulator.add_call(state="disconnected")
    with pytest.raises(ConflictException):
        calls_api.update_call(ACCOUNT, ended, UpdateCall(state="completed"))
    answered = voice_simulator.add_call(state="answered")
    with pytest.raises(BadRequestException) as bad:
        calls_api.update_call_bxml(ACCOUNT, answered, "<Bxml><Unclosed></Bxml>")
    assert json.loads(bad.value.body or "")["type"] == "validation"


def test_wrong_password_is_401(voice_simulator: VoiceSimulator) -> None:
    config = voice_simulator.configuration(password="wrong")
    with ApiClient(config) as client, pytest.raises(UnauthorizedException):
        CallsApi(client).list_calls(ACCOUNT)


def test_injected_failure_reaches_the_sdk(
    voice_simulator: VoiceSimulator, calls_api: CallsApi
) -> None:
    voice_simulator.fail_next("create_call", 500)
    with pytest.raises(ApiException) as failure:
        calls_api.create_call(ACCOUNT, new_call())
    assert failure.value.status == 500
    assert len(voice_simulator.requests_for("create_call")) == 1  # a POST is never retried
    assert voice_simulator.calls == []


@pytest.mark.voice_simulator(
    account_id="5550001",
    username="alice",
    password="s3cret",
    clock=ManualClock(),
    auto_progress=AutoProgress(initiate_after=1, answer_after=2),
    deliver_webhooks=False,
)
def test_marker_configures_the_fixture(
    voice_simulator: VoiceSimulator, calls_api: CallsApi
) -> None:
    assert (voice_simulator.account_id, voice_simulator.username) == ("5550001", "alice")
    created = calls_api.create_call("5550001", new_call())
    voice_simulator.advance(3)
    assert calls_api.get_call_state("5550001", created.call_id).state == "answered"


def test_plugin_import_loads_nothing_heavy() -> None:
    code = (
        "import json, sys; import bandwidth.testing.pytest_plugin; "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('bandwidth'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert json.loads(out) == [
        "bandwidth",
        "bandwidth._lazy",
        "bandwidth._version",
        "bandwidth.testing",
        "bandwidth.testing.pytest_plugin",
    ]

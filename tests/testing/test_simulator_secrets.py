"""No password in what the simulator shows: the timeline, the control routes, reprs.

Masking goes by what a value is (the BXML field tables, the SDK models'
rule, header names), so spacing, new lines or another secret attribute's
name do not let one through.
"""

from __future__ import annotations

import json
from typing import Iterator

import pytest

from bandwidth import ApiClient, CallsApi
from bandwidth.testing import SimulatorControl, VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call

SECRET = "hunter2-secret"

DOCUMENTS = [
    # spaces around "=" and single quotes
    f"<Transfer password = '{SECRET}'><PhoneNumber>+15554443333</PhoneNumber></Transfer>",
    # a new line before "="
    f'<Transfer fallbackPassword\n="{SECRET}"><PhoneNumber>+15554443333</PhoneNumber></Transfer>',
    # a password attribute of a nested element
    f'<Transfer><PhoneNumber password="{SECRET}">+15554443333</PhoneNumber></Transfer>',
    # another secret attribute's name
    f'<StartStream destination="wss://s.example/x" destinationPassword="{SECRET}"/><Pause/>',
    # a document that does not parse
    f'<Pause/><Pause duration="1" password="{SECRET}',
]


@pytest.fixture
def app() -> ScriptedApp:
    return ScriptedApp()


@pytest.fixture
def sim(app: ScriptedApp) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=app, raise_app_errors=False) as simulator:
        yield simulator


def _control_calls(sim: VoiceSimulator) -> str:
    control = SimulatorControl(sim.url, sim.username, sim.password, timeout=10)
    return json.dumps(control.calls())


@pytest.mark.parametrize("verbs", DOCUMENTS)
def test_no_secret_attribute_shows_in_the_timeline(
    sim: VoiceSimulator, app: ScriptedApp, verbs: str
) -> None:
    document = bxml(verbs) if not verbs.endswith(SECRET) else verbs
    app.routes["/answer"] = document
    call_id = outbound_call(sim)
    sim.answer(call_id)
    sim.advance(2)
    timeline = sim.call(call_id).timeline()
    assert "reply:" in timeline
    assert SECRET not in timeline
    assert SECRET not in sim.timeline()
    assert SECRET not in _control_calls(sim)


def test_update_call_bxml_is_shown_masked(sim: VoiceSimulator, app: ScriptedApp) -> None:
    app.routes["/answer"] = bxml("<Pause duration='30'/>")
    call_id = outbound_call(sim)
    sim.answer(call_id)
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><Bxml>'
        f'<Transfer password ="{SECRET}"><PhoneNumber>+15554443333</PhoneNumber></Transfer>'
        "</Bxml>"
    )
    with ApiClient(sim.configuration()) as client:
        CallsApi(client).update_call_bxml(sim.account_id, call_id, document)
    timeline = sim.call(call_id).timeline()
    assert "update_call_bxml" in timeline
    assert SECRET not in timeline


def test_repr_of_a_call_masks_its_webhook_passwords(sim: VoiceSimulator) -> None:
    call_id = outbound_call(
        sim,
        answer_url="http://127.0.0.1:9/answer",
        username="me",
        password=SECRET,
        fallback_username="me",
        fallback_password=SECRET + "-fallback",
    )
    shown = repr(sim.call(call_id))
    assert call_id in shown
    assert "'username': 'me'" in shown
    assert SECRET not in shown
    assert sim.call(call_id).request["password"] == SECRET  # the data itself is kept


def test_repr_of_recorded_requests_redacts_credentials() -> None:
    with VoiceSimulator(deliver_webhooks=False, password=SECRET) as sim:
        outbound_call(sim, answer_url="http://127.0.0.1:9/a", username="u", password=SECRET + "2")
        recorded = sim.requests
        assert recorded and recorded[-1].headers.get("authorization", "").startswith("Basic ")
        shown = repr(recorded)
        assert "create_call" in shown
        token = recorded[-1].headers["authorization"]
        assert token not in shown
        assert SECRET not in shown
        assert json.loads(recorded[-1].body)["password"] == SECRET + "2"  # the data itself is kept


def test_repr_of_webhooks_and_replaced_documents_masks_their_secrets(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    app.routes["/answer"] = bxml(
        f'<Pause duration="30"/><Transfer password="{SECRET}">'
        "<PhoneNumber>+15554443333</PhoneNumber></Transfer>"
    )
    call_id = outbound_call(sim)
    sim.answer(call_id)
    document = (
        f'<Bxml><Transfer password="{SECRET}"><PhoneNumber>+15554443333</PhoneNumber>'
        "</Transfer></Bxml>"
    )
    with ApiClient(sim.configuration()) as client:
        CallsApi(client).update_call_bxml(sim.account_id, call_id, document)
    assert SECRET not in repr(sim.webhooks)
    assert SECRET not in repr(sim.call(call_id))
    assert SECRET in (sim.webhooks[0].bxml or "")  # the data itself is kept

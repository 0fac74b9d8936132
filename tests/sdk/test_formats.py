"""Each value format is one rule: models, BXML's validate(), list filters and the simulator agree.

``bandwidth._formats`` holds the rules; these tests feed the same values to
every place that applies them and require the same verdict, so a rule cannot
drift in one place only.
"""

from __future__ import annotations

from typing import Callable, Iterator

import pytest

from bandwidth import _formats
from bandwidth.exceptions import ApiValueError
from bandwidth.models import CreateCall
from bandwidth.models.bxml import BxmlValidationError, PhoneNumber, SipUri, Transfer
from bandwidth.testing import VoiceSimulator
from tests.support.raw import CALLS, NEW_CALL, Raw

NUMBERS = ["+15555551212", "+19195551234", "+1", "15555551212", "+05555551212", "+1555555121234567"]
SIPS = [
    "sip:user@server.example",
    "SIPS:alice@atlanta.example;transport=tls",
    "sip:host.example",
    "sip:user@",
    "sip:us er@host.example",
    "sip:@host.example",
    "tel:+15555551212",
]
DISPLAY_NAMES = ["Alice", "Restricted", "Anonymous", "Private", "Unavailable", "Bob\x1b[31m"]


@pytest.fixture(scope="module")
def simulator() -> Iterator[Raw]:
    """A raw client to one simulator shared by the module (each request stands alone)."""
    with VoiceSimulator(deliver_webhooks=False) as sim:
        raw = Raw(sim)
        yield raw
        raw.close()


def _simulator_accepts(raw: Raw, **fields: object) -> bool:
    reply = raw.send("POST", CALLS, {**NEW_CALL, **fields})
    assert reply.status in (201, 400), reply.body
    return reply.status == 201


def _accepts(check: Callable[[], object]) -> bool:
    try:
        check()
    except (ApiValueError, BxmlValidationError, ValueError):
        return False
    return True


def _call(**fields: object) -> CreateCall:
    values: dict = {
        "to": "+19195551234",
        "var_from": "+19195554321",
        "application_id": "app",
        "answer_url": "https://app.example/answer",
    }
    values.update(fields)
    return CreateCall(**values)


def _transfer(**attributes: object) -> Transfer:
    attributes.setdefault("transfer_caller_id", "+15555551212")
    return Transfer([PhoneNumber("+15555551234")], **attributes)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", NUMBERS + SIPS)
def test_a_call_destination_is_judged_alike_everywhere(value: str, simulator: Raw) -> None:
    rule = _formats.is_e164_or_sip(value)
    assert _accepts(_call(to=value).check) == rule
    assert _simulator_accepts(simulator, to=value) == rule
    if value.lower().startswith(("sip:", "sips:")):
        assert _accepts(SipUri(value).validate) == _formats.is_sip_uri(value) == rule
    else:
        assert _accepts(PhoneNumber(value).validate) == _formats.is_e164(value)


@pytest.mark.parametrize("value", NUMBERS)
def test_a_caller_number_is_judged_alike_everywhere(value: str, simulator: Raw) -> None:
    rule = _formats.is_e164(value)
    assert _accepts(_call(var_from=value).check) == rule
    assert _simulator_accepts(simulator, **{"from": value}) == rule
    assert _accepts(_transfer(transfer_caller_id=value).validate) == rule


@pytest.mark.parametrize("name", DISPLAY_NAMES)
def test_privacy_display_names_are_judged_alike_everywhere(name: str, simulator: Raw) -> None:
    rule = name in _formats.PRIVACY_NAMES
    assert _accepts(_call(privacy=True, display_name=name).check) == rule
    assert _simulator_accepts(simulator, privacy=True, displayName=name) == rule
    # A control character cannot even be written into XML: refused on construction.
    assert (
        _accepts(lambda: _transfer(privacy=True, transfer_caller_display_name=name).validate())
        == rule
    )


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2022-06-21T19:13:21Z", True),
        ("20220621T191321Z", True),
        ("2022-06-21T19:13:21.123+02:00", True),
        ("2022-06-21", True),
        ("2022-13-21T00:00:00Z", False),
        ("yesterday", False),
    ],
)
def test_time_filters_are_one_rule(text: str, valid: bool, simulator: Raw) -> None:
    from urllib.parse import quote

    from bandwidth import _params

    assert _accepts(lambda: _formats.parse_timestamp(text)) is valid
    assert _accepts(lambda: _params.timestamp("min_start_time", text)) is valid
    reply = simulator.send("GET", CALLS + "?minStartTime=" + quote(text))
    assert (reply.status == 200) is valid, reply.body


@pytest.mark.parametrize(
    "value",
    [
        "eyJhbGciOiJIUzI1NiJ9.e30.sig;encoding=jwt",
        "bWVkaWE=;encoding=base64,00ff;encoding=hex",
        "plain-text",
        "abc;encoding=utf8",
        "x;encoding=hex," * 30 + "y;encoding=hex",
    ],
)
def test_uui_is_one_rule(value: str, simulator: Raw) -> None:
    rule = _formats.is_uui(value)
    destination = "sip:user@server.example"
    assert _accepts(_call(to=destination, uui=value).check) == rule
    assert _simulator_accepts(simulator, to=destination, uui=value) == rule

"""Phone number lookup in the simulator: through ``PhoneNumberLookupApi`` over a loopback socket.

Seeded numbers answer what the test seeded, others the documented default
(``+1``: a mobile number of "Simulated Wireless"; elsewhere ``NO-MATCH``);
bulk lookups move from ``IN_PROGRESS`` to their outcome on the clock; the
limits and errors are the API's (its ``lookupErrorResponse`` envelope).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Dict, Iterator, List

import pytest

import bandwidth
from bandwidth import PhoneNumberLookupApi
from bandwidth.exceptions import ForbiddenException, NotFoundException, ServiceException
from bandwidth.testing import VoiceSimulator
from tests.support.raw import Raw

SEEDED = "+19195551234"
FOREIGN = "+442071234567"


@pytest.fixture
def api(sim: VoiceSimulator) -> Iterator[PhoneNumberLookupApi]:
    with bandwidth.ApiClient(sim.configuration()) as client:
        yield PhoneNumberLookupApi(client)


def _sync(sim: VoiceSimulator, api: PhoneNumberLookupApi, numbers: List[str]) -> Any:
    return api.create_sync_lookup(
        sim.account_id, bandwidth.SyncLookupRequest(phone_numbers=numbers)
    )


def _path(sim: VoiceSimulator, rest: str = "", prefix: str = "/api/v2") -> str:
    return f"{prefix}/accounts/{sim.account_id}/phoneNumberLookup{rest}"


def test_a_seeded_number_answers_what_the_test_seeded(
    sim: VoiceSimulator, api: PhoneNumberLookupApi
) -> None:
    sim.seed_lookup(SEEDED, carrier_name="Verizon Wireless", line_type="FIXED")
    answer = _sync(sim, api, [SEEDED])
    assert answer.links == [] and answer.errors == []
    assert answer.data.status == "COMPLETE"
    (result,) = answer.data.results
    assert (result.phone_number, result.line_type) == (SEEDED, "FIXED")
    assert result.messaging_provider == result.voice_provider == "Verizon Wireless"
    assert result.country_code_a3 == "USA"
    assert result.deactivation_event is None and result.rcs_enabled is None


def test_other_numbers_answer_the_documented_default(
    sim: VoiceSimulator, api: PhoneNumberLookupApi
) -> None:
    answer = _sync(sim, api, ["+19195550000", FOREIGN])
    assert answer.data.status == "PARTIAL_COMPLETE"
    (result,) = answer.data.results
    assert (result.phone_number, result.line_type) == ("+19195550000", "MOBILE")
    assert result.messaging_provider == "Simulated Wireless"
    (error,) = answer.errors
    assert (error.code, error.type) == ("NO-MATCH", "NumberInventory")
    assert error.meta.phone_numbers == [FOREIGN]
    assert (error.meta.message, error.meta.code) == ("Invalid TNs", 1001)


def test_a_number_seeded_as_not_found_fails_the_lookup(
    sim: VoiceSimulator, api: PhoneNumberLookupApi
) -> None:
    sim.seed_lookup(SEEDED, found=False)
    answer = _sync(sim, api, [SEEDED, FOREIGN])
    assert answer.data.status == "FAILED" and answer.data.results == []
    assert answer.errors[0].meta.phone_numbers == [SEEDED, FOREIGN]


def test_dni_and_rcs_fields_are_answered_as_seeded(sim: VoiceSimulator, raw: Raw) -> None:
    sim.seed_lookup(
        SEEDED,
        carrier_name="T-MOBILE USA INC",
        voice_provider="Verizon",
        deactivation_reporter="T-MOBILE USA INC",
        deactivation_date="2025-09-29 01:23:00",
        deactivation_event="DEACTIVATED",
        latest_message_delivery_status="DEACTIVATED",
        initial_message_delivery_status_date=date(2025, 9, 29),
        rcs_enabled=None,
    )
    reply = raw.send("POST", _path(sim), {"phoneNumbers": [SEEDED]})
    assert reply.status == 200
    (result,) = reply.json()["data"]["results"]
    assert result == {
        "phoneNumber": SEEDED,
        "lineType": "MOBILE",
        "messagingProvider": "T-MOBILE USA INC",
        "voiceProvider": "Verizon",
        "countryCodeA3": "USA",
        "deactivationReporter": "T-MOBILE USA INC",
        "deactivationDate": "2025-09-29 01:23:00",
        "deactivationEvent": "DEACTIVATED",
        "latestMessageDeliveryStatus": "DEACTIVATED",
        "initialMessageDeliveryStatusDate": "2025-09-29",
        "rcsEnabled": None,  # RCS on, no answer: null, not absent
    }


def test_seeding_refuses_what_the_model_does_not_know(sim: VoiceSimulator) -> None:
    with pytest.raises(ValueError, match="no field carrier"):
        sim.seed_lookup(SEEDED, carrier="Verizon")
    with pytest.raises(ValueError, match=r"E\.164"):
        sim.seed_lookup("9195551234")
    with pytest.raises(ValueError, match="not found"):
        sim.seed_lookup(SEEDED, found=False, carrier_name="Verizon")


def test_a_number_given_twice_is_looked_up_once(
    sim: VoiceSimulator, api: PhoneNumberLookupApi
) -> None:
    answer = _sync(sim, api, [SEEDED, "+19195550000", SEEDED])
    assert [r.phone_number for r in answer.data.results] == [SEEDED, "+19195550000"]


def test_a_bulk_lookup_completes_on_the_clock(
    sim: VoiceSimulator, api: PhoneNumberLookupApi
) -> None:
    sim.seed_lookup(SEEDED, line_type="VOIP")
    started = api.create_async_bulk_lookup(
        sim.account_id, bandwidth.AsyncLookupRequest(phone_numbers=[SEEDED, FOREIGN])
    )
    request_id = started.data.request_id
    assert started.data.status == "IN_PROGRESS" and started.errors == []
    (link,) = started.links
    href = f"/accounts/{sim.account_id}/phoneNumberLookup/bulk/{request_id}"
    assert (link.href, link.rel, link.method) == (href, "createdRequest", "GET")
    polled = api.get_async_bulk_lookup(sim.account_id, request_id)
    assert (polled.data.status, polled.data.results, polled.errors) == ("IN_PROGRESS", [], [])
    sim.advance(sim.bulk_lookup_seconds - 1)
    assert api.get_async_bulk_lookup(sim.account_id, request_id).data.status == "IN_PROGRESS"
    sim.advance(1)
    done = api.get_async_bulk_lookup(sim.account_id, str(request_id))
    assert done.data.status == "PARTIAL_COMPLETE"
    assert [(r.phone_number, r.line_type) for r in done.data.results] == [(SEEDED, "VOIP")]
    assert done.errors[0].meta.phone_numbers == [FOREIGN]


def test_bulk_lookup_seconds_sets_how_long_it_takes(
    sim: VoiceSimulator, api: PhoneNumberLookupApi
) -> None:
    sim.bulk_lookup_seconds = 0
    started = api.create_async_bulk_lookup(sim.account_id, {"phoneNumbers": [SEEDED]})
    done = api.get_async_bulk_lookup(sim.account_id, started.data.request_id)
    assert done.data.status == "COMPLETE"
    with pytest.raises(ValueError):
        sim.bulk_lookup_seconds = -1


def test_an_unknown_or_expired_bulk_lookup_is_not_found(
    sim: VoiceSimulator, api: PhoneNumberLookupApi
) -> None:
    with pytest.raises(NotFoundException) as caught:
        api.get_async_bulk_lookup(sim.account_id, "8c97249f-0f96-4b49-be04-c794e9fab34e")
    body = json.loads(caught.value.body or "")
    assert body["links"] == [] and body["data"] == {}
    assert body["errors"][0]["type"] == "not-found"
    started = api.create_async_bulk_lookup(sim.account_id, {"phoneNumbers": [SEEDED]})
    sim.advance(8 * 24 * 3600)  # kept 7 days
    with pytest.raises(NotFoundException):
        api.get_async_bulk_lookup(sim.account_id, started.data.request_id)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({}, "phoneNumbers is required"),
        ({"phoneNumbers": []}, "phoneNumbers is required"),
        ({"phoneNumbers": "+19195551234"}, "phoneNumbers is required"),
        ({"phoneNumbers": ["+19195551234", "9195551234"]}, "phoneNumbers[1]"),
        ({"phoneNumbers": [f"+1919555{i:04d}" for i in range(101)]}, "at most 100"),
        ({"phoneNumbers": [SEEDED], "rcsAgent": "no spaces allowed"}, "rcsAgent"),
    ],
)
def test_a_sync_lookup_the_api_refuses_is_a_400_naming_the_field(
    sim: VoiceSimulator, raw: Raw, body: Dict[str, Any], words: str
) -> None:
    reply = raw.send("POST", _path(sim), body)
    assert reply.status == 400
    (error,) = reply.json()["errors"]
    assert error["type"] == "bad-request" and words in error["description"]


def test_bulk_takes_up_to_15000_numbers(sim: VoiceSimulator, raw: Raw) -> None:
    numbers = [f"+1919{i:07d}" for i in range(15_001)]
    reply = raw.send("POST", _path(sim, "/bulk"), {"phoneNumbers": numbers})
    assert reply.status == 400 and "at most 15000" in reply.json()["errors"][0]["description"]
    reply = raw.send("POST", _path(sim, "/bulk"), {"phoneNumbers": numbers[:15_000]})
    assert reply.status == 202


def test_a_body_that_is_not_json_is_a_415(sim: VoiceSimulator, raw: Raw) -> None:
    reply = raw.send("POST", _path(sim), "phoneNumbers=+19195551234", content_type="text/plain")
    assert reply.status == 415
    assert reply.json()["errors"][0]["type"] == "invalid-content-type"


def test_the_lookup_prefix_of_the_spec_is_served_too(sim: VoiceSimulator, raw: Raw) -> None:
    reply = raw.send("POST", _path(sim, prefix="/v2"), {"phoneNumbers": [SEEDED]})
    assert reply.status == 200 and reply.json()["data"]["status"] == "COMPLETE"
    assert sim.requests[-1].operation == "create_sync_lookup"
    reply = raw.send("GET", _path(sim, prefix="/v2"))
    assert (reply.status, reply.headers["Allow"]) == (405, "POST")


def test_product_servers_pointing_at_the_simulator_reach_it(sim: VoiceSimulator) -> None:
    origin = sim.url[: -len("/api/v2")]
    config = bandwidth.Configuration(
        username=sim.username,
        password=sim.password,
        product_servers={"lookup": origin + "/v2"},
    )
    with bandwidth.ApiClient(config) as client:
        answer = PhoneNumberLookupApi(client).create_sync_lookup(
            sim.account_id, {"phoneNumbers": [SEEDED]}
        )
    assert answer.data.status == "COMPLETE"
    assert sim.requests[-1].path.startswith("/v2/accounts/")


def test_auth_and_account_errors_use_the_lookup_envelope(
    sim: VoiceSimulator, raw: Raw, api: PhoneNumberLookupApi
) -> None:
    reply = raw.send("POST", _path(sim), {"phoneNumbers": [SEEDED]}, auth=None)
    assert reply.status == 401
    assert reply.json()["errors"][0] | {"description": ""} == {
        "type": "Unauthorized",
        "code": "1",
        "description": "",
    }
    with pytest.raises(ForbiddenException) as caught:
        api.create_sync_lookup("1234567", {"phoneNumbers": [SEEDED]})
    assert json.loads(caught.value.body or "")["errors"][0]["code"] == "2"


def test_faults_name_the_lookup_operations(sim: VoiceSimulator, api: PhoneNumberLookupApi) -> None:
    sim.fail_next("create_sync_lookup", 500)
    with pytest.raises(ServiceException) as caught:
        _sync(sim, api, [SEEDED])
    assert json.loads(caught.value.body or "")["errors"][0]["type"] == "unexpected-error"
    assert _sync(sim, api, [SEEDED]).data.status == "COMPLETE"
    assert [r.operation for r in sim.requests] == ["create_sync_lookup"] * 2


def test_the_control_routes_seed_and_clear_lookups(sim: VoiceSimulator, raw: Raw) -> None:
    seed = {"phoneNumber": SEEDED, "carrierName": "AT&T", "lineType": "FIXED"}
    assert raw.send("POST", "/_control/lookups", seed).status == 204
    reply = raw.send("POST", _path(sim), {"phoneNumbers": [SEEDED]})
    (result,) = reply.json()["data"]["results"]
    assert (result["lineType"], result["voiceProvider"]) == ("FIXED", "AT&T")
    bad = raw.send("POST", "/_control/lookups", {"phoneNumber": SEEDED, "carrier": "x"})
    assert bad.status == 400 and "carrier" in bad.json()["errors"][0]["description"]
    gone = {"phoneNumber": SEEDED, "found": False}
    assert raw.send("POST", "/_control/lookups", gone).status == 204
    reply = raw.send("POST", _path(sim), {"phoneNumbers": [SEEDED]})
    assert reply.json()["data"]["status"] == "FAILED"
    assert raw.send("DELETE", "/_control/lookups").status == 204
    reply = raw.send("POST", _path(sim), {"phoneNumbers": [SEEDED]})
    assert reply.json()["data"]["results"][0]["voiceProvider"] == "Simulated Wireless"
    assert raw.send("GET", "/_control/lookups").status == 405


def test_every_mfa_and_lookup_operation_of_the_spec_is_routed_by_sdk_name() -> None:
    """Each spec operation of the two tags routes, at its path and method, to its SDK name."""
    import re

    import yaml

    from bandwidth.testing import OPERATIONS
    from bandwidth.testing._identity.identity_paths import lookup_route, mfa_route
    from tests.support.prism import SPEC

    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    routers = {"MFA": (mfa_route, "/api/v1"), "Phone Number Lookup": (lookup_route, "/v2")}
    seen = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            tags = set(operation.get("tags", ())) if isinstance(operation, dict) else set()
            for tag in tags & set(routers):
                router, prefix = routers[tag]
                name = re.sub(r"(?<!^)(?=[A-Z])", "_", operation["operationId"]).lower()
                concrete = path.replace("{accountId}", "42").replace(
                    "{requestId}", "8c97249f-0f96-4b49-be04-c794e9fab34e"
                )
                for base in (prefix, "/api/v2"):
                    route = router(method.upper(), base + concrete)
                    assert route is not None and route.operation == name, (base, path)
                    assert route.account_id == "42"
                assert name in OPERATIONS
                seen.append(name)
    assert len(seen) == 6

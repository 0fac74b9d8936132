"""The simulator checked against Bandwidth's official OpenAPI file by Stoplight Prism.

Two Prism proxies sit in front of one simulator:

* ``strict``: ``prism proxy SPEC SIM --errors``. Prism validates the request
  and the simulator's response; any violation turns the answer into Prism's
  own ``application/problem+json`` error. Used for every request the spec
  considers valid: all successes and every error status the simulator
  produces for them (400 for the prose rules, 401, 403, 404, 409, 429, 500).
* ``lax``: the same without ``--errors``. Prism forwards even a request
  the schema rejects and reports violations in ``sl-violations``. Used for the
  simulator's answers to such requests (400 for schema violations, 415, 401
  without credentials): the answer must carry no *response* violation, and
  Prism must list a *request* violation, so it agrees the request was bad.

Not checkable through Prism: malformed JSON bodies (Prism never answers them),
405 (no operation matches, so no response schema exists) and statuses the
spec does not declare (503, ...). Those are pinned in tests/test_simulator.py.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Iterator, Mapping, Optional, Tuple

import pytest

from bandwidth.testing import VoiceSimulator
from tests.testing.contract import (
    ACCOUNT,
    CALLS,
    NO_VOICE,
    WRONG,
    Answer,
    Via,
    assert_voice_api_error,
    lax_sender,
    strict_sender,
)

NEW_CALL: Dict[str, Any] = {
    "to": "+19195551234",
    "from": "+19195554321",
    "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
    "answerUrl": "https://myServer.example/bandwidth/webhooks/answer",
}
FULL_CALL: Dict[str, Any] = {
    **NEW_CALL,
    "to": "sip:user@server.example",
    "privacy": False,
    "displayName": "John Doe",
    "uui": "aGVsbG8gd29ybGQ;encoding=base64",
    "answerMethod": "GET",
    "username": "user",
    "password": "secret",
    "answerFallbackUrl": "https://myServer.example/fallback",
    "answerFallbackMethod": "POST",
    "fallbackUsername": "fuser",
    "fallbackPassword": "fsecret",
    "disconnectUrl": "https://myServer.example/disconnect",
    "disconnectMethod": "POST",
    "callTimeout": 45.5,
    "callbackTimeout": 10,
    "machineDetection": {
        "mode": "async",
        "detectionTimeout": 15,
        "silenceTimeout": 10,
        "speechThreshold": 10,
        "speechEndThreshold": 5,
        "machineSpeechEndThreshold": 5,
        "delayResult": False,
        "callbackUrl": "https://myServer.example/md",
        "callbackMethod": "POST",
        "fallbackUrl": "https://myServer.example/md-fallback",
        "fallbackMethod": "GET",
    },
    "priority": 1,
    "tag": "my tag",
}
XML = "application/xml"
BXML = '<?xml version="1.0" encoding="UTF-8"?><Bxml><SpeakSentence>Hi</SpeakSentence></Bxml>'


@pytest.fixture
def sim(contract_sim: VoiceSimulator) -> VoiceSimulator:
    return contract_sim


@pytest.fixture
def prisms(contract_prisms: Dict[str, Via]) -> Dict[str, Via]:
    return contract_prisms


@pytest.fixture(autouse=True)
def _clean(sim: VoiceSimulator) -> Iterator[None]:
    sim.clear_faults()
    sim.clear_requests()
    yield
    sim.clear_faults()
    sim.advertised_url = None


@pytest.fixture
def strict(prisms: Dict[str, Via], sim: VoiceSimulator) -> Callable[..., Answer]:
    return strict_sender(prisms["strict"], sim)


@pytest.fixture
def lax(prisms: Dict[str, Via], sim: VoiceSimulator) -> Callable[..., Answer]:
    return lax_sender(prisms["lax"], sim)


# -- successes -----------------------------------------------------------------------------


@pytest.mark.parametrize("body", [NEW_CALL, FULL_CALL], ids=["minimal", "every-field"])
def test_create_call_201(strict: Callable[..., Answer], body: Dict[str, Any]) -> None:
    answer = strict("POST", CALLS, body)
    assert answer.status == 201, answer.describe()
    created = answer.json()
    assert answer.headers["Location"] == created["callUrl"]
    if body is FULL_CALL:
        assert created["password"] == created["fallbackPassword"] == "*****"


def test_get_call_state_200_in_every_state(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    ids = [
        sim.add_call(),
        sim.add_call(state="initiated"),
        sim.add_call(state="answered", direction="inbound", parent_call_id="c-parent"),
        sim.add_call(
            state="disconnected",
            direction="inbound",
            disconnect_cause="error",
            error_message="Something broke",
            error_id="4642074b-7b58-478b-96e4-3a60955c6765",
            stir_shaken={"verstat": "TN-Validation-Passed", "attestationIndicator": "A"},
            identity="eyJhbGciOiJFUzI1NiJ9.e30.sig;info=<https://x.example/c.pem>;alg=ES256",
        ),
    ]
    for call_id in ids:
        answer = strict("GET", f"{CALLS}/{call_id}")
        assert answer.status == 200
        assert answer.json()["callId"] == call_id


def test_list_calls_200_with_link_and_every_filter(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    sim.clear_calls()
    sim.bulk_create(3, state="disconnected", to="+15550000001", spacing=1)
    first = strict("GET", f"{CALLS}?pageSize=2")
    assert first.status == 200 and len(first.json()) == 2
    assert first.headers["Link"].endswith('>; rel="next"')
    query = (
        "to=%2B15550000001&from=%2B19195554321&minStartTime=2024-03-01T00:00:00Z"
        "&maxStartTime=2024-03-02T00:00:00Z&disconnectCause=hangup&pageSize=10000"
    )
    filtered = strict("GET", f"{CALLS}?{query}")
    assert filtered.status == 200 and len(filtered.json()) == 3
    sim.clear_calls()
    assert strict("GET", CALLS).json() == []


def test_update_call_200_for_redirect_and_completion(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    call_id = sim.add_call(state="answered")
    redirect = {
        "state": "active",
        "redirectUrl": "https://myServer.example/redirect",
        "redirectMethod": "POST",
        "username": "u",
        "password": "p",
        "redirectFallbackUrl": "https://myServer.example/redirect-fallback",
        "redirectFallbackMethod": "GET",
        "fallbackUsername": "fu",
        "fallbackPassword": "fp",
        "tag": "new tag",
    }
    assert strict("POST", f"{CALLS}/{call_id}", redirect).status == 200
    completed = strict("POST", f"{CALLS}/{call_id}", {"state": "completed"})
    assert (completed.status, completed.body) == (200, b"")
    assert sim.call(call_id).disconnect_cause == "hangup"


def test_update_call_bxml_204(strict: Callable[..., Answer], sim: VoiceSimulator) -> None:
    call_id = sim.add_call(state="answered")
    answer = strict("PUT", f"{CALLS}/{call_id}/bxml", BXML, content_type="application/xml")
    assert (answer.status, answer.body) == (204, b"")
    assert sim.call(call_id).bxml == [BXML]


# -- error statuses the simulator produces for spec-valid requests -------------------------

Request = Tuple[str, str, Any, Dict[str, Any]]


def _operations(sim: VoiceSimulator, call_id: str) -> Dict[str, Request]:
    return {
        "create_call": ("POST", CALLS, NEW_CALL, {}),
        "get_call_state": ("GET", f"{CALLS}/{call_id}", None, {}),
        "list_calls": ("GET", CALLS, None, {}),
        "update_call": ("POST", f"{CALLS}/{call_id}", {"state": "completed"}, {}),
        "update_call_bxml": (
            "PUT",
            f"{CALLS}/{call_id}/bxml",
            BXML,
            {"content_type": "application/xml"},
        ),
    }


OPERATIONS = ["create_call", "get_call_state", "list_calls", "update_call", "update_call_bxml"]


@pytest.mark.parametrize("operation", OPERATIONS)
def test_401_for_wrong_credentials(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str
) -> None:
    method, path, body, options = _operations(sim, sim.add_call(state="answered"))[operation]
    assert_voice_api_error(strict(method, path, body, auth=WRONG, **options), 401)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_403_for_another_account(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str
) -> None:
    method, path, body, options = _operations(sim, sim.add_call(state="answered"))[operation]
    path = path.replace(ACCOUNT, "1234567")
    assert_voice_api_error(strict(method, path, body, **options), 403)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_403_for_a_user_without_voice_access(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str
) -> None:
    method, path, body, options = _operations(sim, sim.add_call(state="answered"))[operation]
    assert_voice_api_error(strict(method, path, body, auth=NO_VOICE, **options), 403)


@pytest.mark.parametrize("operation", ["get_call_state", "update_call", "update_call_bxml"])
def test_404_for_unknown_calls(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str
) -> None:
    method, path, body, options = _operations(sim, "c-unknown")[operation]
    assert_voice_api_error(strict(method, path, body, **options), 404)


def test_409_for_ended_or_unanswered_calls(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    ended = sim.add_call(state="disconnected")
    queued = sim.add_call()
    assert_voice_api_error(strict("POST", f"{CALLS}/{ended}", {"state": "completed"}), 409)
    redirect = {"redirectUrl": "https://myServer.example/r"}
    assert_voice_api_error(strict("POST", f"{CALLS}/{queued}", redirect), 409)
    put = strict("PUT", f"{CALLS}/{queued}/bxml", BXML, content_type="application/xml")
    assert_voice_api_error(put, 409)


@pytest.mark.parametrize(
    ("method", "path", "body", "content_type"),
    [
        ("POST", CALLS, {**NEW_CALL, "to": "19195551234"}, None),
        ("POST", CALLS, {**NEW_CALL, "from": "sip:me@example.com"}, None),
        ("POST", CALLS, {**NEW_CALL, "answerUrl": "ftp://myServer.example/a"}, None),
        ("POST", CALLS, {**NEW_CALL, "privacy": True, "displayName": "John"}, None),
        ("POST", CALLS, {**NEW_CALL, "username": "u", "answerUrl": "http://x.example/a"}, None),
        ("POST", CALLS, {**NEW_CALL, "uui": "no-encoding"}, None),
        ("POST", f"{CALLS}/{{answered}}", {"state": "active"}, None),
        ("POST", f"{CALLS}/{{answered}}", {"state": "completed", "tag": "x"}, None),
        ("PUT", f"{CALLS}/{{answered}}/bxml", "<Bxml><Unclosed></Bxml>", "application/xml"),
        ("PUT", f"{CALLS}/{{answered}}/bxml", "<NotBxml/>", "application/xml"),
        ("GET", f"{CALLS}?pageToken=not-a-token", None, None),
        ("GET", f"{CALLS}?minStartTime=yesterday", None, None),
    ],
)
def test_400_for_rules_the_schema_cannot_express(
    strict: Callable[..., Answer],
    sim: VoiceSimulator,
    method: str,
    path: str,
    body: Any,
    content_type: Optional[str],
) -> None:
    path = path.replace("{answered}", sim.add_call(state="answered"))
    assert_voice_api_error(strict(method, path, body, content_type=content_type), 400)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 415, 429, 500])
@pytest.mark.parametrize("operation", OPERATIONS)
def test_injected_failures_match_the_spec(
    strict: Callable[..., Answer], sim: VoiceSimulator, operation: str, status: int
) -> None:
    method, path, body, options = _operations(sim, sim.add_call(state="answered"))[operation]
    sim.fail_next(operation, status)
    answer = strict(method, path, body, **options)
    assert_voice_api_error(answer, status)
    if status == 429:
        assert answer.headers["Retry-After"] == "0"


def test_409_injected_for_the_operations_that_declare_it(
    strict: Callable[..., Answer], sim: VoiceSimulator
) -> None:
    for operation in ("update_call", "update_call_bxml"):
        method, path, body, options = _operations(sim, sim.add_call(state="answered"))[operation]
        sim.fail_next(operation, 409)
        assert_voice_api_error(strict(method, path, body, **options), 409)


def test_prism_does_catch_a_response_that_breaks_the_schema(
    prisms: Dict[str, Via], sim: VoiceSimulator
) -> None:
    """Negative control: the validator is really looking at the simulator's bodies."""
    call_id = sim.add_call()
    sim.malformed_next("get_call_state", kind="schema")
    answer = prisms["strict"].send("GET", f"{CALLS}/{call_id}")
    assert answer.status == 500
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert "VIOLATIONS" in answer.json()["type"]
    sim.fail_next("list_calls", 503)
    undeclared = prisms["lax"].send("GET", CALLS)
    assert undeclared.status == 503
    assert any("Unable to match the returned status" in v["message"] for v in undeclared.violations)


# -- the simulator's answers to requests the schema itself rejects -------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "options", "status"),
    [
        ("POST", CALLS, {k: v for k, v in NEW_CALL.items() if k != "to"}, {}, 400),
        ("POST", CALLS, {**NEW_CALL, "from": 15555551212}, {}, 400),
        ("POST", CALLS, {**NEW_CALL, "answerMethod": "PUT"}, {}, 400),
        ("POST", CALLS, {**NEW_CALL, "callTimeout": 0}, {}, 400),
        ("POST", CALLS, {**NEW_CALL, "callbackTimeout": 26}, {}, 400),
        ("POST", CALLS, {**NEW_CALL, "priority": 9}, {}, 400),
        ("POST", CALLS, {**NEW_CALL, "displayName": "x" * 257}, {}, 400),
        ("POST", CALLS, {**NEW_CALL, "machineDetection": {"mode": "later"}}, {}, 400),
        ("POST", CALLS, [NEW_CALL], {}, 400),
        ("POST", f"{CALLS}/{{answered}}", {"state": "paused"}, {}, 400),
        ("POST", f"{CALLS}/{{answered}}", {"redirectUrl": 5}, {}, 400),
        ("GET", f"{CALLS}?pageSize=0", None, {}, 400),
        ("GET", f"{CALLS}?pageSize=10001", None, {}, 400),
        ("GET", f"{CALLS}?pageSize=many", None, {}, 400),
        ("POST", CALLS, json.dumps(NEW_CALL), {"content_type": "text/plain"}, 415),
        ("POST", f"{CALLS}/{{answered}}", "state=completed", {"content_type": "text/plain"}, 415),
        ("PUT", f"{CALLS}/{{answered}}/bxml", BXML, {"content_type": "text/plain"}, 415),
        ("GET", CALLS, None, {"auth": None}, 401),
        ("POST", CALLS, NEW_CALL, {"auth": None}, 401),
        ("GET", f"{CALLS}/{{answered}}", None, {"auth": None}, 401),
        ("POST", f"{CALLS}/{{answered}}", {"state": "completed"}, {"auth": None}, 401),
        ("PUT", f"{CALLS}/{{answered}}/bxml", BXML, {"auth": None, "content_type": XML}, 401),
    ],
)
def test_answers_to_schema_invalid_requests_match_the_spec(
    lax: Callable[..., Answer],
    sim: VoiceSimulator,
    method: str,
    path: str,
    body: Any,
    options: Mapping[str, Any],
    status: int,
) -> None:
    path = path.replace("{answered}", sim.add_call(state="answered"))
    answer = lax(method, path, body, **options)
    assert_voice_api_error(answer, status)
    assert answer.of("request"), "Prism found the request valid, the simulator did not"


@pytest.mark.parametrize(("method", "path"), [("DELETE", CALLS), ("PATCH", f"{CALLS}/c-1")])
def test_405_passes_through_but_has_no_schema_to_check(
    lax: Callable[..., Answer], method: str, path: str
) -> None:
    answer = lax(method, path)
    assert_voice_api_error(answer, 405)
    assert [v["message"] for v in answer.violations] == ["Selected route not found"]


# -- Prism itself: where the spec's paths live --------------------------------------------


def test_prism_mock_serves_spec_paths_without_the_server_base_path(
    prisms: Dict[str, Via],
) -> None:
    mock = prisms["mock"]
    assert mock.send("GET", f"{CALLS}/c-1").status == 200
    missing = mock.send("GET", f"/api/v2{CALLS}/c-1")
    assert missing.status == 404
    assert "NO_PATH_MATCHED" in missing.json()["type"]


# -- the SDK, end to end through the strict proxy ------------------------------------------


def test_sdk_round_trip_through_strict_prism(prisms: Dict[str, Via], sim: VoiceSimulator) -> None:
    from bandwidth import ApiClient, CallsApi, Configuration, CreateCall, UpdateCall

    sim.clear_calls()
    sim.advertised_url = prisms["strict"].url  # Location/Link go through Prism too
    config = Configuration(host=prisms["strict"].url, username="username", password="password")
    with ApiClient(config) as client:
        api = CallsApi(client)
        created = api.create_call(
            ACCOUNT,
            CreateCall(
                to="+19195551234",
                var_from="+19195554321",
                application_id="app-1",
                answer_url="https://myServer.example/answer",
                tag="sdk",
            ),
        )
        sim.answer(created.call_id)
        state = api.get_call_state(ACCOUNT, created.call_id)
        assert state.state == "answered"
        api.update_call_bxml(ACCOUNT, created.call_id, BXML)
        api.update_call(
            ACCOUNT, created.call_id, UpdateCall(redirect_url="https://myServer.example/r")
        )
        sim.bulk_create(4)
        listed = list(api.iter_calls(ACCOUNT, page_size=2))
        api.update_call(ACCOUNT, created.call_id, UpdateCall(state="completed"))
    assert [c.call_id for c in listed] == [c.call_id for c in sim.calls]
    assert len(sim.requests_for("list_calls")) == 3
    call = sim.call(created.call_id)
    assert (call.state, call.disconnect_cause, call.bxml) == ("disconnected", "hangup", [BXML])
    assert [r["redirectUrl"] for r in call.redirects] == ["https://myServer.example/r"]
    assert all(
        r.headers.get("user-agent", "").startswith("bandwidth-sdk-python") for r in sim.requests
    )

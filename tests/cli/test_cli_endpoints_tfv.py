"""``bandwidth endpoints ...`` and ``bandwidth tfv ...``, in-process against a loopback server.

Each test runs ``bandwidth.cli.main(argv)`` with ``BW_ENDPOINTS_HOST``,
``BW_TFV_HOST`` and the credentials in the environment, and checks what went
on the wire, what was printed (secrets masked), and that errors are one line.
"""

from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path
from typing import Any, List
from urllib.parse import parse_qs

import pytest

from tests.cli import samples
from tests.cli.conftest import Products

ENDPOINTS = f"/v2/accounts/{samples.ACCOUNT}/endpoints"
TFV = f"/api/v2/accounts/{samples.ACCOUNT}"
STATUS = f"{TFV}/phoneNumbers/{samples.TOLL_FREE}/tollFreeVerification"
SUBSCRIPTIONS = f"{TFV}/tollFreeVerification/webhooks/subscriptions"


# -- endpoints -------------------------------------------------------------------------


def test_create_sends_the_endpoint_and_prints_its_token(products: Products, cli: Any) -> None:
    products.answer("POST", ENDPOINTS, 201, samples.CREATED_ENDPOINT)
    result = cli(
        "endpoints", "create", "--direction", "bidirectional", "--tag", "front-desk",
        "--event-callback-url", "https://myapp.example.com/events",
        "--event-fallback-url", "https://fallback.example.com/events",
    )  # fmt: skip
    assert (result.code, result.err) == (0, "")
    # The token is what the command is run for: printed, on stdout only.
    assert result.json() == samples.CREATED_ENDPOINT
    assert result.json()["data"]["token"] == samples.ENDPOINT_TOKEN
    request = products.last
    assert (request.method, request.path) == ("POST", ENDPOINTS)
    assert products.sent_json() == {
        "type": "WEBRTC",
        "direction": "BIDIRECTIONAL",
        "eventCallbackUrl": "https://myapp.example.com/events",
        "eventFallbackUrl": "https://fallback.example.com/events",
        "tag": "front-desk",
    }


def test_create_from_json_with_connection_metadata(
    products: Products, cli: Any, tmp_path: Path
) -> None:
    products.answer("POST", ENDPOINTS, 201, samples.CREATED_ENDPOINT)
    body = tmp_path / "endpoint.json"
    body.write_text(json.dumps({"direction": "INBOUND", "connectionMetadata": {"room": "7"}}))
    result = cli("endpoints", "create", "--json", str(body))
    assert result.code == 0, result.err
    assert products.sent_json() == {
        "type": "WEBRTC",
        "direction": "INBOUND",
        "connectionMetadata": {"room": "7"},
    }


def test_create_is_never_retried(products: Products, cli: Any) -> None:
    products.answer("POST", ENDPOINTS, 503, {"links": [], "errors": [], "data": None})
    result = cli("endpoints", "create", "--direction", "inbound")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (503) ")
    assert len(products.requests) == 1


def test_get_delete_and_bxml(products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    endpoint = f"{ENDPOINTS}/{samples.ENDPOINT_ID}"
    products.answer("GET", endpoint, 200, samples.ENDPOINT_ANSWER)
    products.answer("DELETE", endpoint, 204)
    products.answer("PUT", endpoint + "/bxml", 204)
    got = cli("endpoints", "get", samples.ENDPOINT_ID)
    assert (got.code, got.err) == (0, "")
    assert got.json() == samples.ENDPOINT_ANSWER
    bxml = "<Bxml><SpeakSentence>Hello</SpeakSentence></Bxml>"
    monkeypatch.setattr(sys, "stdin", io.StringIO(bxml))
    sent = cli("endpoints", "bxml", samples.ENDPOINT_ID, "-")
    assert (sent.code, sent.out, sent.err) == (0, "", "")
    request = products.last
    assert (request.method, request.path) == ("PUT", endpoint + "/bxml")
    assert request.headers["Content-Type"].startswith("application/xml")
    assert request.get_data() == bxml.encode()
    deleted = cli("endpoints", "delete", samples.ENDPOINT_ID)
    assert (deleted.code, deleted.out, deleted.err) == (0, "", "")
    assert products.last.method == "DELETE"


def test_list_sends_the_filters_and_notes_the_next_cursor(products: Products, cli: Any) -> None:
    products.answer("GET", ENDPOINTS, 200, samples.endpoints_page([samples.ENDPOINT], "CUR2"))
    result = cli(
        "endpoints", "list", "--type", "webrtc", "--status", "connected", "--limit", "5",
        "--after-cursor", "CUR1",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json() == [samples.ENDPOINT]
    assert result.err == "more endpoints: add --after-cursor CUR2 for the next page, or --all\n"
    query = parse_qs(products.last.query_string.decode())
    assert query == {
        "type": ["WEBRTC"],
        "status": ["CONNECTED"],
        "limit": ["5"],
        "afterCursor": ["CUR1"],
    }


def test_list_all_follows_the_next_links(products: Products, cli: Any) -> None:
    second = {**samples.ENDPOINT, "endpointId": "e-2"}
    products.server.expect_oneshot_request(ENDPOINTS).respond_with_json(
        samples.endpoints_page([samples.ENDPOINT], "CUR2")
    )
    products.server.expect_oneshot_request(ENDPOINTS).respond_with_json(
        samples.endpoints_page([second])
    )
    result = cli("endpoints", "list", "--all")
    assert (result.code, result.err) == (0, "")
    assert [e["endpointId"] for e in result.json()] == [samples.ENDPOINT_ID, "e-2"]
    cursors = [parse_qs(r.query_string.decode()).get("afterCursor") for r in products.requests]
    assert cursors == [None, ["CUR2"]]


def test_an_unknown_endpoint_is_a_404(products: Products, cli: Any) -> None:
    error = {"links": [], "data": None, "errors": [{"type": "not-found", "description": "none"}]}
    products.answer("GET", ENDPOINTS + "/e-missing", 404, error)
    result = cli("endpoints", "get", "e-missing")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (404) ")


# -- tfv -------------------------------------------------------------------------------


def test_request_sends_the_json_file_and_prints_nothing(
    products: Products, cli: Any, tmp_path: Path
) -> None:
    products.answer("POST", f"{TFV}/tollFreeVerification", 202)
    request_file = tmp_path / "verification.json"
    request_file.write_text(json.dumps(samples.VERIFICATION_REQUEST), encoding="utf-8")
    result = cli("tfv", "request", "--json", str(request_file))
    assert (result.code, result.out, result.err) == (0, "", "")
    request = products.last
    assert (request.method, request.path) == ("POST", f"{TFV}/tollFreeVerification")
    assert products.sent_json() == samples.VERIFICATION_REQUEST


def test_a_bad_submission_names_the_json_key_and_sends_nothing(
    products: Products, cli: Any, tmp_path: Path
) -> None:
    broken = {**samples.VERIFICATION_REQUEST, "messageVolume": 5}
    del broken["useCase"]
    request_file = tmp_path / "verification.json"
    request_file.write_text(json.dumps(broken), encoding="utf-8")
    result = cli("tfv", "request", "--json", str(request_file))
    assert result.code == 2
    line = result.expect_error_line()
    assert "useCase is required" in line and "--json: messageVolume: " in line
    assert products.requests == []


def test_status_update_and_delete(products: Products, cli: Any, tmp_path: Path) -> None:
    products.answer("GET", re.escape(STATUS), 200, samples.TFV_STATUS)
    products.answer("PUT", re.escape(STATUS), 202)
    products.answer("DELETE", re.escape(STATUS), 204)
    status = cli("tfv", "status", samples.TOLL_FREE)
    assert (status.code, status.err) == (0, "")
    assert status.json() == samples.TFV_STATUS
    submission = {k: v for k, v in samples.VERIFICATION_REQUEST.items() if k != "phoneNumbers"}
    wrapper = tmp_path / "resubmit.json"
    wrapper.write_text(json.dumps({"submission": submission}), encoding="utf-8")
    updated = cli("tfv", "update", samples.TOLL_FREE, "--json", str(wrapper))
    assert (updated.code, updated.out, updated.err) == (0, "", "")
    assert (products.last.method, products.last.path) == ("PUT", STATUS)
    assert products.sent_json() == {"submission": submission}
    deleted = cli("tfv", "delete", samples.TOLL_FREE)
    assert (deleted.code, deleted.out, deleted.err) == (0, "", "")
    assert products.last.method == "DELETE"


def test_use_cases_need_no_account(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BW_ACCOUNT_ID")
    products.answer("GET", "/api/v2/tollFreeVerification/useCases", 200, samples.USE_CASES)
    result = cli("tfv", "use-cases")
    assert (result.code, result.err) == (0, "")
    assert result.json() == samples.USE_CASES


def test_subscriptions_list_masks_the_passwords(products: Products, cli: Any) -> None:
    products.answer("GET", SUBSCRIPTIONS, 200, samples.SUBSCRIPTIONS)
    result = cli("tfv", "subscriptions", "list")
    assert (result.code, result.err) == (0, "")
    (subscription,) = result.json()
    assert subscription["basicAuthentication"] == {"username": "hooks", "password": "*****"}
    assert "hook secret" not in result.out


def test_subscriptions_create_with_the_password_from_the_environment(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    products.answer("POST", SUBSCRIPTIONS, 201, samples.SUBSCRIPTION)
    monkeypatch.setenv("BW_WEBHOOK_PASSWORD", "hook secret")
    result = cli(
        "tfv", "subscriptions", "create", "--callback-url", "https://myapp.example.com/tfv",
        "--webhook-username", "hooks",
    )  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert result.json()["id"] == samples.SUBSCRIPTION_ID
    assert "hook secret" not in result.out + result.err
    assert products.sent_json() == {
        "callbackUrl": "https://myapp.example.com/tfv",
        "basicAuthentication": {"username": "hooks", "password": "hook secret"},
    }


def test_subscriptions_update_with_the_password_on_stdin(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = f"{SUBSCRIPTIONS}/{samples.SUBSCRIPTION_ID}"
    products.answer("PUT", path, 200, samples.SUBSCRIPTION)
    monkeypatch.setattr(sys, "stdin", io.StringIO("hook secret\n"))
    result = cli(
        "tfv", "subscriptions", "update", samples.SUBSCRIPTION_ID,
        "--callback-url", "https://myapp.example.com/tfv", "--webhook-username", "hooks",
        "--webhook-password-stdin",
    )  # fmt: skip
    assert (result.code, result.err) == (0, "")
    assert (products.last.method, products.last.path) == ("PUT", path)
    assert products.sent_json()["basicAuthentication"]["password"] == "hook secret"


def test_a_secret_flag_warns_and_is_never_echoed(products: Products, cli: Any) -> None:
    products.answer("POST", SUBSCRIPTIONS, 201, samples.SUBSCRIPTION)
    result = cli(
        "tfv", "subscriptions", "create", "--callback-url", "https://myapp.example.com/tfv",
        "--shared-secret-key", "This is my $3cret key", "--webhook-username", "hooks",
        "--webhook-password", "pw-on-the-line",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert sorted(result.warned()) == ["--shared-secret-key", "--webhook-password"]
    assert "$3cret" not in result.out + result.err and "pw-on-the" not in result.out
    assert products.sent_json()["sharedSecretKey"] == "This is my $3cret key"


def test_subscriptions_delete(products: Products, cli: Any) -> None:
    products.answer("DELETE", f"{SUBSCRIPTIONS}/{samples.SUBSCRIPTION_ID}", 204)
    result = cli("tfv", "subscriptions", "delete", samples.SUBSCRIPTION_ID)
    assert (result.code, result.out, result.err) == (0, "", "")
    assert products.last.method == "DELETE"


def test_a_tfv_error_is_one_line(products: Products, cli: Any) -> None:
    error = {"type": "not-found", "description": "No such number"}
    products.answer("GET", re.escape(STATUS), 404, error)
    result = cli("tfv", "status", samples.TOLL_FREE)
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (404) ")


BAD_INPUT = [
    (["endpoints", "create"], "--direction is required"),
    (["endpoints", "create", "--direction", "sideways"], "argument --direction: invalid choice"),
    (["endpoints", "create", "--direction", "inbound", "--event-callback-url", "nope"],
     "--event-callback-url: "),
    (["endpoints", "get", ""], "ENDPOINT_ID must not be empty"),
    (["endpoints", "list", "--limit", "x"], "argument --limit: not a whole number"),
    (["endpoints", "list", "--after-cursor", "c", "--all"],
     "argument --all: not allowed with argument --after-cursor"),
    (["endpoints", "bxml", "e-1", "/nonexistent"], "FILE: cannot read '/nonexistent'"),
    (["tfv", "request"], "the following arguments are required: --json"),
    (["tfv", "status", "+19195551234"], "NUMBER must be a US toll-free number in E.164"),
    (["tfv", "subscriptions"], "the following arguments are required: ACTION"),
    (["tfv", "subscriptions", "create"], "--callback-url is required"),
    (["tfv", "subscriptions", "create", "--callback-url", "https://myapp.example.com/x",
      "--webhook-username", "hooks"], "--webhook-password is required"),
    (["tfv", "subscriptions", "create", "--callback-url", "https://myapp.example.com/x",
      "--shared-secret-key", "short"], "--shared-secret-key: "),
    (["tfv", "subscriptions", "update", "", "--callback-url", "https://myapp.example.com/x"],
     "ID must not be empty"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "message"), BAD_INPUT, ids=lambda v: " ".join(v)[:60] if isinstance(v, list) else ""
)
def test_bad_input_is_one_line_exit_2_and_nothing_is_sent(
    products: Products, cli: Any, argv: List[str], message: str
) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert products.requests == []


def test_the_flags_cover_every_field_and_parameter() -> None:
    import inspect

    from bandwidth import EndpointsApi
    from bandwidth._operation import OPTION_NAMES
    from bandwidth.cli import _identity_fields as fields
    from bandwidth.models import (
        CreateWebRtcConnectionRequest,
        EndpointDirectionEnum,
        EndpointStatusEnum,
        EndpointTypeEnum,
    )

    model_fields = CreateWebRtcConnectionRequest.model_fields.items()
    wire = {info.serialization_alias or name for name, info in model_fields}
    wire -= {"additionalProperties", "connectionMetadata"}  # an open object: --json only
    assert {flag.wire[0] for flag in fields.ENDPOINT_FLAGS} == wire
    parameters = set(inspect.signature(EndpointsApi.list_endpoints).parameters)
    parameters -= {"self", "account_id", *OPTION_NAMES}
    assert {flag.parameter for flag in fields.ENDPOINT_LIST_FLAGS} == parameters
    for choices, enum in (
        (fields.ENDPOINT_TYPES, EndpointTypeEnum),
        (fields.ENDPOINT_DIRECTIONS, EndpointDirectionEnum),
        (fields.ENDPOINT_STATUSES, EndpointStatusEnum),
    ):
        assert choices == tuple(member.value for member in enum), enum


def test_help(cli: Any) -> None:
    for argv, variable in (
        (["endpoints", "create"], "BW_ENDPOINTS_HOST"),
        (["endpoints", "list"], "BW_ENDPOINTS_HOST"),
        (["tfv", "request"], "BW_TFV_HOST"),
        (["tfv", "use-cases"], "BW_TFV_HOST"),
        (["tfv", "subscriptions", "create"], "BW_WEBHOOK_PASSWORD"),
    ):
        result = cli(*argv, "--help")
        assert (result.code, result.err) == (0, "")
        assert result.out.startswith(f"usage: bandwidth {' '.join(argv)}")
        assert variable in result.out

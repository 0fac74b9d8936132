"""``bandwidth mfa ...`` and ``bandwidth lookup ...``, in-process against a loopback server.

Each test runs ``bandwidth.cli.main(argv)`` with ``BW_MFA_HOST``,
``BW_LOOKUP_HOST`` and the credentials in the environment, and checks what
went on the wire, what was printed, and that errors are one line.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any, List

import pytest

from tests.cli import samples
from tests.cli.conftest import Products

CODE = f"/api/v1/accounts/{samples.ACCOUNT}/code"
LOOKUP = f"/v2/accounts/{samples.ACCOUNT}/phoneNumberLookup"
TO_FROM = ["--to", "+19195551234", "--from", "+19195554321"]
VOICE_APP = ["--application-id", "66fd98ae-ac8d-a00f-7fcd-ba3280aeb9b1"]


# -- mfa -------------------------------------------------------------------------------


def test_voice_sends_the_code_request_with_the_defaults(products: Products, cli: Any) -> None:
    products.answer("POST", CODE + "/voice", 200, samples.VOICE_CODE)
    result = cli("mfa", "voice", *TO_FROM, *VOICE_APP)
    assert (result.code, result.err) == (0, "")
    assert result.json() == samples.VOICE_CODE
    request = products.last
    assert (request.method, request.path) == ("POST", CODE + "/voice")
    assert products.sent_json() == {
        "to": "+19195551234",
        "from": "+19195554321",
        "applicationId": VOICE_APP[1],
        "message": "Your temporary {NAME} {SCOPE} code is {CODE}",
        "digits": 6,
    }


def test_messaging_sends_every_flag(products: Products, cli: Any) -> None:
    products.answer("POST", CODE + "/messaging", 200, samples.MESSAGING_CODE)
    result = cli(
        "mfa", "messaging", *TO_FROM, *VOICE_APP, "--scope", "login",
        "--message", "Your login code is {CODE}", "--digits", "8",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json() == samples.MESSAGING_CODE
    assert products.last.path == CODE + "/messaging"
    sent = products.sent_json()
    assert (sent["scope"], sent["message"], sent["digits"]) == (
        "login",
        "Your login code is {CODE}",
        8,
    )


def test_json_keys_win_over_the_defaults(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    products.answer("POST", CODE + "/voice", 200, samples.VOICE_CODE)
    body = '{"message": "Code: {CODE}", "digits": 4}'
    monkeypatch.setattr(sys, "stdin", io.StringIO(body))
    result = cli("mfa", "voice", *TO_FROM, *VOICE_APP, "--json", "-")
    assert result.code == 0, result.err
    sent = products.sent_json()
    assert (sent["message"], sent["digits"]) == ("Code: {CODE}", 4)


def test_verify_prints_whether_the_code_is_valid(products: Products, cli: Any) -> None:
    products.answer("POST", CODE + "/verify", 200, {"valid": False})
    result = cli(
        "mfa", "verify", "--to", "+19195551234", "--code", "123456",
        "--expiration-time-in-minutes", "3", "--scope", "login",
    )  # fmt: skip
    assert (result.code, result.err) == (0, "")  # an invalid code is an answer, not an error
    assert result.json() == {"valid": False}
    assert products.sent_json() == {
        "to": "+19195551234",
        "code": "123456",
        "expirationTimeInMinutes": 3,
        "scope": "login",
    }


def test_generating_a_code_is_never_retried(products: Products, cli: Any) -> None:
    products.answer("POST", CODE + "/voice", 500, {"error": "Internal Error", "requestId": "r1"})
    result = cli("mfa", "voice", *TO_FROM, *VOICE_APP)
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (500) ")
    assert len(products.requests) == 1


def test_a_forbidden_answer_is_one_line(products: Products, cli: Any) -> None:
    products.answer("POST", CODE + "/verify", 403, {"message": "Missing Authentication Token"})
    result = cli(
        "mfa", "verify", "--to", "+19195551234", "--code", "1234",
        "--expiration-time-in-minutes", "1",
    )  # fmt: skip
    assert result.code == 1
    line = result.expect_error_line()
    assert line.startswith("error: (403) ") and "Missing Authentication Token" in line


# -- lookup ----------------------------------------------------------------------------


def test_lookup_numbers_at_once(products: Products, cli: Any) -> None:
    products.answer("POST", LOOKUP, 200, samples.SYNC_LOOKUP)
    result = cli("lookup", "+19195551234", "+19195554321", "--rcs-agent", "my_agent")
    assert (result.code, result.err) == (0, "")
    assert result.json() == samples.SYNC_LOOKUP
    request = products.last
    assert (request.method, request.path) == ("POST", LOOKUP)
    assert products.sent_json() == {
        "phoneNumbers": ["+19195551234", "+19195554321"],
        "rcsAgent": "my_agent",
    }


def test_lookup_numbers_from_a_file(products: Products, cli: Any, tmp_path: Path) -> None:
    products.answer("POST", LOOKUP + "/bulk", 202, samples.BULK_LOOKUP)
    numbers = tmp_path / "numbers.txt"
    numbers.write_text("# our customers\n+19195550001\n\n  +19195550002  \n", encoding="utf-8")
    result = cli("lookup", "bulk", "+19195550000", "--numbers-from", str(numbers))
    assert (result.code, result.err) == (0, "")
    assert result.json() == samples.BULK_LOOKUP
    assert products.last.path == LOOKUP + "/bulk"
    assert products.sent_json() == {
        "phoneNumbers": ["+19195550000", "+19195550001", "+19195550002"]
    }


def test_lookup_numbers_from_stdin(
    products: Products, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    products.answer("POST", LOOKUP, 200, samples.SYNC_LOOKUP)
    monkeypatch.setattr(sys, "stdin", io.StringIO("+19195550001\n+19195550002\n"))
    result = cli("lookup", "--numbers-from", "-")
    assert result.code == 0, result.err
    assert products.sent_json() == {"phoneNumbers": ["+19195550001", "+19195550002"]}


def test_lookup_status(products: Products, cli: Any) -> None:
    products.answer("GET", LOOKUP + "/bulk/.+", 200, samples.BULK_STATUS)
    result = cli("lookup", "status", samples.REQUEST_ID.upper())
    assert (result.code, result.err) == (0, "")
    assert result.json() == samples.BULK_STATUS
    request = products.last
    assert (request.method, request.path) == ("GET", f"{LOOKUP}/bulk/{samples.REQUEST_ID}")


def test_lookups_are_never_retried(products: Products, cli: Any) -> None:
    error = {"links": [], "data": {}, "errors": [{"type": "unexpected-error", "description": "x"}]}
    products.answer("POST", LOOKUP, 503, error)
    result = cli("lookup", "+19195551234")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (503) ")
    assert len(products.requests) == 1


def test_an_unknown_request_is_a_404(products: Products, cli: Any) -> None:
    error = {"links": [], "data": {}, "errors": [{"type": "not-found", "description": "none"}]}
    products.answer("GET", LOOKUP + "/bulk/.+", 404, error)
    result = cli("lookup", "status", samples.REQUEST_ID)
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (404) ")


BAD_INPUT = [
    (["mfa", "voice", *TO_FROM], "--application-id is required"),
    (["mfa", "voice", *TO_FROM, *VOICE_APP, "--digits", "9"],
     "--digits: Input should be less than or equal to 8"),
    (["mfa", "voice", *TO_FROM, *VOICE_APP, "--digits", "six"],
     "argument --digits: not a whole number"),
    (["mfa", "messaging", "--to", "5551234", "--from", "+19195554321", *VOICE_APP], "--to: "),
    (["mfa", "verify", "--to", "+19195551234", "--code", "12",
      "--expiration-time-in-minutes", "20"],
     "--expiration-time-in-minutes: Input should be less than or equal to 15; --code: "),
    (["mfa", "verify", "--to", "+19195551234"], "--code is required"),
    (["lookup"], "give at least one NUMBER (or --numbers-from FILE)"),
    (["lookup", "bulk"], "give at least one NUMBER"),
    (["lookup", "+19195551234", "5551234"], "NUMBER (value 2): "),
    (["lookup", "bulk", "+19195551234", "--rcs-agent", "a"],
     "--rcs-agent applies to a lookup of up to 100, not to bulk"),
    (["lookup", *[f"+1919555{n:04d}" for n in range(101)]],
     "101 numbers: a lookup takes at most 100; 'bandwidth lookup bulk' takes up to 15,000"),
    (["lookup", "status"], "status takes one REQUEST_ID and no numbers"),
    (["lookup", "status", "a", "b"], "status takes one REQUEST_ID and no numbers"),
    (["lookup", "status", "not-a-uuid"], "REQUEST_ID must be a UUID"),
    (["lookup", "--numbers-from", "/nonexistent"], "--numbers-from: cannot read '/nonexistent'"),
    (["lookup", "--numbers-from", "-", "--password-stdin"],
     "--password-stdin and --numbers-from - cannot both read stdin"),
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


def test_the_flags_cover_every_field() -> None:
    from bandwidth.cli._identity_fields import CODE_FLAGS, LOOKUP_FLAGS, VERIFY_FLAGS
    from bandwidth.models import CodeRequest, SyncLookupRequest, VerifyCodeRequest

    for flags, model in (
        (CODE_FLAGS, CodeRequest),
        (VERIFY_FLAGS, VerifyCodeRequest),
        (LOOKUP_FLAGS, SyncLookupRequest),
    ):
        fields = model.model_fields.items()
        wire = {info.serialization_alias or name for name, info in fields}
        assert {flag.wire[0] for flag in flags} == wire - {"additionalProperties"}, model


def test_help(cli: Any) -> None:
    for argv, variable in (
        (["mfa", "voice"], "BW_MFA_HOST"),
        (["mfa", "messaging"], "BW_MFA_HOST"),
        (["mfa", "verify"], "BW_MFA_HOST"),
        (["lookup"], "BW_LOOKUP_HOST"),
    ):
        result = cli(*argv, "--help")
        assert (result.code, result.err) == (0, "")
        assert result.out.startswith(f"usage: bandwidth {' '.join(argv)}")
        assert variable in result.out

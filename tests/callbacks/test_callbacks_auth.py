"""Webhook Basic auth helpers: verify_basic_auth and basic_auth_challenge."""

from __future__ import annotations

import base64
import hmac
from types import SimpleNamespace
from typing import Any, List, Optional

import pytest

from bandwidth.callbacks import BasicAuthChallenge, basic_auth_challenge, verify_basic_auth
from bandwidth.callbacks import auth as auth_module


def basic(credentials: bytes) -> str:
    return "Basic " + base64.b64encode(credentials).decode("ascii")


def test_matching_credentials() -> None:
    assert verify_basic_auth(basic(b"bandwidth:s3cret"), "bandwidth", "s3cret") is True
    assert verify_basic_auth(basic(b"bandwidth:s3cret").encode(), "bandwidth", "s3cret") is True
    header = "  basic   " + base64.b64encode(b"bandwidth:s3cret").decode() + "  "
    assert verify_basic_auth(header, "bandwidth", "s3cret") is True
    assert verify_basic_auth(basic(b"u:pa:ss:"), "u", "pa:ss:") is True
    assert (
        verify_basic_auth(basic("jos\u00e9:p\u00e4ss".encode()), "jos\u00e9", "p\u00e4ss") is True
    )


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "   ",
        "Basic",
        "Basic ",
        "Bearer " + base64.b64encode(b"bandwidth:s3cret").decode(),
        "Digest username=bandwidth",
        "Basic !!!not-base64!!!",
        "Basic YmFuZHdpZHRoOnMzY3JldA",  # padding missing
        basic(b"bandwidths3cret"),  # no colon
        basic(b"bandwidth:wrong"),
        basic(b"other:s3cret"),
        basic(b"bandwidth:s3cret "),
        basic(b"Bandwidth:s3cret"),
        basic(b":s3cret"),
        basic(b"bandwidth:s3cret\x00"),
        b"\xff\xfe",
        12345,
    ],
)
def test_missing_malformed_or_wrong_headers_are_false(header: Any) -> None:
    assert verify_basic_auth(header, "bandwidth", "s3cret") is False


@pytest.mark.parametrize(
    "header", [basic(b"u:"), basic(b"u:x"), basic(b"u"), basic(b":"), "", None]
)
def test_an_empty_expected_password_refuses_everything(header: Any) -> None:
    # An unset password (a missing environment variable, say) must lock the webhook:
    # "u:" (an empty password sent) is refused too.
    assert verify_basic_auth(header, "u", "") is False
    assert verify_basic_auth(header, "u", None) is False  # type: ignore[arg-type]


def test_configuration_errors_share_the_sdk_root() -> None:
    from bandwidth.exceptions import ApiValueError, OpenApiException

    with pytest.raises(ApiValueError) as caught:
        verify_basic_auth(basic(b"u:p"), "", "p")
    assert isinstance(caught.value, OpenApiException)
    with pytest.raises(ApiValueError):
        basic_auth_challenge("caf\u00e9")


def test_an_empty_expected_username_is_a_configuration_error() -> None:
    with pytest.raises(ValueError, match="username must not be empty"):
        verify_basic_auth(basic(b":"), "", "")


def test_both_parts_are_always_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: List[int] = []

    def recording(a: bytes, b: bytes) -> bool:
        calls.append(len(a))
        return hmac.compare_digest(a, b)

    monkeypatch.setattr(auth_module, "hmac", SimpleNamespace(compare_digest=recording))
    assert verify_basic_auth(basic(b"wrong-user:s3cret"), "bandwidth", "s3cret") is False
    assert verify_basic_auth(basic(b"x:y"), "a-much-longer-user-name", "and-password") is False
    # two comparisons per call, each of fixed-size digests: no early exit, no length leak
    assert calls == [32, 32, 32, 32]


def test_challenge() -> None:
    challenge = basic_auth_challenge()
    assert challenge == (401, {"WWW-Authenticate": 'Basic realm=""'})
    assert isinstance(challenge, BasicAuthChallenge)
    status, headers = challenge
    assert status == 401 and challenge.status == 401
    assert headers == challenge.headers
    assert basic_auth_challenge("Voice app").headers == {
        "WWW-Authenticate": 'Basic realm="Voice app"'
    }
    assert basic_auth_challenge('say "hi" \\ bye').headers == {
        "WWW-Authenticate": 'Basic realm="say \\"hi\\" \\\\ bye"'
    }
    first = basic_auth_challenge()
    first.headers["X"] = "y"
    assert basic_auth_challenge().headers == {"WWW-Authenticate": 'Basic realm=""'}


@pytest.mark.parametrize("realm", ["a\r\nSet-Cookie: x=1", "tab\there", "caf\u00e9", None])
def test_challenge_refuses_header_injection(realm: Optional[str]) -> None:
    with pytest.raises(ValueError, match="realm must be printable ASCII text"):
        basic_auth_challenge(realm)  # type: ignore[arg-type]

"""The limits every product's parser shares: size, depth, bad text, nothing echoed."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from bandwidth.callbacks import (
    CallbackParseError,
    parse_callback,
    parse_endpoint_event,
    parse_messaging_callbacks,
    parse_tfv_webhook,
)

SECRET = "s3cr3t-Value-0f-The-Body"
PARSERS = [parse_callback, parse_messaging_callbacks, parse_tfv_webhook, parse_endpoint_event]
LIMIT = 1024 * 1024


def nested(levels: int) -> Any:
    """A dict body ``levels`` deep (the body itself is level 1)."""
    value: Any = {}
    for _ in range(levels - 1):
        value = {"a": value}
    return value


@pytest.mark.parametrize("parse", PARSERS)
def test_the_size_limit(parse: Callable[..., Any]) -> None:
    fits = b"{" + b" " * (LIMIT - 2) + b"}"
    parse(fits, "application/json")
    with pytest.raises(CallbackParseError, match=f"larger than {LIMIT} bytes"):
        parse(fits + b" ", "application/json")
    with pytest.raises(CallbackParseError, match="larger than"):
        parse("{" + " " * LIMIT + "}", "application/json")


@pytest.mark.parametrize("parse", PARSERS)
def test_the_depth_limit(parse: Callable[..., Any]) -> None:
    parse(nested(32))
    with pytest.raises(CallbackParseError, match="nested too deeply"):
        parse(nested(33))
    with pytest.raises(CallbackParseError, match="nested too deeply"):
        parse(b'{"a": ' * 33 + b"{}" + b"}" * 33, "application/json")
    with pytest.raises(CallbackParseError, match="nested too deeply"):
        parse(b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "application/json")


@pytest.mark.parametrize("parse", PARSERS)
def test_bad_text_and_charsets_are_not_echoed(parse: Callable[..., Any]) -> None:
    with pytest.raises(CallbackParseError, match="not valid text: not utf-8 at byte 2") as bad:
        parse(b'{"\xff' + SECRET.encode() + b'"}', "application/json")
    with pytest.raises(CallbackParseError, match="unknown charset") as charset:
        parse(b"{}", f"application/json; charset={SECRET}")
    with pytest.raises(CallbackParseError, match="not valid JSON") as broken:
        parse(b'{"' + SECRET.encode() + b'" ' + SECRET.encode() + b"}", "application/json")
    for caught in (bad, charset, broken):
        assert SECRET not in str(caught.value)


@pytest.mark.parametrize(
    "body",
    [b"[]", b"5", b"null", b"true", b'"text"', b"hello there", b"", b"[" * 40 + b"]" * 40],
    ids=["empty-array", "number", "null", "bool", "string", "plain-text", "empty", "deep-array"],
)
def test_a_body_that_is_no_callback_at_all_is_a_parse_error(body: bytes) -> None:
    for content_type in (None, "application/json", "application/x-www-form-urlencoded"):
        with pytest.raises(CallbackParseError):
            parse_callback(body, content_type)


@pytest.mark.parametrize("charset", ["\x00", "punycode", "undefined", "base64", "rot13"])
def test_a_charset_that_is_no_text_codec_is_a_parse_error(charset: str) -> None:
    body = b'{"eventType": "answer", "callId": "c-1"}'
    with pytest.raises(CallbackParseError, match="not valid text"):
        parse_callback(body, f"application/json; charset={charset}")


def test_form_data_still_parses_without_a_content_type() -> None:
    event = parse_callback(b"eventType=answer&callId=c-1", None)
    assert type(event).__name__ == "AnswerCallback"

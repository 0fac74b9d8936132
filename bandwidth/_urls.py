"""URLs the client sends credentials to: parsed once, by the parser that sends them.

Two URL parsers can disagree about where a URL points:
``http://evil.example\\@voice.bandwidth.com/`` is on ``voice.bandwidth.com`` for
:func:`urllib.parse.urlsplit` but on ``evil.example`` for urllib3, which is
what connects. So a URL is checked on what :func:`urllib3.util.parse_url`
returns, the request target sent is the one taken from that same parse, and
any URL the two parsers read differently, or that has userinfo, a backslash,
whitespace, a control or a non-ASCII character, is refused outright.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from urllib3.exceptions import LocationParseError
from urllib3.util import Url, parse_url

from bandwidth.exceptions import ApiTypeError, ApiValueError

__all__ = ["Origin", "UnsafeUrl", "check_base_url", "checked_url", "origin_of"]

# A backslash, a space or any control character: read differently by different
# parsers (a backslash is a path character to one, an authority end to another).
_AMBIGUOUS = re.compile(r"[\x00-\x20\x7f\\]")
_DEFAULT_PORTS = {"http": 80, "https": 443}


class UnsafeUrl(ValueError):
    """A URL that must not receive credentials; the message says why (never echoing it)."""


class Origin(NamedTuple):
    """Scheme, host and port: what decides where a request (and its credentials) goes."""

    scheme: str
    host: str
    port: int


def checked_url(url: str) -> Url:
    """``url`` as urllib3 parses it, or :class:`UnsafeUrl` when it could be read two ways.

    The result is what urllib3 connects to and sends: compare origins on it
    and send its ``request_uri``, never the original string.
    """
    if not isinstance(url, str):
        raise UnsafeUrl("it is not a string")
    if _AMBIGUOUS.search(url):
        raise UnsafeUrl("it contains a backslash, whitespace or a control character")
    if not url.isascii():
        raise UnsafeUrl("it contains non-ASCII characters")
    try:
        parsed = parse_url(url)
        split = urlsplit(url)
        split_port = split.port
    except (LocationParseError, ValueError):
        raise UnsafeUrl("it is not a well-formed URL") from None
    if parsed.auth is not None or "@" in split.netloc:
        raise UnsafeUrl("it has userinfo (user@host)")
    scheme = (parsed.scheme or "").lower()
    if scheme not in _DEFAULT_PORTS or not parsed.host:
        raise UnsafeUrl("it is not an absolute http(s) URL")
    ours = origin_of(parsed)
    theirs = (
        split.scheme.lower(),
        (split.hostname or "").lower(),
        split_port if split_port is not None else _DEFAULT_PORTS.get(split.scheme.lower(), -1),
    )
    if ours != theirs:
        raise UnsafeUrl("URL parsers disagree about its scheme, host or port")
    return parsed


def origin_of(parsed: Url) -> Origin:
    """The origin of a URL :func:`checked_url` accepted (default ports made explicit)."""
    scheme = (parsed.scheme or "").lower()
    host = (parsed.host or "").lower()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]  # urlsplit's hostname has no brackets around an IPv6 address
    port = parsed.port if parsed.port is not None else _DEFAULT_PORTS.get(scheme, -1)
    return Origin(scheme, host, port)


def check_base_url(url: Any, name: str = "host") -> str:
    """A base URL requests (and credentials) may go to, without its trailing slash.

    Refused, naming the setting (``name``) but never echoing the URL: what
    :func:`checked_url` refuses, and a query or fragment.
    """
    if not isinstance(url, str):
        raise ApiTypeError(f"{name} must be a URL string, not {type(url).__name__}")
    try:
        checked_url(url)
    except UnsafeUrl as exc:
        raise ApiValueError(f"{name} must be an absolute http(s) URL: {exc}") from None
    parts = urlsplit(url)
    if parts.query or parts.fragment:
        raise ApiValueError(f"{name} must not contain a query or fragment")
    return url.rstrip("/")

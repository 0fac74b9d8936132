"""Keeping credentials out of logs and exceptions: by header name, and by value.

By name: ``Authorization``, ``Proxy-Authorization``, ``Cookie`` and
``Set-Cookie`` are always shown as ``[redacted]``. By value: whatever
credential the client holds (password, tokens, client secret, the value of
``_request_auth``, and the ``Authorization`` values built from them) is
replaced wherever it appears, so a server echoing it in a body, a reason or
another header cannot put it in a log line or an exception.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = [
    "MIN_SECRET_LENGTH",
    "REDACTED",
    "SECRET_HEADERS",
    "display_headers",
    "scrub_bytes",
    "scrub_text",
]

REDACTED = "[redacted]"
#: Headers whose values are never shown, whatever they hold.
SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie", "set-cookie"})
#: Shorter credentials are not searched for by value: they would match ordinary
#: text everywhere (and are redacted by header name like every credential).
MIN_SECRET_LENGTH = 4


def _usable(secrets: Iterable[Optional[str]]) -> List[str]:
    found = {s for s in secrets if isinstance(s, str) and len(s) >= MIN_SECRET_LENGTH}
    return sorted(found, key=len, reverse=True)  # "Basic abc…" before "abc…"


def scrub_text(text: str, secrets: Iterable[Optional[str]]) -> str:
    """``text`` with every occurrence of every secret replaced by ``[redacted]``."""
    for secret in _usable(secrets):
        if secret in text:
            text = text.replace(secret, REDACTED)
    return text


def scrub_bytes(raw: bytes, secrets: Iterable[Optional[str]]) -> bytes:
    """``raw`` with every secret (as UTF-8 or Latin-1 bytes) replaced by ``[redacted]``."""
    for secret in _usable(secrets):
        for encoding in ("utf-8", "latin-1"):
            try:
                needle = secret.encode(encoding)
            except UnicodeEncodeError:
                continue
            if needle in raw:
                raw = raw.replace(needle, REDACTED.encode())
    return raw


HeaderSource = Union[Mapping[str, Any], Sequence[Tuple[str, Any]]]


def display_headers(
    headers: Optional[HeaderSource], secrets: Iterable[Optional[str]] = ()
) -> Dict[str, str]:
    """Headers as a dict for a log line or an error message, credentials redacted.

    Repeated headers are joined with ``", "`` (urllib3's ``HTTPHeaderDict``
    keeps them apart; a plain ``dict()`` would drop all but one).
    """
    if not headers:
        return {}
    merged = getattr(headers, "itermerged", None)
    if merged is not None:
        items: Iterable[Tuple[str, Any]] = merged()
    elif isinstance(headers, Mapping):
        items = headers.items()
    else:
        items = headers
    usable = _usable(secrets)
    shown: Dict[str, str] = {}
    for name, value in items:
        text = str(value)
        if str(name).lower() in SECRET_HEADERS:
            text = REDACTED
        elif usable:
            text = scrub_text(text, usable)
        shown[str(name)] = text
    return shown

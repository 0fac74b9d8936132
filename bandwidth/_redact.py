"""Keeping credentials out of logs and exceptions: by header name, and by value.

By name: ``Authorization``, ``Proxy-Authorization``, ``Cookie`` and
``Set-Cookie`` are always shown as ``[redacted]``. By value: whatever
credential the client holds (password, tokens, client secret, the value of
``_request_auth``, and the ``Authorization`` values built from them) is
replaced wherever it appears, so a server echoing it in a body, a reason or
another header cannot put it in a log line or an exception.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = [
    "MIN_SECRET_LENGTH",
    "REDACTED",
    "SECRET_HEADERS",
    "display_headers",
    "scrub_bytes",
    "scrub_text",
    "scrub_value",
    "shown_value",
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
    """``text`` with every occurrence of every secret replaced by ``[redacted]``.

    JSON text may spell a secret with ``\\u`` escapes (``"\\u0073ecret"``):
    such a document is decoded, scrubbed and written again when a secret
    hides in it.
    """
    usable = _usable(secrets)
    for secret in usable:
        if secret in text:
            text = text.replace(secret, REDACTED)
    if usable and "\\u" in text:
        try:
            document = json.loads(text)
        except (ValueError, RecursionError):
            return text
        cleaned = scrub_value(document, usable)
        if cleaned != document:
            return json.dumps(cleaned)
    return text


def scrub_value(value: Any, secrets: Iterable[Optional[str]]) -> Any:
    """Decoded JSON (strings, lists, dicts; keys too) with every secret replaced."""
    usable = _usable(secrets)
    if not usable:
        return value
    if isinstance(value, str):
        for secret in usable:
            if secret in value:
                value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, list):
        return [scrub_value(item, usable) for item in value]
    if isinstance(value, dict):
        return {scrub_value(k, usable): scrub_value(v, usable) for k, v in value.items()}
    return value


def shown_value(value: object, limit: int = 40) -> str:
    """A value a server sent, for an error message: bounded whatever it is.

    Text shows its first ``limit`` characters; a number its digits when
    short; anything else (or a longer number) only its type.
    """
    if isinstance(value, str):
        if len(value) <= limit:
            return repr(value)
        return f"{value[:limit]!r}... ({len(value)} characters)"
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, float) or (isinstance(value, int) and abs(value) < 10**limit):
        return repr(value)[:limit]
    return f"a {type(value).__name__}"


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
        shown[scrub_text(str(name), usable) if usable else str(name)] = text
    return shown

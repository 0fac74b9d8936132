"""Checking and encoding of path and query parameters, naming the parameter on error."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Union
from urllib.parse import quote, unquote
from uuid import UUID

from bandwidth.exceptions import ApiTypeError, ApiValueError

_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]+")


def _no_surrogates(name: str, value: str) -> str:
    """``value`` if UTF-8 can encode it (a lone surrogate such as ``"\\ud800"`` cannot)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ApiValueError(
            f"{name} must be text UTF-8 can encode (it holds a lone surrogate)"
        ) from None
    return value


def path_segment(name: str, value: Any, safe: str = "") -> str:
    """Percent-encode one path parameter so no value can change the path.

    ``/`` is encoded (``c/../x`` stays one segment) and the dot segments
    ``.`` and ``..`` are encoded too, because servers remove them.
    """
    if not isinstance(value, str):
        raise ApiTypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value:
        raise ApiValueError(f"{name} must not be empty")
    if value in (".", ".."):
        return value.replace(".", "%2E")
    if _UNRESERVED.fullmatch(value):  # ids almost always are: skip quote()'s byte loop
        return value
    return quote(_no_surrogates(name, value), safe=safe)


def path_segments(name: str, value: Any) -> str:
    """A path parameter that may hold ``/`` (a media id ``{messageId}/0/file.png``).

    Each ``/``-separated part is encoded as :func:`path_segment` encodes a
    whole value, so the slashes stay (the server reads the id across them)
    but no part is a dot segment, and none is empty.
    """
    if not isinstance(value, str):
        raise ApiTypeError(f"{name} must be a str, not {type(value).__name__}")
    parts = value.split("/")
    if not all(parts):
        raise ApiValueError(f"{name} must not be empty, or start, end or repeat a '/'")
    return "/".join(path_segment(name, part) for part in parts)


def text(name: str, value: object) -> str:
    """A required-to-be-str query value."""
    if not isinstance(value, str):
        raise ApiTypeError(f"{name} must be a str, not {type(value).__name__}")
    return value if value.isascii() else _no_surrogates(name, value)


def phone_filter(name: str, value: Any) -> str:
    """A ``to``/``from`` filter, plain (``+19195551234``) or pre-encoded (``%2b19195551234``).

    Pre-encoded values are decoded first so both forms go on the wire once
    encoded, as ``%2B19195551234``.
    """
    value = text(name, value)
    decoded = unquote(value) if _PERCENT.search(value) else value
    if not decoded.strip():
        raise ApiValueError(f"{name} must not be empty")
    return decoded


def timestamp(name: str, value: Union[datetime, str]) -> str:
    """An ISO 8601 time from a ``datetime`` (naive means UTC) or ISO 8601 text (checked)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        value = value.astimezone(timezone.utc)
        return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds").replace(
            "+00:00", "Z"
        )
    if isinstance(value, str):
        from bandwidth._formats import parse_timestamp

        try:
            parse_timestamp(value)
        except ValueError:
            raise ApiValueError(
                f"{name} must be an ISO 8601 date-time such as 2022-06-21T19:13:21Z, got {value!r}"
            ) from None
        return value
    raise ApiTypeError(f"{name} must be a datetime or ISO 8601 str, not {type(value).__name__}")


def int_in_range(name: str, value: Any, low: int, high: int) -> int:
    """An integer parameter within ``[low, high]`` (``bool`` is not an integer here)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ApiTypeError(f"{name} must be an int, not {type(value).__name__}")
    number: int = value
    if not low <= number <= high:
        raise ApiValueError(f"{name} must be between {low} and {high}, got {number}")
    return number


def uuid_text(name: str, value: Any) -> str:
    """A UUID parameter (``004223a0-8b17-41b1-bf81-20732adf5590``), as text or a ``uuid.UUID``."""
    if isinstance(value, UUID):
        return str(value)
    value = text(name, value)
    try:
        return str(UUID(value))  # the canonical form: lower case, with hyphens
    except ValueError:
        raise ApiValueError(
            f"{name} must be a UUID such as 004223a0-8b17-41b1-bf81-20732adf5590"
        ) from None


def toll_free_number(name: str, value: Any) -> str:
    """A toll-free number in E.164 (``+18005555555``), as the TFV paths take it."""
    from bandwidth._formats import TOLL_FREE_EXAMPLE, is_toll_free

    number = text(name, value)
    if not is_toll_free(number):
        raise ApiValueError(
            f"{name} must be a US toll-free number in E.164 such as {TOLL_FREE_EXAMPLE}"
            " (+1, then 800, 833, 844, 855, 866, 877 or 888, then 7 digits)"
        )
    return number

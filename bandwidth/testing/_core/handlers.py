r"""What every product's route handlers share: the routed request, refusals, answers, paging.

A handler reads a :class:`Request`, answers through :func:`json_answer` or
:func:`empty`, and refuses by raising :class:`Problem` (any status) or
:class:`InvalidRequest` (400; ``str(exc)`` is the description), or calling
:func:`require_media_type` (415). The REST service turns refusals into the
product's error body. Query strings, JSON bodies and ``pageToken``\ s are
read the same way by every product; nothing here knows one.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Dict, List, Mapping, Optional, Tuple
from urllib.parse import parse_qsl, urlencode

from bandwidth.testing._core.clock import parse_time
from bandwidth.testing._core.http_answers import Response, is_decimal

__all__ = [
    "JSON_HEADER",
    "MAX_JSON_DEPTH",
    "InvalidRequest",
    "Problem",
    "QueryString",
    "Request",
    "check_decimal",
    "decode_token",
    "empty",
    "encode_token",
    "json_answer",
    "next_link",
    "parse_json_object",
    "require_media_type",
]

JSON_HEADER = ("Content-Type", "application/json")


class InvalidRequest(Exception):
    """A request the API rejects with 400; ``str(exc)`` is the error description."""


class Problem(Exception):
    """A refusal with its status: the REST service answers it as the product's error body."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


#: No request the API takes nests deeper than this (createCall.machineDetection is 2).
MAX_JSON_DEPTH = 32
_TOO_DEEP = "Malformed JSON in the request body: nested too deeply."


def parse_json_object(body: bytes) -> Dict[str, Any]:
    """Parse a request body that must be a JSON object (at most :data:`MAX_JSON_DEPTH` deep)."""
    if not body.strip():
        raise InvalidRequest("The request body is empty: a JSON object is required.")
    try:
        value = json.loads(body, parse_constant=_reject_constant)
    except RecursionError:
        raise InvalidRequest(_TOO_DEEP) from None
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        raise InvalidRequest(f"Malformed JSON in the request body: {exc}") from None
    if not isinstance(value, dict):
        raise InvalidRequest("The request body must be a JSON object.")
    if _depth_exceeds(value, MAX_JSON_DEPTH):
        raise InvalidRequest(_TOO_DEEP)
    return value


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether ``value`` nests objects or arrays more than ``limit`` deep (no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return False


def check_decimal(text: str, name: str) -> int:
    """A non-negative integer written as plain ASCII digits (no sign, ``_``, spaces or ``0x``).

    Python's ``int()`` also takes ``1_0``, ``+5``, `` 5`` and other scripts'
    digits; the API does not. Values past 10**12 read as 10**12, for the
    caller's range check to refuse (and no huge number is ever converted).
    """
    if not is_decimal(text):
        raise InvalidRequest(f"Invalid {name}: must be an integer.")
    return int(text) if len(text) <= 12 else 10**12


class QueryString:
    """A parsed query string: every pair in order, and the first value of each key."""

    def __init__(self, text: str) -> None:
        self.pairs: List[Tuple[str, str]] = parse_qsl(text, keep_blank_values=True)
        self.first: Dict[str, str] = {}
        for key, value in self.pairs:
            self.first.setdefault(key, value)

    def get(self, key: str) -> Optional[str]:
        """The first value of ``key``, ``None`` when absent."""
        return self.first.get(key)

    def page_size(self, default: int, maximum: int) -> int:
        """``pageSize``: plain digits within 1..``maximum`` (400 otherwise)."""
        text = self.first.get("pageSize")
        if text is None:
            return default
        size = check_decimal(text, "pageSize")
        if not 1 <= size <= maximum:
            raise InvalidRequest(f"Invalid pageSize: must be between 1 and {maximum}.")
        return size

    def time(self, name: str) -> Optional[datetime]:
        """An ISO 8601 time filter (400 when it is not one)."""
        text = self.first.get(name)
        if text is None:
            return None
        try:
            return parse_time(text)
        except ValueError:
            raise InvalidRequest(f"Invalid {name}: must be an ISO 8601 timestamp.") from None

    def page_token(self) -> Optional[Tuple[datetime, int]]:
        """The position a ``pageToken`` encodes (400 for one the simulator did not make)."""
        token = self.first.get("pageToken")
        return None if token is None else decode_token(token)


@dataclass(frozen=True)
class Request:
    """One routed request: its path parameters by spec name, query, headers and body."""

    method: str
    params: Mapping[str, str]
    query: str
    headers: Mapping[str, str]
    body: bytes

    def parsed_query(self) -> QueryString:
        """The query string, parsed."""
        return QueryString(self.query)


def json_answer(
    payload: Any, status: int = 200, headers: Tuple[Tuple[str, str], ...] = ()
) -> Response:
    """A JSON answer."""
    return status, [JSON_HEADER, *headers], json.dumps(payload, separators=(",", ":")).encode()


def empty(status: int) -> Response:
    """An answer without a body (204, or a 200 the spec gives no content)."""
    return status, [], b""


def require_media_type(headers: Mapping[str, str], expected: str) -> None:
    """415 unless the request's ``Content-Type`` is ``expected`` (parameters aside)."""
    media_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != expected:
        shown = media_type or "none"
        raise Problem(415, f"Content-Type {shown} is not supported here: send {expected}.")


def encode_token(key: Tuple[datetime, int]) -> str:
    """An opaque ``pageToken`` for the position after ``key`` (a sort key)."""
    stamp = int(key[0].timestamp() * 1_000_000)
    raw = json.dumps({"t": stamp, "s": key[1]}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str) -> Tuple[datetime, int]:
    """The sort key a ``pageToken`` encodes (400 for anything else)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        data = json.loads(raw)
        stamp, seq = data["t"], data["s"]
        if not isinstance(stamp, int) or not isinstance(seq, int):
            raise ValueError
        moment = datetime.fromtimestamp(stamp / 1_000_000, tz=timezone.utc)
    except (ValueError, TypeError, KeyError, OverflowError, OSError, binascii.Error):
        raise InvalidRequest("Invalid pageToken.") from None
    return moment.replace(microsecond=stamp % 1_000_000), seq


def next_link(url: str, query: QueryString, key: Tuple[datetime, int]) -> Tuple[str, str]:
    """The ``Link: <...>; rel="next"`` header: the same query, a new ``pageToken``."""
    kept = [(k, v) for k, v in query.pairs if k != "pageToken"]
    kept.append(("pageToken", encode_token(key)))
    return ("Link", f'<{url}?{urlencode(kept)}>; rel="next"')

"""What every route module shares: the request, the host, answers, errors, paging.

A route handler is ``handler(host, request) -> Response``. It reads and
changes the store under :func:`locked`, answers through :func:`json_answer`
or :func:`empty`, and refuses a request by raising :class:`Problem` (any
status), :class:`~bandwidth.testing.voice.request_checks.Invalid` (400) or calling
:func:`require_media_type` (415).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    Iterator,
    List,
    Mapping,
    Optional,
    Protocol,
    Tuple,
)
from urllib.parse import parse_qsl, quote, urlencode

from bandwidth.testing.core.clock import parse_time
from bandwidth.testing.core.http_server import Response
from bandwidth.testing.voice.request_checks import Invalid, check_decimal

if TYPE_CHECKING:
    from bandwidth.testing.simulator import VoiceSimulator
    from bandwidth.testing.voice.call_store import CallStore
    from bandwidth.testing.voice.flow_engine import FlowEngine

__all__ = [
    "JSON_HEADER",
    "Host",
    "Problem",
    "Query",
    "Request",
    "account_url",
    "decode_token",
    "empty",
    "encode_token",
    "json_answer",
    "locked",
    "next_link",
    "require_media_type",
]

JSON_HEADER = ("Content-Type", "application/json")


class Problem(Exception):
    """A refusal with its status: the router answers it as a ``voiceApiError``."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


class Host(Protocol):
    """What handlers use of the REST API object: the simulator, its store and flow engine."""

    @property
    def sim(self) -> VoiceSimulator:
        """The simulator (clock, account, URLs)."""

    @property
    def store(self) -> CallStore:
        """Everything the simulator holds, under ``store.lock``."""

    @property
    def engine(self) -> FlowEngine:
        """The call-flow engine."""


class Query:
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
            raise Invalid(f"Invalid pageSize: must be between 1 and {maximum}.")
        return size

    def time(self, name: str) -> Optional[datetime]:
        """An ISO 8601 time filter (400 when it is not one)."""
        text = self.first.get(name)
        if text is None:
            return None
        try:
            return parse_time(text)
        except ValueError:
            raise Invalid(f"Invalid {name}: must be an ISO 8601 timestamp.") from None

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

    def parsed_query(self) -> Query:
        """The query string, parsed."""
        return Query(self.query)


@contextlib.contextmanager
def locked(host: Host) -> Iterator[datetime]:
    """Hold the store's lock, with due steps applied; yields the current time."""
    with host.store.lock:
        now = host.sim.now()
        host.engine.tick(now)
        yield now


def require_known_call(host: Host, call_id: str, book_knows: Callable[[str], bool]) -> None:
    """404 unless the call exists, or ``book_knows`` it (its recordings or transcriptions
    outlive it): how a call's sub-resource lists answer for an unknown call."""
    if call_id not in host.store.calls and not book_knows(call_id):
        raise Problem(404, f"Call {call_id} was not found.")


def account_url(sim: VoiceSimulator) -> str:
    """The account's base URL under ``sim.advertised_url`` (what answers link to)."""
    return f"{sim.advertised_url}/accounts/{quote(sim.account_id, safe='')}"


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
        raise Invalid("Invalid pageToken.") from None
    return moment.replace(microsecond=stamp % 1_000_000), seq


def next_link(url: str, query: Query, key: Tuple[datetime, int]) -> Tuple[str, str]:
    """The ``Link: <...>; rel="next"`` header: the same query, a new ``pageToken``."""
    kept = [(k, v) for k, v in query.pairs if k != "pageToken"]
    kept.append(("pageToken", encode_token(key)))
    return ("Link", f'<{url}?{urlencode(kept)}>; rel="next"')

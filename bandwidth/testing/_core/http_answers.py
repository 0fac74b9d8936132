"""What the simulator's HTTP server writes: answers, their encoding, and unusual shapes.

A service answers a request with a :data:`Response` (status, headers, body),
or a :class:`Shaped` answer: exact bytes, or either written slowly
(:class:`Pace`), for the simulator's faults. :func:`encode_answer` writes a
:data:`Response` as HTTP/1.1.
"""

from __future__ import annotations

import http
import re
import time
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any, List, Optional, Tuple, Union, cast

__all__ = [
    "MAX_BODY_BYTES",
    "NO_BODY",
    "Pace",
    "Response",
    "Shaped",
    "encode_answer",
    "is_decimal",
    "reason",
]

_DECIMAL = re.compile(r"[0-9]+")


def is_decimal(text: str) -> bool:
    """Whether ``text`` is plain ASCII digits: how HTTP and the API write a count (``int()``
    would also take ``+5``, ``1_0``, `` 5`` and other scripts' digits)."""
    return _DECIMAL.fullmatch(text) is not None


#: The largest request body a route takes unless it says more (its ``Route.max_body``):
#: a BXML document is at most 64 KiB; a media upload takes more.
MAX_BODY_BYTES = 1024 * 1024

#: ``(status, headers, body)``: what a service answers one request with.
Response = Tuple[int, List[Tuple[str, str]], bytes]

#: Statuses whose answers carry no body.
NO_BODY = frozenset({204, 304})


@dataclass(frozen=True)
class Pace:
    """Write an answer slowly: ``size`` bytes, then a pause of ``interval`` seconds, and so on.

    With ``head_at_once`` the whole head (up to the blank line) goes first and
    only the body is paced. A server that stops ends the pacing at once.
    """

    size: int
    interval: float
    head_at_once: bool = False


@dataclass(frozen=True)
class Shaped:
    """An answer written unusually: ``answer`` is a :data:`Response`, or exact bytes.

    Exact bytes go out as they are (no ``Date``, no framing added) and the
    connection closes after them, so a body may run to the close. ``pace``,
    if given, writes either slowly.
    """

    answer: Union[Response, bytes]
    pace: Optional[Pace] = None


def reason(status: int) -> str:
    """The reason phrase of ``status``, ``Unknown`` for an unregistered one."""
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


_date_cache: List[Any] = [0, ""]


def _http_date() -> str:
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0] = now
        _date_cache[1] = formatdate(now, usegmt=True)
    return cast(str, _date_cache[1])


def encode_answer(response: Response, method: str, close: bool) -> bytes:
    """The bytes of an answer: status line, ``Date``, headers, framing, and the body
    (none for ``HEAD``, 1xx, 204 and 304); ``close`` adds ``Connection: close``."""
    status, headers, body = response
    lines = [
        f"HTTP/1.1 {status} {reason(status)}",
        "Server: bandwidth-voice-simulator",
        "Date: " + _http_date(),
    ]
    lines.extend(f"{name}: {value}" for name, value in headers)
    if status in NO_BODY or status < 200:
        body = b""
    else:
        lines.append(f"Content-Length: {len(body)}")
    if close:
        lines.append("Connection: close")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
    return head if method == "HEAD" else head + body

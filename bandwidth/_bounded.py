"""Connections whose responses are read within a deadline and a size limit.

urllib3's read timeout bounds each wait for the socket, not the response: a
server that sends one byte every half second holds a call forever, and one
that sends without end fills memory. Here every read of a response (status
line, headers, body, and the bodies urllib3 drains before a retry) goes
through :class:`_BoundedReader`, which

* gives the socket ``min(read timeout, time left)`` before each ``recv``, and
  raises :class:`DeadlineExceeded` (a socket timeout, so urllib3 treats it as
  a read timeout) once the attempt's deadline has passed;
* counts the bytes and raises :class:`ResponseTooLarge` past the limit.

The response object itself (:class:`_CheckedResponse`) refuses a declared
size it could never hold before reading a byte of the body: a
``Content-Length`` or a chunk size over the limit (or past what the
platform can index, ``2**62`` say) is a :class:`ResponseTooLarge`, not the
``MemoryError``/``OverflowError`` the standard library's one-go read raises.

The deadline starts when an attempt starts sending its request, and never
runs past the call's ``not_after`` (the transport sets it once per call, so
every attempt, its connecting and the waits between attempts fit in the
call's deadline). The limits come from
:data:`attempt_limits`, which the transport sets around each ``urlopen`` (a
thread-local: urllib3 gives a connection nothing per request but the
request itself). Nothing here runs a thread or a timer.
"""

from __future__ import annotations

import http.client
import io
import re
import socket
import sys
import threading
import time
from typing import Any, Optional, Tuple

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from bandwidth.exceptions import InvalidResponseException

__all__ = [
    "BoundedHTTPConnectionPool",
    "BoundedHTTPSConnectionPool",
    "DeadlineExceeded",
    "ResponseTooLarge",
    "attempt_limits",
    "declared_length",
]

# At most 19 ASCII digits: anything longer is past any size a response can have
# (and past int()'s 4300-digit guard); "²" and other Unicode digits are not lengths.
_LENGTH = re.compile(r"[0-9]{1,19}")


def declared_length(value: Optional[str]) -> Optional[int]:
    """A ``Content-Length`` value as a number, ``None`` when absent or not a length."""
    if value is None:
        return None
    text = value.strip()
    return int(text) if _LENGTH.fullmatch(text) else None


class DeadlineExceeded(socket.timeout):
    """The attempt's deadline passed while its response was being read."""


class ResponseTooLarge(InvalidResponseException):
    """A response went past ``Configuration.max_response_bytes``; it was not read further."""


class AttemptLimits(threading.local):
    """The limits of the attempts this thread makes; the transport sets them around ``urlopen``.

    ``limits`` is ``(deadline seconds, max bytes, not-after monotonic time)``
    or ``None`` for none.
    """

    limits: Optional[Tuple[Optional[float], Optional[int], Optional[float]]] = None


attempt_limits = AttemptLimits()


class _BoundedReader(io.RawIOBase):
    """The socket, as one response reads it (and what ``http.client`` takes for the socket)."""

    def __init__(self, connection: _BoundedMixin, sock: Any) -> None:
        # (io.RawIOBase needs no __init__ call: its state is set up by __new__.)
        self._sock = sock
        self._connection = connection
        self._deadline_at = connection._deadline_at
        self._left = connection._max_bytes
        self._timeout = sock.gettimeout()  # the read timeout urllib3 just set
        # SocketIO, through makefile: it keeps the socket open while this reads, even
        # after http.client closes the connection of a "Connection: close" answer.
        self._raw = sock.makefile("rb", buffering=0)

    def makefile(self, mode: str) -> io.BufferedReader:
        """What ``http.client.HTTPResponse`` calls on its "socket": this, buffered."""
        return io.BufferedReader(self)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> Optional[int]:
        deadline_at = self._deadline_at
        if deadline_at is not None:
            left = deadline_at - time.monotonic()
            if left <= 0:
                raise DeadlineExceeded("the attempt's deadline passed")
            if self._timeout is None or left < self._timeout:
                self._sock.settimeout(left)  # wait no longer than the time left
                self._timeout = left
                self._connection._timeout_lowered = True
        try:
            count: Optional[int] = self._raw.readinto(buffer)
        except socket.timeout:
            if self._connection._timeout_lowered:  # the wait was cut to the time left
                raise DeadlineExceeded("the attempt's deadline passed") from None
            raise
        if count and self._left is not None:
            self._left -= count
            if self._left < 0:
                raise ResponseTooLarge(
                    None, "the answer is larger than max_response_bytes; it was not read further"
                )
        return count

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _CheckedResponse(http.client.HTTPResponse):
    """``http.client``'s response, refusing a declared size it could never read.

    ``http.client`` reads a ``Content-Length`` body, and each chunk of a
    chunked one, in one ``read(n)`` of the size the server declared: a huge
    ``n`` raises ``MemoryError`` or ``OverflowError`` before any byte
    arrives. Here such a read over the limit (or over ``sys.maxsize``)
    raises :class:`ResponseTooLarge` instead. (Streamed reads go in blocks
    and never come here.)
    """

    _max_bytes: Optional[int] = None
    _declared_over = False

    def begin(self) -> None:
        super().begin()
        limit, length = self._max_bytes, self.length
        # Noted, not raised: a download checks the declared length itself first, with
        # its own message; any read of the body (whole, or in blocks) is refused.
        self._declared_over = limit is not None and length is not None and length > limit

    def _refuse_declared(self) -> None:
        if self._declared_over:
            raise ResponseTooLarge(
                self.status,
                f"the answer declares {self.length} bytes: larger than max_response_bytes "
                f"({self._max_bytes}); it was not read",
            )

    def read(self, amt: Optional[int] = None) -> bytes:
        self._refuse_declared()
        return super().read(amt)

    def readinto(self, b: Any) -> int:
        self._refuse_declared()
        return super().readinto(b)

    def _safe_read(self, amt: int) -> bytes:
        limit = sys.maxsize if self._max_bytes is None else self._max_bytes
        if amt > limit:  # a Content-Length or chunk size http.client would read at once
            raise ResponseTooLarge(
                self.status,
                f"the answer declares {amt} bytes: larger than max_response_bytes "
                f"({limit}); it was not read",
            )
        return super()._safe_read(amt)  # type: ignore[misc, no-any-return]


def _response(
    sock: Any, debuglevel: int, method: Optional[str], max_bytes: Optional[int]
) -> http.client.HTTPResponse:
    response = _CheckedResponse(sock, debuglevel, method=method)
    response._max_bytes = max_bytes
    return response


class _BoundedMixin:
    """Starts each attempt's deadline when it sends; reads its response through the bounds."""

    _deadline_at: Optional[float] = None
    _max_bytes: Optional[int] = None
    _timeout_lowered = False

    def request(self, *args: Any, **kwargs: Any) -> None:
        limits = attempt_limits.limits
        if limits is None:
            self._deadline_at = self._max_bytes = None
        else:
            deadline, self._max_bytes, not_after = limits
            at = None if deadline is None else time.monotonic() + deadline
            if not_after is not None:
                at = not_after if at is None else min(at, not_after)
            self._deadline_at = at
            if at is not None and getattr(self, "sock", None) is None:
                # About to connect: no longer than the call has left.
                left = at - time.monotonic()
                if left <= 0:
                    raise DeadlineExceeded("the call's deadline passed before connecting")
                connection: Any = self  # http.client's connection: its timeout connects
                if not isinstance(connection.timeout, (int, float)) or connection.timeout > left:
                    connection.timeout = left
        if self._timeout_lowered:
            # A previous response cut the socket's timeout to its time left: restore.
            sock = self.sock  # type: ignore[attr-defined]
            if sock is not None:
                sock.settimeout(self.timeout)  # type: ignore[attr-defined]
            self._timeout_lowered = False
        super().request(*args, **kwargs)  # type: ignore[misc]

    def response_class(  # http.client calls self.response_class(sock, [debuglevel,] method=...)
        self, sock: Any, debuglevel: int = 0, method: Optional[str] = None
    ) -> http.client.HTTPResponse:
        if self._deadline_at is None and self._max_bytes is None:
            return _response(sock, debuglevel, method, None)
        reader: Any = _BoundedReader(self, sock)
        response = _response(reader, debuglevel, method, self._max_bytes)
        # One response per request: a later read without a request (a proxy's
        # CONNECT answer on reconnecting) must not inherit this attempt's deadline.
        self._deadline_at = self._max_bytes = None
        return response


class BoundedHTTPConnection(_BoundedMixin, HTTPConnection):  # type: ignore[misc]
    """urllib3's connection, with bounded responses."""


class BoundedHTTPSConnection(_BoundedMixin, HTTPSConnection):  # type: ignore[misc]
    """urllib3's TLS connection, with bounded responses."""


class BoundedHTTPConnectionPool(HTTPConnectionPool):
    """urllib3's pool of bounded connections."""

    ConnectionCls = BoundedHTTPConnection


class BoundedHTTPSConnectionPool(HTTPSConnectionPool):
    """urllib3's pool of bounded TLS connections."""

    ConnectionCls = BoundedHTTPSConnection

"""Reading one request head within bounds: its size, and its time from the first byte.

A socket timeout bounds each read; a client sending a byte just under it
could hold a connection for ever. So the whole head must arrive within the
idle timeout of its first byte, and be at most :data:`MAX_HEAD_BYTES`
(request line and headers); the server answers 408 or 431 otherwise.
"""

from __future__ import annotations

import io
import socket
import time
from typing import Optional

__all__ = ["MAX_HEAD_BYTES", "HeadTooLarge", "read_head"]

#: The largest request head (request line and headers) the simulator reads.
MAX_HEAD_BYTES = 64 * 1024


class HeadTooLarge(Exception):
    """The head is longer than :data:`MAX_HEAD_BYTES` (answered with 431)."""


def _end_of_head(data: bytes, start: int) -> int:
    """Just past the blank line that ends the head in ``data`` (searched from ``start``), or -1."""
    ends = [
        found + len(mark)
        for mark in (b"\r\n\r\n", b"\n\n")
        for found in (data.find(mark, start),)
        if found >= 0
    ]
    return min(ends) if ends else -1


def read_head(
    rfile: io.BufferedReader, sock: socket.socket, idle_timeout: float
) -> Optional[bytes]:
    """The head through its blank line; ``None`` when the client sent none (closed, or idle).

    The first byte may take ``idle_timeout`` (a kept-alive connection waits
    that long between requests); the rest of the head must follow within
    ``idle_timeout`` of it, else ``socket.timeout``. Reads nothing past the head.
    """
    head = b""
    deadline: Optional[float] = None
    try:
        while True:
            if deadline is not None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise socket.timeout("the request head was not received in time")
                sock.settimeout(remaining)
            try:
                chunk = rfile.peek(1)  # what is buffered, else one read from the socket
            except (TimeoutError, socket.timeout):
                if deadline is None:
                    return None  # idle between requests: just close
                raise
            if not chunk:
                return None
            if deadline is None:
                deadline = time.monotonic() + idle_timeout
            data = head + chunk
            end = _end_of_head(data, max(0, len(head) - 3))
            if end >= 0:
                head = data[:end]
                rfile.read(end - (len(data) - len(chunk)))
                return head
            rfile.read(len(chunk))
            head = data
            if len(head) > MAX_HEAD_BYTES:
                raise HeadTooLarge()
    finally:
        if deadline is not None:
            sock.settimeout(idle_timeout)

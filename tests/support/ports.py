"""A loopback port nothing listens on: for a refused connection, or for a server to take next."""

from __future__ import annotations

import socket


def closed_port() -> int:
    """A loopback port nothing listens on now: connections are refused, a server may bind it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

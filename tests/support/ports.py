"""A loopback port nothing listens on: the one fake a refused connection needs."""

from __future__ import annotations

import socket


def closed_port() -> int:
    """A loopback port nothing listens on (connections to it are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

"""A tiny scripted HTTP server for transport faults pytest-httpserver cannot produce.

Each accepted connection takes the next scripted action: answer with given
bytes (optionally after a delay), close before reading the request, or close
after reading it without answering. Requests are counted on the server side.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from typing import List, Optional, Tuple

Action = Tuple[str, float, bytes]


def http_response(status: int, body: bytes = b"", headers: Optional[dict] = None) -> bytes:
    lines = [f"HTTP/1.1 {status} X", f"Content-Length: {len(body)}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class FaultServer:
    """Serve scripted actions, one per connection, on an ephemeral loopback port."""

    def __init__(self) -> None:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(16)
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/api/v2"
        self._script: List[Action] = []
        self._at_once: List[int] = []  # for each scripted drip, in order
        self._lock = threading.Lock()
        self.requests: List[bytes] = []  # request heads that were read
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def respond(
        self, status: int, body: bytes = b"", headers: Optional[dict] = None, *, delay: float = 0.0
    ) -> None:
        self._script.append(("respond", delay, http_response(status, body, headers)))

    def respond_raw(self, payload: bytes, *, delay: float = 0.0) -> None:
        """Answer with exactly these bytes (a head the helpers above cannot write)."""
        self._script.append(("respond", delay, payload))

    def drip(self, payload: bytes, *, every: float, at_once: int = 0) -> None:
        """Answer with ``payload``: its first ``at_once`` bytes, then one byte every ``every`` s."""
        self._script.append(("drip", every, payload))
        self._at_once.append(at_once)

    def drop_before_read(self) -> None:
        self._script.append(("drop_before_read", 0.0, b""))

    def drop_after_read(self) -> None:
        self._script.append(("drop_after_read", 0.0, b""))

    def reset(self) -> None:
        """Forget unused scripted actions."""
        with self._lock:
            self._script.clear()
            self._at_once.clear()

    def _serve(self) -> None:
        self._sock.settimeout(0.1)
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            with self._lock:
                self.connections += 1
                kind, delay, payload = (
                    self._script.pop(0) if self._script else ("respond", 0.0, http_response(500))
                )
            threading.Thread(
                target=self._handle, args=(conn, kind, delay, payload), daemon=True
            ).start()

    def _handle(self, conn: socket.socket, kind: str, delay: float, payload: bytes) -> None:
        with conn:
            if kind == "drop_before_read":
                conn.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )
                return
            conn.settimeout(5)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, _, rest = data.partition(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            while len(rest) < length:
                rest += conn.recv(65536)
            with self._lock:
                self.requests.append(head)
            if kind == "drop_after_read":
                return
            if kind == "drip":
                with self._lock:
                    at_once = self._at_once.pop(0)
                with contextlib.suppress(OSError):
                    conn.sendall(payload[:at_once])
                    for index in range(at_once, len(payload)):
                        conn.sendall(payload[index : index + 1])
                        if self._stop.wait(delay):
                            return
                return
            if delay:
                time.sleep(delay)
            with contextlib.suppress(OSError):
                conn.sendall(payload)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._sock.close()


def closed_port() -> int:
    """A loopback port nothing listens on (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])

"""The simulator's HTTP/1.1 server: sockets, parsing and writing, nothing about the API.

It reads a request head into a plain dict, hands it to a :class:`Service`
(the REST routes, in ``_rest``) and writes what the service answers. The
service decides everything the API means (routes, auth, faults, recording);
this module only knows HTTP. Keep-alive, ``Expect: 100-continue`` and chunked
request bodies are supported.
"""

from __future__ import annotations

import contextlib
import http
import selectors
import socket
import sys
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Set, Tuple, Type, cast

__all__ = ["NO_BODY", "HttpServer", "Response", "Service", "reason"]

#: ``(status, headers, body)``: what a service answers one request with.
Response = Tuple[int, List[Tuple[str, str]], bytes]

#: Statuses whose answers carry no body.
NO_BODY = frozenset({204, 304})


class Service(Protocol):
    """What the HTTP server needs from the application it serves."""

    def accept(self, method: str, target: str, headers: Mapping[str, str]) -> Any:
        """Look at a request head; returns a ticket for :meth:`respond`, or ``None`` to drop.

        ``None`` closes the connection without reading the body or answering.
        """

    def respond(self, ticket: Any, body: bytes, sleep: Callable[[float], bool]) -> Any:
        """Answer a request whose body was read: a :data:`Response`, or ``None`` to drop.

        ``sleep(seconds)`` waits in real time and returns ``True`` if the
        server started stopping meanwhile.
        """

    def error(self, status: int, description: str) -> Response:
        """The answer to a request the server could not read (bad syntax, oversized, ...)."""


def reason(status: int) -> str:
    """The reason phrase of ``status``, ``Unknown`` for an unregistered one."""
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


_MAX_LINE = 65536
_MAX_HEADERS = 100
_date_cache: List[Any] = [0, ""]


def _http_date() -> str:
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0] = now
        _date_cache[1] = formatdate(now, usegmt=True)
    return cast(str, _date_cache[1])


class HttpServer:
    """Serves one :class:`Service` on ``host:port`` from a daemon thread (a thread per connection).

    ``start()`` binds (port 0 picks a free one) and ``stop()`` closes the
    listening socket and every open connection, waking any waiting handler.
    """

    def __init__(self, service: Service, host: str, port: int) -> None:
        self.service = service
        self.host = host
        self.requested_port = port
        self.port = port
        self.stopping = threading.Event()
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None
        self._connections: Set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        self._wake_r: Optional[socket.socket] = None
        self._wake_w: Optional[socket.socket] = None

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._server is not None

    def start(self) -> int:
        """Bind and start serving; returns the bound port."""
        if self._server is not None:
            raise RuntimeError("the simulator is already running")
        server_class: Type[_Server] = _Server6 if ":" in self.host else _Server
        server = server_class((self.host, self.requested_port), _Handler)
        server.owner = self
        self.port = server.server_address[1]
        self.stopping.clear()
        self._server = server
        self._wake_r, self._wake_w = socket.socketpair()
        self._thread = threading.Thread(
            target=self._serve_forever, name=f"VoiceSimulator:{self.port}", daemon=True
        )
        self._thread.start()
        return self.port

    def _serve_forever(self) -> None:
        # Like socketserver's serve_forever, but woken at once by stop() instead
        # of polling, so stopping a simulator costs no poll interval.
        server, wake = self._server, self._wake_r
        assert server is not None and wake is not None
        with selectors.DefaultSelector() as selector:
            selector.register(server.socket, selectors.EVENT_READ)
            selector.register(wake, selectors.EVENT_READ)
            while not self.stopping.is_set():
                for key, _ in selector.select():
                    if key.fileobj is wake or self.stopping.is_set():
                        return
                    server._handle_request_noblock()  # type: ignore[attr-defined]

    def stop(self) -> None:
        """Stop serving and close every open connection; safe to call twice."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self.stopping.set()
        assert self._wake_r is not None and self._wake_w is not None
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")
        if thread is not None:
            thread.join(timeout=5)
        server.server_close()
        self._wake_r.close()
        self._wake_w.close()
        with self._connections_lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        self._server = None
        self._thread = None

    def _opened(self, conn: socket.socket) -> None:
        with self._connections_lock:
            self._connections.add(conn)

    def _closed(self, conn: socket.socket) -> None:
        with self._connections_lock:
            self._connections.discard(conn)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    owner: HttpServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that went away; a real bug still prints."""
        error = sys.exc_info()[1]
        if not isinstance(error, (ConnectionError, TimeoutError, socket.timeout)):
            super().handle_error(request, client_address)


class _Server6(_Server):
    address_family = socket.AF_INET6


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server_version = "bandwidth-voice-simulator"

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: tests read ``sim.requests`` instead."""

    @property
    def _owner(self) -> HttpServer:
        return cast(_Server, self.server).owner

    def setup(self) -> None:
        super().setup()
        self._owner._opened(self.connection)

    def finish(self) -> None:
        self._owner._closed(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def handle_one_request(self) -> None:
        """Read one request and answer it.

        Replaces the stdlib's version, whose ``email``-based header parsing
        was over half of the per-request cost: this one reads the request
        line and headers into a plain dict with lower-cased names.
        """
        try:
            line = self.rfile.readline(_MAX_LINE + 1)
            if not line:
                self.close_connection = True
                return
            parts = line.decode("latin-1").split()
            if len(line) > _MAX_LINE or len(parts) != 3 or not parts[2].startswith("HTTP/"):
                self._reject(400, "Malformed request line.")
                return
            method, target, version = parts
            headers: Dict[str, str] = {}
            for _ in range(_MAX_HEADERS):
                raw = self.rfile.readline(_MAX_LINE + 1)
                if raw in (b"\r\n", b"\n", b""):
                    break
                name, colon, value = raw.decode("latin-1").partition(":")
                if not colon or len(raw) > _MAX_LINE:
                    self._reject(400, "Malformed request header.")
                    return
                key = name.strip().lower()
                value = value.strip()
                headers[key] = f"{headers[key]}, {value}" if key in headers else value
            else:
                self._reject(431, "Too many request headers.")
                return
        except (TimeoutError, socket.timeout):
            self.close_connection = True
            return
        self.command, self.path, self.request_version = method, target, version
        self.raw_requestline = line
        connection = headers.get("connection", "").lower()
        if version == "HTTP/1.1":
            self.close_connection = "close" in connection
        else:
            self.close_connection = "keep-alive" not in connection
        if headers.get("expect", "").lower() == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self._serve(method, target, headers)

    def _reject(self, status: int, description: str) -> None:
        self.close_connection = True
        self._write(self._owner.service.error(status, description), "GET")

    def _serve(self, method: str, target: str, headers: Dict[str, str]) -> None:
        owner = self._owner
        service = owner.service
        ticket = service.accept(method, target, headers)
        if ticket is None:
            self._drop()
            return
        try:
            body = self._read_body(headers)
        except ValueError as exc:
            self.close_connection = True
            self._write(service.error(400, f"Unreadable request body: {exc}."), method)
            return
        response = service.respond(ticket, body, owner.stopping.wait)
        if response is None:
            self._drop()
            return
        self._write(response, method)

    def _read_body(self, headers: Mapping[str, str]) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            chunks: List[bytes] = []
            while True:
                size_line = self.rfile.readline(1024)
                size = int(size_line.split(b";", 1)[0].strip() or b"x", 16)
                if size == 0:
                    while self.rfile.readline(1024).strip():  # trailers
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline(8)
        length_text = headers.get("content-length")
        if length_text is None:
            return b""
        length = int(length_text)
        if length < 0:
            raise ValueError("negative Content-Length")
        body = self.rfile.read(length)
        if len(body) != length:
            raise ValueError("the body is shorter than its Content-Length")
        return body

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _write(self, response: Response, method: str) -> None:
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
        if self.close_connection:
            lines.append("Connection: close")
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        try:
            self.wfile.write(head if method == "HEAD" else head + body)
        except OSError:
            self.close_connection = True

"""The simulator's HTTP/1.1 server: sockets, parsing and writing, nothing about the API.

It reads a request head into a plain dict, hands it to a :class:`Service`
(the REST service, :mod:`.rest_service`) and writes what the service answers
(:mod:`.http_answers` encodes it). The
service decides everything the API means (routes, auth, faults, recording);
this module only knows HTTP. Keep-alive, ``Expect: 100-continue`` and chunked
request bodies are supported. An answer may also be exact bytes (a head no
well-behaved server writes; the connection closes after them) and may be
written slowly (:class:`Pace`), for the simulator's faults.

Everything a client controls is bounded: a request head is at most 64 KiB
and 100 headers and must arrive within the idle timeout of its first byte
(``_head``), a body at most its route's limit (:data:`MAX_BODY_BYTES` by default;
checked from ``Content-Length`` or the chunk sizes before anything is read), every socket
wait at most the idle timeout, and at most :data:`MAX_CONNECTIONS` connections
are open at once (one more is answered 503 and closed).
Framing that is not exactly HTTP (``Content-Length: 1_0``, a chunk size of
``-5``) gets a 400, an oversized body a 413, a stalled request a 408, and the
connection is closed after each of them.
"""

from __future__ import annotations

import contextlib
import itertools
import re
import selectors
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import (
    Any,
    Callable,
    Dict,
    List,
    Mapping,
    Optional,
    Protocol,
    Set,
    Type,
    cast,
)

from bandwidth.testing._core.http_answers import (
    MAX_BODY_BYTES,
    Pace,
    Response,
    Shaped,
    encode_answer,
    is_decimal,
    reason,
)
from bandwidth.testing._core.request_heads import MAX_HEAD_BYTES, HeadTooLarge, read_head

__all__ = ["MAX_BODY_BYTES", "MAX_CONNECTIONS", "HttpServer", "Service"]

#: Open connections at most, by default (kept-alive client pools count): more get a 503.
MAX_CONNECTIONS = 128


class Service(Protocol):
    """What the HTTP server needs from the application it serves."""

    def accept(self, method: str, target: str, headers: Mapping[str, str], connection: int) -> Any:
        """Look at a request head; returns a ticket for :meth:`respond`, or ``None`` to drop.

        ``connection`` numbers the connection the request came on (1 for the
        server's first). ``None`` closes the connection without reading the
        body or answering.
        """

    def respond(self, ticket: Any, body: bytes, sleep: Callable[[float], bool]) -> Any:
        """Answer a request whose body was read: a :data:`Response`, a :class:`Shaped`
        answer, or ``None`` to drop.

        ``sleep(seconds)`` waits in real time and returns ``True`` if the
        server started stopping meanwhile.
        """

    def body_limit(self, ticket: Any) -> int:
        """The largest body the accepted request may carry, in bytes."""

    def refuse(self, ticket: Any, status: int, description: str) -> Response:
        """The answer to an accepted request whose body is refused (oversized, incomplete)."""

    def error(self, status: int, description: str) -> Response:
        """The answer to a request the server could not read (bad syntax, oversized, ...)."""


_MAX_HEADERS = 100
_HEX = re.compile(rb"[0-9A-Fa-f]+")
#: After an error answer: how long and how much unread input is drained before closing.
_LINGER_SECONDS = 2.0
_LINGER_QUIET = 0.1
_LINGER_BYTES = 16 * MAX_BODY_BYTES
_TOO_LARGE = "The request body is larger than {} bytes."
_INCOMPLETE = "Incomplete request body: the connection ended early."


class _Unreadable(Exception):
    """A request body the server will not (or cannot) read, and the answer to give."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _framing(headers: Mapping[str, str]) -> Optional[int]:
    """The body's length from the head (``None``: chunked); checked against its route's
    limit once the service has accepted the head, still before anything is read."""
    coding = headers.get("transfer-encoding")
    if coding is not None:
        if coding.strip().lower() != "chunked":
            raise _Unreadable(501, f"Transfer-Encoding {coding} is not supported.")
        return None
    text = headers.get("content-length")
    if text is None:
        return 0
    if not is_decimal(text):
        raise _Unreadable(400, "Invalid Content-Length: must be a decimal number of bytes.")
    if len(text) > 12:  # no route takes a body of a trillion bytes
        raise _Unreadable(413, _TOO_LARGE.format(MAX_BODY_BYTES))
    return int(text)


class HttpServer:
    """Serves one :class:`Service` on ``host:port`` from a daemon thread (a thread per connection).

    ``start()`` binds (port 0 picks a free one) and ``stop()`` closes the
    listening socket and every open connection, waking any waiting handler.
    """

    def __init__(
        self,
        service: Service,
        host: str,
        port: int,
        idle_timeout: float,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        self.service = service
        self.idle_timeout = idle_timeout
        #: open connections at most; one more is answered 503 and closed
        self.max_connections = max_connections
        self._open = 0
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
        self._numbers = itertools.count(1)  # next() is atomic: connections number themselves

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

    def verify_request(self, request: Any, client_address: Any) -> bool:
        """Take the connection while fewer than ``max_connections`` are open, else answer 503."""
        owner = self.owner
        with owner._connections_lock:
            if owner._open < owner.max_connections:
                owner._open += 1
                return True
        status, headers, body = owner.service.error(
            503, f"Too many connections: the simulator serves at most {owner.max_connections}."
        )
        head = f"HTTP/1.1 {status} {reason(status)}\r\nConnection: close\r\n"
        head += "".join(f"{k}: {v}\r\n" for k, v in headers if k.lower() != "content-length")
        head += f"Content-Length: {len(body)}\r\n\r\n"
        with contextlib.suppress(OSError):
            request.setblocking(False)  # never wait on a client we refuse
            request.send(head.encode("latin-1") + body)
        return False

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            owner = self.owner
            with owner._connections_lock:
                owner._open -= 1

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
        owner = self._owner
        self.connection.settimeout(owner.idle_timeout)  # every read and write
        self.number = next(owner._numbers)
        owner._opened(self.connection)

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
        owner = self._owner
        try:
            head = read_head(cast(Any, self.rfile), self.connection, owner.idle_timeout)
        except HeadTooLarge:
            self._reject(431, f"The request head is larger than {MAX_HEAD_BYTES} bytes.")
            return
        except (TimeoutError, socket.timeout):
            self._reject(408, "The request was not received in time.")
            return
        if head is None:
            self.close_connection = True
            return
        lines = iter(head.splitlines(keepends=True))
        line = next(lines)
        parts = line.decode("latin-1").split()
        if len(parts) != 3 or not parts[2].startswith("HTTP/"):
            self._reject(400, "Malformed request line.")
            return
        method, target, version = parts
        headers: Dict[str, str] = {}
        for _ in range(_MAX_HEADERS):
            raw = next(lines, b"")
            if raw in (b"\r\n", b"\n", b""):
                break
            name, colon, value = raw.decode("latin-1").partition(":")
            if not colon:
                self._reject(400, "Malformed request header.")
                return
            key = name.strip().lower()
            value = value.strip()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        else:
            self._reject(431, "Too many request headers.")
            return
        self.command, self.path, self.request_version = method, target, version
        self.raw_requestline = line
        connection = headers.get("connection", "").lower()
        if version == "HTTP/1.1":
            self.close_connection = "close" in connection
        else:
            self.close_connection = "keep-alive" not in connection
        try:
            length = _framing(headers)
        except _Unreadable as exc:
            self._reject(exc.status, exc.description, method)
            return
        self._serve(method, target, headers, length)

    def _reject(
        self, status: int, description: str, method: str = "GET", ticket: Any = None
    ) -> None:
        """Answer an error and close; an accepted request's error is its route's (``refuse``)."""
        self.close_connection = True
        service = self._owner.service
        if ticket is None:
            self._write(service.error(status, description), method)
        else:
            self._write(service.refuse(ticket, status, description), method)
        self._linger()

    def _linger(self) -> None:
        """Close gracefully after an answer that left the request unread.

        Closing a socket with unread input makes the kernel send a reset,
        which can destroy the answer before the client reads it. So: say we
        are done writing, then read and drop what the client is still sending
        until it stops (EOF, or nothing for a moment), within bounds.
        """
        sock = self.connection
        deadline = time.monotonic() + _LINGER_SECONDS
        try:
            sock.shutdown(socket.SHUT_WR)
            sock.settimeout(_LINGER_QUIET)
            drained = 0
            while drained < _LINGER_BYTES and time.monotonic() < deadline:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                drained += len(chunk)
        except OSError:  # timeouts included: the client went quiet
            return

    def _serve(
        self, method: str, target: str, headers: Dict[str, str], length: Optional[int]
    ) -> None:
        owner = self._owner
        service = owner.service
        try:
            ticket = service.accept(method, target, headers, self.number)
            if ticket is None:
                self._drop()
                return
            limit = service.body_limit(ticket)
            if length is not None and length > limit:
                self._reject(413, _TOO_LARGE.format(limit), method, ticket)
                return
            if headers.get("expect", "").lower() == "100-continue":
                self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
            try:
                body = self._read_chunked(limit) if length is None else self._read_exactly(length)
            except _Unreadable as exc:
                self._reject(exc.status, exc.description, method, ticket)
                return
            except (TimeoutError, socket.timeout):
                self._reject(408, "The request was not received in time.", method, ticket)
                return
            response = service.respond(ticket, body, owner.stopping.wait)
        except (ConnectionError, TimeoutError, socket.timeout):
            raise
        except Exception as exc:  # a simulator bug: answer it rather than drop the client
            self._reject(500, f"The simulator failed on this request ({type(exc).__name__}).")
            return
        if response is None:
            self._drop()
            return
        if not isinstance(response, Shaped):
            self._write(response, method)
            return
        answer = response.answer
        if isinstance(answer, bytes):
            self.close_connection = True
            self._send(answer, response.pace)
        else:
            self._send(self._encode(answer, method), response.pace)

    def _read_exactly(self, length: int) -> bytes:
        body = self.rfile.read(length) if length else b""
        if len(body) != length:
            raise _Unreadable(400, _INCOMPLETE)
        return body

    def _read_chunked(self, limit: int) -> bytes:
        chunks: List[bytes] = []
        total = 0
        while True:
            line = self.rfile.readline(1024)
            if not line:
                raise _Unreadable(400, _INCOMPLETE)
            size_text = line.split(b";", 1)[0].strip()
            if not line.endswith(b"\n") or not _HEX.fullmatch(size_text):
                raise _Unreadable(400, "Invalid chunk size: must be hexadecimal.")
            if len(size_text) > 8 or int(size_text, 16) > limit - total:
                raise _Unreadable(413, _TOO_LARGE.format(limit))
            size = int(size_text, 16)
            if size == 0:
                self._skip_trailers()
                return b"".join(chunks)
            chunk = self.rfile.read(size)
            if len(chunk) != size:
                raise _Unreadable(400, _INCOMPLETE)
            ending = self.rfile.read(2)
            if len(ending) != 2:
                raise _Unreadable(400, _INCOMPLETE)
            if ending != b"\r\n":
                raise _Unreadable(400, "Invalid chunk: its data must end with CRLF.")
            chunks.append(chunk)
            total += size

    def _skip_trailers(self) -> None:
        for _ in range(_MAX_HEADERS):
            line = self.rfile.readline(MAX_HEAD_BYTES + 1)
            if not line:
                raise _Unreadable(400, _INCOMPLETE)
            if line in (b"\r\n", b"\n"):
                return
        raise _Unreadable(400, "Too many trailer fields after the chunked body.")

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _write(self, response: Response, method: str) -> None:
        self._send(self._encode(response, method))

    def _encode(self, response: Response, method: str) -> bytes:
        return encode_answer(response, method, bool(self.close_connection))

    def _send(self, data: bytes, pace: Optional[Pace] = None) -> None:
        """Write ``data``: at once, or in ``pace``'s pieces with its pauses between them."""
        try:
            if pace is None:
                self.wfile.write(data)
                return
            start = 0
            if pace.head_at_once:
                end = data.find(b"\r\n\r\n")
                start = len(data) if end < 0 else end + 4
                self.wfile.write(data[:start])
            stopping = self._owner.stopping
            for offset in range(start, len(data), pace.size):
                if offset and stopping.wait(pace.interval):
                    self.close_connection = True  # the server is stopping: leave it unfinished
                    return
                self.wfile.write(data[offset : offset + pace.size])
        except OSError:
            self.close_connection = True

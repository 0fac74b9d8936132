"""A fast loopback Voice API for the benchmark: canned responses over HTTP/1.1 keep-alive.

Run ``python bench/server.py`` (stdlib only, Python >= 3.9): it binds
127.0.0.1 on a free port, prints ``PORT <n>`` on stdout and serves until its
stdin closes or ``--max-seconds`` pass (so it never outlives the benchmark).

Every response is pre-built bytes; the only work per request is finding the
end of the headers, a few checks that the client sent what the real API
needs (Basic auth, the right Content-Type, a create_call body with the
required fields, ``{"state": "completed"}`` for update_call), and one
``transport.write``. Routes:

* ``POST /accounts/{a}/calls``            201 + the create_call response
* ``GET  /accounts/{a}/calls/{c}``        200 + a call state
* ``POST /accounts/{a}/calls/{c}``        200, empty (update_call)
* ``PUT  /accounts/{a}/calls/{c}/bxml``   204 (update_call_bxml)
* ``GET  /accounts/{a}/calls?pageSize=N`` 200 + an array of N call states
* ``GET  /accounts/{a}/conferences/{id}``, ``.../calls/{c}/recordings/{r}``,
  ``.../calls/{c}/transcriptions/{t}``, ``/accounts/{a}/statistics``: 200 + one document
* ``GET  /accounts/{a}/calls/{c}/recordings/r-media-N/media``: 200 + N bytes of media
* ``POST /users/{a}/messages``            202 + the create_message response
* ``GET  /users/{a}/messages?...``        200 + a list_messages page (``limit`` messages)
* ``GET  /__bench/stats``                 connection/request counters and server CPU time

Anything else gets 404; a request that fails a check gets 400/401 (the
workers count those as errors).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import threading
import time
from typing import Dict, List, Optional, Tuple
from urllib.parse import parse_qs

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import _common


def _response(status: str, body: bytes = b"", extra: str = "", ctype: str = "") -> bytes:
    head = f"HTTP/1.1 {status}\r\n"
    if ctype:
        head += f"Content-Type: {ctype}\r\n"
    head += f"Content-Length: {len(body)}\r\n{extra}\r\n"
    return head.encode("latin-1") + body


def _json(status: str, value: object, extra: str = "") -> bytes:
    body = json.dumps(value, separators=(",", ":")).encode()
    return _response(status, body, extra, "application/json")


def _error(status: str, message: str) -> bytes:
    return _json(status, {"type": "validation", "description": message})


_PREFIX = f"/accounts/{_common.ACCOUNT}/calls".encode()
_CREATED = _json(
    "201 Created",
    _common.CREATE_CALL_RESPONSE,
    f"Location: https://voice.bandwidth.com/api/v2/accounts/{_common.ACCOUNT}/calls/"
    f"{_common.CALL_ID}\r\n",
)
_CALL_STATE = _json("200 OK", _common.CALL_STATE)
_UPDATED = _response("200 OK")
_NO_CONTENT = b"HTTP/1.1 204 No Content\r\n\r\n"
_ACCOUNT = f"/accounts/{_common.ACCOUNT}"
_CALL = f"{_ACCOUNT}/calls/{_common.CALL_ID}"
#: the other API classes' representative reads: path -> the canned answer
_DOCUMENTS = {
    f"{_ACCOUNT}/conferences/{_common.CONFERENCE_ID}".encode(): _json("200 OK", _common.CONFERENCE),
    f"{_CALL}/recordings/{_common.RECORDING_ID}".encode(): _json("200 OK", _common.CALL_RECORDING),
    f"{_CALL}/transcriptions/{_common.TRANSCRIPTION_ID}".encode(): _json(
        "200 OK", _common.CALL_TRANSCRIPTION
    ),
    f"{_ACCOUNT}/statistics".encode(): _json("200 OK", _common.STATISTICS),
}
_MEDIA_PREFIX = f"{_CALL}/recordings/r-media-".encode()
_MEDIA: Dict[int, bytes] = {}


def media(size: int) -> bytes:
    """A media answer of ``size`` bytes (at most 1 GiB), built once per size."""
    response = _MEDIA.get(size)
    if response is None:
        block = _common.MEDIA_BLOCK
        body = block * (size // len(block)) + block[: size % len(block)]
        response = _MEDIA[size] = _response("200 OK", body, "", "audio/vnd.wave")
    return response


_MESSAGES = f"/users/{_common.ACCOUNT}/messages".encode()
_MESSAGE_ACCEPTED = _json("202 Accepted", _common.MESSAGE_RESPONSE)
_MESSAGES_PAGE = _json("200 OK", _common.messages_list())


def messages(method: bytes, lower: bytes, query: bytes, body: bytes) -> bytes:
    """The Messages API's two routes: create_message and list_messages."""
    if method == b"POST":
        if b"\r\ncontent-type: application/json" not in lower:
            return _error("415 Unsupported Media Type", "create_message needs JSON")
        try:
            sent = json.loads(body)
        except ValueError:
            return _error("400 Bad Request", "create_message body is not JSON")
        required = _common.CREATE_MESSAGE_REQUIRED
        if not isinstance(sent, dict) or any(k not in sent for k in required):
            return _error("400 Bad Request", "create_message body lacks a required field")
        return _MESSAGE_ACCEPTED
    if method == b"GET":
        limit = parse_qs(query.decode()).get("limit", [""])[0]
        if limit != str(_common.MESSAGES_PAGE):
            return _error("400 Bad Request", f"expected limit={_common.MESSAGES_PAGE}")
        return _MESSAGES_PAGE
    return _NOT_FOUND


_NOT_FOUND = _json("404 Not Found", {"type": "not-found", "description": "no such route"})
_UNAUTHORIZED = _json("401 Unauthorized", {"type": "auth", "description": "Basic auth needed"})


class Pages:
    """``list_calls`` responses by page size: the item bytes are built once, pages on demand."""

    def __init__(self, sizes: Tuple[int, ...]) -> None:
        largest = max(sizes)
        self._items: List[bytes] = [
            json.dumps(item, separators=(",", ":")).encode()
            for item in _common.call_states(largest)
        ]
        self._cache: Dict[int, bytes] = {}
        for size in sizes:
            self.get(size)

    def get(self, size: int) -> Optional[bytes]:
        response = self._cache.get(size)
        if response is None:
            if not 1 <= size <= len(self._items):
                return None
            body = b"[" + b",".join(self._items[:size]) + b"]"
            response = self._cache[size] = _response("200 OK", body, "", "application/json")
        return response


class Stats:
    connections = 0
    open = 0
    requests = 0


def route(head: bytes, lower: bytes, body: bytes, pages: Pages) -> bytes:
    line_end = head.find(b"\r\n")
    method, target, _ = head[:line_end].split(b" ", 2)
    if target.startswith(b"/__bench/stats"):
        return _json(
            "200 OK",
            {
                "connections": Stats.connections,
                "open": Stats.open,
                "requests": Stats.requests,
                "cpu": time.process_time(),
            },
        )
    if b"\r\nauthorization: basic " not in lower:
        return _UNAUTHORIZED
    path, _, query = target.partition(b"?")
    if path == _MESSAGES:
        return messages(method, lower, query, body)
    if method == b"GET":
        document = _DOCUMENTS.get(path)
        if document is not None:
            return document
        if path.startswith(_MEDIA_PREFIX) and path.endswith(b"/media"):
            size = path[len(_MEDIA_PREFIX) : -len(b"/media")]
            if size.isdigit() and int(size) <= 1 << 30:
                return media(int(size))
    if not path.startswith(_PREFIX):
        return _NOT_FOUND
    rest = path[len(_PREFIX) :]
    if rest in (b"", b"/"):
        if method == b"GET":
            size = parse_qs(query.decode()).get("pageSize", ["1000"])[0]
            page = pages.get(int(size)) if size.isdigit() else None
            return page if page is not None else _error("400 Bad Request", "bad pageSize")
        if method == b"POST":
            if b"\r\ncontent-type: application/json" not in lower:
                return _error("415 Unsupported Media Type", "create_call needs JSON")
            try:
                sent = json.loads(body)
            except ValueError:
                return _error("400 Bad Request", "create_call body is not JSON")
            required = _common.CREATE_CALL_REQUIRED
            if not isinstance(sent, dict) or any(k not in sent for k in required):
                return _error("400 Bad Request", "create_call body lacks a required field")
            return _CREATED
        return _NOT_FOUND
    if rest.endswith(b"/bxml"):
        if method != b"PUT":
            return _NOT_FOUND
        if b"\r\ncontent-type: application/xml" not in lower or not body.startswith(b"<"):
            return _error("415 Unsupported Media Type", "update_call_bxml needs XML")
        return _NO_CONTENT
    if method == b"GET":
        return _CALL_STATE
    if method == b"POST":
        if b"\r\ncontent-type: application/json" not in lower:
            return _error("415 Unsupported Media Type", "update_call needs JSON")
        try:
            sent = json.loads(body)
        except ValueError:
            sent = None
        ok = isinstance(sent, dict) and sent.get("state") == "completed"
        return _UPDATED if ok else _error("400 Bad Request", "expected state 'completed'")
    return _NOT_FOUND


class HttpProtocol(asyncio.Protocol):
    """HTTP/1.1 keep-alive; pipelined requests are answered in order."""

    def __init__(self, pages: Pages) -> None:
        self.pages = pages
        self.buffer = b""
        self.transport: Optional[asyncio.Transport] = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        Stats.connections += 1
        Stats.open += 1

    def connection_lost(self, exc: Optional[Exception]) -> None:
        Stats.open -= 1

    def data_received(self, data: bytes) -> None:
        buffer = self.buffer + data if self.buffer else data
        transport = self.transport
        assert transport is not None
        while True:
            end = buffer.find(b"\r\n\r\n")
            if end < 0:
                break
            head = buffer[: end + 2]
            lower = head.lower()
            length = 0
            at = lower.find(b"\r\ncontent-length:")
            if at >= 0:
                length = int(lower[at + 17 : lower.find(b"\r\n", at + 2)])
            total = end + 4 + length
            if len(buffer) < total:
                break
            body = buffer[end + 4 : total]
            buffer = buffer[total:]
            Stats.requests += 1
            try:
                response = route(head, lower, body, self.pages)
            except Exception as exc:  # a bench server bug must show, not hang a client
                response = _error("500 Internal Server Error", repr(exc))
            transport.write(response)
            if b"\r\nconnection: close" in lower:
                transport.close()
                break
        self.buffer = buffer


async def serve(port: int, max_seconds: float) -> None:
    loop = asyncio.get_running_loop()
    pages = Pages(_common.PAGE_SIZES)
    server = await loop.create_server(
        lambda: HttpProtocol(pages), "127.0.0.1", port, backlog=256, reuse_address=True
    )
    bound = server.sockets[0].getsockname()[1]
    sys.stdout.write(f"PORT {bound}\n")
    sys.stdout.flush()
    done = loop.create_future()

    def stdin_closed() -> None:
        if not done.done():
            done.set_result(None)

    def watch_stdin() -> None:
        try:
            sys.stdin.buffer.read()  # returns at EOF: the parent has gone
        finally:
            with contextlib.suppress(RuntimeError):  # the loop may have closed already
                loop.call_soon_threadsafe(stdin_closed)

    if not sys.stdin.isatty():
        threading.Thread(target=watch_stdin, name="stdin-watch", daemon=True).start()
    loop.call_later(max_seconds, stdin_closed)
    await done
    server.close()  # open keep-alive connections close with the loop


def main(argv: Optional[List[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--max-seconds", type=float, default=3600.0)
    args = parser.parse_args(argv)
    asyncio.run(serve(args.port, args.max_seconds))


if __name__ == "__main__":
    main()

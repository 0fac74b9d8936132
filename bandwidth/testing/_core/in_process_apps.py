"""In-process delivery: call a WSGI or ASGI app directly, with no socket, server or tunnel.

The webhook URL's path and query reach the app (``PATH_INFO``/``path``); its
host becomes the ``Host`` header, so URL building in the app still works.

* WSGI (Flask, Django, any ``app(environ, start_response)``) is called in the
  caller's thread with a standard environ, as WSGI test clients do.
* ASGI (FastAPI, Starlette, Django's ASGI handler, any ``async app(scope,
  receive, send)``) runs on an event loop the simulator owns, in its own
  thread. So a test that itself runs inside an event loop (``pytest-asyncio``,
  ``anyio``) can drive the simulator: the app never needs the caller's loop.
  The app's lifespan (startup and shutdown handlers) runs when the simulator
  starts and stops, when the app supports it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import inspect
import io
import sys
import threading
from typing import (
    Any,
    Awaitable,
    Callable,
    Coroutine,
    Dict,
    List,
    Mapping,
    Optional,
    Tuple,
    TypeVar,
)
from urllib.parse import unquote

from bandwidth.testing._core.deadlines import Deadline, timed_out
from bandwidth.testing._core.webhooks import (
    MAX_REPLY_BYTES,
    AppRequest,
    DeliveryError,
    Reply,
    RequestByRequest,
)

__all__ = ["AsgiTransport", "WsgiTransport", "is_asgi", "transport_for"]

_R = TypeVar("_R")

#: How long the simulator waits for an ASGI app's startup or shutdown (real seconds).
LIFESPAN_TIMEOUT = 30.0


def is_asgi(app: Any) -> bool:
    """Whether ``app`` is an ASGI application (else it is taken for WSGI).

    An ``async def`` function, an object whose ``__call__`` is ``async def``
    (FastAPI, Starlette, Django's ``ASGIHandler``), a ``functools.partial`` of
    either, or a callable taking exactly ``(scope, receive, send)``.
    """
    target = app
    while isinstance(target, functools.partial):
        target = target.func
    if inspect.iscoroutinefunction(target):
        return True
    call = getattr(target, "__call__", None)  # noqa: B004 - an instance's method, not callable()
    if call is not None and inspect.iscoroutinefunction(call):
        return True
    if getattr(target, "_asgi_single_callable", False) or getattr(
        target, "_asgi_double_callable", False
    ):
        return True
    try:
        parameters = [
            p
            for p in inspect.signature(app).parameters.values()
            if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.default is p.empty
        ]
    except (TypeError, ValueError):
        return False
    return len(parameters) == 3


def transport_for(app: Any) -> Any:
    """The transport that delivers to ``app`` in-process."""
    if not callable(app):
        raise TypeError(f"app must be a WSGI or ASGI callable, not {type(app).__name__}")
    return AsgiTransport(app) if is_asgi(app) else WsgiTransport(app)


def _app_failed(exc: BaseException) -> DeliveryError:
    error = DeliveryError(f"the app raised {type(exc).__name__}: {exc}")
    error.__cause__ = exc  # the app's traceback travels with it
    return error


def _status_code(status: str) -> int:
    try:
        return int(status.split(None, 1)[0])
    except (ValueError, IndexError):
        raise DeliveryError(f"the app sent an invalid status line {status!r}") from None


class WsgiTransport(RequestByRequest):
    """Calls a WSGI app with a standard environ (PEP 3333), in the caller's thread.

    As WSGI test clients do (Flask's, Django's): no thread hand-off per
    webhook. What the simulator controls is bounded by the ``callbackTimeout``
    (the body iterable is pulled only until it, ``write()`` is kept up to the
    BXML limit), and an answer that comes after it counts as timed out: its
    BXML is not used. A handler that never returns holds its caller, as it
    would under a test client.
    """

    def __init__(self, app: Callable[..., Any]) -> None:
        self.app = app

    def start(self) -> None:
        """Nothing to start for WSGI."""

    def stop(self) -> None:
        """Nothing to stop for WSGI."""

    def send(self, request: AppRequest) -> Reply:
        """Run the app on one request and collect its answer in time."""
        deadline = Deadline(request.timeout)
        reply = self._exchange(request, deadline)
        if reply is None or deadline.passed():
            raise DeliveryError(timed_out(request.url.text))
        return reply

    def _exchange(self, request: AppRequest, deadline: Deadline) -> Optional[Reply]:
        method, parts, headers, body = request.method, request.url, request.headers, request.body
        port = parts.default_port
        environ: Dict[str, Any] = {
            "REQUEST_METHOD": method,
            "SCRIPT_NAME": "",
            "PATH_INFO": unquote(parts.path or "/", "latin-1"),
            "QUERY_STRING": parts.query,
            "SERVER_NAME": parts.host,
            "SERVER_PORT": str(port),
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": parts.netloc,
            "CONTENT_LENGTH": str(len(body)),
            "wsgi.version": (1, 0),
            "wsgi.url_scheme": parts.scheme,
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": True,
            "wsgi.multiprocess": False,
            "wsgi.run_once": False,
        }
        for name, value in headers.items():
            key = name.upper().replace("-", "_")
            if key == "CONTENT_TYPE":
                environ["CONTENT_TYPE"] = value
            else:
                environ["HTTP_" + key] = value
        started: List[Any] = []
        written: List[bytes] = []
        size = [0]

        def write(chunk: bytes) -> None:  # kept up to MAX_REPLY_BYTES, the rest dropped
            if size[0] < MAX_REPLY_BYTES:
                written.append(bytes(chunk[: MAX_REPLY_BYTES - size[0]]))
                size[0] += len(written[-1])

        def start_response(
            status: str, response_headers: List[Tuple[str, str]], exc_info: Any = None
        ) -> Callable[[bytes], None]:
            if exc_info is not None and started and started[0] is not None:
                raise exc_info[1].with_traceback(exc_info[2])
            started[:] = [status, response_headers]
            return write

        try:
            result = self.app(environ, start_response)
            try:
                for chunk in result:
                    write(chunk)
                    if size[0] >= MAX_REPLY_BYTES:
                        break  # too long to be BXML: the rest is not read
                    if deadline.passed():
                        return None  # an endless body: the caller times out
            finally:
                close = getattr(result, "close", None)
                if close is not None:
                    close()
        except Exception as exc:
            raise _app_failed(exc) from exc
        if not started:
            raise DeliveryError("the app returned without calling start_response")
        status_line, response_headers = started
        reply_headers = {name.lower(): value for name, value in response_headers}
        return Reply(_status_code(status_line), reply_headers, b"".join(written))


class AsgiTransport(RequestByRequest):
    """Runs an ASGI 3 app on a private event loop in a daemon thread."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._thread: Optional[threading.Thread] = None
        self._lifespan: Optional[_Lifespan] = None
        self._state: Dict[str, Any] = {}

    def start(self) -> None:
        """Start the loop and run the app's lifespan startup (if it has one)."""
        if self._loop is not None:
            return
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(loop)
            loop.call_soon(ready.set)
            loop.run_forever()

        self._thread = threading.Thread(target=run, name="VoiceSimulator:asgi", daemon=True)
        self._thread.start()
        ready.wait()
        self._loop = loop
        lifespan = _Lifespan(self.app, self._state)
        self._lifespan = lifespan
        failure = self._call(lifespan.startup(), LIFESPAN_TIMEOUT)
        if failure:
            self.stop()
            raise RuntimeError(f"the ASGI app's lifespan startup failed: {failure}")

    def stop(self) -> None:
        """Run the lifespan shutdown, then stop the loop and its thread."""
        loop, thread = self._loop, self._thread
        if loop is None:
            return
        lifespan = self._lifespan
        if lifespan is not None and lifespan.running:
            # A failing shutdown must not keep the simulator from stopping.
            with contextlib.suppress(Exception):
                self._call(lifespan.shutdown(), LIFESPAN_TIMEOUT)
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(timeout=5)
        loop.close()
        self._loop = None
        self._thread = None

    def _call(self, coroutine: Coroutine[Any, Any, _R], timeout: Optional[float]) -> _R:
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        return future.result(timeout)

    def send(self, request: AppRequest) -> Reply:
        """Run the app on one request on its loop and collect its answer in time."""
        method, url, headers, body = request.method, request.url, request.headers, request.body
        timeout = request.timeout
        if self._loop is None:
            self.start()
        parts = url
        port = parts.default_port
        raw_path = (parts.path or "/").encode("latin-1", errors="replace")
        header_list = [(b"host", parts.netloc.encode("latin-1"))]
        header_list += [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()
        ]
        header_list.append((b"content-length", str(len(body)).encode()))
        scope: Dict[str, Any] = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": method,
            "scheme": parts.scheme,
            "path": unquote(parts.path or "/"),
            "raw_path": raw_path,
            "query_string": parts.query.encode("latin-1"),
            "root_path": "",
            "headers": header_list,
            "client": ("127.0.0.1", 0),
            "server": (parts.host, port),
            "state": dict(self._state),
        }
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(_exchange(self.app, scope, body), self._loop)
        try:
            return future.result(timeout)
        except concurrent.futures.TimeoutError:
            future.cancel()  # the app's task is cancelled (unless it blocks its loop)
            raise DeliveryError(timed_out(url.text)) from None
        except DeliveryError:
            raise
        except Exception as exc:
            raise _app_failed(exc) from exc


async def _exchange(
    app: Callable[..., Awaitable[None]], scope: Dict[str, Any], body: bytes
) -> Reply:
    done = asyncio.Event()
    sent_body = [False]
    status: List[int] = []
    reply_headers: Dict[str, str] = {}
    chunks: List[bytes] = []
    size = [0]

    async def receive() -> Mapping[str, Any]:
        if not sent_body[0]:
            sent_body[0] = True
            return {"type": "http.request", "body": body, "more_body": False}
        await done.wait()
        return {"type": "http.disconnect"}

    async def send(message: Mapping[str, Any]) -> None:
        kind = message.get("type")
        if kind == "http.response.start":
            status[:] = [int(message["status"])]
            for name, value in message.get("headers", []):
                reply_headers[bytes(name).decode("latin-1").lower()] = bytes(value).decode(
                    "latin-1"
                )
        elif kind == "http.response.body":
            if size[0] < MAX_REPLY_BYTES:
                chunks.append(bytes(message.get("body", b""))[: MAX_REPLY_BYTES - size[0]])
                size[0] += len(chunks[-1])
            if not message.get("more_body", False):
                done.set()
            elif size[0] >= MAX_REPLY_BYTES:
                done.set()
                raise _Enough  # too long to be BXML: the app is stopped here
            else:
                await asyncio.sleep(0)  # an endless body still lets the deadline cancel it

    try:
        await app(scope, receive, send)
    except _Enough:
        pass
    finally:
        done.set()
    if not status:
        raise DeliveryError("the app returned without sending a response")
    return Reply(status[0], reply_headers, b"".join(chunks))


class _Enough(Exception):
    """Raised from ``send`` into an ASGI app whose answer is too long to be BXML."""


class _Lifespan:
    """The ASGI lifespan protocol: startup when the simulator starts, shutdown when it stops."""

    def __init__(self, app: Callable[..., Awaitable[None]], state: Dict[str, Any]) -> None:
        self.app = app
        self.state = state
        self.running = False
        self._events: Optional[asyncio.Queue[Dict[str, Any]]] = None
        self._replies: Optional[asyncio.Queue[Dict[str, Any]]] = None
        self._task: Optional[asyncio.Task[None]] = None

    async def startup(self) -> Optional[str]:
        """Run startup; returns the failure message, or ``None`` (also when unsupported)."""
        self._events = asyncio.Queue()
        self._replies = asyncio.Queue()
        scope = {"type": "lifespan", "asgi": {"version": "3.0", "spec_version": "2.0"}}
        scope["state"] = self.state
        self._task = asyncio.ensure_future(self._run(scope))
        await self._events.put({"type": "lifespan.startup"})
        reply = await self._replies.get()
        if reply["type"] == "lifespan.startup.complete":
            self.running = True
            return None
        if reply["type"] == "lifespan.startup.failed":
            return str(reply.get("message") or "no message")
        return None  # the app does not do lifespan: fine

    async def shutdown(self) -> None:
        """Run shutdown and wait for the app to finish it."""
        assert self._events is not None and self._replies is not None
        await self._events.put({"type": "lifespan.shutdown"})
        await self._replies.get()
        self.running = False

    async def _run(self, scope: Dict[str, Any]) -> None:
        assert self._events is not None and self._replies is not None
        events, replies = self._events, self._replies

        async def receive() -> Dict[str, Any]:
            return await events.get()

        async def send(message: Mapping[str, Any]) -> None:
            await replies.put(dict(message))

        with contextlib.suppress(Exception):  # an app refusing the lifespan scope has none
            await self.app(scope, receive, send)
        await replies.put({"type": "lifespan.unsupported"})

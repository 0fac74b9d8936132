"""Run an example app against the simulator two ways: in-process, and as a real HTTP server.

``Harness`` starts a :class:`~bandwidth.testing.VoiceSimulator` wired to the
app either way and gives the base URL the app is reached at, so one test
body covers both. Apps that call the Voice API themselves are built once the
simulator runs (they need its configuration), hence the late binding.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path
from socketserver import ThreadingMixIn
from types import ModuleType
from typing import Any, Callable, Dict, Iterable, Optional, Tuple
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bandwidth.testing import VoiceSimulator

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MODES = ["in-process", "over-http"]
#: what in-process apps are reached at (any host works: only path and query reach the app)
IN_PROCESS_BASE = "https://myapp.example"


def load_example(name: str) -> ModuleType:
    """Import ``examples/{name}.py`` (the directory is not a package)."""
    spec = importlib.util.spec_from_file_location(f"example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Late:
    """A WSGI app that forwards to the one set later (built once the simulator runs)."""

    def __init__(self) -> None:
        self.app: Optional[Callable[..., Iterable[bytes]]] = None

    def __call__(self, environ: Dict[str, Any], start_response: Any) -> Iterable[bytes]:
        assert self.app is not None, "the app was not built"
        return self.app(environ, start_response)


class Harness:
    """A simulator and an example app, ``in-process`` or ``over-http``."""

    def __init__(self, mode: str) -> None:
        assert mode in MODES
        self.mode = mode
        self._late = _Late()
        self._server: Optional[_Server] = None
        self._thread: Optional[threading.Thread] = None
        if mode == "in-process":
            self.sim = VoiceSimulator(app=self._late)
        else:
            self.sim = VoiceSimulator(deliver_webhooks=True)
        self.base = IN_PROCESS_BASE
        self.app: Any = None

    def start(self, build: Callable[[VoiceSimulator, str], Any]) -> Harness:
        """Start the simulator, build the app with ``build(sim, base_url)`` and serve it."""
        self.sim.start()
        if self.mode == "over-http":
            self._server = make_server(
                "127.0.0.1", 0, self._late, server_class=_Server, handler_class=_Quiet
            )
            self.base = f"http://127.0.0.1:{self._server.server_port}"
            self._thread = threading.Thread(
                target=self._server.serve_forever, args=(0.05,), daemon=True
            )
            self._thread.start()
        self.app = self._late.app = build(self.sim, self.base)
        return self

    def stop(self) -> None:
        """Stop the server (if any) and the simulator."""
        if self._server is not None and self._thread is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join()
        self.sim.stop()

    def request(
        self, method: str, path: str, body: Optional[Dict[str, Any]] = None
    ) -> Tuple[int, Any]:
        """Call one of the app's own routes (JSON in and out): over HTTP, or its test client."""
        if self.mode == "in-process":
            response = self.app.test_client().open(path, method=method, json=body)
            return response.status_code, response.get_json()
        data = None if body is None else json.dumps(body).encode()
        call = urllib.request.Request(self.base + path, data=data, method=method)
        call.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(call, timeout=10) as answer:  # loopback only
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

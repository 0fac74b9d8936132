"""Run Stoplight Prism (pinned in tools/prism) against Bandwidth's OpenAPI file for contract tests.

* :func:`find_spec` / :func:`find_prism` locate the spec and the Prism binary.
* :func:`prism` is a context manager: ``with prism("mock") as url`` or
  ``with prism("proxy", upstream=sim.url) as url`` starts Prism on a free
  loopback port, waits until it answers, yields its base URL and kills its
  whole process group afterwards. :class:`PrismServer` does the same in two
  steps, to start several instances in parallel.
* When the spec or Prism is missing, :func:`require_spec` /
  :func:`require_prism` skip the test with a loud ``PRISM CONTRACT TEST
  SKIPPED`` reason (or fail it when ``BANDWIDTH_REQUIRE_PRISM=1``), and
  :func:`report_skipped_contract_tests` prints a banner at the end of the run.

Base paths: Prism ignores the path of the spec's per-path ``servers`` entry
(``https://voice.bandwidth.com/api/v2``). It serves ``/accounts/...``
directly, and ``/api/v2/accounts/...`` is a 404. In proxy mode it appends
the request path to the upstream URL. So an SDK's ``host`` is the Prism base
URL without ``/api/v2``, and the upstream is ``sim.url``, with ``/api/v2``.
"""

from __future__ import annotations

import atexit
import contextlib
import http.client
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

import pytest

from tests.support.ports import closed_port

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "spec" / "bandwidth.yml"
PRISM_DIR = REPO / "tools" / "prism"
SKIP_TAG = "PRISM CONTRACT TEST SKIPPED"
STARTUP_TIMEOUT = 120.0


def find_spec() -> Optional[Path]:
    """``$BANDWIDTH_SPEC`` when set, else the vendored ``spec/bandwidth.yml``."""
    env = os.environ.get("BANDWIDTH_SPEC")
    path = Path(env) if env else SPEC
    return path if path.is_file() else None


def find_prism() -> Optional[Path]:
    """``$BANDWIDTH_PRISM``, else the pinned ``tools/prism/node_modules/.bin/prism``."""
    env = os.environ.get("BANDWIDTH_PRISM")
    candidate = Path(env) if env else PRISM_DIR / "node_modules" / ".bin" / "prism"
    if not (candidate.is_file() and os.access(candidate, os.X_OK)):
        return None
    if shutil.which("node") is None:
        return None
    return candidate


def _missing(reason: str) -> None:
    message = f"{SKIP_TAG}: {reason}"
    if os.environ.get("BANDWIDTH_REQUIRE_PRISM") == "1":
        pytest.fail(message + " (BANDWIDTH_REQUIRE_PRISM=1)", pytrace=False)
    pytest.skip(message)


def require_spec() -> Path:
    """The spec's path, or skip (loudly) when it cannot be found."""
    spec = find_spec()
    if spec is None:
        where = os.environ.get("BANDWIDTH_SPEC") or str(SPEC)
        _missing(f"OpenAPI spec not found ({where}); set BANDWIDTH_SPEC")
        raise AssertionError("unreachable")
    return spec


def require_prism() -> Path:
    """The Prism binary, or skip (loudly) when it is not installed."""
    binary = find_prism()
    if binary is None:
        _missing("Prism is not installed; run `bash tools/prism/install.sh` (needs node and npm)")
        raise AssertionError("unreachable")
    return binary


class PrismServer:
    """One Prism process: ``start()`` returns at once, ``wait()`` blocks until it answers."""

    def __init__(self, mode: str, upstream: Optional[str] = None, *, errors: bool = True) -> None:
        if mode not in ("mock", "proxy"):
            raise ValueError("mode must be 'mock' or 'proxy'")
        if (mode == "proxy") != (upstream is not None):
            raise ValueError("proxy mode needs an upstream URL, mock mode takes none")
        self.mode = mode
        self.upstream = upstream
        self.errors = errors
        self.port = 0
        self.process: Optional[subprocess.Popen[bytes]] = None
        # Lives as long as this object (closed in close()), so no `with` block.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115

    @property
    def url(self) -> str:
        """Prism's base URL (no ``/api/v2``: Prism serves the spec paths at the root)."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> PrismServer:
        binary, spec = require_prism(), require_spec()
        self.port = closed_port()
        command = [str(binary), self.mode, str(spec)]
        if self.upstream is not None:
            command.append(self.upstream)
        if self.errors:
            command.append("--errors")
        command += ["-h", "127.0.0.1", "-p", str(self.port)]
        self._log.seek(0)
        self._log.truncate()
        self.process = subprocess.Popen(
            command,
            cwd=PRISM_DIR,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, killed as a whole
        )
        atexit.register(self.stop)  # even if the fixture's teardown never runs
        return self

    def wait(self, timeout: float = STARTUP_TIMEOUT) -> str:
        """Block until Prism answers HTTP (bounded); returns :attr:`url`."""
        deadline = time.monotonic() + timeout
        for _attempt in range(3):
            while time.monotonic() < deadline:
                assert self.process is not None
                if self.process.poll() is not None:
                    break
                if self._answers():
                    return self.url
                time.sleep(0.1)
            else:
                self.stop()
                pytest.fail(f"Prism did not start within {timeout:.0f} s:\n{self.log()}")
            if "EADDRINUSE" not in self.log():  # lost the race for the port: try another
                break
            self.start()
        log = self.log()
        self.stop()
        pytest.fail(f"Prism exited while starting:\n{log}")
        raise AssertionError("unreachable")

    def _answers(self) -> bool:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
        try:
            conn.request("GET", "/__prism_ready__")
            conn.getresponse().read()
            return True
        except OSError:
            return False
        finally:
            conn.close()

    def log(self) -> str:
        """What Prism printed so far (its last 4000 characters)."""
        self._log.flush()
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")[-4000:]

    def stop(self) -> None:
        """Kill Prism and everything it started (bounded waits); safe to call twice."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        else:  # the leader exited; children may still be alive in its group
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)

    def close(self) -> None:
        """Stop Prism and drop its log."""
        self.stop()
        self._log.close()


@contextlib.contextmanager
def prism(mode: str, upstream: Optional[str] = None, *, errors: bool = True) -> Iterator[str]:
    """Run Prism for the ``with`` block and yield its base URL (see the module docstring)."""
    server = PrismServer(mode, upstream, errors=errors).start()
    try:
        yield server.wait()
    finally:
        server.close()


def violations(headers: Any) -> List[Dict[str, Any]]:
    """The ``sl-violations`` Prism adds to a proxied answer (``[]`` when there are none)."""
    raw = headers.get("sl-violations")
    return [] if raw is None else list(json.loads(raw))


def report_skipped_contract_tests(terminalreporter: Any) -> None:
    """``pytest_terminal_summary`` helper: a loud banner listing skipped contract tests."""
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if SKIP_TAG in str(getattr(report, "longrepr", ""))
    ]
    if not skipped:
        return
    terminalreporter.write_sep(
        "!", f"{len(skipped)} PRISM CONTRACT TESTS SKIPPED", red=True, bold=True
    )
    longrepr = skipped[0].longrepr
    reason = str(longrepr[-1]) if isinstance(longrepr, tuple) else str(longrepr)
    reason = reason.split(f"{SKIP_TAG}: ", 1)[-1]
    terminalreporter.write_line(f"reason: {reason}", red=True, bold=True)
    shown = 25
    for report in skipped[:shown]:
        terminalreporter.write_line(f"  skipped: {report.nodeid}", red=True)
    if len(skipped) > shown:
        terminalreporter.write_line(f"  ... and {len(skipped) - shown} more", red=True)
    terminalreporter.write_line(
        "The simulator and the SDK were NOT checked against the official spec in this run.",
        red=True,
        bold=True,
    )

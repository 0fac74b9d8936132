"""Fixtures for the in-process CLI tests: a simulator named by BW_* variables, ``cli``, and
``products``: a loopback server for the other products' commands."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, List

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request

from bandwidth.cli import main
from bandwidth.testing import VoiceSimulator
from tests.cli import samples


@dataclass
class Result:
    """What one ``bandwidth.cli.main(argv)`` call returned and printed."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def expect_error_line(self) -> str:
        """The one ``error:`` line an expected failure prints (after any ``warning:``s)."""
        assert self.out == "", self.out
        lines = [line for line in self.err.splitlines() if not line.startswith("warning: ")]
        assert len(lines) == 1, self.err
        assert lines[0].startswith("error: "), self.err
        assert "Traceback" not in self.err
        return lines[0]

    def warned(self) -> List[str]:
        """The flags named by the ``warning: FLAG is visible ...`` lines on stderr."""
        return [line.split()[1] for line in self.err.splitlines() if line.startswith("warning: ")]


@pytest.fixture
def sim(monkeypatch: pytest.MonkeyPatch) -> Iterator[VoiceSimulator]:
    """A simulator, and BW_* variables pointing at it."""
    with VoiceSimulator(deliver_webhooks=False) as simulator:
        monkeypatch.setenv("BW_VOICE_HOST", simulator.url)
        monkeypatch.setenv("BW_ACCOUNT_ID", simulator.account_id)
        monkeypatch.setenv("BW_USERNAME", simulator.username)
        monkeypatch.setenv("BW_PASSWORD", simulator.password)
        yield simulator


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Any:
    """``cli(*argv)`` runs ``bandwidth.cli.main(argv)`` and returns a :class:`Result`."""

    def run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@dataclass
class Products:
    """The loopback server every non-Voice ``BW_*_HOST`` names, and what reached it."""

    server: HTTPServer

    def answer(self, method: str, path: str, status: int = 200, answer: Any = None) -> None:
        """Answer ``method`` on ``path`` (a regular expression, the product's prefix included)."""
        samples.respond(self.server, method, path, status, answer)

    @property
    def requests(self) -> List[Request]:
        return [request for request, _ in self.server.log]

    @property
    def last(self) -> Request:
        assert self.server.log, "the server received no request"
        return self.server.log[-1][0]

    def sent_json(self) -> Any:
        """The last request's JSON body."""
        return json.loads(self.last.get_data())


@pytest.fixture
def products(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[Products]:
    """A loopback server answering nothing yet, and the BW_* variables naming it."""
    env: Dict[str, str] = {}
    samples.point_at(httpserver, env)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("BW_WEBHOOK_PASSWORD", raising=False)
    yield Products(httpserver)
    httpserver.clear()

"""Shared fixtures: an SDK client pointed at a loopback HTTP server."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from pytest_httpserver import HTTPServer

from bandwidth import ApiClient, CallsApi, Configuration
from tests.support.wire import Wire


@pytest.fixture
def wire(httpserver: HTTPServer) -> Iterator[Wire]:
    yield Wire(httpserver)
    httpserver.clear()


@pytest.fixture
def configuration(wire: Wire) -> Configuration:
    return Configuration(host=wire.url, username="user", password="pa55word", retries=0)


@pytest.fixture
def api(configuration: Configuration) -> Iterator[CallsApi]:
    with ApiClient(configuration) as client:
        yield CallsApi(client)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Print a loud banner when Prism contract tests were skipped (see tests/support/prism.py)."""
    from tests.support.prism import report_skipped_contract_tests

    report_skipped_contract_tests(terminalreporter)

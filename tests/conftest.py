"""Shared fixtures (an SDK client pointed at a loopback HTTP server) and the no-skip rule.

No test may skip: a test that cannot run because something is missing (Prism,
the spec, a tool) fails, so a green run means every test ran. Set
``BANDWIDTH_ALLOW_SKIPS=1`` to turn such failures back into skips on a machine
that lacks a tool (never in CI).
"""

from __future__ import annotations

import os
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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: Any, call: Any) -> Iterator[None]:
    """Report a skipped test as failed unless ``BANDWIDTH_ALLOW_SKIPS=1``."""
    outcome = yield
    report = outcome.get_result()
    allowed = os.environ.get("BANDWIDTH_ALLOW_SKIPS") == "1"
    if report.skipped and not hasattr(report, "wasxfail") and not allowed:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped, and skips are failures here: {reason}"

"""What every voice route module shares: the host, the lock, the account URL.

A route handler is ``handler(host, request) -> Response``. It reads and
changes the store under :func:`locked`, answers through
:func:`~bandwidth.testing._core.handlers.json_answer` or
:func:`~bandwidth.testing._core.handlers.empty`, and refuses a request by
raising :class:`~bandwidth.testing._core.handlers.Problem` (any status) or
:class:`~bandwidth.testing._core.handlers.InvalidRequest` (400).
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any, Callable, Iterator, Mapping, Protocol
from urllib.parse import quote

from bandwidth.testing._core.handlers import Problem
from bandwidth.testing._voice.bxml_reading import BxmlRoots
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import SimulatedCall

__all__ = [
    "RouteEngine",
    "RouteHost",
    "RouteSettings",
    "account_url",
    "locked",
    "require_known_call",
]


class RouteSettings(Protocol):
    """What handlers read of the simulator's settings (the facade gives them)."""

    @property
    def account_id(self) -> str:
        """The one account served."""

    @property
    def advertised_url(self) -> str:
        """The base URL answers link to."""

    def now(self) -> datetime:
        """The simulator's current time."""

    def call_url(self, call_id: str) -> str:
        """The URL of one call."""


class RouteEngine(Protocol):
    """What handlers use of the flow engine (under the store's lock)."""

    #: which BXML roots ``update_*_bxml`` may send (the flow engine's, shared)
    roots: BxmlRoots

    def tick(self, now: datetime) -> None:
        """Run the steps due by ``now`` up to the first webhook."""

    def redirect(self, call: SimulatedCall, request: Mapping[str, Any], when: datetime) -> None:
        """``update_call`` with a ``redirectUrl``."""

    def replace(self, call: SimulatedCall, document: str, when: datetime) -> None:
        """``update_call_bxml``."""


class RouteHost(Protocol):
    """What handlers use: the settings, the voice store and the flow engine."""

    @property
    def sim(self) -> RouteSettings:
        """The simulator's settings (clock, account, URLs)."""

    @property
    def store(self) -> CallStore:
        """Everything voice holds, under ``store.lock``."""

    @property
    def engine(self) -> RouteEngine:
        """The call-flow engine."""


@contextlib.contextmanager
def locked(host: RouteHost) -> Iterator[datetime]:
    """Hold the store's lock, with due steps applied; yields the current time."""
    with host.store.lock:
        now = host.sim.now()
        host.engine.tick(now)
        yield now


def require_known_call(host: RouteHost, call_id: str, book_knows: Callable[[str], bool]) -> None:
    """404 unless the call exists, or ``book_knows`` it (its recordings or transcriptions
    outlive it): how a call's sub-resource lists answer for an unknown call."""
    if call_id not in host.store.calls and not book_knows(call_id):
        raise Problem(404, f"Call {call_id} was not found.")


def account_url(sim: RouteSettings) -> str:
    """The account's base URL under ``sim.advertised_url`` (what answers link to)."""
    return f"{sim.advertised_url}/accounts/{quote(sim.account_id, safe='')}"

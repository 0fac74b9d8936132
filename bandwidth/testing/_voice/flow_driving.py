"""Driving calls from a loop of your own: the next step due, a gather waiting.

A test moves the clock with ``advance`` and knows what its app does. A
driver that does not (``bandwidth phone``, the control routes, a harness
pacing calls in real time) needs two more facts: when the next scheduled step
falls due, so it can jump the clock there instead of polling, and whether a
``<Gather>`` waits for the caller. :class:`FlowDriving` answers both, and lets a
simulator on the real clock run what fell due without waiting for a request.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Optional

from bandwidth.testing._voice.action_runner import ActionRunner
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.flow_engine import FlowEngine

__all__ = ["FlowDriving"]


class FlowDriving:
    """What a loop driving calls needs to know."""

    def __init__(self, store: CallStore, engine: FlowEngine, actions: ActionRunner) -> None:
        self._store = store
        self._engine = engine
        self._lock: threading.Lock = store.lock
        self._now = actions.now
        self._raise_app_error = actions.raise_app_error

    @property
    def call_flows(self) -> bool:
        """Whether calls run flows: webhooks go to an app (``app=``, ``deliver_webhooks=True``)."""
        return self._engine.enabled

    def next_due(self) -> Optional[datetime]:
        """When the next scheduled step falls due, or ``None`` when nothing is scheduled.

        Steps are a verb ending, a gather timeout, a digit, a lifecycle step:
        ``sim.advance((sim.next_due() - sim.now()).total_seconds())`` moves a
        :class:`ManualClock` straight to the next thing that happens. A step
        that turns out to have nothing left to do (its call moved on) may
        still be listed.
        """
        with self._lock:
            return self._store.timers.next_due()

    def awaiting_digits(self, call_id: str) -> bool:
        """Whether a ``<Gather>`` on the call has played its prompts and waits for a first key.

        ``False`` while its prompts play, once a key was pressed in it, and
        when no ``<Gather>`` runs. ``KeyError`` for an unknown call.
        """
        self.run_due()
        with self._lock:
            self._store.get(call_id)  # KeyError for an unknown call
            flow = self._engine.flows.get(call_id)
            return flow is not None and flow.awaiting_first_digit(self._now())

    def run_due(self) -> None:
        """Run every step due by now, webhooks included.

        On a :class:`ManualClock` nothing falls due between calls to
        ``advance``; on a real clock steps otherwise run lazily, on the next
        request or inspection. A server on the real clock calls this to keep
        flows moving when nobody asks (``bandwidth simulator`` does).
        """
        self._engine.run()
        self._raise_app_error()

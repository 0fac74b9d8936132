"""A product's webhooks, queued on the simulator's one timer queue and delivered by its runner.

The numbers products have no call flow of their own: a status change makes
:class:`~bandwidth.testing._core.webhooks.Delivery` objects, each becomes an
action on the shared :class:`~bandwidth.testing._core.timers.Timers` due at
the change's simulated time, and the flow engine (the one thing that runs
the queue) delivers it through the core's webhook rules (the 401 challenge,
the fallback, the timeout) and lists it in ``sim.webhooks``. With
``deliver_webhooks=False`` nothing is queued: the state still changes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Iterable, Optional

from bandwidth.testing._core.timers import Timers
from bandwidth.testing._core.webhooks import Delivery

__all__ = ["PlatformEvents"]


class PlatformEvents:
    """Queues webhooks and timed steps on the shared timers (callers hold the lock)."""

    def __init__(self, timers: Timers, enabled: bool) -> None:
        self.timers = timers
        #: whether webhooks reach any app (``deliver_webhooks`` is not ``False``)
        self.enabled = enabled

    def send(self, deliveries: Iterable[Delivery]) -> None:
        """Deliver each at its own ``time``, in order (nothing when webhooks are off)."""
        if not self.enabled:
            return
        for delivery in deliveries:
            self.timers.add(delivery.time, _handing(delivery))

    def at(self, due: datetime, step: Callable[[datetime], None]) -> None:
        """Run ``step`` (a state change, under the lock) when the clock reaches ``due``."""

        def action(when: datetime) -> Optional[Delivery]:
            step(when)
            return None

        self.timers.add(due, action)


def _handing(delivery: Delivery) -> Callable[[datetime], Delivery]:
    def action(when: datetime) -> Delivery:
        return delivery

    return action

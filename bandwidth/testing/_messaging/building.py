"""Builds the messaging product: its store, its text flow and its service.

:func:`build_messaging` is what the composition root calls;
:class:`MessagingProduct` is what it gets back, including the seam other
products use to text a handset with no application involved
(:meth:`MessagingProduct.deliver_platform_text`: MFA codes).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Set

from bandwidth.testing._core.timers import Timers
from bandwidth.testing._messaging.message_store import MessageStore
from bandwidth.testing._messaging.service import ClockDriver, MessagingService
from bandwidth.testing._messaging.text_flow import TextFlow

__all__ = ["MessagingProduct", "build_messaging"]


@dataclass(frozen=True)
class MessagingProduct:
    """The messaging product's parts, as the composition root and other products use them."""

    store: MessageStore
    flow: TextFlow
    service: MessagingService
    now: Callable[[], datetime]

    def deliver_platform_text(self, sender: str, to: str, text: str) -> None:
        """Text ``to``'s handset from ``sender`` now, with no application involved.

        For texts the platform sends itself (MFA codes): the text lands in
        ``sim.handset(to).messages`` at once, shows on the timeline, sends no
        callback and is not in ``list_messages``. Call it with the
        simulator's lock held (as REST handlers and timer actions run).
        """
        self.flow.platform_text(sender, to, text, self.now())


def build_messaging(
    lock: threading.Lock,
    timers: Timers,
    *,
    enabled: bool,
    now: Callable[[], datetime],
    account_id: Callable[[], str],
    base_url: Callable[[], str],
    driver: ClockDriver,
    forget_webhooks: Callable[[Set[str]], None],
) -> MessagingProduct:
    """The messaging product, on the shared lock and timer queue, driven by ``driver``.

    ``enabled`` is whether webhooks go to apps; ``forget_webhooks`` drops the
    delivery records of forgotten messages from ``sim.webhooks``.
    """
    store = MessageStore(lock, timers, forget_webhooks)
    flow = TextFlow(store, enabled)
    service = MessagingService(store, flow, now, account_id, base_url, driver)
    return MessagingProduct(store, flow, service, now)

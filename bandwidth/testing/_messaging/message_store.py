"""The messaging store: applications, numbers, messages, handsets' inboxes, scripted failures.

One writer: every change is a method here, called under the simulator's one
lock (the store is handed the lock; it does not take it). Memory stays flat
over a long run: a message whose every recipient reached a final status is
forgotten :data:`RETENTION` after that (``list_messages`` only searches the
last 14 days anyway), and so is a text in a handset's inbox; their webhook
records go with them, in batches (``forget_webhooks``).
"""

from __future__ import annotations

import threading
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Deque, Dict, Iterable, List, Optional, Set, Tuple

from bandwidth.testing._core.timers import Timers
from bandwidth.testing._messaging.message_records import (
    FAILED,
    MessageRecord,
    MessagingApplication,
    ScriptedFailure,
)

__all__ = ["DROP_BATCH", "RETENTION", "MessageStore", "new_message_id"]

#: How long an ended message (and a text in an inbox) is kept: list_messages' 14-day window.
RETENTION = timedelta(days=14)
#: Webhook records of forgotten messages are dropped once at least this many were forgotten.
DROP_BATCH = 256


def new_message_id(when: datetime) -> str:
    """A 29-character message id: the epoch milliseconds (13 digits), 16 lowercase alphanumerics."""
    millis = int(when.timestamp() * 1000)
    return f"{millis:013d}"[-13:] + uuid.uuid4().hex[:16]


@dataclass
class HandsetInbox:
    """What one far-end number holds: the texts delivered to it, and whether it is reachable."""

    texts: Deque[Tuple[datetime, Dict[str, Any]]] = field(default_factory=deque)
    reachable: bool = True


class MessageStore:
    """Everything messaging holds for one simulator (see the module docstring)."""

    def __init__(
        self,
        lock: threading.Lock,
        timers: Timers,
        forget_webhooks: Callable[[Set[str]], None],
    ) -> None:
        self.lock = lock
        self.timers = timers
        self._forget_webhooks = forget_webhooks
        self.applications: Dict[str, MessagingApplication] = {}
        #: number -> the application it belongs to
        self.owners: Dict[str, str] = {}
        #: message id -> record, oldest first
        self.messages: Dict[str, MessageRecord] = {}
        self.handsets: Dict[str, HandsetInbox] = {}
        self.failures: List[ScriptedFailure] = []
        self._ended: Deque[Tuple[datetime, str]] = deque()
        self._dropped: Set[str] = set()
        self._inboxes_swept: Optional[datetime] = None

    # -- applications and numbers -----------------------------------------------------------

    def add_application(self, application: MessagingApplication) -> None:
        """Add (or replace) an application; its numbers become its own."""
        old = self.applications.get(application.application_id)
        if old is not None:
            for number in old.numbers:
                if self.owners.get(number) == old.application_id:
                    del self.owners[number]
        self.applications[application.application_id] = application
        for number in application.numbers:
            self.owners[number] = application.application_id

    def owner_of(self, number: str) -> Optional[MessagingApplication]:
        """The application ``number`` belongs to, ``None`` when it is not the account's."""
        owner = self.owners.get(number)
        return None if owner is None else self.applications.get(owner)

    # -- messages ---------------------------------------------------------------------------

    def add(self, record: MessageRecord, now: datetime) -> None:
        """Keep a new message (forgetting the ones past their retention first)."""
        self.sweep(now)
        self.messages[record.message_id] = record

    def settle(self, record: MessageRecord, recipient: str, status: str, when: datetime) -> None:
        """Move one recipient of ``record`` to ``status`` (its end is remembered once all are)."""
        was_ended = bool(record.statuses) and record.ended  # a new record has no status yet
        record.statuses[recipient] = status
        if not was_ended and record.ended:
            self._ended.append((when, record.message_id))

    def fail(self, record: MessageRecord, recipient: str, code: int, when: datetime) -> None:
        """One recipient of ``record`` failed with ``code``."""
        record.error_codes[recipient] = code
        self.settle(record, recipient, FAILED, when)

    def sweep(self, now: datetime) -> None:
        """Forget the messages and inbox texts past their retention by ``now``."""
        ended = self._ended
        while ended and now - ended[0][0] > RETENTION:
            _, message_id = ended.popleft()
            if self.messages.pop(message_id, None) is not None:
                self._dropped.add(message_id)
        if len(self._dropped) >= DROP_BATCH:
            self._forget_webhooks(self._dropped)
            self._dropped = set()
        last = self._inboxes_swept
        if last is None or now - last > timedelta(days=1):  # once a simulated day
            self._inboxes_swept = now
            for number in list(self.handsets):
                inbox = self.handsets[number]
                texts = inbox.texts
                while texts and now - texts[0][0] > RETENTION:
                    texts.popleft()
                if not texts and inbox.reachable:
                    del self.handsets[number]

    # -- handsets ---------------------------------------------------------------------------

    def inbox(self, number: str) -> HandsetInbox:
        """The inbox of ``number`` (a new, empty one the first time)."""
        inbox = self.handsets.get(number)
        if inbox is None:
            inbox = self.handsets[number] = HandsetInbox()
        return inbox

    def land(self, number: str, message: Dict[str, Any], when: datetime) -> None:
        """A text reached the handset of ``number``."""
        self.inbox(number).texts.append((when, message))

    def texts_of(self, number: str) -> List[Dict[str, Any]]:
        """The texts delivered to ``number``, oldest first (copies)."""
        inbox = self.handsets.get(number)
        return [] if inbox is None else [dict(text) for _, text in inbox.texts]

    def set_reachable(self, number: str, reachable: bool) -> None:
        """Whether texts to ``number`` reach it (an unreachable one fails them with 4702)."""
        self.inbox(number).reachable = reachable

    def reachable(self, number: str) -> bool:
        """Whether texts to ``number`` reach it."""
        inbox = self.handsets.get(number)
        return inbox is None or inbox.reachable

    # -- scripted failures ------------------------------------------------------------------

    def add_failure(self, failure: ScriptedFailure) -> None:
        """Queue a failure for the next matching message."""
        self.failures.append(failure)

    def take_failure(self, recipients: Iterable[str]) -> Dict[str, ScriptedFailure]:
        """The scripted failures a new message to ``recipients`` takes (removed from the queue).

        The first failure naming one of them applies to that recipient; else the
        first failure naming no one applies to them all.
        """
        targets = list(recipients)
        taken: Dict[str, ScriptedFailure] = {}
        for failure in list(self.failures):
            if failure.to is not None and failure.to in targets and failure.to not in taken:
                taken[failure.to] = failure
                self.failures.remove(failure)
        if not taken:
            for failure in self.failures:
                if failure.to is None:
                    self.failures.remove(failure)
                    return {to: failure for to in targets}
        return taken

    def clear(self) -> None:
        """Forget every message, inbox and scripted failure (applications stay)."""
        self._forget_webhooks(set(self.messages) | self._dropped)
        self.messages.clear()
        self.handsets.clear()
        self.failures.clear()
        self._ended.clear()
        self._dropped = set()

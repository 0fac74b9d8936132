"""What the messaging store holds: applications, messages, scripted failures.

Plain records; the store (:mod:`.message_store`) is their one writer.
Nothing here shows a password: an application's ``repr`` masks it, and the
wire forms (:meth:`MessageRecord.wire`) never hold one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple

from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.masking import MASK

__all__ = [
    "DELIVERED",
    "FAILED",
    "QUEUED",
    "RECEIVED",
    "SENDING",
    "MessageRecord",
    "MessagingApplication",
    "ScriptedFailure",
]

#: ``messageStatus`` values, as ``list_messages`` reports them.
QUEUED, SENDING, DELIVERED, FAILED, RECEIVED = (
    "QUEUED",
    "SENDING",
    "DELIVERED",
    "FAILED",
    "RECEIVED",
)
_ENDED = frozenset({DELIVERED, FAILED, RECEIVED})


@dataclass(frozen=True)
class MessagingApplication:
    """A messaging application as the dashboard holds it: its callback URL, credentials, numbers.

    Status callbacks of the messages sent with its ``applicationId``, and
    ``message-received`` for texts to its numbers, go to ``callback_url``;
    ``username``/``password`` answer the app's Basic challenge.
    """

    application_id: str
    callback_url: str
    numbers: Tuple[str, ...] = ()
    username: Optional[str] = None
    password: Optional[str] = None

    def __repr__(self) -> str:
        password = None if self.password is None else MASK
        return (
            f"MessagingApplication(application_id={self.application_id!r}, "
            f"callback_url={self.callback_url!r}, numbers={self.numbers!r}, "
            f"username={self.username!r}, password={password!r})"
        )

    def public(self) -> Dict[str, Any]:
        """Its JSON form for the control API (whether it has a password, never the password)."""
        return {
            "applicationId": self.application_id,
            "callbackUrl": self.callback_url,
            "numbers": list(self.numbers),
            "username": self.username,
            "hasPassword": self.password is not None,
        }


@dataclass(frozen=True)
class ScriptedFailure:
    """A failure the test queued: the next message (to ``to``, or any) fails with ``code``."""

    code: int
    description: str
    to: Optional[str] = None


@dataclass
class MessageRecord:
    """One message the platform handled, outbound or inbound, and where each recipient is."""

    message_id: str
    direction: str  # "out" or "in", as the Message model says it
    owner: str
    application_id: str
    from_: str
    to: Tuple[str, ...]
    text: str
    media: Tuple[str, ...]
    time: datetime
    segment_count: int
    priority: str = "default"
    tag: Optional[str] = None
    expiration: Optional[str] = None
    #: a text the platform sent itself (an MFA code): not in the account's history
    platform: bool = False
    #: recipient -> ``messageStatus`` (for an inbound copy: its owner)
    statuses: Dict[str, str] = field(default_factory=dict)
    #: recipient -> the error code it failed with
    error_codes: Dict[str, int] = field(default_factory=dict)
    #: what happened, for the timeline: (time, line)
    log: List[Tuple[datetime, str]] = field(default_factory=list)

    @property
    def mms(self) -> bool:
        """Whether it carries media (an MMS)."""
        return bool(self.media)

    @property
    def ended(self) -> bool:
        """Whether every recipient reached a final status."""
        return all(status in _ENDED for status in self.statuses.values())

    def note(self, when: datetime, what: str) -> None:
        """Add a line to its timeline."""
        self.log.append((when, what))

    def wire(self, *, text: bool = True) -> Dict[str, Any]:
        """The ``message`` object as the API and the callbacks give it.

        ``text=False`` leaves the text empty, as status callbacks do (the
        platform does not keep it).
        """
        body: Dict[str, Any] = {
            "id": self.message_id,
            "owner": self.owner,
            "applicationId": self.application_id,
            "time": format_time(self.time),
            "segmentCount": self.segment_count,
            "direction": self.direction,
            "to": list(self.to),
            "from": self.from_,
            "text": self.text if text else "",
        }
        if self.media:
            body["media"] = list(self.media)
        if self.tag is not None:
            body["tag"] = self.tag
        if self.direction == "out":
            body["priority"] = self.priority
        if self.expiration is not None:
            body["expiration"] = self.expiration
        return body

    def timeline(self) -> str:
        """What happened to this message, one line per step, times from its creation."""
        kind = "mms" if self.mms else "sms"
        states = ", ".join(f"{to} {status}" for to, status in self.statuses.items())
        head = (
            f"message {self.message_id}  {self.direction}  {self.from_} -> {', '.join(self.to)}  "
            f"({kind}, {self.segment_count} segment{'s' if self.segment_count != 1 else ''}; "
            f"created {format_time(self.time)}; now {states})"
        )
        lines = [head]
        for when, what in self.log:
            offset = (when - self.time).total_seconds()
            rows = what.splitlines() or [""]
            lines.append(f"  {offset:>+9.3f}s  {rows[0]}")
            lines.extend(f"  {'':>10}     {row}" for row in rows[1:])
        return "\n".join(lines)

"""Texts on the clock: a message's status callbacks, the handset it reaches, inbound texts.

Timing (decided here; the reference gives none): an outbound message is
sent the moment it is accepted (the account's queue is never full), so
``expiration`` only matters at acceptance. For each recipient, an MMS
moves to ``SENDING`` :data:`SENDING_AFTER` seconds later (``message-sending``),
and every message ends :data:`ENDED_AFTER` seconds after acceptance:
``message-delivered`` with the text landing in the recipient's handset, or
``message-failed`` with an error code. It fails, in this order of
precedence, when the test scripted a failure, the ``applicationId`` names
no application (4452, and no callback: there is no URL to send it to), an
E.164 ``from`` belongs to no application of the account (4403), or the
recipient's handset is unreachable (4702). An inbound text
(``handset.send``) reaches its application at once, as ``message-received``.

Every callback is one event in a JSON array, POSTed to the application's
callback URL with a 10 s timeout, the application's Basic credentials
answering a 401 challenge. One that fails (no answer, a non-2xx) is sent
again after 1 minute, then after twice the previous wait each time: 10
retries, the last about 17 hours after the first try (the platform retries
for 24 hours on a schedule it does not publish); then it is dropped. The
flow engine delivers them (each is a ``Delivery`` in the shared timer
queue), so they are in ``sim.webhooks`` and on the timeline.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bandwidth._formats import is_e164
from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.webhooks import Delivery, Reply, Target, Webhook
from bandwidth.testing._messaging import error_codes
from bandwidth.testing._messaging.message_records import (
    DELIVERED,
    QUEUED,
    RECEIVED,
    SENDING,
    MessageRecord,
    MessagingApplication,
    ScriptedFailure,
)
from bandwidth.testing._messaging.message_store import MessageStore, new_message_id
from bandwidth.testing._messaging.segments import segment_count

__all__ = ["CALLBACK_TIMEOUT", "ENDED_AFTER", "RETRY_DELAYS", "SENDING_AFTER", "TextFlow"]

SENDING_AFTER = timedelta(seconds=0.5)
ENDED_AFTER = timedelta(seconds=1)
#: seconds to the platform's answer to a callback (the reference's 10 s)
CALLBACK_TIMEOUT = 10.0
#: the waits before each retry of a failed callback, in seconds
RETRY_DELAYS: Tuple[int, ...] = tuple(60 * 2**n for n in range(10))
_DESCRIPTIONS = {
    "message-sending": "Message is sending to carrier.",
    "message-delivered": "ok",
    "message-received": "Incoming message received",
}


def _described(record: Webhook) -> str:
    """The timeline line of one callback delivery."""
    line = f"webhook {record.event_type}: {record.method} {record.url}"
    if record.status is not None:
        line += f" -> {record.status}"
    else:
        line += f" -> no answer ({record.error})"
    if len(record.attempts) > 1:
        line += "  (after a challenge)" if record.attempts[-1].authorized else ""
    return line


class TextFlow:
    """Accepts messages, moves them on the clock and sends their callbacks."""

    def __init__(self, store: MessageStore, enabled: bool) -> None:
        self.store = store
        #: whether webhooks go to apps (``deliver_webhooks=False``: statuses still move)
        self.enabled = enabled

    # -- outbound ---------------------------------------------------------------------------

    def send(self, body: Mapping[str, Any], now: datetime) -> MessageRecord:
        """Accept a checked ``messageRequest``: keep it and schedule each recipient's end."""
        store = self.store
        media = tuple(body.get("media") or ())
        text = body.get("text") or ""
        record = MessageRecord(
            message_id=new_message_id(now),
            direction="out",
            owner=body["from"],
            application_id=body["applicationId"],
            from_=body["from"],
            to=tuple(body["to"]),
            text=text,
            media=media,
            time=now,
            segment_count=segment_count(text, mms=bool(media)),
            priority=body.get("priority") or "default",
            tag=body.get("tag"),
            expiration=body.get("expiration"),
        )
        record.statuses = {to: QUEUED for to in record.to}
        store.add(record, now)
        record.note(now, f"create_message accepted (application {record.application_id})")
        failures = store.take_failure(record.to)
        for recipient in record.to:
            if record.mms:
                store.timers.add(
                    now + SENDING_AFTER, functools.partial(self._sending, record, recipient)
                )
            store.timers.add(
                now + ENDED_AFTER,
                functools.partial(self._end, record, recipient, failures.get(recipient)),
            )
        return record

    def _sending(self, record: MessageRecord, recipient: str, when: datetime) -> Optional[Delivery]:
        if record.statuses.get(recipient) != QUEUED:
            return None
        self.store.settle(record, recipient, SENDING, when)
        record.note(when, f"sending to {recipient}")
        return self._status(record, recipient, "message-sending", when)

    def _failure(
        self, record: MessageRecord, recipient: str, scripted: Optional[ScriptedFailure]
    ) -> Optional[Tuple[int, str]]:
        """Why this recipient's copy fails (code, description), ``None`` when it is delivered."""
        store = self.store
        if scripted is not None:
            return scripted.code, scripted.description
        code = None
        if record.application_id not in store.applications:
            code = error_codes.WRONG_APPLICATION
        elif is_e164(record.from_) and store.owner_of(record.from_) is None:
            code = error_codes.FORBIDDEN_FROM
        elif not store.reachable(recipient):
            code = error_codes.SUBSCRIBER_UNAVAILABLE
        return None if code is None else (code, error_codes.description_of(code))

    def _end(
        self,
        record: MessageRecord,
        recipient: str,
        scripted: Optional[ScriptedFailure],
        when: datetime,
    ) -> Optional[Delivery]:
        store = self.store
        if store.messages.get(record.message_id) is not record:
            return None  # cleared meanwhile
        failure = self._failure(record, recipient, scripted)
        if failure is None:
            store.settle(record, recipient, DELIVERED, when)
            store.land(recipient, record.wire(), when)
            record.note(when, f"delivered to {recipient}")
            return self._status(record, recipient, "message-delivered", when)
        code, description = failure
        store.fail(record, recipient, code, when)
        record.note(when, f"failed to {recipient}: {code} {description}")
        return self._status(record, recipient, "message-failed", when, description, code)

    def _status(
        self,
        record: MessageRecord,
        recipient: str,
        event: str,
        when: datetime,
        description: Optional[str] = None,
        code: Optional[int] = None,
    ) -> Optional[Delivery]:
        application = self.store.applications.get(record.application_id)
        extra: Dict[str, Any] = {} if code is None else {"errorCode": code}
        return self._webhook(
            record, application, event, recipient, when, description, text=False, **extra
        )

    # -- inbound ----------------------------------------------------------------------------

    def receive(
        self,
        sender: str,
        recipients: Tuple[str, ...],
        text: str,
        media: Tuple[str, ...],
        now: datetime,
    ) -> List[str]:
        """A handset texts ``recipients``: one copy per number of the account among them."""
        store = self.store
        owned = [number for number in recipients if store.owner_of(number) is not None]
        if not owned:
            raise ValueError(
                f"no messaging application owns {', '.join(recipients)}: "
                "add_messaging_application(..., numbers=[...]) first"
            )
        ids = []
        for number in owned:
            application = store.owner_of(number)
            assert application is not None
            record = MessageRecord(
                message_id=new_message_id(now),
                direction="in",
                owner=number,
                application_id=application.application_id,
                from_=sender,
                to=recipients,
                text=text,
                media=media,
                time=now,
                segment_count=segment_count(text, mms=bool(media)),
            )
            store.add(record, now)
            store.settle(record, number, RECEIVED, now)
            record.note(now, f"received from {sender} by {number}")
            store.timers.add(now, functools.partial(self._received, record, application, number))
            ids.append(record.message_id)
        return ids

    def _received(
        self, record: MessageRecord, application: MessagingApplication, number: str, when: datetime
    ) -> Optional[Delivery]:
        return self._webhook(record, application, "message-received", number, when, None)

    def platform_text(self, sender: str, to: str, text: str, now: datetime) -> None:
        """A text the platform itself sends (an MFA code): it lands on ``to``'s handset now."""
        store = self.store
        record = MessageRecord(
            message_id=new_message_id(now),
            direction="out",
            owner=sender,
            application_id="",
            from_=sender,
            to=(to,),
            text=text,
            media=(),
            time=now,
            segment_count=segment_count(text),
            platform=True,
        )
        store.add(record, now)
        store.settle(record, to, DELIVERED, now)
        store.land(to, record.wire(), now)
        record.note(now, f"platform text delivered to {to}")

    # -- callbacks --------------------------------------------------------------------------

    def _webhook(
        self,
        record: MessageRecord,
        application: Optional[MessagingApplication],
        event: str,
        to: str,
        when: datetime,
        description: Optional[str],
        *,
        text: bool = True,
        **extra: Any,
    ) -> Optional[Delivery]:
        if not self.enabled or application is None:
            return None
        payload: Dict[str, Any] = {
            "time": format_time(when),
            "type": event,
            "to": to,
            "description": description or _DESCRIPTIONS[event],
            "message": record.wire(text=text),
            **extra,
        }
        target = Target(
            application.callback_url, "POST", application.username, application.password
        )
        delivery = Delivery(
            event_type=event,
            call_id=record.message_id,
            payload=payload,
            primary=target,
            fallback=None,
            timeout=CALLBACK_TIMEOUT,
            time=when,
            expects_bxml=False,
            as_array=True,
        )
        delivery.on_reply = functools.partial(self._answered, record, delivery, 0)
        return delivery

    def _answered(
        self,
        record: MessageRecord,
        delivery: Delivery,
        retries: int,
        webhook: Webhook,
        reply: Optional[Reply],
    ) -> Optional[Delivery]:
        """A callback was delivered (under the lock): note it; schedule a retry if it failed."""
        record.note(webhook.time, _described(webhook))
        if webhook.ok:
            return None
        if retries >= len(RETRY_DELAYS):
            record.note(webhook.time, f"{webhook.event_type} dropped after {retries} retries")
            return None
        due = webhook.time + timedelta(seconds=RETRY_DELAYS[retries])
        self.store.timers.add(due, functools.partial(self._retry, record, delivery, retries + 1))
        return None

    def _retry(
        self, record: MessageRecord, delivery: Delivery, retries: int, when: datetime
    ) -> Optional[Delivery]:
        if not self.enabled:
            return None
        again = replace(delivery, time=when)
        again.on_reply = functools.partial(self._answered, record, again, retries)
        return again

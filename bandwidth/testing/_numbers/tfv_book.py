"""Toll-free verification state: each number's request, the account's webhook subscriptions.

:class:`VerificationBook` is the one writer of both. A request moves as the
reference's status model says: a submission (``POST``) is ``PENDING``; a
review approves it (``VERIFIED``) or denies it (``UNVERIFIED``, with the
denial's reasons and whether it may be resubmitted); a resubmission
(``PUT``, within 7 days of the denial) is ``PENDING`` again; a ``DELETE``
forgets it. The review ends on the simulated clock
(:attr:`VerificationBook.review_seconds` after the submission, approving) or
when the test decides (:meth:`~VerificationBook.approve`,
:meth:`~VerificationBook.deny`, ...). Every decision is a webhook to every
subscription of the account, in the shape the SDK's TFV webhook models give
(``VerificationWebhook``, ``VerificationDenialWebhook``, ``FailureWebhook``,
``BlockedWebhook``), with the subscription's Basic credentials for the 401
challenge and, when it has a ``sharedSecretKey``, the HMAC-SHA256 of the
exact body in ``x-bandwidth-signature-hmac-sha256``. Callers hold the lock.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence

from bandwidth.callbacks.signature import TFV_SIGNATURE_HEADER
from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.webhooks import Delivery, Target
from bandwidth.testing._numbers.platform_events import PlatformEvents
from bandwidth.testing._numbers.tfv_rules import SUBMISSION_FIELDS
from bandwidth.testing._voice.wire_forms import wire_form

__all__ = [
    "DEFAULT_REVIEW_SECONDS",
    "PENDING",
    "RESUBMIT_WINDOW",
    "SUBSCRIPTION_TYPE",
    "UNVERIFIED",
    "VERIFIED",
    "WEBHOOK_TIMEOUT",
    "SimulatedSubscription",
    "SimulatedVerification",
    "VerificationBook",
    "submission_info",
]

PENDING, VERIFIED, UNVERIFIED = "PENDING", "VERIFIED", "UNVERIFIED"
#: How long a review takes on the simulated clock unless the test decides first (3 days).
DEFAULT_REVIEW_SECONDS = 3 * 24 * 3600.0
#: A denied request may be resubmitted this long after the denial (the spec's operation text).
RESUBMIT_WINDOW = timedelta(days=7)
#: What a subscription made on the TFV path is.
SUBSCRIPTION_TYPE = "TOLLFREE_VERIFICATION_STATUS"
#: Real seconds a subscriber may take to answer one webhook (no source gives one).
WEBHOOK_TIMEOUT = 10.0
_ID_ALPHABET = string.ascii_letters + string.digits


@dataclass
class SimulatedVerification:
    """One toll-free number's verification request, as ``tfvStatus`` shows it."""

    phone_number: str
    submission: Dict[str, Any]
    created: datetime
    modified: datetime
    status: str = PENDING
    internal_ticket_number: str = field(default_factory=lambda: str(uuid.uuid4()))
    decline_reason_description: Optional[str] = None
    denial_status_code: Optional[int] = None
    additional_denial_reasons: Optional[List[Dict[str, Any]]] = None
    resubmit_allowed: Optional[bool] = None
    denied_at: Optional[datetime] = None
    blocked: bool = False
    blocked_reason: Optional[str] = None
    cv_token: Optional[str] = None
    #: bumped by each submission and decision, so a review timer of an older one does nothing
    generation: int = 0

    def status_form(self) -> Dict[str, Any]:
        """The ``tfvStatus`` wire form (denial and blocked fields only when they apply)."""
        values: Dict[str, Any] = {
            "phone_number": self.phone_number,
            "status": self.status,
            "internal_ticket_number": self.internal_ticket_number,
            "resubmit_allowed": bool(self.resubmit_allowed),
            "created_date_time": format_time(self.created),
            "modified_date_time": format_time(self.modified),
            "submission": self.submission,
        }
        if self.status == UNVERIFIED and self.decline_reason_description is not None:
            values["decline_reason_description"] = self.decline_reason_description
            values["denial_status_code"] = self.denial_status_code
            values["additional_denial_reasons"] = self.additional_denial_reasons
        if self.blocked:
            values["blocked"] = True
            values["blocked_reason"] = self.blocked_reason
        if self.cv_token is not None:
            values["cv_token"] = self.cv_token
        return wire_form("TfvStatus", values)

    def may_resubmit(self, now: datetime) -> bool:
        """Whether a ``PUT`` is allowed: denied, resubmittable, within the window."""
        return (
            self.status == UNVERIFIED
            and bool(self.resubmit_allowed)
            and self.denied_at is not None
            and now - self.denied_at <= RESUBMIT_WINDOW
        )


@dataclass
class SimulatedSubscription:
    """One webhook subscription: where the account's TFV webhooks go, and how."""

    id: str
    account_id: str
    callback_url: Optional[str]
    created: datetime
    modified: datetime
    username: Optional[str] = None
    password: Optional[str] = field(default=None, repr=False)
    shared_secret_key: Optional[str] = field(default=None, repr=False)

    def wire(self, *, with_password: bool) -> Dict[str, Any]:
        """The ``webhookSubscription`` form (the list shows passwords as ``null``)."""
        auth = None
        if self.username is not None:
            auth = {"username": self.username, "password": self.password if with_password else None}
        return wire_form(
            "WebhookSubscription",
            {
                "id": self.id,
                "account_id": self.account_id,
                "callback_url": self.callback_url,
                "type": SUBSCRIPTION_TYPE,
                "basic_authentication": auth,
                "created_date": format_time(self.created),
                "modified_date": format_time(self.modified),
            },
        )

    def signature(self) -> Optional[Callable[[bytes], Mapping[str, str]]]:
        """The signing header for a body, when the subscription has a shared secret."""
        key = self.shared_secret_key
        if not key:
            return None

        def sign(body: bytes) -> Mapping[str, str]:
            digest = hmac.new(key.encode("utf-8"), body, hashlib.sha256).hexdigest()
            return {TFV_SIGNATURE_HEADER: digest}

        return sign


class VerificationBook:
    """Every verification request and subscription of the simulator's account."""

    def __init__(self, account_id: Callable[[], str], events: PlatformEvents) -> None:
        self._account_id = account_id
        self.events = events
        self.verifications: Dict[str, SimulatedVerification] = {}
        self.subscriptions: Dict[str, SimulatedSubscription] = {}
        #: seconds a review takes before it approves on its own (``None``: only the test decides)
        self.review_seconds: Optional[float] = DEFAULT_REVIEW_SECONDS

    def clear(self) -> None:
        """Forget every request and subscription."""
        self.verifications.clear()
        self.subscriptions.clear()

    # -- requests (the REST operations) ----------------------------------------------------

    def get(self, phone_number: str) -> SimulatedVerification:
        """The number's request (``KeyError`` when it has none)."""
        return self.verifications[phone_number]

    def submit(self, numbers: Sequence[str], submission: Dict[str, Any], when: datetime) -> None:
        """A new request for each number: ``PENDING``, its review on the clock."""
        for number in numbers:
            request = SimulatedVerification(number, dict(submission), when, when)
            self.verifications[number] = request
            self._review(request, when)

    def resubmit(self, phone_number: str, submission: Dict[str, Any], when: datetime) -> None:
        """A denied request fixed: ``PENDING`` again, the denial cleared, a new review."""
        request = self.verifications[phone_number]
        request.submission = dict(submission)
        request.status = PENDING
        request.modified = when
        request.decline_reason_description = request.denial_status_code = None
        request.additional_denial_reasons = request.resubmit_allowed = request.denied_at = None
        self._review(request, when)

    def delete(self, phone_number: str) -> None:
        """Forget the number's request (``KeyError`` when it has none)."""
        del self.verifications[phone_number]

    def _review(self, request: SimulatedVerification, when: datetime) -> None:
        request.generation += 1
        seconds = self.review_seconds
        if seconds is None:
            return
        generation = request.generation

        def reviewed(now: datetime) -> None:
            if (
                self.verifications.get(request.phone_number) is request
                and request.generation == generation
                and request.status == PENDING
            ):
                self.approve(request.phone_number, now)

        self.events.at(when + timedelta(seconds=seconds), reviewed)

    # -- decisions (the review, or the test) -----------------------------------------------

    def approve(self, phone_number: str, when: datetime) -> None:
        """The review approves: ``VERIFIED``, a ``VerificationWebhook`` to every subscription."""
        request = self._pending(phone_number, "approved")
        request.status = VERIFIED
        request.resubmit_allowed = False
        request.modified = when
        request.generation += 1
        self._notify("tfv-verified", request, when, status=VERIFIED)

    def deny(
        self,
        phone_number: str,
        reasons: Sequence[str],
        when: datetime,
        *,
        denial_status_code: int,
        resubmit_allowed: bool,
    ) -> None:
        """The review denies: ``UNVERIFIED`` with the reasons, a ``VerificationDenialWebhook``."""
        request = self._pending(phone_number, "denied")
        first, *others = reasons
        request.status = UNVERIFIED
        request.decline_reason_description = first
        request.denial_status_code = denial_status_code
        request.additional_denial_reasons = [
            {
                "statusCode": denial_status_code,
                "reason": reason,
                "resubmitAllowed": resubmit_allowed,
            }
            for reason in others
        ] or None
        request.resubmit_allowed = resubmit_allowed
        request.denied_at = request.modified = when
        request.generation += 1
        self._notify(
            "tfv-denied",
            request,
            when,
            status=UNVERIFIED,
            decline_reason_description=first,
            denial_status_code=denial_status_code,
            additional_denial_reasons=request.additional_denial_reasons,
            resubmit_allowed=resubmit_allowed,
        )

    def fail(
        self,
        phone_number: str,
        error_code: str,
        message: str,
        errors: Sequence[str],
        when: datetime,
    ) -> None:
        """Processing failed: the status stays, a ``FailureWebhook`` goes out."""
        request = self.verifications[phone_number]
        self._notify(
            "tfv-failed",
            request,
            when,
            error_code=error_code,
            error_message=message,
            errors=list(errors),
        )

    def block(self, phone_number: str, reason: str, when: datetime) -> None:
        """The number is blocked (used for spam, say): ``blocked``, a ``BlockedWebhook``."""
        request = self.verifications[phone_number]
        request.blocked = True
        request.blocked_reason = reason
        request.modified = when
        self._notify(
            "tfv-blocked", request, when, status=request.status, blocked=True, blocked_reason=reason
        )

    def _pending(self, phone_number: str, verb: str) -> SimulatedVerification:
        request = self.verifications[phone_number]
        if request.status != PENDING:
            raise ValueError(
                f"the request for {phone_number} is {request.status}: only a PENDING one "
                f"can be {verb}"
            )
        return request

    # -- subscriptions ---------------------------------------------------------------------

    def subscribe(self, fields: Mapping[str, Any], when: datetime) -> SimulatedSubscription:
        """A new subscription with a fresh 22-character id."""
        new_id = "".join(secrets.choice(_ID_ALPHABET) for _ in range(22))
        subscription = SimulatedSubscription(new_id, self._account_id(), None, when, when)
        self._apply(subscription, fields)
        self.subscriptions[new_id] = subscription
        return subscription

    def resubscribe(
        self, subscription_id: str, fields: Mapping[str, Any], when: datetime
    ) -> SimulatedSubscription:
        """Replace a subscription's URL, credentials and key (``KeyError``: no such id)."""
        subscription = self.subscriptions[subscription_id]
        self._apply(subscription, fields)
        subscription.modified = when
        return subscription

    def unsubscribe(self, subscription_id: str) -> None:
        """Delete a subscription (``KeyError``: no such id)."""
        del self.subscriptions[subscription_id]

    @staticmethod
    def _apply(subscription: SimulatedSubscription, fields: Mapping[str, Any]) -> None:
        auth = fields.get("basicAuthentication") or {}
        subscription.callback_url = fields.get("callbackUrl")
        subscription.username = auth.get("username")
        subscription.password = auth.get("password")
        subscription.shared_secret_key = fields.get("sharedSecretKey")

    # -- webhooks --------------------------------------------------------------------------

    def _notify(
        self, event_type: str, request: SimulatedVerification, when: datetime, **values: Any
    ) -> None:
        model = _MODELS[event_type]
        payload = wire_form(
            model,
            {
                "account_id": self._account_id(),
                "phone_number": request.phone_number,
                "internal_ticket_number": request.internal_ticket_number,
                **values,
            },
            left_out_when_none=frozenset({"additional_denial_reasons"}),
        )
        deliveries = []
        for subscription in self.subscriptions.values():
            if not subscription.callback_url:
                continue  # an empty URL (the pattern allows one) receives nothing
            target = Target(
                subscription.callback_url, "POST", subscription.username, subscription.password
            )
            deliveries.append(
                Delivery(
                    event_type=event_type,
                    call_id=request.phone_number,
                    payload=payload,
                    primary=target,
                    fallback=None,
                    timeout=WEBHOOK_TIMEOUT,
                    time=when,
                    expects_bxml=False,
                    signature=subscription.signature(),
                )
            )
        self.events.send(deliveries)


#: The SDK model of each webhook's shape, by the event type ``sim.webhooks`` shows.
_MODELS: Mapping[str, str] = {
    "tfv-verified": "VerificationWebhook",
    "tfv-denied": "VerificationDenialWebhook",
    "tfv-failed": "FailureWebhook",
    "tfv-blocked": "BlockedWebhook",
}


def submission_info(body: Mapping[str, Any]) -> Dict[str, Any]:
    """The part of a submission ``tfvStatus.submission`` shows (``tfvSubmissionInfo``)."""
    return {name: body[name] for name in SUBMISSION_FIELDS if name in body}

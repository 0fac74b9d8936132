"""The numbers products' part of the public test API: decide reviews, connect devices.

:class:`NumbersTestApi` is a base of :class:`~bandwidth.testing.BandwidthSimulator`
beside the voice test API. It holds only the numbers parts (attached once by
:meth:`NumbersTestApi._attach_numbers`); every change goes through the
simulator's action runner, so what falls due runs first and the webhooks a
change sets off are delivered before the method returns.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, List, Optional, Sequence, TypeVar

from bandwidth._formats import is_toll_free
from bandwidth.testing._numbers.assembly import Numbers
from bandwidth.testing._numbers.endpoint_book import EVENT_SHAPES

__all__ = ["NumbersTestApi"]

_T = TypeVar("_T")


class NumbersTestApi:
    """Toll-free verification and endpoint methods of the simulator's test API."""

    def _attach_numbers(self, numbers: Numbers) -> None:
        self._numbers = numbers
        numbers.control_with(self)

    def _numbers_act(self, change: Callable[[datetime], _T]) -> _T:
        return self._numbers.actions.act(change)

    # -- toll-free verification ------------------------------------------------------------

    @property
    def toll_free_review_seconds(self) -> Optional[float]:
        """Seconds after a submission (or resubmission) its review approves it on the clock.

        Default 3 days (259200). ``None``: a review ends only when the test
        calls :meth:`approve_toll_free_verification` or
        :meth:`deny_toll_free_verification`. Applies to submissions made after it is set.
        """
        return self._numbers.verifications.review_seconds

    @toll_free_review_seconds.setter
    def toll_free_review_seconds(self, seconds: Optional[float]) -> None:
        if seconds is not None and (
            isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0
        ):
            raise ValueError("toll_free_review_seconds must be None or a non-negative number")
        self._numbers.verifications.review_seconds = None if seconds is None else float(seconds)

    @property
    def toll_free_use_cases(self) -> List[str]:
        """What ``list_toll_free_use_cases`` answers (default: the spec's ten examples)."""
        return list(self._numbers.tfv.use_cases)

    @toll_free_use_cases.setter
    def toll_free_use_cases(self, use_cases: Sequence[str]) -> None:
        if isinstance(use_cases, str) or not all(isinstance(u, str) for u in use_cases):
            raise ValueError("toll_free_use_cases must be a sequence of strings")
        self._numbers.tfv.use_cases = list(use_cases)

    @property
    def business_registration_required_from(self) -> Optional[datetime]:
        """When submissions must follow the business-registration rule (default
        2026-10-19 UTC, as announced; ``None``: never)."""
        return self._numbers.tfv.registration_from

    @business_registration_required_from.setter
    def business_registration_required_from(self, moment: Optional[datetime]) -> None:
        if moment is not None and (not isinstance(moment, datetime) or moment.tzinfo is None):
            raise ValueError("business_registration_required_from must be an aware datetime")
        self._numbers.tfv.registration_from = moment

    def toll_free_verification(self, phone_number: str) -> Any:
        """The number's request as ``get_toll_free_verification_status`` answers it (a
        :class:`bandwidth.models.TfvStatus`); ``KeyError`` when it has none."""
        from bandwidth.models import TfvStatus

        book = self._numbers.verifications
        with self._numbers.lock:
            form = _known(book.verifications, phone_number).status_form()
        return TfvStatus.from_dict(form)

    def approve_toll_free_verification(self, phone_number: str) -> None:
        """End the number's ``PENDING`` review now: ``VERIFIED``, and a
        ``VerificationWebhook`` to every subscription (``ValueError`` if not pending)."""
        book = self._numbers.verifications
        _known(book.verifications, phone_number)
        self._numbers_act(lambda now: book.approve(phone_number, now))

    def deny_toll_free_verification(
        self,
        phone_number: str,
        *reasons: str,
        denial_status_code: int = 511,
        resubmit_allowed: bool = True,
    ) -> None:
        """Deny the number's ``PENDING`` review now: ``UNVERIFIED`` with the reasons, and a
        ``VerificationDenialWebhook`` to every subscription.

        The first reason is ``declineReasonDescription``, the others
        ``additionalDenialReasons`` (each with ``denial_status_code`` and
        ``resubmit_allowed``). With ``resubmit_allowed`` the request may be
        fixed with ``update_toll_free_verification_request`` for 7 days.
        """
        if not reasons:
            reasons = ("Invalid Information - Can't Validate URL",)
        if not all(isinstance(r, str) and r for r in reasons):
            raise ValueError("each denial reason must be a non-empty string")
        if isinstance(denial_status_code, bool) or not isinstance(denial_status_code, int):
            raise ValueError("denial_status_code must be an integer")
        book = self._numbers.verifications
        _known(book.verifications, phone_number)
        self._numbers_act(
            lambda now: book.deny(
                phone_number,
                reasons,
                now,
                denial_status_code=denial_status_code,
                resubmit_allowed=bool(resubmit_allowed),
            )
        )

    def fail_toll_free_verification(
        self, phone_number: str, error_message: str, *errors: str, error_code: str = "400"
    ) -> None:
        """Processing the number's request failed: a ``FailureWebhook`` (``errorCode``,
        ``errorMessage``, ``errors``) to every subscription; the status stays."""
        book = self._numbers.verifications
        _known(book.verifications, phone_number)
        self._numbers_act(
            lambda now: book.fail(phone_number, str(error_code), error_message, errors, now)
        )

    def block_toll_free_number(self, phone_number: str, reason: str = "Spam") -> None:
        """Block the number (its status shows ``blocked``): a ``BlockedWebhook`` to every
        subscription."""
        book = self._numbers.verifications
        _known(book.verifications, phone_number)
        self._numbers_act(lambda now: book.block(phone_number, reason, now))

    # -- endpoints -------------------------------------------------------------------------

    @property
    def max_endpoints(self) -> int:
        """Endpoints the account may hold at once (default 100); one more gets a 429
        ``too_many_endpoints`` with ``Retry-After: 900``."""
        return self._numbers.endpoints.max_endpoints

    @max_endpoints.setter
    def max_endpoints(self, count: int) -> None:
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError("max_endpoints must be a non-negative integer")
        self._numbers.endpoints.max_endpoints = count

    @property
    def endpoint_event_shape(self) -> str:
        """How endpoint events look: ``"spec"`` (default: the spec's ``EndpointEvent``,
        ``eventType`` ``DEVICE_CONNECTED``/``DEVICE_DISCONNECTED``) or ``"docs"`` (the BRTC
        webhooks page's: ``event`` ``endpointConnected``/..., an epoch-ms ``timestamp``,
        ``deviceId``, ``tags``)."""
        return self._numbers.endpoints.event_shape

    @endpoint_event_shape.setter
    def endpoint_event_shape(self, shape: str) -> None:
        if shape not in EVENT_SHAPES:
            raise ValueError(f"endpoint_event_shape must be one of {', '.join(EVENT_SHAPES)}")
        self._numbers.endpoints.event_shape = shape

    def connect_endpoint(self, endpoint_id: str, *, device_name: Optional[str] = None) -> str:
        """A client connects to the endpoint with its token: a new ``CONNECTED`` device (the
        endpoint is ``CONNECTED``), and ``DEVICE_CONNECTED`` to its ``eventCallbackUrl``.
        Returns the device id (``d-...``); ``KeyError`` for an unknown endpoint."""
        book = self._numbers.endpoints
        _known_endpoint(book.endpoints, endpoint_id)
        return self._numbers_act(lambda now: book.connect(endpoint_id, device_name, now))

    def disconnect_endpoint(self, endpoint_id: str, device_id: Optional[str] = None) -> None:
        """The device (default: every connected one) disconnects: it stays listed as
        ``DISCONNECTED``, and ``DEVICE_DISCONNECTED`` goes to the endpoint's callback URL."""
        book = self._numbers.endpoints
        _known_endpoint(book.endpoints, endpoint_id)
        self._numbers_act(lambda now: book.disconnect(endpoint_id, device_id, now))

    def endpoint_bxml(self, endpoint_id: str) -> List[str]:
        """Every BXML document ``update_endpoint_bxml`` sent the endpoint, oldest first."""
        with self._numbers.lock:
            return list(_known_endpoint(self._numbers.endpoints.endpoints, endpoint_id).bxml)

    def endpoint_token(self, endpoint_id: str) -> str:
        """The token ``create_endpoint`` answered for the endpoint (what a client connects with)."""
        with self._numbers.lock:
            return str(_known_endpoint(self._numbers.endpoints.endpoints, endpoint_id).token)


def _known(table: Any, key: str) -> Any:
    found = table.get(key)
    if found is None:
        what = "toll-free number" if is_toll_free(key) else "id"
        raise KeyError(f"no verification request for the {what} {key!r}")
    return found


def _known_endpoint(table: Any, endpoint_id: str) -> Any:
    found = table.get(endpoint_id)
    if found is None:
        raise KeyError(f"no endpoint {endpoint_id!r} (never created, deleted or expired)")
    return found

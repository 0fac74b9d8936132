"""The Toll-Free Verification API as the core serves it: its nine operations and ``tfvError``.

:class:`TollFreeService` is the :class:`~bandwidth.testing._core.products.ProductService`
of the TFV paths (under ``/api/v2``). Each handler checks the request as the
platform does (:mod:`.tfv_rules`), changes the :class:`~.tfv_book.VerificationBook`
and answers with the status the spec gives (202 for a submission or
resubmission, 204 for a delete, 201 for a new subscription). A refusal is a
``tfvError``: ``{"type", "description", "errors"}``, ``errors`` mapping each
field to its problems.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Protocol, Tuple

from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import (
    JSON_HEADER,
    Problem,
    Request,
    empty,
    json_answer,
    parse_json_object,
)
from bandwidth.testing._core.http_answers import Response, reason
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._numbers import control
from bandwidth.testing._numbers.control import NumbersControlTarget
from bandwidth.testing._numbers.paths import TFV_PATHS, TFV_PREFIXES, match
from bandwidth.testing._numbers.tfv_book import VerificationBook, submission_info
from bandwidth.testing._numbers.tfv_rules import (
    BUSINESS_REGISTRATION_FROM,
    FieldsRefused,
    check_model,
    check_phone_number,
    check_registration,
)

__all__ = ["TFV_SUCCESS", "USE_CASES", "NumbersSettings", "TollFreeService"]

#: The spec's example use cases (the full list is in no source).
USE_CASES: Tuple[str, ...] = (
    "2FA",
    "App Notifications",
    "Appointments",
    "Auctions",
    "Auto Repair Services",
    "Bank Transfers",
    "Billing",
    "Booking Confirmations",
    "Business Updates",
    "COVID-19 Alerts",
)

#: Each operation's success status, by SDK method name.
TFV_SUCCESS: Mapping[str, int] = {
    "request_toll_free_verification": 202,
    "get_toll_free_verification_status": 200,
    "update_toll_free_verification_request": 202,
    "delete_verification_request": 204,
    "list_webhook_subscriptions": 200,
    "create_webhook_subscription": 201,
    "update_webhook_subscription": 200,
    "delete_webhook_subscription": 204,
    "list_toll_free_use_cases": 200,
}
_TYPES = {400: "bad request", 404: "Not Found"}
_NOT_FOUND = "Cannot find the requested resource."


class NumbersSettings(Protocol):
    """What the numbers products read of the simulator at each request."""

    @property
    def account_id(self) -> str:
        """The one account served."""

    def now(self) -> datetime:
        """The simulator's current time."""


Handler = Callable[["TollFreeService", Request], Response]


class TollFreeService:
    """The TFV operations, error body and control endpoints (a ``ProductService``)."""

    api_name = "Toll-Free Verification API"
    success: Mapping[str, int] = TFV_SUCCESS

    def __init__(
        self,
        settings: NumbersSettings,
        lock: threading.Lock,
        book: VerificationBook,
        run: Callable[[], None],
    ) -> None:
        self.settings = settings
        self.lock = lock
        self.book = book
        #: the simulator's use cases, as ``list_toll_free_use_cases`` answers them
        self.use_cases: List[str] = list(USE_CASES)
        #: when the business-registration rule starts (``None``: never)
        self.registration_from: Optional[datetime] = BUSINESS_REGISTRATION_FROM
        self._run = run
        #: the test API its control routes drive (the facade, once it is built)
        self.control_target: Optional[NumbersControlTarget] = None

    def route(self, method: str, path: str) -> Optional[Route]:
        """A TFV operation's route, ``None`` for any other path."""
        return match(method, path, TFV_PREFIXES, TFV_PATHS, self.settings.account_id)

    def permits(self, principal: Principal) -> bool:
        """Any authenticated caller (roles are modelled for voice only)."""
        return True

    def answer(self, route: Route, request: Request) -> Response:
        """Run the operation's handler; webhooks it set off go out after."""
        assert route.operation is not None
        self._run()
        try:
            return _HANDLERS[route.operation](self, request)
        except FieldsRefused as exc:
            return self._error(400, exc.description, exc.errors)
        finally:
            self._run()

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """A ``tfvError`` answer."""
        return self._error(status, description, {}, headers)

    def _error(
        self,
        status: int,
        description: str,
        errors: Mapping[str, Any],
        headers: Tuple[Tuple[str, str], ...] = (),
    ) -> Response:
        payload = {
            "type": _TYPES.get(status, reason(status)),
            "description": description,
            "errors": dict(errors),
        }
        return status, [JSON_HEADER, *headers], json.dumps(payload).encode()

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """The numbers control endpoints below ``/_control/tollfree``.

        The endpoints service serves those below ``/_control/endpoints``.
        """
        return control.find(self.control_target, control.TOLLFREE_ROOT, method, path)

    # -- what handlers share ---------------------------------------------------------------

    def registration_applies(self, now: datetime) -> bool:
        """Whether the business-registration rule applies at ``now``."""
        start = self.registration_from
        return start is not None and now >= start


def _number(request: Request) -> str:
    number = request.params["phoneNumber"]
    check_phone_number(number)
    return number


def _request(service: TollFreeService, request: Request) -> Response:
    from bandwidth.models import VerificationRequest

    body = parse_json_object(request.body)
    check_model(VerificationRequest, body)
    now = service.settings.now()
    check_registration(body, service.registration_applies(now))
    numbers: List[str] = list(dict.fromkeys(body["phoneNumbers"]))
    with service.lock:
        taken = [n for n in numbers if n in service.book.verifications]
        if taken:
            raise FieldsRefused(
                "cannot process request.",
                {
                    "phoneNumbers": [
                        f"{n} already has a verification request: update it (PUT) or delete it"
                        for n in taken
                    ]
                },
            )
        service.book.submit(numbers, submission_info(body), now)
    return empty(202)


def _status(service: TollFreeService, request: Request) -> Response:
    number = _number(request)
    with service.lock:
        found = service.book.verifications.get(number)
        if found is None:
            raise Problem(404, _NOT_FOUND)
        return json_answer(found.status_form())


def _update(service: TollFreeService, request: Request) -> Response:
    from bandwidth.models import TfvSubmissionWrapper

    number = _number(request)
    body = parse_json_object(request.body)
    check_model(TfvSubmissionWrapper, body)
    submission: Dict[str, Any] = body.get("submission") or {}
    if not submission:
        raise FieldsRefused("cannot process request.", {"submission": ["Field required"]})
    now = service.settings.now()
    check_registration(submission, service.registration_applies(now))
    with service.lock:
        found = service.book.verifications.get(number)
        if found is None or not found.may_resubmit(now):
            shown = "no verification request" if found is None else f"a {found.status} request"
            why = f"{number} has {shown}; only a denied request that allows resubmission "
            raise Problem(400, why + "may be updated, within 7 days of its denial.")
        service.book.resubmit(number, submission_info(submission), now)
    return empty(202)


def _delete(service: TollFreeService, request: Request) -> Response:
    number = _number(request)
    with service.lock:
        if number not in service.book.verifications:
            raise Problem(404, _NOT_FOUND)
        service.book.delete(number)
    return empty(204)


def _list_subscriptions(service: TollFreeService, request: Request) -> Response:
    with service.lock:
        data = [s.wire(with_password=False) for s in service.book.subscriptions.values()]
    return json_answer({"links": {}, "errors": [], "data": data})


def _subscription_fields(request: Request) -> Dict[str, Any]:
    from bandwidth.models import WebhookSubscriptionRequestSchema

    body = parse_json_object(request.body)
    check_model(WebhookSubscriptionRequestSchema, body)
    return body


def _create_subscription(service: TollFreeService, request: Request) -> Response:
    fields = _subscription_fields(request)
    with service.lock:
        created = service.book.subscribe(fields, service.settings.now())
        return json_answer(created.wire(with_password=True), 201)


def _update_subscription(service: TollFreeService, request: Request) -> Response:
    fields = _subscription_fields(request)
    with service.lock:
        try:
            changed = service.book.resubscribe(request.params["id"], fields, service.settings.now())
        except KeyError:
            raise Problem(404, _NOT_FOUND) from None
        return json_answer(changed.wire(with_password=True))


def _delete_subscription(service: TollFreeService, request: Request) -> Response:
    with service.lock:
        try:
            service.book.unsubscribe(request.params["id"])
        except KeyError:
            raise Problem(404, _NOT_FOUND) from None
    return empty(204)


def _use_cases(service: TollFreeService, request: Request) -> Response:
    return json_answer(list(service.use_cases))


_HANDLERS: Mapping[str, Handler] = {
    "request_toll_free_verification": _request,
    "get_toll_free_verification_status": _status,
    "update_toll_free_verification_request": _update,
    "delete_verification_request": _delete,
    "list_webhook_subscriptions": _list_subscriptions,
    "create_webhook_subscription": _create_subscription,
    "update_webhook_subscription": _update_subscription,
    "delete_webhook_subscription": _delete_subscription,
    "list_toll_free_use_cases": _use_cases,
}

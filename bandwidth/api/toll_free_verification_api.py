"""``TollFreeVerificationApi``: get toll-free numbers verified for messaging, and hear back.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it. Requests go to the toll-free
verification server (``https://api.bandwidth.com/api/v2``).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Union

from typing_extensions import Final

from bandwidth import _params
from bandwidth._operation import Call, Operation, RequestAuth, RequestHeaders, RequestTimeout
from bandwidth._servers import TFV_SERVERS
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._request import json_body
from bandwidth.exceptions import ErrorModels
from bandwidth.models.tfv_status import TfvStatus
from bandwidth.models.tfv_submission_wrapper import TfvSubmissionWrapper
from bandwidth.models.verification_request import VerificationRequest
from bandwidth.models.webhook_subscription import WebhookSubscription
from bandwidth.models.webhook_subscription_request_schema import WebhookSubscriptionRequestSchema
from bandwidth.models.webhook_subscriptions_list_body import WebhookSubscriptionsListBody

__all__ = ["TollFreeVerificationApi"]

_VERIFICATION = "/accounts/{accountId}/phoneNumbers/{phoneNumber}/tollFreeVerification"
_SUBSCRIPTIONS = "/accounts/{accountId}/tollFreeVerification/webhooks/subscriptions"
JSON = "application/json"
TFV_ERRORS = ErrorModels("tfv_error:TfvError")

REQUEST_TOLL_FREE_VERIFICATION: Operation[None] = Operation(
    "request_toll_free_verification",
    "POST",
    "/accounts/{accountId}/tollFreeVerification",
    None,
    JSON,
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)
GET_TOLL_FREE_VERIFICATION_STATUS: Operation[TfvStatus] = Operation(
    "get_toll_free_verification_status",
    "GET",
    _VERIFICATION,
    TfvStatus,
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)
UPDATE_TOLL_FREE_VERIFICATION_REQUEST: Operation[None] = Operation(
    "update_toll_free_verification_request",
    "PUT",
    _VERIFICATION,
    None,
    JSON,
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)
DELETE_VERIFICATION_REQUEST: Operation[None] = Operation(
    "delete_verification_request", "DELETE", _VERIFICATION, servers=TFV_SERVERS, errors=TFV_ERRORS
)
LIST_WEBHOOK_SUBSCRIPTIONS: Operation[WebhookSubscriptionsListBody] = Operation(
    "list_webhook_subscriptions",
    "GET",
    _SUBSCRIPTIONS,
    WebhookSubscriptionsListBody,
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)
CREATE_WEBHOOK_SUBSCRIPTION: Operation[WebhookSubscription] = Operation(
    "create_webhook_subscription",
    "POST",
    _SUBSCRIPTIONS,
    WebhookSubscription,
    JSON,
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)
DELETE_WEBHOOK_SUBSCRIPTION: Operation[None] = Operation(
    "delete_webhook_subscription",
    "DELETE",
    _SUBSCRIPTIONS + "/{id}",
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)
UPDATE_WEBHOOK_SUBSCRIPTION: Operation[WebhookSubscription] = Operation(
    "update_webhook_subscription",
    "PUT",
    _SUBSCRIPTIONS + "/{id}",
    WebhookSubscription,
    JSON,
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)
LIST_TOLL_FREE_USE_CASES: Operation[List[str]] = Operation(
    "list_toll_free_use_cases",
    "GET",
    "/tollFreeVerification/useCases",
    List[str],
    servers=TFV_SERVERS,
    errors=TFV_ERRORS,
)


class TollFreeVerificationApi(ApiBase):
    """Bandwidth's Toll-Free Verification API: submit, track, fix and withdraw verifications.

    A toll-free number must be verified before it can send messages at
    volume. Submit the business and its use case with
    :meth:`request_toll_free_verification`, follow the status with
    :meth:`get_toll_free_verification_status` or a webhook subscription
    (``*_webhook_subscription``), resubmit a denied request with
    :meth:`update_toll_free_verification_request`. Every operation comes in
    three variants and takes the per-call extras after its own parameters,
    as in :class:`~bandwidth.CallsApi`. The ``POST`` operations (a submission,
    a new subscription) are never retried once they may have reached the
    server; the ``GET``, ``PUT`` and ``DELETE`` ones are.

    ``phone_number`` arguments must be US toll-free numbers in E.164
    (``+18005555555``), checked before sending.
    """

    @Endpoint
    def request_toll_free_verification(
        self,
        account_id: str,
        verification_request: Union[VerificationRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Submit numbers for verification (``POST /accounts/{accountId}/tollFreeVerification``).

        Bandwidth answers 202 with no body; the status then moves from
        ``PENDING`` to ``VERIFIED`` or ``UNVERIFIED`` (see
        :meth:`get_toll_free_verification_status`). Never retried after the
        request may have reached the server.

        Args:
            account_id: your Bandwidth account id.
            verification_request: the business, its contact, the use case,
                sample messages, the opt-in workflow and 1 to 10 toll-free
                numbers (a :class:`VerificationRequest`, or a dict of it),
                checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("verification_request", verification_request, VerificationRequest)
        path = REQUEST_TOLL_FREE_VERIFICATION.expand(account_id)
        return Call(REQUEST_TOLL_FREE_VERIFICATION, path, extras, body=body)

    request_toll_free_verification_with_http_info: Final = WithHttpInfo(
        request_toll_free_verification
    )
    request_toll_free_verification_without_preload_content: Final = WithoutPreloadContent(
        request_toll_free_verification
    )

    @Endpoint
    def get_toll_free_verification_status(
        self,
        account_id: str,
        phone_number: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[TfvStatus]:
        """Get a number's verification status (``GET …/{phoneNumber}/tollFreeVerification``).

        ``status`` is ``VERIFIED``, ``UNVERIFIED`` (with the denial reasons and
        ``resubmit_allowed``) or ``PENDING``; the submission is included when
        Bandwidth has it. A number with no submission raises
        :class:`~bandwidth.exceptions.NotFoundException`.

        Args:
            account_id: your Bandwidth account id.
            phone_number: the toll-free number (``+18005555555``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        number = _params.toll_free_number("phone_number", phone_number)
        path = GET_TOLL_FREE_VERIFICATION_STATUS.expand(account_id, number)
        return Call(GET_TOLL_FREE_VERIFICATION_STATUS, path, extras)

    get_toll_free_verification_status_with_http_info: Final = WithHttpInfo(
        get_toll_free_verification_status
    )
    get_toll_free_verification_status_without_preload_content: Final = WithoutPreloadContent(
        get_toll_free_verification_status
    )

    @Endpoint
    def update_toll_free_verification_request(
        self,
        account_id: str,
        phone_number: str,
        tfv_submission_wrapper: Union[TfvSubmissionWrapper, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Resubmit a denied request (``PUT …/{phoneNumber}/tollFreeVerification``).

        Allowed while the status says ``resubmit_allowed`` and within 7 days
        of the denial; Bandwidth answers 202 with no body and reviews the
        number again. The submission replaces the previous one, so a retry
        sends the same replacement.

        Args:
            account_id: your Bandwidth account id.
            phone_number: the toll-free number (``+18005555555``).
            tfv_submission_wrapper: ``{"submission": {...}}``, the fields of a
                :class:`VerificationRequest` but ``phone_numbers`` (a
                :class:`TfvSubmissionWrapper`, or a dict of it), checked before
                sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        number = _params.toll_free_number("phone_number", phone_number)
        body = json_body("tfv_submission_wrapper", tfv_submission_wrapper, TfvSubmissionWrapper)
        path = UPDATE_TOLL_FREE_VERIFICATION_REQUEST.expand(account_id, number)
        return Call(UPDATE_TOLL_FREE_VERIFICATION_REQUEST, path, extras, body=body)

    update_toll_free_verification_request_with_http_info: Final = WithHttpInfo(
        update_toll_free_verification_request
    )
    update_toll_free_verification_request_without_preload_content: Final = WithoutPreloadContent(
        update_toll_free_verification_request
    )

    @Endpoint
    def delete_verification_request(
        self,
        account_id: str,
        phone_number: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Withdraw a number's submission (``DELETE …/{phoneNumber}/tollFreeVerification``).

        Bandwidth answers 204. A number with no submission raises
        :class:`~bandwidth.exceptions.NotFoundException`.

        Args:
            account_id: your Bandwidth account id.
            phone_number: the toll-free number (``+18005555555``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        number = _params.toll_free_number("phone_number", phone_number)
        path = DELETE_VERIFICATION_REQUEST.expand(account_id, number)
        return Call(DELETE_VERIFICATION_REQUEST, path, extras)

    delete_verification_request_with_http_info: Final = WithHttpInfo(delete_verification_request)
    delete_verification_request_without_preload_content: Final = WithoutPreloadContent(
        delete_verification_request
    )

    @Endpoint
    def list_webhook_subscriptions(
        self,
        account_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[WebhookSubscriptionsListBody]:
        """List the account's webhook subscriptions (``GET …/webhooks/subscriptions``).

        One answer holds them all (the operation has no paging parameters).
        Bandwidth never returns a subscription's password: its
        ``basic_authentication.password`` is ``None``.

        Args:
            account_id: your Bandwidth account id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = LIST_WEBHOOK_SUBSCRIPTIONS.expand(account_id)
        return Call(LIST_WEBHOOK_SUBSCRIPTIONS, path, extras)

    list_webhook_subscriptions_with_http_info: Final = WithHttpInfo(list_webhook_subscriptions)
    list_webhook_subscriptions_without_preload_content: Final = WithoutPreloadContent(
        list_webhook_subscriptions
    )

    @Endpoint
    def create_webhook_subscription(
        self,
        account_id: str,
        webhook_subscription_request_schema: Union[
            WebhookSubscriptionRequestSchema, Dict[str, Any]
        ],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[WebhookSubscription]:
        """Subscribe a URL to every verification update (``POST …/webhooks/subscriptions``).

        Bandwidth answers 201 with the subscription and its ``id``. Never
        retried after the request may have reached the server (a retry could
        make a second subscription).

        Args:
            account_id: your Bandwidth account id.
            webhook_subscription_request_schema: the ``callback_url``, optional
                ``basic_authentication`` (username and password Bandwidth sends)
                and ``shared_secret_key`` (to sign each webhook) (a
                :class:`WebhookSubscriptionRequestSchema`, or a dict of it),
                checked before sending; error messages never show the password
                or the key.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body(
            "webhook_subscription_request_schema",
            webhook_subscription_request_schema,
            WebhookSubscriptionRequestSchema,
        )
        path = CREATE_WEBHOOK_SUBSCRIPTION.expand(account_id)
        return Call(CREATE_WEBHOOK_SUBSCRIPTION, path, extras, body=body)

    create_webhook_subscription_with_http_info: Final = WithHttpInfo(create_webhook_subscription)
    create_webhook_subscription_without_preload_content: Final = WithoutPreloadContent(
        create_webhook_subscription
    )

    @Endpoint
    def delete_webhook_subscription(
        self,
        account_id: str,
        id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Delete a webhook subscription (``DELETE …/webhooks/subscriptions/{id}``).

        Bandwidth answers 204; an unknown id raises
        :class:`~bandwidth.exceptions.NotFoundException`.

        Args:
            account_id: your Bandwidth account id.
            id: the subscription's id (from :meth:`create_webhook_subscription`
                or :meth:`list_webhook_subscriptions`).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = DELETE_WEBHOOK_SUBSCRIPTION.expand(account_id, id)
        return Call(DELETE_WEBHOOK_SUBSCRIPTION, path, extras)

    delete_webhook_subscription_with_http_info: Final = WithHttpInfo(delete_webhook_subscription)
    delete_webhook_subscription_without_preload_content: Final = WithoutPreloadContent(
        delete_webhook_subscription
    )

    @Endpoint
    def update_webhook_subscription(
        self,
        account_id: str,
        id: str,
        webhook_subscription_request_schema: Union[
            WebhookSubscriptionRequestSchema, Dict[str, Any]
        ],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[WebhookSubscription]:
        """Replace a subscription's URL and credentials (``PUT …/webhooks/subscriptions/{id}``).

        Bandwidth answers 200 with the updated subscription.

        Args:
            account_id: your Bandwidth account id.
            id: the subscription's id.
            webhook_subscription_request_schema: as for
                :meth:`create_webhook_subscription`, checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body(
            "webhook_subscription_request_schema",
            webhook_subscription_request_schema,
            WebhookSubscriptionRequestSchema,
        )
        path = UPDATE_WEBHOOK_SUBSCRIPTION.expand(account_id, id)
        return Call(UPDATE_WEBHOOK_SUBSCRIPTION, path, extras, body=body)

    update_webhook_subscription_with_http_info: Final = WithHttpInfo(update_webhook_subscription)
    update_webhook_subscription_without_preload_content: Final = WithoutPreloadContent(
        update_webhook_subscription
    )

    @Endpoint
    def list_toll_free_use_cases(
        self,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[str]]:
        """List the use cases a submission may name (``GET /tollFreeVerification/useCases``).

        Returns strings such as ``"2FA"`` or ``"App Notifications"``: pass one
        as a :class:`VerificationRequest`'s ``use_case``.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(LIST_TOLL_FREE_USE_CASES, LIST_TOLL_FREE_USE_CASES.expand(), extras)

    list_toll_free_use_cases_with_http_info: Final = WithHttpInfo(list_toll_free_use_cases)
    list_toll_free_use_cases_without_preload_content: Final = WithoutPreloadContent(
        list_toll_free_use_cases
    )

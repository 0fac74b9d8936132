"""``PhoneNumberLookupApi``: carrier, line type and reachability of phone numbers (TN Lookup v2).

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it. Requests go to the lookup server
(``https://api.bandwidth.com/v2``).
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Union
from uuid import UUID

from typing_extensions import Final

from bandwidth import _params
from bandwidth._operation import Call, Operation, RequestAuth, RequestHeaders, RequestTimeout
from bandwidth._servers import LOOKUP_SERVERS
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._request import json_body
from bandwidth.exceptions import ErrorModels
from bandwidth.models.async_lookup_request import AsyncLookupRequest
from bandwidth.models.create_async_bulk_lookup_response import CreateAsyncBulkLookupResponse
from bandwidth.models.create_sync_lookup_response import CreateSyncLookupResponse
from bandwidth.models.get_async_bulk_lookup_response import GetAsyncBulkLookupResponse
from bandwidth.models.sync_lookup_request import SyncLookupRequest

__all__ = ["PhoneNumberLookupApi"]

_LOOKUP = "/accounts/{accountId}/phoneNumberLookup"
JSON = "application/json"
LOOKUP_ERRORS = ErrorModels("lookup_error_response:LookupErrorResponse")

CREATE_SYNC_LOOKUP: Operation[CreateSyncLookupResponse] = Operation(
    "create_sync_lookup",
    "POST",
    _LOOKUP,
    CreateSyncLookupResponse,
    JSON,
    servers=LOOKUP_SERVERS,
    errors=LOOKUP_ERRORS,
)
CREATE_ASYNC_BULK_LOOKUP: Operation[CreateAsyncBulkLookupResponse] = Operation(
    "create_async_bulk_lookup",
    "POST",
    _LOOKUP + "/bulk",
    CreateAsyncBulkLookupResponse,
    JSON,
    servers=LOOKUP_SERVERS,
    errors=LOOKUP_ERRORS,
)
GET_ASYNC_BULK_LOOKUP: Operation[GetAsyncBulkLookupResponse] = Operation(
    "get_async_bulk_lookup",
    "GET",
    _LOOKUP + "/bulk/{requestId}",
    GetAsyncBulkLookupResponse,
    servers=LOOKUP_SERVERS,
    errors=LOOKUP_ERRORS,
)


class PhoneNumberLookupApi(ApiBase):
    """Bandwidth's Phone Number Lookup API (v2): who serves a number, and what kind it is.

    ``create_sync_lookup`` answers at once for up to 100 numbers;
    ``create_async_bulk_lookup`` takes up to 15,000 and returns a request id
    to poll with ``get_async_bulk_lookup``. Every operation comes in three
    variants and takes the per-call extras after its own parameters, as in
    :class:`~bandwidth.CallsApi`. The two ``create_*`` are ``POST`` and, like
    every ``POST``, never retried once they may have reached the server (a
    lookup may be billed).
    """

    @Endpoint
    def create_sync_lookup(
        self,
        account_id: str,
        sync_lookup_request: Union[SyncLookupRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CreateSyncLookupResponse]:
        """Look up 1 to 100 numbers and wait for the answer (``POST …/phoneNumberLookup``).

        Answers 200 with ``data.status`` ``COMPLETE``, ``PARTIAL_COMPLETE``
        (``errors`` lists the numbers not found) or ``FAILED``, and one
        result per number found. Never retried after the request may have
        reached the server.

        Args:
            account_id: your Bandwidth account id.
            sync_lookup_request: the numbers (E.164, ``+19195551234``) and an
                optional RCS agent (a :class:`SyncLookupRequest`, or a dict of
                it), checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("sync_lookup_request", sync_lookup_request, SyncLookupRequest)
        return Call(CREATE_SYNC_LOOKUP, CREATE_SYNC_LOOKUP.expand(account_id), extras, body=body)

    create_sync_lookup_with_http_info: Final = WithHttpInfo(create_sync_lookup)
    create_sync_lookup_without_preload_content: Final = WithoutPreloadContent(create_sync_lookup)

    @Endpoint
    def create_async_bulk_lookup(
        self,
        account_id: str,
        async_lookup_request: Union[AsyncLookupRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CreateAsyncBulkLookupResponse]:
        """Start a lookup of up to 15,000 numbers (``POST …/phoneNumberLookup/bulk``).

        Answers 202 with ``data.request_id`` and ``data.status``
        ``IN_PROGRESS``; poll :meth:`get_async_bulk_lookup` for the results.
        Never retried after the request may have reached the server (a
        retry would start a second lookup).

        Args:
            account_id: your Bandwidth account id.
            async_lookup_request: the numbers (an :class:`AsyncLookupRequest`,
                or a dict of it), checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("async_lookup_request", async_lookup_request, AsyncLookupRequest)
        path = CREATE_ASYNC_BULK_LOOKUP.expand(account_id)
        return Call(CREATE_ASYNC_BULK_LOOKUP, path, extras, body=body)

    create_async_bulk_lookup_with_http_info: Final = WithHttpInfo(create_async_bulk_lookup)
    create_async_bulk_lookup_without_preload_content: Final = WithoutPreloadContent(
        create_async_bulk_lookup
    )

    @Endpoint
    def get_async_bulk_lookup(
        self,
        account_id: str,
        request_id: Union[str, UUID],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[GetAsyncBulkLookupResponse]:
        """Get a bulk lookup's status and results (``GET …/phoneNumberLookup/bulk/{requestId}``).

        ``data.status`` stays ``IN_PROGRESS`` until the lookup is done, then
        becomes ``COMPLETE``, ``PARTIAL_COMPLETE`` or ``FAILED`` with the
        results. An unknown id raises
        :class:`~bandwidth.exceptions.NotFoundException`.

        Args:
            account_id: your Bandwidth account id.
            request_id: the ``request_id`` :meth:`create_async_bulk_lookup`
                returned: a UUID, as text or a :class:`uuid.UUID`.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = GET_ASYNC_BULK_LOOKUP.expand(account_id, _params.uuid_text("request_id", request_id))
        return Call(GET_ASYNC_BULK_LOOKUP, path, extras)

    get_async_bulk_lookup_with_http_info: Final = WithHttpInfo(get_async_bulk_lookup)
    get_async_bulk_lookup_without_preload_content: Final = WithoutPreloadContent(
        get_async_bulk_lookup
    )

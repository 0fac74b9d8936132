"""``EndpointsApi``: BRTC endpoints, the identities WebRTC clients connect with.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it, and ``iter_endpoints`` follows
the list's cursor. Requests go to the endpoints server
(``https://api.bandwidth.com/v2``).
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, Optional, Union

from typing_extensions import Final, Unpack

from bandwidth._operation import (
    Call,
    Operation,
    RequestAuth,
    RequestHeaders,
    RequestOptions,
    RequestTimeout,
)
from bandwidth._servers import ENDPOINTS_SERVERS
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._request import BxmlBody, Query, bxml_body, json_body
from bandwidth.exceptions import ApiTypeError, ErrorModels
from bandwidth.models.create_endpoint_response import CreateEndpointResponse
from bandwidth.models.create_web_rtc_connection_request import CreateWebRtcConnectionRequest
from bandwidth.models.endpoint_response import EndpointResponse
from bandwidth.models.endpoint_status_enum import EndpointStatusEnum
from bandwidth.models.endpoint_type_enum import EndpointTypeEnum
from bandwidth.models.endpoints import Endpoints
from bandwidth.models.list_endpoints_response import ListEndpointsResponse

__all__ = ["EndpointsApi"]

_ENDPOINTS = "/accounts/{accountId}/endpoints"
_ENDPOINT = _ENDPOINTS + "/{endpointId}"
JSON = "application/json"
ENDPOINTS_ERRORS = ErrorModels("brtc_error_response:BrtcErrorResponse")

CREATE_ENDPOINT: Operation[CreateEndpointResponse] = Operation(
    "create_endpoint",
    "POST",
    _ENDPOINTS,
    CreateEndpointResponse,
    JSON,
    servers=ENDPOINTS_SERVERS,
    errors=ENDPOINTS_ERRORS,
)
GET_ENDPOINT: Operation[EndpointResponse] = Operation(
    "get_endpoint",
    "GET",
    _ENDPOINT,
    EndpointResponse,
    servers=ENDPOINTS_SERVERS,
    errors=ENDPOINTS_ERRORS,
)
LIST_ENDPOINTS: Operation[ListEndpointsResponse] = Operation(
    "list_endpoints",
    "GET",
    _ENDPOINTS,
    ListEndpointsResponse,
    servers=ENDPOINTS_SERVERS,
    errors=ENDPOINTS_ERRORS,
)
DELETE_ENDPOINT: Operation[None] = Operation(
    "delete_endpoint", "DELETE", _ENDPOINT, servers=ENDPOINTS_SERVERS, errors=ENDPOINTS_ERRORS
)
UPDATE_ENDPOINT_BXML: Operation[None] = Operation(
    "update_endpoint_bxml",
    "PUT",
    _ENDPOINT + "/bxml",
    None,
    "application/xml",
    servers=ENDPOINTS_SERVERS,
    errors=ENDPOINTS_ERRORS,
)


class EndpointFilters(RequestOptions, total=False):
    """Keyword arguments of :meth:`EndpointsApi.iter_endpoints`: the list filters and the extras."""

    type: Optional[EndpointTypeEnum]
    status: Optional[EndpointStatusEnum]
    limit: Optional[int]


class EndpointsApi(ApiBase):
    """Bandwidth Real-Time Communications (BRTC) endpoints: create, list, inspect, script, delete.

    An endpoint is a WebRTC identity: :meth:`create_endpoint` returns a
    token for a browser or mobile client, which connects as a device; a call
    reaches it through BXML ``<Connect><Endpoint>``. An endpoint lasts 24
    hours. Every operation comes in three variants and takes the per-call
    extras after its own parameters, as in :class:`~bandwidth.CallsApi`.
    ``create_endpoint`` is never retried once it may have reached the server.
    """

    @Endpoint
    def create_endpoint(
        self,
        account_id: str,
        body: Union[CreateWebRtcConnectionRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CreateEndpointResponse]:
        """Create an endpoint (``POST /accounts/{accountId}/endpoints``).

        Bandwidth answers 201 with the endpoint and its ``token`` (a JWT to
        hand to the client; ``repr`` never shows it). Never retried after the
        request may have reached the server (a retry could make a second
        endpoint, and an account may have only so many).

        Args:
            account_id: your Bandwidth account id.
            body: the endpoint's ``type`` (``WEBRTC``), ``direction`` and
                optional event URLs and tag (a
                :class:`CreateWebRtcConnectionRequest`, or a dict of it),
                checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        payload = json_body("body", body, CreateWebRtcConnectionRequest)
        return Call(CREATE_ENDPOINT, CREATE_ENDPOINT.expand(account_id), extras, body=payload)

    create_endpoint_with_http_info: Final = WithHttpInfo(create_endpoint)
    create_endpoint_without_preload_content: Final = WithoutPreloadContent(create_endpoint)

    @Endpoint
    def get_endpoint(
        self,
        account_id: str,
        endpoint_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[EndpointResponse]:
        """Get an endpoint and its devices (``GET /accounts/{accountId}/endpoints/{endpointId}``).

        An unknown or expired endpoint raises
        :class:`~bandwidth.exceptions.NotFoundException`.

        Args:
            account_id: your Bandwidth account id.
            endpoint_id: the endpoint's id (``e-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(GET_ENDPOINT, GET_ENDPOINT.expand(account_id, endpoint_id), extras)

    get_endpoint_with_http_info: Final = WithHttpInfo(get_endpoint)
    get_endpoint_without_preload_content: Final = WithoutPreloadContent(get_endpoint)

    @Endpoint
    def list_endpoints(
        self,
        account_id: str,
        type: Optional[EndpointTypeEnum] = None,
        status: Optional[EndpointStatusEnum] = None,
        after_cursor: Optional[str] = None,
        limit: Optional[int] = None,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[ListEndpointsResponse]:
        """List the account's endpoints, a page at a time (``GET /accounts/{accountId}/endpoints``).

        The answer's ``links`` has a ``rel="next"`` link while more remain;
        its ``afterCursor`` is the next page's ``after_cursor``.
        :meth:`iter_endpoints` follows it for you.

        Args:
            account_id: your Bandwidth account id.
            type: only endpoints of this type (``WEBRTC``).
            status: only ``CONNECTED`` or only ``DISCONNECTED`` endpoints.
            after_cursor: from the previous page's ``next`` link.
            limit: endpoints per page, 1..1000 (the server's default is 100).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        query = Query()
        query.add_text("type", "type", type)
        query.add_text("status", "status", status)
        query.add_text("afterCursor", "after_cursor", after_cursor)
        query.add_int("limit", "limit", limit, 1, 1000)
        path = LIST_ENDPOINTS.expand(account_id)
        return Call(LIST_ENDPOINTS, path, extras, query=query.pairs)

    list_endpoints_with_http_info: Final = WithHttpInfo(list_endpoints)
    list_endpoints_without_preload_content: Final = WithoutPreloadContent(list_endpoints)

    @Endpoint
    def delete_endpoint(
        self,
        account_id: str,
        endpoint_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Delete an endpoint (``DELETE /accounts/{accountId}/endpoints/{endpointId}``).

        Bandwidth answers 204 and ends any media the endpoint is streaming.

        Args:
            account_id: your Bandwidth account id.
            endpoint_id: the endpoint's id.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(DELETE_ENDPOINT, DELETE_ENDPOINT.expand(account_id, endpoint_id), extras)

    delete_endpoint_with_http_info: Final = WithHttpInfo(delete_endpoint)
    delete_endpoint_without_preload_content: Final = WithoutPreloadContent(delete_endpoint)

    @Endpoint
    def update_endpoint_bxml(
        self,
        account_id: str,
        endpoint_id: str,
        body: BxmlBody,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Run BXML on an endpoint (``PUT /accounts/{accountId}/endpoints/{endpointId}/bxml``).

        Bandwidth answers 204. Like the calls' BXML ``PUT``, it replaces the
        document and may be retried.

        Args:
            account_id: your Bandwidth account id.
            endpoint_id: the endpoint's id.
            body: the BXML document: ``str``, UTF-8 ``bytes``, or a
                :class:`bandwidth.models.bxml.Bxml` (anything with ``to_bxml()``).
                Sent as ``application/xml``.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = UPDATE_ENDPOINT_BXML.expand(account_id, endpoint_id)
        return Call(UPDATE_ENDPOINT_BXML, path, extras, body=bxml_body(body))

    update_endpoint_bxml_with_http_info: Final = WithHttpInfo(update_endpoint_bxml)
    update_endpoint_bxml_without_preload_content: Final = WithoutPreloadContent(
        update_endpoint_bxml
    )

    # -- pagination --------------------------------------------------------

    def iter_endpoints(
        self,
        account_id: str,
        *,
        max_pages: int = 10000,
        **filters: Unpack[EndpointFilters],
    ) -> Iterator[Endpoints]:
        """Yield every matching endpoint across all pages, fetching each page only when needed.

        Takes the filters of :meth:`list_endpoints` (``type``, ``status``,
        ``limit``) and the per-call extras, by keyword. Each next page is
        requested as :meth:`list_endpoints` with the ``afterCursor`` of the
        page's ``rel="next"`` link; nothing else of the link is used, so a
        link naming another host sends nothing there.

        A next cursor already seen raises
        :class:`~bandwidth.exceptions.InvalidResponseException` rather than
        yielding the same endpoints again, and so does a next link without
        a cursor, or a server still announcing a next page after
        ``max_pages`` pages (default 10000).
        """
        from bandwidth.api._pagination import iterate_cursor_pages

        if "after_cursor" in filters:
            raise ApiTypeError(
                "iter_endpoints() follows the pages itself; it takes no after_cursor"
            )
        options: Dict[str, Any] = dict(filters)

        def page(cursor: Optional[str]) -> Call[ListEndpointsResponse]:
            return EndpointsApi.list_endpoints.build(
                self, account_id, after_cursor=cursor, **options
            )

        return iterate_cursor_pages(
            self.api_client,
            page,
            items=lambda response: response.data or (),
            next_link=_next_href,
            cursor_name="afterCursor",
            max_pages=max_pages,
        )


def _next_href(response: ListEndpointsResponse) -> Optional[str]:
    """The ``href`` of a list page's ``rel="next"`` link, if it has one."""
    for link in response.links or ():
        if link is not None and link.rel == "next":
            return link.href or ""
    return None

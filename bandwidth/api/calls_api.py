"""``CallsApi``: the five Calls operations, each in three variants, and ``iter_calls``.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`):
it checks its arguments and describes the request; the three public methods
are made from it.
"""

from __future__ import annotations

from typing import Any, Dict, Iterator, List, Optional, Union

from typing_extensions import Final, Unpack

from bandwidth._operation import (
    Call,
    Operation,
    RequestAuth,
    RequestHeaders,
    RequestOptions,
    RequestTimeout,
)
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._request import BxmlBody, Query, TimeFilter, bxml_body, json_body
from bandwidth.models.call_state import CallState
from bandwidth.models.create_call import CreateCall
from bandwidth.models.create_call_response import CreateCallResponse
from bandwidth.models.update_call import UpdateCall

__all__ = ["CallsApi"]

_CALLS = "/accounts/{accountId}/calls"
_CALL = "/accounts/{accountId}/calls/{callId}"
JSON = "application/json"

CREATE_CALL: Operation[CreateCallResponse] = Operation(
    "create_call", "POST", _CALLS, CreateCallResponse, JSON
)
GET_CALL_STATE: Operation[CallState] = Operation("get_call_state", "GET", _CALL, CallState)
LIST_CALLS: Operation[List[CallState]] = Operation("list_calls", "GET", _CALLS, List[CallState])
UPDATE_CALL: Operation[None] = Operation("update_call", "POST", _CALL, None, JSON)
UPDATE_CALL_BXML: Operation[None] = Operation(
    "update_call_bxml", "PUT", _CALL + "/bxml", None, "application/xml"
)


class CallFilters(RequestOptions, total=False):
    """Keyword arguments of :meth:`CallsApi.iter_calls`: the list filters and the extras."""

    to: Optional[str]
    var_from: Optional[str]
    min_start_time: Optional[TimeFilter]
    max_start_time: Optional[TimeFilter]
    disconnect_cause: Optional[str]
    page_size: Optional[int]


class CallsApi(ApiBase):
    """The Voice API's Calls endpoints: create, inspect, list, update and re-script calls.

    Every operation comes in three variants (``op``, ``op_with_http_info``,
    ``op_without_preload_content``) and takes the generated SDK's extras
    ``_request_timeout``, ``_request_auth``, ``_content_type``, ``_headers``
    and ``_host_index`` after its own parameters, positionally or by keyword.
    Bad arguments raise :class:`~bandwidth.exceptions.ApiValueError` /
    :class:`~bandwidth.exceptions.ApiTypeError` before anything is sent; every
    failure after raises an :class:`~bandwidth.exceptions.ApiException` subclass.
    """

    @Endpoint
    def create_call(
        self,
        account_id: str,
        create_call: Union[CreateCall, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CreateCallResponse]:
        """Create an outbound call (``POST /accounts/{accountId}/calls``).

        Bandwidth answers 201 with the new call (:class:`CreateCallResponse`)
        and a ``Location`` header. Never retried after the request may have
        reached the server, so a retry cannot place a second call.

        Args:
            account_id: your Bandwidth account id.
            create_call: the call to place (a :class:`CreateCall`, or a dict of it),
                checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("create_call", create_call, CreateCall)
        return Call(CREATE_CALL, CREATE_CALL.expand(account_id), extras, body=body)

    create_call_with_http_info: Final = WithHttpInfo(create_call)
    create_call_without_preload_content: Final = WithoutPreloadContent(create_call)

    @Endpoint
    def get_call_state(
        self,
        account_id: str,
        call_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[CallState]:
        """Get a call's current state (``GET /accounts/{accountId}/calls/{callId}``).

        Records are kept for 7 days after the call ends; after that this
        raises :class:`~bandwidth.exceptions.NotFoundException`.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id (``c-…``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(GET_CALL_STATE, GET_CALL_STATE.expand(account_id, call_id), extras)

    get_call_state_with_http_info: Final = WithHttpInfo(get_call_state)
    get_call_state_without_preload_content: Final = WithoutPreloadContent(get_call_state)

    @Endpoint
    def list_calls(
        self,
        account_id: str,
        to: Optional[str] = None,
        var_from: Optional[str] = None,
        min_start_time: Optional[TimeFilter] = None,
        max_start_time: Optional[TimeFilter] = None,
        disconnect_cause: Optional[str] = None,
        page_size: Optional[int] = None,
        page_token: Optional[str] = None,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[CallState]]:
        """List the account's calls, oldest first (``GET /accounts/{accountId}/calls``).

        One page per call: when more calls remain, the response's ``Link``
        header has ``rel="next"``. :meth:`iter_calls` follows it for you.

        Args:
            account_id: your Bandwidth account id.
            to, var_from: only calls to / from this number (``+19195551234``;
                the pre-encoded ``%2b19195551234`` also works). ``var_from`` is
                sent as ``from``.
            min_start_time, max_start_time: only calls started in this window
                (``datetime``, naive meaning UTC, or ISO 8601 text).
            disconnect_cause: only calls that ended this way (``hangup``, …).
            page_size: calls per page, 1..10000 (the server's default is 1000).
            page_token: from a previous page's ``Link`` header.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        query = Query()
        query.add_phone("to", "to", to)
        query.add_phone("from", "var_from", var_from)
        query.add_time("minStartTime", "min_start_time", min_start_time)
        query.add_time("maxStartTime", "max_start_time", max_start_time)
        query.add_text("disconnectCause", "disconnect_cause", disconnect_cause)
        query.add_int("pageSize", "page_size", page_size, 1, 10000)
        query.add_text("pageToken", "page_token", page_token)
        return Call(LIST_CALLS, LIST_CALLS.expand(account_id), extras, query=query.pairs)

    list_calls_with_http_info: Final = WithHttpInfo(list_calls)
    list_calls_without_preload_content: Final = WithoutPreloadContent(list_calls)

    @Endpoint
    def update_call(
        self,
        account_id: str,
        call_id: str,
        update_call: Union[UpdateCall, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Redirect or hang up a live call (``POST /accounts/{accountId}/calls/{callId}``).

        ``UpdateCall(state="completed")`` hangs up; ``UpdateCall(redirect_url=...)``
        fetches new BXML. A call that has ended raises
        :class:`~bandwidth.exceptions.ConflictException`. Never retried after
        the request may have reached the server.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            update_call: the change (an :class:`UpdateCall`, or a dict of it),
                checked before sending.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("update_call", update_call, UpdateCall)
        return Call(UPDATE_CALL, UPDATE_CALL.expand(account_id, call_id), extras, body=body)

    update_call_with_http_info: Final = WithHttpInfo(update_call)
    update_call_without_preload_content: Final = WithoutPreloadContent(update_call)

    @Endpoint
    def update_call_bxml(
        self,
        account_id: str,
        call_id: str,
        body: BxmlBody,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Replace a live call's BXML (``PUT /accounts/{accountId}/calls/{callId}/bxml``).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            body: the BXML document: ``str``, UTF-8 ``bytes``, or a
                :class:`bandwidth.models.bxml.Bxml` (anything with ``to_bxml()``).
                Sent as ``application/xml``.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        path = UPDATE_CALL_BXML.expand(account_id, call_id)
        return Call(UPDATE_CALL_BXML, path, extras, body=bxml_body(body))

    update_call_bxml_with_http_info: Final = WithHttpInfo(update_call_bxml)
    update_call_bxml_without_preload_content: Final = WithoutPreloadContent(update_call_bxml)

    # -- pagination --------------------------------------------------------

    def iter_calls(
        self,
        account_id: str,
        *,
        max_pages: int = 10000,
        **filters: Unpack[CallFilters],
    ) -> Iterator[CallState]:
        """Yield every matching call across all pages, fetching each page only when needed.

        Takes the filters of :meth:`list_calls` (``to``, ``var_from``,
        ``min_start_time``, ``max_start_time``, ``disconnect_cause``,
        ``page_size``) and the per-call extras, by keyword. Follows
        ``Link: <…>; rel="next"`` only when the link is on the configured host
        (same scheme, host and port, read as the transport reads it); any
        other link, or one that URL parsers could read two ways (userinfo, a
        backslash, whitespace), raises
        :class:`~bandwidth.exceptions.InvalidResponseException` and nothing is
        sent there, so credentials never leave for another host.

        A next link that repeats a page already fetched (the same URL or the
        same ``pageToken``) raises ``InvalidResponseException`` rather than
        yielding the same calls again, and so does a server still announcing
        a next page after ``max_pages`` pages (default 10000: 10 million
        calls at the server's default page size).
        """
        from bandwidth.api._pagination import iterate_pages

        call = CallsApi.list_calls.build(self, account_id, **filters)
        return iterate_pages(self.api_client, call, max_pages)

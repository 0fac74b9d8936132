"""``MessagesApi``: send a text or picture message, search message history, ``iter_messages``.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it. Requests go to the messaging
server (``https://messaging.bandwidth.com/api/v2``) unless the configuration
has an explicit ``host``.
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
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._messaging import CREATE_MESSAGE_ERRORS, MESSAGING_ERRORS, MESSAGING_SERVERS
from bandwidth.api._request import Query, TimeFilter, json_body
from bandwidth.exceptions import ApiTypeError
from bandwidth.models.list_message_direction_enum import ListMessageDirectionEnum
from bandwidth.models.list_message_item import ListMessageItem
from bandwidth.models.message import Message
from bandwidth.models.message_request import MessageRequest
from bandwidth.models.message_status_enum import MessageStatusEnum
from bandwidth.models.message_type_enum import MessageTypeEnum
from bandwidth.models.messages_list import MessagesList
from bandwidth.models.product_type_enum import ProductTypeEnum

__all__ = ["MessagesApi"]

_MESSAGES = "/users/{accountId}/messages"
JSON = "application/json"

CREATE_MESSAGE: Operation[Message] = Operation(
    "create_message",
    "POST",
    _MESSAGES,
    Message,
    JSON,
    servers=MESSAGING_SERVERS,
    errors=CREATE_MESSAGE_ERRORS,
)
LIST_MESSAGES: Operation[MessagesList] = Operation(
    "list_messages",
    "GET",
    _MESSAGES,
    MessagesList,
    servers=MESSAGING_SERVERS,
    errors=MESSAGING_ERRORS,
)


class MessageFilters(RequestOptions, total=False):
    """Keyword arguments of :meth:`MessagesApi.iter_messages`: the filters and the extras."""

    message_id: Optional[str]
    source_tn: Optional[str]
    destination_tn: Optional[str]
    message_status: Optional[Union[MessageStatusEnum, str]]
    message_direction: Optional[Union[ListMessageDirectionEnum, str]]
    carrier_name: Optional[str]
    message_type: Optional[Union[MessageTypeEnum, str]]
    error_code: Optional[int]
    from_date_time: Optional[TimeFilter]
    to_date_time: Optional[TimeFilter]
    campaign_id: Optional[str]
    from_bw_latency: Optional[int]
    bw_queued: Optional[bool]
    product: Optional[Union[ProductTypeEnum, str]]
    location: Optional[str]
    carrier_queued: Optional[bool]
    from_carrier_latency: Optional[int]
    calling_number_country_a3: Optional[str]
    called_number_country_a3: Optional[str]
    from_segment_count: Optional[int]
    to_segment_count: Optional[int]
    from_message_size: Optional[int]
    to_message_size: Optional[int]
    sort: Optional[str]
    limit: Optional[int]
    limit_total_count: Optional[bool]


class MessagesApi(ApiBase):
    """The Messages API: send SMS/MMS (``create_message``) and search history (``list_messages``).

    Every operation comes in three variants (``op``, ``op_with_http_info``,
    ``op_without_preload_content``) and takes the per-call extras after its
    own parameters, as in :class:`~bandwidth.CallsApi`. Errors decode into
    :class:`~bandwidth.models.MessagingRequestError` (the exception's
    ``data``); a 400 from ``create_message`` into
    :class:`~bandwidth.models.CreateMessageRequestError`, with its
    ``field_errors``.
    """

    @Endpoint
    def create_message(
        self,
        account_id: str,
        message_request: Union[MessageRequest, Dict[str, Any]],
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[Message]:
        """Send a text or picture message (``POST /users/{accountId}/messages``).

        Bandwidth answers 202 with the accepted :class:`Message` (its ``id``);
        delivery is reported later to the application's callback URL
        (:mod:`bandwidth.callbacks`). Never retried after the request may have
        reached the server (only a failure to connect, or a 429 refusal, is
        retried), so a retry cannot send the message twice.

        Args:
            account_id: your Bandwidth account id.
            message_request: the message (a :class:`MessageRequest`, or a dict
                of it), checked before sending: E.164 recipients (at most 10),
                ``text`` up to 2048 characters, each ``media`` URL up to 4096.
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        body = json_body("message_request", message_request, MessageRequest)
        return Call(CREATE_MESSAGE, CREATE_MESSAGE.expand(account_id), extras, body=body)

    create_message_with_http_info: Final = WithHttpInfo(create_message)
    create_message_without_preload_content: Final = WithoutPreloadContent(create_message)

    @Endpoint
    def list_messages(
        self,
        account_id: str,
        message_id: Optional[str] = None,
        source_tn: Optional[str] = None,
        destination_tn: Optional[str] = None,
        message_status: Optional[Union[MessageStatusEnum, str]] = None,
        message_direction: Optional[Union[ListMessageDirectionEnum, str]] = None,
        carrier_name: Optional[str] = None,
        message_type: Optional[Union[MessageTypeEnum, str]] = None,
        error_code: Optional[int] = None,
        from_date_time: Optional[TimeFilter] = None,
        to_date_time: Optional[TimeFilter] = None,
        campaign_id: Optional[str] = None,
        from_bw_latency: Optional[int] = None,
        bw_queued: Optional[bool] = None,
        product: Optional[Union[ProductTypeEnum, str]] = None,
        location: Optional[str] = None,
        carrier_queued: Optional[bool] = None,
        from_carrier_latency: Optional[int] = None,
        calling_number_country_a3: Optional[str] = None,
        called_number_country_a3: Optional[str] = None,
        from_segment_count: Optional[int] = None,
        to_segment_count: Optional[int] = None,
        from_message_size: Optional[int] = None,
        to_message_size: Optional[int] = None,
        sort: Optional[str] = None,
        page_token: Optional[str] = None,
        limit: Optional[int] = None,
        limit_total_count: Optional[bool] = None,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[MessagesList]:
        """Search the account's message history (``GET /users/{accountId}/messages``).

        Metadata only (Bandwidth keeps no message text), received in the last
        14 days. Bandwidth requires at least one filter. One page per call:
        ``page_info.next_page_token`` names the next; :meth:`iter_messages`
        follows it for you. Rate limited (3500 requests per 5 minutes per IP):
        a 429 is retried after its ``Retry-After`` when that is short enough.

        Args:
            account_id: your Bandwidth account id.
            message_id: one message (``1589228074636lm4k2je7j7jklbn2`` or a UUID).
            source_tn, destination_tn: sender / recipient: one E.164 number, a
                comma-separated list of up to 10, or a partial number of at
                least 5 characters (``+1919``). Plain or pre-encoded (``%2B1919``):
                either is sent encoded once.
            message_status, message_direction, message_type, product: a member
                of the enum (``MessageStatusEnum.DELIVERED``) or its text.
            carrier_name: e.g. ``Verizon``, ``AT&T`` (plain or pre-encoded).
            error_code: e.g. ``9902``.
            from_date_time, to_date_time: the receive-time window (``datetime``,
                naive meaning UTC, or ISO 8601 text).
            campaign_id, location: a 10DLC campaign id, a location id.
            from_bw_latency, from_carrier_latency: minimum latency in seconds;
                bw_queued, carrier_queued: queued at Bandwidth / at the carrier
                (Advanced Quality Metrics accounts).
            calling_number_country_a3, called_number_country_a3: ISO alpha-3 (``USA``).
            from_segment_count, to_segment_count, from_message_size,
                to_message_size: ranges of segments / bytes.
            sort: ``field:asc`` or ``field:desc`` (``sourceTn:desc``).
            page_token: a previous page's ``page_info.next_page_token``.
            limit: messages per page, 1 to 10000 (the server's default is 100).
            limit_total_count: cap ``total_count`` at 10000 (answers faster).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        query = Query()
        query.add_phone("messageId", "message_id", message_id)
        query.add_phone("sourceTn", "source_tn", source_tn)
        query.add_phone("destinationTn", "destination_tn", destination_tn)
        query.add_enum("messageStatus", "message_status", message_status)
        query.add_enum("messageDirection", "message_direction", message_direction)
        query.add_phone("carrierName", "carrier_name", carrier_name)
        query.add_enum("messageType", "message_type", message_type)
        query.add_int("errorCode", "error_code", error_code)
        query.add_time("fromDateTime", "from_date_time", from_date_time)
        query.add_time("toDateTime", "to_date_time", to_date_time)
        query.add_text("campaignId", "campaign_id", campaign_id)
        query.add_int("fromBwLatency", "from_bw_latency", from_bw_latency)
        query.add_bool("bwQueued", "bw_queued", bw_queued)
        query.add_enum("product", "product", product)
        query.add_text("location", "location", location)
        query.add_bool("carrierQueued", "carrier_queued", carrier_queued)
        query.add_int("fromCarrierLatency", "from_carrier_latency", from_carrier_latency)
        query.add_text(
            "callingNumberCountryA3", "calling_number_country_a3", calling_number_country_a3
        )
        query.add_text(
            "calledNumberCountryA3", "called_number_country_a3", called_number_country_a3
        )
        query.add_int("fromSegmentCount", "from_segment_count", from_segment_count)
        query.add_int("toSegmentCount", "to_segment_count", to_segment_count)
        query.add_int("fromMessageSize", "from_message_size", from_message_size)
        query.add_int("toMessageSize", "to_message_size", to_message_size)
        query.add_text("sort", "sort", sort)
        query.add_text("pageToken", "page_token", page_token)
        query.add_int("limit", "limit", limit, 1, 10000)
        query.add_bool("limitTotalCount", "limit_total_count", limit_total_count)
        return Call(LIST_MESSAGES, LIST_MESSAGES.expand(account_id), extras, query=query.pairs)

    list_messages_with_http_info: Final = WithHttpInfo(list_messages)
    list_messages_without_preload_content: Final = WithoutPreloadContent(list_messages)

    # -- pagination --------------------------------------------------------

    def iter_messages(
        self,
        account_id: str,
        *,
        max_pages: int = 10000,
        **filters: Unpack[MessageFilters],
    ) -> Iterator[ListMessageItem]:
        """Yield every matching message across all pages, fetching each page only when needed.

        Takes the filters of :meth:`list_messages` and the per-call extras,
        by keyword. Each next page is ``list_messages`` again with the
        previous page's ``page_info.next_page_token`` (the page links are not
        followed, so nothing goes anywhere but the first page's server). A
        token seen before raises
        :class:`~bandwidth.exceptions.InvalidResponseException` rather than
        yielding the same messages again, and so does a server still
        announcing a next page after ``max_pages`` pages (default 10000).
        """
        from bandwidth.api._pagination import iterate_cursor_pages

        if "page_token" in filters:
            raise ApiTypeError("iter_messages() follows the pages itself; it takes no page_token")
        options: Dict[str, Any] = dict(filters)

        def page(cursor: Optional[str]) -> Call[MessagesList]:
            return MessagesApi.list_messages.build(self, account_id, page_token=cursor, **options)

        return iterate_cursor_pages(
            self.api_client,
            page,
            items=lambda page: page.messages or (),
            next_cursor=lambda response: (
                response.data.page_info.next_page_token
                if response.data is not None and response.data.page_info is not None
                else None
            ),
            max_pages=max_pages,
        )

"""``CallsApi``: the five Calls operations, each in three variants.

Each operation is written once, as a private method that checks its
arguments and *describes* the request (a :class:`~bandwidth._operation.Call`).
:func:`_variants` turns that description into the three public methods the
generated SDK has:

* ``op(...)`` returns the decoded data;
* ``op_with_http_info(...)`` returns an :class:`~bandwidth.ApiResponse`
  (data, status, headers);
* ``op_without_preload_content(...)`` returns the raw urllib3 response,
  unread and unchecked.

All three send through :meth:`bandwidth.ApiClient.execute`, the single
request path.
"""

from __future__ import annotations

import inspect
import itertools
from datetime import datetime
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Iterator,
    List,
    NoReturn,
    Optional,
    Set,
    Tuple,
    Type,
    TypeVar,
    Union,
)
from urllib.parse import parse_qsl

from typing_extensions import Concatenate, ParamSpec, Unpack
from urllib3.util import parse_url

from bandwidth import _params
from bandwidth._operation import Call, Operation, RequestOptions
from bandwidth.api_client import ApiClient
from bandwidth.api_response import ApiResponse
from bandwidth.exceptions import ApiTypeError, ApiValueError, InvalidResponseException
from bandwidth.models._base import RequestModel
from bandwidth.models._checks import build_request, check_request
from bandwidth.models.call_state import CallState
from bandwidth.models.create_call import CreateCall
from bandwidth.models.create_call_response import CreateCallResponse
from bandwidth.models.update_call import UpdateCall

if TYPE_CHECKING:
    from urllib3 import BaseHTTPResponse

__all__ = ["CallsApi"]

P = ParamSpec("P")
T = TypeVar("T")

_CALLS = "/accounts/{accountId}/calls"
_CALL = "/accounts/{accountId}/calls/{callId}"

CREATE_CALL: Operation[CreateCallResponse] = Operation(
    "create_call", "POST", _CALLS, CreateCallResponse, "application/json"
)
GET_CALL_STATE: Operation[CallState] = Operation("get_call_state", "GET", _CALL, CallState)
LIST_CALLS: Operation[List[CallState]] = Operation("list_calls", "GET", _CALLS, List[CallState])
UPDATE_CALL: Operation[None] = Operation("update_call", "POST", _CALL, None, "application/json")
UPDATE_CALL_BXML: Operation[None] = Operation(
    "update_call_bxml", "PUT", _CALL + "/bxml", None, "application/xml"
)

_Build = Callable[Concatenate[Any, P], Call[T]]

#: Pages :meth:`CallsApi.iter_calls` fetches at most unless told otherwise.
DEFAULT_MAX_PAGES = 10000


class CallFilters(RequestOptions, total=False):
    """Keyword arguments of :meth:`CallsApi.iter_calls`: the list filters and the extras."""

    to: Optional[str]
    var_from: Optional[str]
    min_start_time: Optional[Union[datetime, str]]
    max_start_time: Optional[Union[datetime, str]]
    disconnect_cause: Optional[str]
    page_size: Optional[int]


def _variants(
    build: _Build[P, T],
) -> Tuple[
    Callable[Concatenate[Any, P], T],
    Callable[Concatenate[Any, P], ApiResponse[T]],
    Callable[Concatenate[Any, P], BaseHTTPResponse],
]:
    """The three public methods of one operation, from its private builder."""
    name = build.__name__.lstrip("_")
    summary = inspect.cleandoc(build.__doc__ or "")

    def data(self: CallsApi, /, *args: P.args, **kwargs: P.kwargs) -> T:
        return self.api_client.execute(build(self, *args, **kwargs)).data

    def with_http_info(self: CallsApi, /, *args: P.args, **kwargs: P.kwargs) -> ApiResponse[T]:
        return self.api_client.execute(build(self, *args, **kwargs))

    def without_preload_content(
        self: CallsApi, /, *args: P.args, **kwargs: P.kwargs
    ) -> BaseHTTPResponse:
        return self.api_client.execute_raw(build(self, *args, **kwargs))

    signature = inspect.signature(build)
    # The builder returns "Call[X]"; the variants return X, ApiResponse[X], the raw response.
    returned = str(signature.return_annotation)
    returned = returned[len("Call[") : -1] if returned.startswith("Call[") else "Any"
    function: Any
    for function, suffix, annotation, returns in (
        (data, "", returned, "Returns the decoded data."),
        (
            with_http_info,
            "_with_http_info",
            f"ApiResponse[{returned}]",
            "Returns an ApiResponse: data, status_code and headers (also unpacks as a tuple).",
        ),
        (
            without_preload_content,
            "_without_preload_content",
            "urllib3.BaseHTTPResponse",
            "Returns the raw urllib3 response, unread; its status is not checked.",
        ),
    ):
        function.__name__ = name + suffix
        function.__qualname__ = f"CallsApi.{name}{suffix}"
        function.__doc__ = f"{summary}\n\n{returns}"
        function.__signature__ = signature.replace(return_annotation=annotation)
        function.__wrapped__ = build
    return data, with_http_info, without_preload_content


class CallsApi:
    """The Voice API's Calls endpoints: create, inspect, list, update and re-script calls.

    Every method takes the keyword extras ``_request_timeout``,
    ``_request_auth``, ``_content_type``, ``_headers`` and ``_host_index``,
    raises :class:`~bandwidth.exceptions.ApiValueError` /
    :class:`~bandwidth.exceptions.ApiTypeError` for bad arguments before
    sending, and an :class:`~bandwidth.exceptions.ApiException` subclass for
    every failure after.
    """

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        self.api_client = api_client if api_client is not None else ApiClient.get_default()

    # -- create_call -----------------------------------------------------

    def _create_call(
        self,
        account_id: str,
        create_call: CreateCall,
        **options: Unpack[RequestOptions],
    ) -> Call[CreateCallResponse]:
        """Create an outbound call (``POST /accounts/{accountId}/calls``).

        Bandwidth answers 201 with the new call (:class:`CreateCallResponse`)
        and a ``Location`` header. Never retried after the request may have
        reached the server, so a retry cannot place a second call.

        Args:
            account_id: your Bandwidth account id.
            create_call: the call to place (a :class:`CreateCall`, or a dict of it).
        """
        body = _request_body("create_call", create_call, CreateCall)
        path = _path(CREATE_CALL, account_id)
        return Call(CREATE_CALL, path, body=body, options=options)

    create_call, create_call_with_http_info, create_call_without_preload_content = _variants(
        _create_call
    )

    # -- get_call_state --------------------------------------------------

    def _get_call_state(
        self,
        account_id: str,
        call_id: str,
        **options: Unpack[RequestOptions],
    ) -> Call[CallState]:
        """Get a call's current state (``GET /accounts/{accountId}/calls/{callId}``).

        Records are kept for 7 days after the call ends; after that this
        raises :class:`~bandwidth.exceptions.NotFoundException`.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id (``c-…``).
        """
        path = _path(GET_CALL_STATE, account_id, call_id)
        return Call(GET_CALL_STATE, path, options=options)

    get_call_state, get_call_state_with_http_info, get_call_state_without_preload_content = (
        _variants(_get_call_state)
    )

    # -- list_calls ------------------------------------------------------

    def _list_calls(
        self,
        account_id: str,
        to: Optional[str] = None,
        var_from: Optional[str] = None,
        min_start_time: Optional[Union[datetime, str]] = None,
        max_start_time: Optional[Union[datetime, str]] = None,
        disconnect_cause: Optional[str] = None,
        page_size: Optional[int] = None,
        page_token: Optional[str] = None,
        **options: Unpack[RequestOptions],
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
        query: List[Tuple[str, str]] = []
        if to is not None:
            query.append(("to", _params.phone_filter("to", to)))
        if var_from is not None:
            query.append(("from", _params.phone_filter("var_from", var_from)))
        if min_start_time is not None:
            query.append(("minStartTime", _params.timestamp("min_start_time", min_start_time)))
        if max_start_time is not None:
            query.append(("maxStartTime", _params.timestamp("max_start_time", max_start_time)))
        if disconnect_cause is not None:
            query.append(("disconnectCause", _params.text("disconnect_cause", disconnect_cause)))
        if page_size is not None:
            query.append(("pageSize", str(_params.int_in_range("page_size", page_size, 1, 10000))))
        if page_token is not None:
            query.append(("pageToken", _params.text("page_token", page_token)))
        path = _path(LIST_CALLS, account_id)
        return Call(LIST_CALLS, path, query=query, options=options)

    list_calls, list_calls_with_http_info, list_calls_without_preload_content = _variants(
        _list_calls
    )

    # -- update_call -----------------------------------------------------

    def _update_call(
        self,
        account_id: str,
        call_id: str,
        update_call: UpdateCall,
        **options: Unpack[RequestOptions],
    ) -> Call[None]:
        """Redirect or hang up a live call (``POST /accounts/{accountId}/calls/{callId}``).

        ``UpdateCall(state="completed")`` hangs up; ``UpdateCall(redirect_url=...)``
        fetches new BXML. A call that has ended raises
        :class:`~bandwidth.exceptions.ConflictException`. Never retried after
        the request may have reached the server.

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            update_call: the change (an :class:`UpdateCall`, or a dict of it).
        """
        body = _request_body("update_call", update_call, UpdateCall)
        path = _path(UPDATE_CALL, account_id, call_id)
        return Call(UPDATE_CALL, path, body=body, options=options)

    update_call, update_call_with_http_info, update_call_without_preload_content = _variants(
        _update_call
    )

    # -- update_call_bxml ------------------------------------------------

    def _update_call_bxml(
        self,
        account_id: str,
        call_id: str,
        body: Any,
        **options: Unpack[RequestOptions],
    ) -> Call[None]:
        """Replace a live call's BXML (``PUT /accounts/{accountId}/calls/{callId}/bxml``).

        Args:
            account_id: your Bandwidth account id.
            call_id: the call's id.
            body: the BXML document: ``str``, UTF-8 ``bytes``, or a
                :class:`bandwidth.models.bxml.Bxml` (anything with ``to_bxml()``).
                Sent as ``application/xml``.
        """
        document = _bxml_bytes(body)
        path = _path(UPDATE_CALL_BXML, account_id, call_id)
        return Call(UPDATE_CALL_BXML, path, body=document, options=options)

    (
        update_call_bxml,
        update_call_bxml_with_http_info,
        update_call_bxml_without_preload_content,
    ) = _variants(_update_call_bxml)

    # -- pagination --------------------------------------------------------

    def iter_calls(
        self,
        account_id: str,
        *,
        max_pages: int = DEFAULT_MAX_PAGES,
        **filters: Unpack[CallFilters],
    ) -> Iterator[CallState]:
        """Yield every matching call across all pages, fetching each page only when needed.

        Takes the filters of :meth:`list_calls` (``to``, ``var_from``,
        ``min_start_time``, ``max_start_time``, ``disconnect_cause``,
        ``page_size``) and the per-call extras. Follows
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
        if "page_token" in filters:
            raise ApiTypeError("iter_calls() follows the pages itself; it takes no page_token")
        max_pages = _params.int_in_range("max_pages", max_pages, 1, 2**63)
        return self._pages(self._list_calls(account_id, **filters), max_pages)

    def _pages(self, call: Call[List[CallState]], max_pages: int) -> Iterator[CallState]:
        from bandwidth._links import next_link
        from bandwidth._urls import UnsafeUrl

        client = self.api_client
        fetched: Set[str] = set()  # request targets (path and query) of the pages fetched
        tokens: Set[str] = set()  # their pageToken values
        for page in itertools.count(1):
            response = client.execute(call)
            yield from response.data or ()
            request_url = client.url_for(call)
            target = _page_target(request_url)
            fetched.add(target)
            tokens.update(_page_tokens(target))

            def refuse(
                why: str, response: ApiResponse[Any] = response, call: Call[Any] = call
            ) -> NoReturn:
                error = InvalidResponseException(
                    response.status_code, f"list_calls: {why}", headers=response.headers
                )
                client.redact_exception(error, call)
                raise error

            try:
                link = next_link(response.headers.getlist("Link"), request_url)
                if link is None:
                    return
                url = client.link_url(link)
            except UnsafeUrl as exc:
                refuse(f"refusing to follow the next link: {exc}; nothing was sent there")
            next_target = _page_target(url)
            if next_target in fetched or tokens.intersection(_page_tokens(next_target)):
                refuse(
                    f"the next link repeats a page already fetched (page {page + 1} would be "
                    "a page seen before); stopping instead of yielding the same calls again"
                )
            if page >= max_pages:
                refuse(
                    f"the server announced a page after max_pages={max_pages} pages; "
                    "pass a larger max_pages if the account really has that many calls"
                )
            call = Call(LIST_CALLS, call.path, url=url, options=call.options)
        raise AssertionError("unreachable")  # pragma: no cover


def _page_target(url: str) -> str:
    """The request target (path and query) of a page's URL, as the transport sends it."""
    return parse_url(url).request_uri


def _page_tokens(target: str) -> List[str]:
    """The ``pageToken`` values in a request target's query (decoded)."""
    pairs = parse_qsl(target.partition("?")[2], keep_blank_values=True)
    return [value for name, value in pairs if name == "pageToken"]


def _path(operation: Operation[Any], account_id: Any, call_id: Any = "") -> str:
    """The operation's path with its parameters percent-encoded (checked, named on error)."""
    account = _params.path_segment("account_id", account_id)
    if "{callId}" not in operation.path:
        return operation.path.format(accountId=account)
    return operation.path.format(accountId=account, callId=_params.path_segment("call_id", call_id))


def _request_body(parameter: str, value: Any, model: Type[RequestModel]) -> bytes:
    """Check a request model (or build one from a dict) and serialize it to wire JSON.

    Models are built without value checks, like the generated SDK's; the
    checks run here, before anything is sent, and every problem (bad values,
    rules between fields, unknown keywords or keys) raises one
    :class:`~bandwidth.exceptions.RequestValidationError`, which
    ``except ApiException`` catches as it would the server's 400.
    """
    body: RequestModel
    if isinstance(value, model):
        body = value
        check_request(body, parameter)
    elif isinstance(value, dict):
        body = build_request(model, value, parameter)
    else:
        raise ApiTypeError(
            f"{parameter} must be a {model.__name__} (or a dict of one), not {type(value).__name__}"
        )
    return body._wire_bytes()


def _bxml_bytes(body: Any) -> bytes:
    if hasattr(body, "to_bxml"):
        body = body.to_bxml()
    if isinstance(body, str):
        body = body.encode("utf-8")
    if not isinstance(body, (bytes, bytearray)):
        raise ApiTypeError(
            f"body must be BXML as str, bytes or a Bxml object, not {type(body).__name__}"
        )
    if not body.strip():
        raise ApiValueError("body must be a BXML document, got an empty string")
    return bytes(body)

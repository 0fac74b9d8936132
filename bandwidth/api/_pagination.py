"""Following a list operation's pages: every ``iter_*`` uses this.

Two kinds of list exist. The Voice lists announce the next page in a
``Link: <...>; rel="next"`` header (:func:`iterate_pages`); the others name
the next page's cursor (:func:`iterate_cursor_pages`): in a ``rel="next"``
link in the body (the BRTC endpoints), in a body field (the messages'
``pageInfo.nextPageToken``) or in a header (the media's ``Continuation-Token``).

The rules for a ``Link`` header, written once:

* the next link is parsed per RFC 8288 and resolved against the page's URL;
* it is followed only when it is on the server the request went to (same scheme, host
  and port, read as the transport reads it); any other link, or one that
  URL parsers could read two ways (userinfo, a backslash, whitespace),
  raises :class:`~bandwidth.exceptions.InvalidResponseException` and nothing
  is sent there, so credentials never leave for another host;
* a next link that repeats a page already fetched (the same request target,
  or the same ``pageToken``) raises rather than yielding the same items
  again, and so does a server still announcing a next page after
  ``max_pages`` pages.

For a cursor, the next page is requested as the list operation itself with
that cursor (built by the API class, so it goes where the first page went,
with the same checks); nothing else of a link is used, so a link to another
host sends nothing there. A cursor seen before, an empty one, a next link
without one, or a next page after ``max_pages`` pages raise
:class:`~bandwidth.exceptions.InvalidResponseException`.
"""

from __future__ import annotations

import itertools
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Iterable,
    Iterator,
    List,
    NoReturn,
    Optional,
    Set,
    TypeVar,
)
from urllib.parse import parse_qsl, urlsplit

from urllib3.util import parse_url

from bandwidth import _params
from bandwidth._links import next_link
from bandwidth._operation import Call
from bandwidth._urls import UnsafeUrl
from bandwidth.exceptions import ApiTypeError, InvalidResponseException

if TYPE_CHECKING:
    from bandwidth.api_client import ApiClient
    from bandwidth.api_response import ApiResponse

__all__ = ["DEFAULT_MAX_PAGES", "iterate_cursor_pages", "iterate_pages"]

T = TypeVar("T")
P = TypeVar("P")

#: Pages an ``iter_*`` method fetches at most unless told otherwise.
DEFAULT_MAX_PAGES = 10000


def iterate_pages(client: ApiClient, call: Call[List[T]], max_pages: Any) -> Iterator[T]:
    """Yield the items of ``call``'s page, then of each next page, fetching each when needed.

    ``max_pages`` is checked at once (an ``ApiValueError`` before anything
    is sent), and so is ``call``: it must not name a page itself (a
    ``page_token`` is an ``ApiTypeError``); the first page is fetched on the
    first ``next()``.
    """
    limit = _params.int_in_range("max_pages", max_pages, 1, 2**63)
    if _page_tokens(_page_target(client.url_for(call))):
        method = "iter_" + call.operation.name[len("list_") :]
        raise ApiTypeError(f"{method}() follows the pages itself; it takes no page_token")
    return _pages(client, call, limit)


def _pages(client: ApiClient, call: Call[List[T]], max_pages: int) -> Iterator[T]:
    fetched: Set[str] = set()  # request targets (path and query) of the pages fetched
    tokens: Set[str] = set()  # their pageToken values
    name = call.operation.name
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
                response.status_code, f"{name}: {why}", headers=response.headers
            )
            client.redact_exception(error, call)
            raise error

        try:
            link = next_link(response.headers.getlist("Link"), request_url)
            if link is None:
                return
            url = client.link_url(link, call)
        except UnsafeUrl as exc:
            refuse(f"refusing to follow the next link: {exc}; nothing was sent there")
        next_target = _page_target(url)
        if next_target in fetched or tokens.intersection(_page_tokens(next_target)):
            refuse(
                f"the next link repeats a page already fetched (page {page + 1} would be "
                "a page seen before); stopping instead of yielding the same items again"
            )
        if page >= max_pages:
            refuse(
                f"the server announced a page after max_pages={max_pages} pages; "
                "pass a larger max_pages if there really are that many"
            )
        call = Call(call.operation, call.path, url=url, options=call.options)
    raise AssertionError("unreachable")  # pragma: no cover


def iterate_cursor_pages(
    client: ApiClient,
    page: Callable[[Optional[str]], Call[P]],
    *,
    items: Callable[[P], Iterable[T]],
    max_pages: Any,
    next_link: Optional[Callable[[P], Optional[str]]] = None,
    cursor_name: str = "",
    next_cursor: Optional[Callable[[ApiResponse[P]], Optional[str]]] = None,
) -> Iterator[T]:
    """Yield the items of each page of a list whose answer names the next page's cursor.

    ``page(None)`` is the first page's call and ``page(cursor)`` the one
    after ``cursor``; ``items`` reads a page's items. The next cursor is
    either in the ``cursor_name`` query parameter of the ``href`` that
    ``next_link`` reads from the body (``None`` on the last page), or what
    ``next_cursor`` reads from the whole answer (a body field, a header;
    ``None`` on the last page). ``max_pages`` and the first call are checked
    at once (an ``ApiValueError``/``ApiTypeError`` before anything is sent);
    the first page is fetched on the first ``next()``.
    """
    limit = _params.int_in_range("max_pages", max_pages, 1, 2**63)
    if next_cursor is None:
        if next_link is None:
            raise TypeError("iterate_cursor_pages needs next_link or next_cursor")
        next_cursor = _link_cursor(next_link, cursor_name)
    return _cursor_pages(client, page, page(None), items, next_cursor, limit)


class _NoCursor(Exception):
    """The answer announces a next page without a usable cursor (the message says why)."""


def _link_cursor(
    next_link: Callable[[P], Optional[str]], cursor_name: str
) -> Callable[[ApiResponse[P]], Optional[str]]:
    def cursor(response: ApiResponse[P]) -> Optional[str]:
        href = next_link(response.data)
        if href is None:
            return None
        try:
            query = urlsplit(href).query
        except ValueError:  # e.g. an unbalanced "[" in the host
            query = ""
        cursors = [
            value for key, value in parse_qsl(query, keep_blank_values=True) if key == cursor_name
        ]
        if len(cursors) != 1 or not cursors[0]:
            raise _NoCursor(f"the next link does not carry one {cursor_name}; stopping")
        return cursors[0]

    return cursor


def _cursor_pages(
    client: ApiClient,
    page: Callable[[Optional[str]], Call[P]],
    call: Call[P],
    items: Callable[[P], Iterable[T]],
    next_cursor: Callable[[ApiResponse[P]], Optional[str]],
    max_pages: int,
) -> Iterator[T]:
    seen: Set[str] = set()
    name = call.operation.name
    for number in itertools.count(1):
        response = client.execute(call)
        data = response.data
        if data is None:
            return
        yield from items(data)

        def refuse(
            why: str, response: ApiResponse[Any] = response, call: Call[Any] = call
        ) -> NoReturn:
            error = InvalidResponseException(
                response.status_code, f"{name}: {why}", headers=response.headers
            )
            client.redact_exception(error, call)
            raise error

        try:
            cursor = next_cursor(response)
        except _NoCursor as exc:
            refuse(str(exc))
        if cursor is None:
            return
        if not cursor:
            refuse("the answer announces a next page with an empty cursor; stopping")
        if cursor in seen:
            refuse(
                f"the next page's cursor repeats a page already fetched (page {number + 1} "
                "would be a page seen before); stopping instead of yielding the same items again"
            )
        if number >= max_pages:
            refuse(
                f"the server announced a page after max_pages={max_pages} pages; "
                "pass a larger max_pages if there really are that many"
            )
        seen.add(cursor)
        call = page(cursor)
    raise AssertionError("unreachable")  # pragma: no cover


def _page_target(url: str) -> str:
    """The request target (path and query) of a page's URL, as the transport sends it."""
    return parse_url(url).request_uri


def _page_tokens(target: str) -> List[str]:
    """The ``pageToken`` values in a request target's query (decoded)."""
    pairs = parse_qsl(target.partition("?")[2], keep_blank_values=True)
    return [value for name, value in pairs if name == "pageToken"]

"""``iter_conferences`` follows pages by the same rules as ``iter_calls`` (one shared module).

Of the Voice list operations only ``list_calls`` and ``list_conferences``
paginate (``pageToken`` and a ``Link: <...>; rel="next"`` header, per the
spec); the recording and transcription lists answer in one page.
"""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, Iterator, Optional

import pytest
from werkzeug import Request, Response

from bandwidth import (
    ApiClient,
    ApiTypeError,
    ApiValueError,
    CallsApi,
    ConferencesApi,
    Configuration,
    InvalidResponseException,
)
from tests.support.wire import ACCOUNT, Wire


class Lister:
    """One paginated list: its API, its path and how an item looks."""

    def __init__(
        self, name: str, path: str, item: Callable[[str], Dict[str, Any]], key: str
    ) -> None:
        self.name, self.path, self.item, self.key = name, path, item, key

    def iterate(self, configuration: Configuration, **filters: Any) -> Iterator[Any]:
        client = ApiClient(configuration)
        if self.name == "iter_calls":
            return CallsApi(client).iter_calls(ACCOUNT, **filters)
        return ConferencesApi(client).iter_conferences(ACCOUNT, **filters)


LISTERS = [
    Lister("iter_calls", f"/api/v2/accounts/{ACCOUNT}/calls", lambda i: {"callId": i}, "call_id"),
    Lister(
        "iter_conferences",
        f"/api/v2/accounts/{ACCOUNT}/conferences",
        lambda i: {"id": i, "name": "room"},
        "id",
    ),
]


@pytest.fixture(params=LISTERS, ids=[lister.name for lister in LISTERS])
def lister(request: pytest.FixtureRequest) -> Lister:
    return request.param  # type: ignore[no-any-return]


def page(lister: Lister, ids: list, link: Optional[str] = None) -> Response:
    response = Response(json.dumps([lister.item(i) for i in ids]), content_type="application/json")
    if link is not None:
        response.headers.add("Link", link)
    return response


def serve(wire: Wire, lister: Lister, pages: Dict[Optional[str], Response]) -> None:
    def handler(request: Request) -> Response:
        return pages[request.args.get("pageToken")]

    wire.server.expect_request(lister.path).respond_with_handler(handler)


def test_pages_are_followed_lazily(
    wire: Wire, configuration: Configuration, lister: Lister
) -> None:
    serve(
        wire,
        lister,
        {
            None: page(lister, ["a", "b"], f'<{lister.path}?pageToken=p2>; rel="next"'),
            "p2": page(lister, ["c"]),
        },
    )
    items = lister.iterate(configuration, page_size=2, _headers={"X-Trace": "1"})
    assert wire.requests == []
    assert [getattr(item, lister.key) for item in items] == ["a", "b", "c"]
    targets = [wire.raw_target(r) for r in wire.requests]
    assert targets == [f"{lister.path}?pageSize=2", f"{lister.path}?pageToken=p2"]
    assert all(r.headers["X-Trace"] == "1" for r in wire.requests)


def test_a_link_off_the_configured_host_is_refused(
    wire: Wire, configuration: Configuration, lister: Lister
) -> None:
    serve(wire, lister, {None: page(lister, ["a"], '<http://evil.example/x>; rel="next"')})
    with pytest.raises(InvalidResponseException, match="off the configured host"):
        list(lister.iterate(configuration))
    assert len(wire.requests) == 1


def test_a_repeated_page_and_max_pages_stop_it(
    wire: Wire, configuration: Configuration, lister: Lister
) -> None:
    loop = f'<{lister.path}?pageToken=p2>; rel="next"'
    serve(wire, lister, {None: page(lister, ["a"], loop), "p2": page(lister, ["b"], loop)})
    with pytest.raises(InvalidResponseException, match=f"{lister.name[5:]}.*repeats a page"):
        list(lister.iterate(configuration))
    wire.server.clear()
    serve(wire, lister, {None: page(lister, ["a"], loop)})
    with pytest.raises(InvalidResponseException, match="max_pages=1"):
        list(lister.iterate(configuration, max_pages=1))


def test_bad_arguments_raise_before_sending(
    wire: Wire, configuration: Configuration, lister: Lister
) -> None:
    with pytest.raises(ApiTypeError, match="page_token"):
        lister.iterate(configuration, page_token="x")
    with pytest.raises(ApiValueError, match="max_pages"):
        lister.iterate(configuration, max_pages=0)
    with pytest.raises(ApiTypeError, match="page_sise"):
        lister.iterate(configuration, page_sise=3)
    assert wire.requests == []


def test_conference_pages_hold_at_most_1000(wire: Wire, configuration: Configuration) -> None:
    with pytest.raises(ApiValueError, match="page_size must be between 1 and 1000"):
        LISTERS[1].iterate(configuration, page_size=1001)
    assert wire.requests == []

"""The Conferences operations: list, get, update (status, redirect, BXML) and members.

A conference that has ended still reads (``completedTime`` set, no active
members) but takes no update: 404, since the spec declares no 409 here, as
does a member that has left. Conference recordings are in ``recordings``.
"""

from __future__ import annotations

import bisect
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple

from bandwidth.testing._core.handlers import (
    InvalidRequest,
    Problem,
    Request,
    empty,
    json_answer,
    next_link,
    parse_json_object,
    require_media_type,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._voice.bxml_reading import InvalidBxml, read_verbs, verb_name
from bandwidth.testing._voice.conferences import (
    CONFERENCE_VERBS,
    SimulatedConference,
    SimulatedMember,
)
from bandwidth.testing._voice.request_checks import (
    check_bxml,
    check_update_conference,
    check_update_conference_member,
)
from bandwidth.testing._voice.routes.common import RouteHost, account_url, locked

__all__ = ["HANDLERS", "find_conference"]

MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 1000


def find_conference(host: RouteHost, conference_id: str) -> SimulatedConference:
    """The conference (404 when there is none). Under the store's lock."""
    conf = host.store.conferences.by_id.get(conference_id)
    if conf is None:
        raise Problem(404, f"Conference {conference_id} was not found.")
    return conf


def _running(host: RouteHost, conference_id: str) -> SimulatedConference:
    conf = find_conference(host, conference_id)
    if not conf.active:
        raise Problem(404, f"Conference {conference_id} has ended; it takes no changes.")
    return conf


def _member(conf: SimulatedConference, member_id: str) -> SimulatedMember:
    member = conf.members.get(member_id)
    if member is None or not member.active:
        raise Problem(404, f"Call {member_id} is not a member of conference {conf.conference_id}.")
    return member


def list_conferences(host: RouteHost, request: Request) -> Response:
    query = request.parsed_query()
    page_size = query.page_size(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    low, high = query.time("minCreatedTime"), query.time("maxCreatedTime")
    after = query.page_token()
    name = query.get("name")
    base = account_url(host.sim)
    page: List[Dict[str, Any]] = []
    last: Optional[Tuple[datetime, int]] = None
    more = False
    book = host.store.conferences
    with locked(host):
        start = 0 if after is None else bisect.bisect_right(book.keys, after)
        for conf in book.order[start:]:
            if (
                (name is not None and conf.name != name)
                or (low is not None and conf.created_time < low)
                or (high is not None and conf.created_time > high)
            ):
                continue
            if len(page) == page_size:
                more = True
                break
            page.append(conf.to_json(base, members=False))
            last = conf.sort_key
    headers = (next_link(f"{base}/conferences", query, last),) if more and last else ()
    return json_answer(page, 200, headers)


def get_conference(host: RouteHost, request: Request) -> Response:
    with locked(host):
        conf = find_conference(host, request.params["conferenceId"])
        return json_answer(conf.to_json(account_url(host.sim)))


def update_conference(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/json")
    body = parse_json_object(request.body)
    status = check_update_conference(body)
    book = host.store.conferences
    with locked(host) as now:
        conf = _running(host, request.params["conferenceId"])
        if status == "completed":
            book.complete(conf, now)
        else:
            book.redirect(conf, body, now)
    return empty(204)


def update_conference_bxml(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/xml")
    document = check_bxml(request.body)
    try:
        verbs = read_verbs(document, root="Bxml", either_root=not host.engine.roots.strict)
    except InvalidBxml as exc:
        raise InvalidRequest(f"Invalid BXML: {exc}") from None
    for verb in verbs:
        name = verb_name(verb)
        if name not in CONFERENCE_VERBS:
            allowed = ", ".join(sorted(CONFERENCE_VERBS))
            raise InvalidRequest(
                f"Invalid BXML: <{name}> cannot run on a conference (only {allowed})."
            )
    with locked(host) as now:
        conf = _running(host, request.params["conferenceId"])
        host.store.conferences.replace_bxml(conf, document, now)
    return empty(204)


def get_conference_member(host: RouteHost, request: Request) -> Response:
    with locked(host):
        conf = find_conference(host, request.params["conferenceId"])
        member = _member(conf, request.params["memberId"])
        return json_answer(member.to_json(account_url(host.sim)))


def update_conference_member(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/json")
    body = parse_json_object(request.body)
    check_update_conference_member(body)
    with locked(host) as now:
        conf = _running(host, request.params["conferenceId"])
        member = _member(conf, request.params["memberId"])
        host.store.conferences.update_member(conf, member, body, now)
    return empty(204)


HANDLERS = {
    "list_conferences": list_conferences,
    "get_conference": get_conference,
    "update_conference": update_conference,
    "update_conference_bxml": update_conference_bxml,
    "get_conference_member": get_conference_member,
    "update_conference_member": update_conference_member,
}

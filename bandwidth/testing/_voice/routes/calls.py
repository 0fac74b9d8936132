"""The Calls operations: create, get, list, update and replace the BXML of a call."""

from __future__ import annotations

import bisect
from datetime import datetime
from typing import List, Optional

from bandwidth.testing._core.handlers import (
    JSON_HEADER,
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
from bandwidth.testing._voice.bxml_reading import InvalidBxml, read_document
from bandwidth.testing._voice.calls import ANSWERED, DISCONNECTED, QUEUED, SimulatedCall
from bandwidth.testing._voice.request_checks import check_bxml, check_create_call, check_update_call
from bandwidth.testing._voice.routes.common import RouteHost, account_url, locked

__all__ = ["HANDLERS", "live_call"]

MAX_PAGE_SIZE = 10000
DEFAULT_PAGE_SIZE = 1000


def live_call(host: RouteHost, call_id: str, now: datetime) -> SimulatedCall:
    """The call the API still shows (404 otherwise). Under the store's lock."""
    call = host.store.live(call_id, now)
    if call is None:
        raise Problem(404, f"Call {call_id} was not found.")
    return call


def create_call(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/json")
    body = parse_json_object(request.body)
    check_create_call(body)
    store, sim = host.store, host.sim
    with locked(host) as now:
        call = store.new_call(body, now)
        store.insert(call)
        call.note(now, f"create_call: queued, answerUrl {body['answerUrl']}")
        store.schedule(call, now)
        url = sim.call_url(call.call_id)
        payload = call.to_create_response(url)
    return json_answer(payload, 201, (("Location", url),))


def get_call_state(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        call = live_call(host, request.params["callId"], now)
        return 200, [JSON_HEADER], call.state_json()


def list_calls(host: RouteHost, request: Request) -> Response:
    query = request.parsed_query()
    page_size = query.page_size(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE)
    low, high = query.time("minStartTime"), query.time("maxStartTime")
    after = query.page_token()
    to, sender, cause = query.get("to"), query.get("from"), query.get("disconnectCause")
    timed = low is not None or high is not None

    page: List[bytes] = []
    last: Optional[SimulatedCall] = None
    more = False
    store = host.store
    with locked(host) as now:
        start = 0 if after is None else bisect.bisect_right(store.keys, after)
        for call in store.order[start:] if start else store.order:
            if (
                (to is not None and call.to != to)
                or (sender is not None and call.from_ != sender)
                or (cause is not None and call.disconnect_cause != cause)
                or store.expired(call, now)
            ):
                continue
            if timed:
                begun = call.start_time
                if (
                    begun is None
                    or (low is not None and begun < low)
                    or (high is not None and begun > high)
                ):
                    continue
            if len(page) == page_size:
                more = True
                break
            page.append(call.state_json())
            last = call
    headers = [JSON_HEADER]
    if more and last is not None:
        headers.append(next_link(f"{account_url(host.sim)}/calls", query, last.sort_key))
    return 200, headers, b"[" + b",".join(page) + b"]"


def update_call(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/json")
    body = parse_json_object(request.body)
    state = check_update_call(body)
    call_id = request.params["callId"]
    store, engine = host.store, host.engine
    with locked(host) as now:
        call = live_call(host, call_id, now)
        if call.state == DISCONNECTED:
            raise Problem(409, f"Call {call_id} has already ended.")
        if state == "completed":
            if call.state == ANSWERED:
                cause = "hangup"
            elif call.direction == "inbound":
                cause = "rejected"
            else:
                cause = "cancel"
            store.disconnect(call, cause, now)
            return empty(200)
        if call.state == QUEUED:
            raise Problem(409, f"Call {call_id} is still queued and cannot be redirected yet.")
        # Not a state change, so lastUpdate (and the cached callState) stay.
        call.redirected(body)
        if call.state == ANSWERED or call.direction == "inbound":
            engine.redirect(call, body, now)
        else:
            call.note(now, "update_call: redirect recorded (not answered: no BXML runs)")
    return empty(200)


def update_call_bxml(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/xml")
    document = check_bxml(request.body)
    try:
        _, note = read_document(document, root="Bxml", either_root=not host.engine.roots.strict)
    except InvalidBxml as exc:
        raise InvalidRequest(f"Invalid BXML: {exc}") from None
    call_id = request.params["callId"]
    with locked(host) as now:
        call = live_call(host, call_id, now)
        if call.state != ANSWERED:
            raise Problem(409, f"Call {call_id} is {call.state}; only an answered call runs BXML.")
        call.replaced(document)
        if note is not None:
            call.note(now, f"update_call_bxml: {note}")
        host.engine.replace(call, document, now)
    return empty(204)


HANDLERS = {
    "create_call": create_call,
    "get_call_state": get_call_state,
    "list_calls": list_calls,
    "update_call": update_call,
    "update_call_bxml": update_call_bxml,
}

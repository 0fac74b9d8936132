"""The Phone Number Lookup API (v2) as the core serves it: its routes, errors and answers.

:class:`LookupService` is the lookup's
:class:`~bandwidth.testing._core.products.ProductService`. Every answer is
the API's envelope ``{links, data, errors}``, errors included
(``lookupErrorResponse``). What a request must hold: a JSON body
(``Content-Type: application/json``, else 415), ``phoneNumbers`` a list of
1 to 100 (sync) or 1 to 15,000 (bulk) E.164 numbers, ``rcsAgent`` (sync
only) 1 to 40 letters, digits, ``_`` or ``-``; anything else is a 400 naming
the field. A number given twice is looked up once (the first place counts).
"""

from __future__ import annotations

import re
import threading
import uuid
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple
from urllib.parse import quote

from bandwidth._formats import is_e164
from bandwidth.testing._core.credentials import Principal
from bandwidth.testing._core.handlers import (
    InvalidRequest,
    Problem,
    Request,
    json_answer,
    parse_json_object,
    require_media_type,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._core.products import ControlMatch, Route
from bandwidth.testing._identity.identity_paths import LOOKUP_SUCCESS, lookup_route
from bandwidth.testing._identity.lookup_book import BulkLookup, LookupBook, LookupOutcome

__all__ = ["MAX_BULK_NUMBERS", "MAX_SYNC_NUMBERS", "LookupService"]

MAX_SYNC_NUMBERS = 100
MAX_BULK_NUMBERS = 15_000
_RCS_AGENT = re.compile(r"[A-Za-z0-9_-]{1,40}")
#: ``errors[].type`` and ``code`` by status, as the spec's examples give them.
_ERRORS: Mapping[int, Tuple[str, Optional[str]]] = {
    400: ("bad-request", None),
    401: ("Unauthorized", "1"),
    403: ("Forbidden", "2"),
    404: ("not-found", None),
    415: ("invalid-content-type", None),
    429: ("rate-limiting", None),
    500: ("unexpected-error", "500"),
}

Clock = Callable[[], datetime]


def _numbers(body: Mapping[str, Any], maximum: int) -> List[str]:
    """``phoneNumbers``, checked, each once in first-seen order."""
    numbers = body.get("phoneNumbers")
    if not isinstance(numbers, list) or not numbers:
        raise InvalidRequest("phoneNumbers is required: a list of 1 or more E.164 numbers.")
    if len(numbers) > maximum:
        raise InvalidRequest(f"phoneNumbers holds {len(numbers)} numbers: at most {maximum}.")
    for index, number in enumerate(numbers):
        if not isinstance(number, str) or not is_e164(number):
            raise InvalidRequest(f"phoneNumbers[{index}] is not an E.164 number (+19195551234).")
    return list(dict.fromkeys(numbers))


def _data(request_id: str, status: str, results: Any) -> Dict[str, Any]:
    return {"requestId": request_id, "status": status, "results": list(results)}


class LookupService:
    """The lookup API's routes, error body and answers (a ``ProductService``)."""

    api_name = "Phone Number Lookup API"
    success: Mapping[str, int] = LOOKUP_SUCCESS

    def __init__(
        self,
        book: LookupBook,
        lock: threading.Lock,
        now: Clock,
    ) -> None:
        self.book = book
        self.lock = lock
        self.now = now
        self._control: Optional[Callable[[str, str], Optional[ControlMatch]]] = None

    def route(self, method: str, path: str) -> Optional[Route]:
        """A lookup operation's route (under ``/v2`` or ``/api/v2``), else ``None``."""
        return lookup_route(method, path)

    def permits(self, principal: Principal) -> bool:
        """Any authenticated principal (roles are modelled for voice only)."""
        return True

    def answer(self, route: Route, request: Request) -> Response:
        """Answer one lookup operation."""
        operation = route.operation
        if operation == "get_async_bulk_lookup":
            return self._get(route, request.params["requestId"])
        require_media_type(request.headers, "application/json")
        body = parse_json_object(request.body)
        if operation == "create_sync_lookup":
            return self._sync(body)
        return self._bulk(route, body)

    def error(
        self, status: int, description: str, headers: Tuple[Tuple[str, str], ...] = ()
    ) -> Response:
        """A ``lookupErrorResponse``: ``{links: [], data: {}, errors: [{type, description}]}``."""
        kind, code = _ERRORS.get(status, ("error", None))
        entry: Dict[str, Any] = {"type": kind, "description": description}
        if code is not None:
            entry["code"] = code
        return json_answer({"links": [], "data": {}, "errors": [entry]}, status, headers)

    def control(self, method: str, path: str) -> Optional[ControlMatch]:
        """Its control endpoints (seeding numbers) below ``/_control``."""
        return None if self._control is None else self._control(method, path)

    def control_with(self, finder: Callable[[str, str], Optional[ControlMatch]]) -> None:
        """Its control endpoints (built once the test API's part is)."""
        self._control = finder

    # -- the operations ------------------------------------------------------------------

    def _sync(self, body: Mapping[str, Any]) -> Response:
        numbers = _numbers(body, MAX_SYNC_NUMBERS)
        agent = body.get("rcsAgent")
        if agent is not None and not (isinstance(agent, str) and _RCS_AGENT.fullmatch(agent)):
            raise InvalidRequest("rcsAgent must be 1 to 40 letters, digits, '_' or '-'.")
        with self.lock:
            outcome: LookupOutcome = self.book.look_up(numbers)
        data = _data(str(uuid.uuid4()), outcome.status, outcome.results)
        return json_answer({"links": [], "data": data, "errors": list(outcome.errors)})

    def _bulk(self, route: Route, body: Mapping[str, Any]) -> Response:
        numbers = _numbers(body, MAX_BULK_NUMBERS)
        with self.lock:
            lookup = self.book.start_bulk(numbers, self.now())
        href = (
            f"/accounts/{quote(route.account_id, safe='')}/phoneNumberLookup/bulk/"
            f"{lookup.request_id}"
        )
        payload = {
            "links": [{"href": href, "rel": "createdRequest", "method": "GET"}],
            "data": {"requestId": lookup.request_id, "status": "IN_PROGRESS"},
            "errors": [],
        }
        return json_answer(payload, 202)

    def _get(self, route: Route, request_id: str) -> Response:
        with self.lock:
            now = self.now()
            lookup: Optional[BulkLookup] = self.book.find(request_id.lower(), now)
            if lookup is None:
                raise Problem(404, f"No bulk lookup {request_id} for account {route.account_id}.")
            status = lookup.status(now)
        if status == "IN_PROGRESS":
            return json_answer(
                {"links": [], "data": _data(lookup.request_id, status, ()), "errors": []}
            )
        outcome = lookup.outcome
        data = _data(lookup.request_id, status, outcome.results)
        return json_answer({"links": [], "data": data, "errors": list(outcome.errors)})

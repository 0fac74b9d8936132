"""The Messages API's handlers: ``create_message`` and ``list_messages``.

A handler is ``handler(host, request) -> Response``; it reads and changes
the messaging store under its lock and refuses through the core's
``Problem``/``InvalidRequest`` (answered as ``messagingRequestError``),
except ``create_message``'s 400, which carries ``fieldErrors``
(``createMessageRequestError``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Dict, Protocol

from bandwidth.testing._core.handlers import (
    Request,
    json_answer,
    parse_json_object,
    require_media_type,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._messaging.listing import list_page
from bandwidth.testing._messaging.message_checks import field_errors
from bandwidth.testing._messaging.message_store import MessageStore
from bandwidth.testing._messaging.text_flow import TextFlow

__all__ = ["HANDLERS", "MessagingHost"]


class MessagingHost(Protocol):
    """What the handlers use: the store, the text flow, the clock and the base URL."""

    @property
    def store(self) -> MessageStore:
        """Everything messaging holds, under ``store.lock``."""

    @property
    def flow(self) -> TextFlow:
        """Moves messages on the clock."""

    def now(self) -> datetime:
        """The simulator's current time."""

    def account_id(self) -> str:
        """The one account served."""

    def base_url(self) -> str:
        """The base URL answers link to (``.../api/v2``)."""


def create_message(host: MessagingHost, request: Request) -> Response:
    """``POST /users/{accountId}/messages``: 202 with the message, or 400 with field errors."""
    require_media_type(request.headers, "application/json")
    body = parse_json_object(request.body)
    with host.store.lock:
        now = host.now()
        errors = field_errors(body, now)
        if errors:
            problem = {
                "type": "request-validation",
                "description": "Your request could not be accepted.",
                "fieldErrors": errors,
            }
            return json_answer(problem, 400)
        answer = host.flow.send(body, now).wire()
    return json_answer(answer, 202)


def list_messages(host: MessagingHost, request: Request) -> Response:
    """``GET /users/{accountId}/messages``: one page of the account's history."""
    account = host.account_id()
    url = f"{host.base_url()}/users/{account}/messages"
    with host.store.lock:
        page = list_page(host.store, request.parsed_query(), account, url, host.now())
    return json_answer(page)


HANDLERS: Dict[str, Callable[[MessagingHost, Request], Response]] = {
    "create_message": create_message,
    "list_messages": list_messages,
}

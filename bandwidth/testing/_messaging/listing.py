"""``list_messages``: the account's history filtered, sorted and paged as the platform does."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Dict

from bandwidth.testing._core.handlers import InvalidRequest, QueryString
from bandwidth.testing._messaging.message_store import MessageStore

__all__ = ["list_page"]


def list_page(
    store: MessageStore, query: QueryString, account_id: str, url: str, now: datetime
) -> Dict[str, Any]:
    """One ``messagesList`` page (not written yet)."""
    if not query.pairs:
        raise InvalidRequest("At least one query parameter is required.")
    return {"totalCount": 0, "pageInfo": {}, "messages": []}

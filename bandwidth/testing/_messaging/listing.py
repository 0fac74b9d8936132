"""``list_messages``: the account's history filtered, sorted and paged as the platform does.

Each outbound message is one item per recipient (``destinationTn``), an
inbound copy one item; texts the platform sent itself (MFA codes) are not
the account's. Items carry no text. At least one known query parameter is
required (400 otherwise). Decided where the reference is silent: the
default order is ``receiveTime:asc`` (oldest first), ``messageSize`` is the
text's UTF-8 size, the country codes are ``USA`` for ``+1`` numbers, and
the fields only Advanced Quality Metrics accounts have (latencies, queued
flags, carrier, campaign, product, location) are null, so filters on them
match nothing (``bwQueued=false`` / ``carrierQueued=false`` match all).
``pageToken`` is opaque: an offset into the filtered, sorted results;
``limit`` (1 to 10000, default 100) plus that offset may not pass 10000.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple
from urllib.parse import urlencode

from bandwidth._formats import is_e164
from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.handlers import InvalidRequest, QueryString, check_decimal
from bandwidth.testing._messaging.message_records import MessageRecord
from bandwidth.testing._messaging.message_store import MessageStore

__all__ = ["DEFAULT_LIMIT", "MAX_WINDOW", "list_page"]

DEFAULT_LIMIT = 100
#: ``limit`` plus the page's offset may not pass this.
MAX_WINDOW = 10000
_STATUSES = frozenset(
    {"RECEIVED", "QUEUED", "SENDING", "SENT", "FAILED", "DELIVERED", "ACCEPTED", "UNDELIVERED"}
)
_DIRECTIONS = {"INBOUND": "in", "OUTBOUND": "out"}
_TYPES = frozenset({"sms", "mms", "rcs"})
_PRODUCTS = frozenset(
    {
        "LOCAL_A2P",
        "P2P",
        "SHORT_CODE_REACH",
        "TOLL_FREE",
        "HOSTED_SHORT_CODE",
        "ALPHA_NUMERIC",
        "RBM_MEDIA",
        "RBM_RICH",
        "RBM_CONVERSATIONAL",
    }
)
#: ``sort`` may name these item fields.
_SORTABLE = (
    "messageId",
    "sourceTn",
    "destinationTn",
    "messageStatus",
    "messageDirection",
    "messageType",
    "segmentCount",
    "errorCode",
    "receiveTime",
    "messageLength",
    "messageSize",
)
_KNOWN = frozenset(
    {
        "messageId", "sourceTn", "destinationTn", "messageStatus", "messageDirection",
        "carrierName", "messageType", "errorCode", "fromDateTime", "toDateTime", "campaignId",
        "fromBwLatency", "bwQueued", "product", "location", "carrierQueued",
        "fromCarrierLatency", "callingNumberCountryA3", "calledNumberCountryA3",
        "fromSegmentCount", "toSegmentCount", "fromMessageSize", "toMessageSize", "sort",
        "pageToken", "limit", "limitTotalCount",
    }
)  # fmt: skip

Item = Dict[str, Any]
Test = Callable[[Item], bool]


def _country(number: str) -> Optional[str]:
    return "USA" if number.startswith("+1") else None


def _items(store: MessageStore, account_id: str) -> Iterator[Item]:
    for record in store.messages.values():
        if record.platform:
            continue
        for recipient, status in record.statuses.items():
            yield _item(record, recipient, status, account_id)


def _item(record: MessageRecord, recipient: str, status: str, account_id: str) -> Item:
    size = len(record.text.encode("utf-8"))
    return {
        "messageId": record.message_id,
        "accountId": account_id,
        "sourceTn": record.from_,
        "destinationTn": recipient,
        "messageStatus": status,
        "messageDirection": "OUTBOUND" if record.direction == "out" else "INBOUND",
        "messageType": "mms" if record.mms else "sms",
        "segmentCount": record.segment_count,
        "errorCode": record.error_codes.get(recipient, 0),
        "receiveTime": format_time(record.time),
        "carrierName": None,
        "messageSize": size,
        "messageLength": len(record.text),
        "attachmentCount": len(record.media),
        "recipientCount": len(record.to),
        "campaignClass": None,
        "campaignId": None,
        "bwLatency": None,
        "carrierLatency": None,
        "callingNumberCountryA3": _country(record.from_),
        "calledNumberCountryA3": _country(recipient),
        "product": None,
        "location": None,
        "_time": record.time,
    }


def _phones(name: str, text: str) -> Test:
    """``sourceTn``/``destinationTn``: up to 10 full numbers, or one (maybe partial) of 5+
    characters, matched anywhere in the number."""
    values = [value.strip() for value in text.split(",")]
    if len(values) == 1:  # a whole number or a part of one (``+1919``): either is a substring
        partial = values[0]
        if len(partial) < 5:
            raise InvalidRequest(f"Invalid {name}: a partial number needs at least 5 characters.")
        return lambda item: partial in item[name]
    if len(values) > 10 or not all(is_e164(value) for value in values):
        raise InvalidRequest(f"Invalid {name}: up to 10 comma-separated E.164 numbers.")
    wanted = frozenset(values)
    return lambda item: item[name] in wanted


def _choice(name: str, text: str, allowed: Any) -> str:
    if text not in allowed:
        raise InvalidRequest(f"Invalid {name}: must be one of {', '.join(sorted(allowed))}.")
    return text


def _flag(name: str, text: str) -> bool:
    if text not in ("true", "false"):
        raise InvalidRequest(f"Invalid {name}: must be true or false.")
    return text == "true"


def _equal(name: str, value: Any) -> Test:
    return lambda item: item[name] == value


def _range(name: str, low: Optional[int], high: Optional[int]) -> Test:
    def test(item: Item) -> bool:
        value = item[name]
        if value is None:
            return False
        return (low is None or value >= low) and (high is None or value <= high)

    return test


def _number(query: QueryString, name: str) -> Optional[int]:
    text = query.get(name)
    return None if text is None else check_decimal(text, name)


def _filters(query: QueryString) -> List[Test]:
    tests: List[Test] = []
    get = query.get
    if get("messageId") is not None:
        tests.append(_equal("messageId", get("messageId")))
    for name in ("sourceTn", "destinationTn"):
        text = get(name)
        if text is not None:
            tests.append(_phones(name, text))
    if get("messageStatus") is not None:
        tests.append(
            _equal("messageStatus", _choice("messageStatus", get("messageStatus") or "", _STATUSES))
        )
    if get("messageDirection") is not None:
        wanted = _choice("messageDirection", get("messageDirection") or "", _DIRECTIONS)
        tests.append(_equal("messageDirection", wanted))
    if get("messageType") is not None:
        tests.append(
            _equal("messageType", _choice("messageType", get("messageType") or "", _TYPES))
        )
    if get("product") is not None:
        tests.append(_equal("product", _choice("product", get("product") or "", _PRODUCTS)))
    for name in ("carrierName", "campaignId", "location"):
        if get(name) is not None:
            tests.append(_equal(name, get(name)))
    for name in ("callingNumberCountryA3", "calledNumberCountryA3"):
        if get(name) is not None:
            tests.append(_equal(name, (get(name) or "").upper()))
    code = _number(query, "errorCode")
    if code is not None:
        tests.append(_equal("errorCode", code))
    since, until = query.time("fromDateTime"), query.time("toDateTime")
    if since is not None or until is not None:
        tests.append(
            lambda item: (
                (since is None or item["_time"] >= since)
                and (until is None or item["_time"] <= until)
            )
        )
    for low, high, name in (
        ("fromSegmentCount", "toSegmentCount", "segmentCount"),
        ("fromMessageSize", "toMessageSize", "messageSize"),
    ):
        lowest, highest = _number(query, low), _number(query, high)
        if lowest is not None or highest is not None:
            tests.append(_range(name, lowest, highest))
    for name, field in (("fromBwLatency", "bwLatency"), ("fromCarrierLatency", "carrierLatency")):
        least = _number(query, name)
        if least is not None:
            tests.append(_range(field, least, None))
    for name in ("bwQueued", "carrierQueued"):
        if get(name) is not None and _flag(name, get(name) or ""):
            tests.append(lambda item: False)  # nothing here is ever queued
    return tests


def _sort_key(query: QueryString) -> Tuple[str, bool]:
    text = query.get("sort")
    if text is None:
        return "receiveTime", False
    field, _, order = text.partition(":")
    if field not in _SORTABLE or order not in ("", "asc", "desc"):
        raise InvalidRequest(
            f"Invalid sort: field:asc or field:desc, field one of {', '.join(_SORTABLE)}."
        )
    return field, order == "desc"


def _encode(offset: int) -> str:
    raw = json.dumps({"o": offset}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _decode(token: str) -> int:
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        offset = data["o"]
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise ValueError
    except (ValueError, TypeError, KeyError, binascii.Error):
        raise InvalidRequest("Invalid pageToken.") from None
    return offset


def _link(url: str, query: QueryString, offset: int) -> str:
    kept = [(k, v) for k, v in query.pairs if k != "pageToken"]
    kept.append(("pageToken", _encode(offset)))
    return f"{url}?{urlencode(kept)}"


def list_page(
    store: MessageStore, query: QueryString, account_id: str, url: str, now: datetime
) -> Dict[str, Any]:
    """One ``messagesList`` page for ``query`` (``url``: the operation's URL, for the links)."""
    if not any(key in _KNOWN for key in query.first):
        raise InvalidRequest("At least one query parameter is required.")
    store.sweep(now)
    tests = _filters(query)
    field, descending = _sort_key(query)
    limit = _number(query, "limit")
    limit = DEFAULT_LIMIT if limit is None else limit
    if not 1 <= limit <= MAX_WINDOW:
        raise InvalidRequest(f"Invalid limit: must be between 1 and {MAX_WINDOW}.")
    token = query.get("pageToken")
    offset = 0 if token is None else _decode(token)
    if offset + limit > MAX_WINDOW:
        raise InvalidRequest(f"limit and the page's offset may not pass {MAX_WINDOW} together.")
    capped = query.get("limitTotalCount") is not None and _flag(
        "limitTotalCount", query.get("limitTotalCount") or ""
    )
    found = [item for item in _items(store, account_id) if all(test(item) for test in tests)]
    found.sort(key=lambda item: (item[field] is None, item[field] or 0), reverse=descending)
    page = found[offset : offset + limit]
    info: Dict[str, str] = {}
    if offset + limit < len(found):
        info["nextPage"] = _link(url, query, offset + limit)
        info["nextPageToken"] = _encode(offset + limit)
    if offset > 0:
        before = max(0, offset - limit)
        info["prevPage"] = _link(url, query, before)
        info["prevPageToken"] = _encode(before)
    total = min(len(found), MAX_WINDOW) if capped else len(found)
    messages = [
        {k: v for k, v in item.items() if not k.startswith("_") and v is not None} for item in page
    ]
    return {"totalCount": total, "pageInfo": info, "messages": messages}

"""What the simulated lookup service knows: the numbers a test seeded, and bulk lookups.

A seeded number answers exactly the fields the test gave (by the SDK
model's names, :class:`~bandwidth.models.LookupResult`); a number seeded
with ``found=False`` is not in the industry data (``NO-MATCH``). A number
nobody seeded answers :data:`DEFAULT_RESULT` when it is North American
(``+1``, the service's coverage: the US and Canada), and ``NO-MATCH``
otherwise: a test that does not care about carriers gets the complete
answer a real mobile number gets, and one that does seeds what it needs.

A bulk lookup's results are taken when it is created and shown once the
clock reaches its completion (``bulk_seconds`` later); it is kept for
:data:`BULK_RETENTION`, then forgotten (404), so a long run stays flat.

Not thread-safe on its own: callers hold the simulator's lock.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from bandwidth._formats import is_e164
from bandwidth.testing._voice.wire_forms import model_fields, wire_form

__all__ = [
    "BULK_RETENTION",
    "DEFAULT_BULK_SECONDS",
    "DEFAULT_RESULT",
    "BulkLookup",
    "LookupBook",
    "LookupOutcome",
]

#: What an unseeded North American number answers (besides its ``phoneNumber``).
DEFAULT_RESULT: Mapping[str, Any] = {
    "line_type": "MOBILE",
    "messaging_provider": "Simulated Wireless",
    "voice_provider": "Simulated Wireless",
    "country_code_a3": "USA",
}
#: How long a bulk lookup stays ``IN_PROGRESS`` on the simulator's clock, by default.
DEFAULT_BULK_SECONDS = 5.0
#: How long a bulk lookup's answer stays readable after it was created.
BULK_RETENTION = timedelta(days=7)
#: ``NO-MATCH``'s ``meta``: the platform's message and code.
NO_MATCH_MESSAGE, NO_MATCH_CODE = "Invalid TNs", 1001


def _result_fields() -> Tuple[str, ...]:
    return tuple(name for name, _ in model_fields("LookupResult"))


@dataclass(frozen=True)
class LookupOutcome:
    """The answer for some numbers: status, one result per number found, the errors."""

    status: str
    results: Tuple[Dict[str, Any], ...]
    errors: Tuple[Dict[str, Any], ...]


@dataclass
class BulkLookup:
    """One bulk lookup: its numbers' outcome, shown from ``done_at`` on."""

    request_id: str
    created: datetime
    done_at: datetime
    outcome: LookupOutcome

    def status(self, now: datetime) -> str:
        """``IN_PROGRESS`` until ``done_at``, then the outcome's status."""
        return self.outcome.status if now >= self.done_at else "IN_PROGRESS"


def _wire_value(value: Any) -> Any:
    """A seeded value as JSON holds it: enums by value, dates in the API's forms."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):  # deactivationDate: "date-time-local", no zone
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return value


class LookupBook:
    """The seeded numbers and the bulk lookups of one simulator."""

    def __init__(self) -> None:
        #: number -> the result fields it answers (by Python name), ``None``: not found
        self.seeds: Dict[str, Optional[Dict[str, Any]]] = {}
        #: request id -> bulk lookup, oldest first
        self.bulk: OrderedDict[str, BulkLookup] = OrderedDict()
        self.bulk_seconds = DEFAULT_BULK_SECONDS

    def seed(self, number: str, found: bool, fields: Mapping[str, Any]) -> None:
        """What ``number`` answers from now on (``ValueError`` for a field the model lacks)."""
        if not isinstance(number, str) or not is_e164(number):
            raise ValueError(f"a seeded number is in E.164 form (+19195551234), not {number!r}")
        known = set(_result_fields()) - {"phone_number"}
        unknown = sorted(set(fields) - known)
        if unknown:
            names = ", ".join(sorted(known))
            raise ValueError(f"LookupResult has no field {', '.join(unknown)} (known: {names})")
        if not found and fields:
            raise ValueError("a number that is not found has no result fields")
        self.seeds[number] = (
            {name: _wire_value(value) for name, value in fields.items()} if found else None
        )

    def clear(self) -> None:
        """Forget every seed and bulk lookup."""
        self.seeds.clear()
        self.bulk.clear()

    def result(self, number: str) -> Optional[Dict[str, Any]]:
        """The wire form of ``number``'s result, ``None`` when it is not found."""
        if number in self.seeds:
            fields = self.seeds[number]
        elif number.startswith("+1"):
            fields = dict(DEFAULT_RESULT)
        else:
            fields = None
        if fields is None:
            return None
        values = {"phone_number": number, **fields}
        # A field seeded None is absent, as the platform leaves unknown data out; rcsEnabled
        # alone may be null (RCS is on, but no answer came back).
        absent = frozenset(values) - {"rcs_enabled"}
        return wire_form("LookupResult", values, left_out_when_none=absent)

    def look_up(self, numbers: Sequence[str]) -> LookupOutcome:
        """The outcome for ``numbers`` (checked, duplicates already dropped)."""
        results: List[Dict[str, Any]] = []
        missing: List[str] = []
        for number in numbers:
            found = self.result(number)
            if found is None:
                missing.append(number)
            else:
                results.append(found)
        if not missing:
            return LookupOutcome("COMPLETE", tuple(results), ())
        error = {
            "code": "NO-MATCH",
            "description": "No results were found for some of the phone numbers.",
            "type": "NumberInventory",
            "meta": {"phoneNumbers": missing, "message": NO_MATCH_MESSAGE, "code": NO_MATCH_CODE},
        }
        status = "PARTIAL_COMPLETE" if results else "FAILED"
        return LookupOutcome(status, tuple(results), (error,))

    def start_bulk(self, numbers: Sequence[str], now: datetime) -> BulkLookup:
        """A new bulk lookup of ``numbers``, done ``bulk_seconds`` from ``now``."""
        self.forget_expired(now)
        lookup = BulkLookup(
            str(uuid.uuid4()),
            now,
            now + timedelta(seconds=self.bulk_seconds),
            self.look_up(numbers),
        )
        self.bulk[lookup.request_id] = lookup
        return lookup

    def find(self, request_id: str, now: datetime) -> Optional[BulkLookup]:
        """The bulk lookup of ``request_id`` if it is still kept."""
        self.forget_expired(now)
        return self.bulk.get(request_id)

    def forget_expired(self, now: datetime) -> None:
        """Drop the bulk lookups created more than :data:`BULK_RETENTION` before ``now``."""
        bulk = self.bulk
        while bulk:
            oldest = next(iter(bulk.values()))
            if now - oldest.created <= BULK_RETENTION:
                return
            bulk.popitem(last=False)

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``AsyncLookupRequest``: the ``asyncLookupRequest`` schema."""

from __future__ import annotations

from typing import List

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import each, max_items, min_items, pattern


class AsyncLookupRequest(RequestModel):
    """
    Up to 15,000 numbers to look up with ``create_async_bulk_lookup``; poll
    ``get_async_bulk_lookup`` with the returned ``request_id`` for the results.
    """

    phone_numbers: Annotated[
        List[StrictStr], rule(min_items(1), max_items(15000), each(pattern(r"^\+[1-9]\d{1,14}$")))
    ] = Field(
        validation_alias="phoneNumbers",
        serialization_alias="phoneNumbers",
        description=("The numbers to look up, in E.164 (`+19195551234`): 1 to 15,000 of them."),
    )

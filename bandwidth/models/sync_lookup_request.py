# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``SyncLookupRequest``: the ``syncLookupRequest`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, List, Optional

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import each, max_items, min_items, pattern


class SyncLookupRequest(RequestModel):
    """
    Up to 100 numbers to look up at once with ``PhoneNumberLookupApi.create_sync_lookup`` (the
    results come back in the response).
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"rcs_agent"})

    phone_numbers: Annotated[
        List[StrictStr], rule(min_items(1), max_items(100), each(pattern(r"^\+[1-9]\d{1,14}$")))
    ] = Field(
        validation_alias="phoneNumbers",
        serialization_alias="phoneNumbers",
        description="The numbers to look up, in E.164 (`+19195551234`): 1 to 100 of them.",
    )
    rcs_agent: Optional[Annotated[StrictStr, rule(pattern(r"^[A-Za-z0-9_-]{1,40}$"))]] = Field(
        default=None,
        validation_alias="rcsAgent",
        serialization_alias="rcsAgent",
        description=(
            "Override the default RCS sender/agent ID used when checking RCS capabilities."
        ),
    )

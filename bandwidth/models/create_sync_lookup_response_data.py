# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateSyncLookupResponseData``: the ``CreateSyncLookupResponse.data`` schema."""

from __future__ import annotations

from typing import List, Optional, Union
from uuid import UUID

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.completed_lookup_status_enum import CompletedLookupStatusEnum
from bandwidth.models.lookup_result import LookupResult

_CompletedLookupStatusValue = Annotated[Union[CompletedLookupStatusEnum, StrictStr], LEFT_TO_RIGHT]


class CreateSyncLookupResponseData(ResponseModel):
    """The phone number lookup response data. Held by ``CreateSyncLookupResponse.data``."""

    request_id: Optional[UUID] = Field(
        default=None,
        validation_alias="requestId",
        serialization_alias="requestId",
        description="The phone number lookup request ID from Bandwidth.",
    )
    status: Optional[_CompletedLookupStatusValue] = Field(
        default=None,
        description=(
            "One of `COMPLETE`, `PARTIAL_COMPLETE`, `FAILED` (a new value stays a string)."
        ),
    )
    results: Optional[List[LookupResult]] = Field(
        default=None,
        description="The carrier information results for the specified telephone numbers.",
    )

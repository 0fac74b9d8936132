# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateAsyncBulkLookupResponseData``: the ``CreateAsyncBulkLookupResponse.data`` schema."""

from __future__ import annotations

from typing import Optional, Union
from uuid import UUID

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.in_progress_lookup_status_enum import InProgressLookupStatusEnum

_InProgressLookupStatusValue = Annotated[
    Union[InProgressLookupStatusEnum, StrictStr], LEFT_TO_RIGHT
]


class CreateAsyncBulkLookupResponseData(ResponseModel):
    """The phone number lookup response data. Held by ``CreateAsyncBulkLookupResponse.data``."""

    request_id: Optional[UUID] = Field(
        default=None,
        validation_alias="requestId",
        serialization_alias="requestId",
        description="The phone number lookup request ID from Bandwidth.",
    )
    status: Optional[_InProgressLookupStatusValue] = Field(
        default=None,
        description=(
            "One of `IN_PROGRESS`, `COMPLETE`, `PARTIAL_COMPLETE`, `FAILED` (a new value "
            "stays a string)."
        ),
    )

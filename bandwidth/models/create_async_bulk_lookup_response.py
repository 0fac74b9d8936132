# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateAsyncBulkLookupResponse``: the ``createAsyncBulkLookupResponse`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.create_async_bulk_lookup_response_data import (
    CreateAsyncBulkLookupResponseData,
)
from bandwidth.models.link_schema import LinkSchema
from bandwidth.models.lookup_error_schema import LookupErrorSchema


class CreateAsyncBulkLookupResponse(ResponseModel):
    """The ``createAsyncBulkLookupResponse`` schema. Returned by ``create_async_bulk_lookup``."""

    links: Optional[List[LinkSchema]] = Field(
        default=None, description="Links for pagination (if applicable)."
    )
    data: Optional[CreateAsyncBulkLookupResponseData] = Field(
        default=None, description="The phone number lookup response data."
    )
    errors: Optional[List[LookupErrorSchema]] = Field(default=None)

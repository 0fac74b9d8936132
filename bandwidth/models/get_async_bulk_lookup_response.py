# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``GetAsyncBulkLookupResponse``: the ``getAsyncBulkLookupResponse`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.get_async_bulk_lookup_response_data import GetAsyncBulkLookupResponseData
from bandwidth.models.link_schema import LinkSchema
from bandwidth.models.lookup_error_schema import LookupErrorSchema


class GetAsyncBulkLookupResponse(ResponseModel):
    """The ``getAsyncBulkLookupResponse`` schema. Returned by ``get_async_bulk_lookup``."""

    links: Optional[List[LinkSchema]] = Field(default=None, description="Link.")
    data: Optional[GetAsyncBulkLookupResponseData] = Field(
        default=None, description="The phone number lookup response data."
    )
    errors: Optional[List[LookupErrorSchema]] = Field(default=None)

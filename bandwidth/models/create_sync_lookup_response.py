# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateSyncLookupResponse``: the ``createSyncLookupResponse`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.create_sync_lookup_response_data import CreateSyncLookupResponseData
from bandwidth.models.link_schema import LinkSchema
from bandwidth.models.lookup_error_schema import LookupErrorSchema


class CreateSyncLookupResponse(ResponseModel):
    """The ``createSyncLookupResponse`` schema. Returned by ``create_sync_lookup``."""

    links: Optional[List[LinkSchema]] = Field(default=None, description="Link.")
    data: Optional[CreateSyncLookupResponseData] = Field(
        default=None, description="The phone number lookup response data."
    )
    errors: Optional[List[LookupErrorSchema]] = Field(default=None)

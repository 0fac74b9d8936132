# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LookupErrorResponse``: the ``lookupErrorResponse`` schema."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.link_schema import LinkSchema
from bandwidth.models.lookup_error_schema import LookupErrorSchema


class LookupErrorResponse(ResponseModel):
    """
    The ``lookupErrorResponse`` schema. The error body of ``create_sync_lookup``,
    ``create_async_bulk_lookup`` and ``get_async_bulk_lookup``.
    """

    links: Optional[List[LinkSchema]] = Field(default=None, description="Link.")
    data: Optional[Dict[str, Any]] = Field(
        default=None, description="The phone number lookup response data."
    )
    errors: Optional[List[LookupErrorSchema]] = Field(default=None)

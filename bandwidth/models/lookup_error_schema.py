# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LookupErrorSchema``: the ``lookupErrorSchema`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.lookup_error_schema_meta import LookupErrorSchemaMeta


class LookupErrorSchema(ResponseModel):
    """
    The ``lookupErrorSchema`` schema. Held by ``CreateSyncLookupResponse.errors``,
    ``CreateAsyncBulkLookupResponse.errors``, ``GetAsyncBulkLookupResponse.errors`` and 1 more.
    """

    code: Optional[StrictStr] = Field(default=None, description="Validation error code.")
    description: StrictStr = Field(description="Description of validation error.")
    type: StrictStr = Field(description="Type of validation error.")
    meta: Optional[LookupErrorSchemaMeta] = Field(default=None)

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LookupErrorSchemaMeta``: the ``LookupErrorSchema.meta`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictInt, StrictStr

from bandwidth.models._base import ResponseModel


class LookupErrorSchemaMeta(ResponseModel):
    """The ``LookupErrorSchema.meta`` schema. Held by ``LookupErrorSchema.meta``."""

    phone_numbers: Optional[List[StrictStr]] = Field(
        default=None, validation_alias="phoneNumbers", serialization_alias="phoneNumbers"
    )
    message: Optional[StrictStr] = Field(default=None, description="Message describing the error.")
    code: Optional[StrictInt] = Field(
        default=None, description="Error code associated with the message."
    )

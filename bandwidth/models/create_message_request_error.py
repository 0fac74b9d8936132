# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateMessageRequestError``: the ``createMessageRequestError`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.field_error import FieldError


class CreateMessageRequestError(ResponseModel):
    """CreateMessageRequestError. The error body of ``create_message``."""

    type: StrictStr = Field()
    description: StrictStr = Field()
    field_errors: Optional[List[FieldError]] = Field(
        default=None, validation_alias="fieldErrors", serialization_alias="fieldErrors"
    )

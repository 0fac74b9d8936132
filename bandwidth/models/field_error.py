# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``FieldError``: the ``fieldError`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class FieldError(ResponseModel):
    """The ``fieldError`` schema. Held by ``CreateMessageRequestError.field_errors``."""

    field_name: Optional[StrictStr] = Field(
        default=None,
        validation_alias="fieldName",
        serialization_alias="fieldName",
        description="The name of the field that contains the error.",
    )
    description: Optional[StrictStr] = Field(
        default=None, description="The error associated with the field."
    )

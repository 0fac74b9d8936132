# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``ErrorSource``: the ``errorSource`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class ErrorSource(ResponseModel):
    """Specifies relevant sources of the error, if any. Held by ``ErrorObject.source``."""

    parameter: Optional[StrictStr] = Field(
        default=None, description="The relevant URI query parameter causing the error."
    )
    var_field: Optional[StrictStr] = Field(
        default=None,
        validation_alias="field",
        serialization_alias="field",
        description="The request body field that led to the error.",
    )
    header: Optional[StrictStr] = Field(
        default=None, description="The header field that contributed to the error."
    )
    reference: Optional[StrictStr] = Field(
        default=None, description="A resource ID or path linked to the error."
    )

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``BrtcErrorSource``: the ``brtcErrorSource`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class BrtcErrorSource(ResponseModel):
    """The ``brtcErrorSource`` schema. Held by ``BrtcError.source``."""

    parameter: Optional[StrictStr] = Field(
        default=None, description="The URI parameter that caused the error."
    )
    var_field: Optional[StrictStr] = Field(
        default=None,
        validation_alias="field",
        serialization_alias="field",
        description="The request body field that caused the error.",
    )
    header: Optional[StrictStr] = Field(
        default=None, description="The header that caused the error."
    )
    reference: Optional[StrictStr] = Field(
        default=None,
        description=(
            "The resource ID or path to the resource (or non-existent resource) causing the error."
        ),
    )

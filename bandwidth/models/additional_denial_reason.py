# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``AdditionalDenialReason``: the ``additionalDenialReason`` schema."""

from __future__ import annotations

from pydantic import Field, StrictBool, StrictInt, StrictStr

from bandwidth.models._base import ResponseModel


class AdditionalDenialReason(ResponseModel):
    """The ``additionalDenialReason`` schema."""

    status_code: StrictInt = Field(description="Reason code for denial.")
    reason: StrictStr = Field(
        description="Explanation for why a verification request was declined."
    )
    resubmit_allowed: StrictBool = Field(
        description=("Whether a Toll-Free Verification request qualifies for resubmission via PUT.")
    )

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``AdditionalDenialReason``: the ``additionalDenialReason`` schema."""

from __future__ import annotations

from pydantic import Field, StrictBool, StrictInt, StrictStr

from bandwidth.models._base import ResponseModel


class AdditionalDenialReason(ResponseModel):
    """
    The ``additionalDenialReason`` schema. Held by
    ``VerificationDenialWebhook.additional_denial_reasons`` and
    ``TfvStatus.additional_denial_reasons``.
    """

    status_code: StrictInt = Field(
        validation_alias="statusCode",
        serialization_alias="statusCode",
        description="Reason code for denial.",
    )
    reason: StrictStr = Field(
        description="Explanation for why a verification request was declined."
    )
    resubmit_allowed: StrictBool = Field(
        validation_alias="resubmitAllowed",
        serialization_alias="resubmitAllowed",
        description=(
            "Whether a Toll-Free Verification request qualifies for resubmission via PUT."
        ),
    )

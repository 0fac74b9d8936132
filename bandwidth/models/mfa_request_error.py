# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MfaRequestError``: the ``mfaRequestError`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MfaRequestError(ResponseModel):
    """
    The ``mfaRequestError`` schema. The error body of ``generate_voice_code``,
    ``generate_messaging_code`` and ``verify_code``.
    """

    error: Optional[StrictStr] = Field(
        default=None, description="A message describing the error with your request."
    )
    request_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="requestId",
        serialization_alias="requestId",
        description="The associated requestId from AWS.",
    )

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MfaRequestError``: the ``mfaRequestError`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MfaRequestError(ResponseModel):
    """The ``mfaRequestError`` schema."""

    error: Optional[StrictStr] = Field(
        default=None, description="A message describing the error with your request."
    )
    request_id: Optional[StrictStr] = Field(
        default=None, description="The associated requestId from AWS."
    )

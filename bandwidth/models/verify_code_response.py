# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``VerifyCodeResponse``: the ``verifyCodeResponse`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictBool

from bandwidth.models._base import ResponseModel


class VerifyCodeResponse(ResponseModel):
    """The ``verifyCodeResponse`` schema. Returned by ``verify_code``."""

    valid: Optional[StrictBool] = Field(
        default=None, description="Whether or not the supplied code is valid."
    )

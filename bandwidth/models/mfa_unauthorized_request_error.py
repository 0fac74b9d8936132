# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MfaUnauthorizedRequestError``: the ``mfaUnauthorizedRequestError`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MfaUnauthorizedRequestError(ResponseModel):
    """The ``mfaUnauthorizedRequestError`` schema."""

    message: Optional[StrictStr] = Field(default=None, description="Unauthorized.")

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``ErrorObject``: the ``errorObject`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.error_source import ErrorSource


class ErrorObject(ResponseModel):
    """
    The ``errorObject`` schema. Held by ``CreateMultiChannelMessageResponse.errors`` and
    ``MultiChannelError.errors``.
    """

    type: StrictStr = Field(description="A concise summary of the error used for categorization.")
    description: StrictStr = Field(description="A detailed explanation of the error.")
    source: ErrorSource = Field(description="Specifies relevant sources of the error, if any.")

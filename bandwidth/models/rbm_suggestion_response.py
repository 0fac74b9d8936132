# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmSuggestionResponse``: the ``rbmSuggestionResponse`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class RbmSuggestionResponse(ResponseModel):
    """The ``rbmSuggestionResponse`` schema."""

    text: Optional[StrictStr] = Field(
        default=None, description="The text associated with the suggestion response."
    )
    postback_data: Optional[StrictStr] = Field(
        default=None, description="Base64 payload the customer receives when the reply is clicked."
    )
    paired_message_id: Optional[StrictStr] = Field(
        default=None, description="Corresponding parent message ID (MT)."
    )

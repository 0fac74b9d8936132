# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmSuggestionResponse``: the ``rbmSuggestionResponse`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictBytes, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT


class RbmSuggestionResponse(ResponseModel):
    """
    The ``rbmSuggestionResponse`` schema. Held by ``InboundCallbackMessage.suggestion_response``.
    """

    text: Optional[StrictStr] = Field(
        default=None, description="The text associated with the suggestion response."
    )
    postback_data: Optional[Annotated[Union[StrictStr, StrictBytes], LEFT_TO_RIGHT]] = Field(
        default=None,
        validation_alias="postbackData",
        serialization_alias="postbackData",
        description="Base64 payload the customer receives when the reply is clicked.",
    )
    paired_message_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="pairedMessageId",
        serialization_alias="pairedMessageId",
        description="Corresponding parent message ID (MT).",
    )

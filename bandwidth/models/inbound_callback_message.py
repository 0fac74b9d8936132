# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``InboundCallbackMessage``: the ``inboundCallbackMessage`` schema."""

from __future__ import annotations

from typing import List, Optional, Union

from pydantic import Field, StrictInt, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.message_direction_enum import MessageDirectionEnum
from bandwidth.models.multi_channel_message_channel_enum import MultiChannelMessageChannelEnum
from bandwidth.models.multi_channel_message_content import MultiChannelMessageContent
from bandwidth.models.priority_enum import PriorityEnum
from bandwidth.models.rbm_location_response import RbmLocationResponse
from bandwidth.models.rbm_suggestion_response import RbmSuggestionResponse

_MessageDirectionValue = Annotated[Union[MessageDirectionEnum, StrictStr], LEFT_TO_RIGHT]
_PriorityValue = Annotated[Union[PriorityEnum, StrictStr], LEFT_TO_RIGHT]
_MultiChannelMessageChannelValue = Annotated[
    Union[MultiChannelMessageChannelEnum, StrictStr], LEFT_TO_RIGHT
]


class InboundCallbackMessage(ResponseModel):
    """The ``inboundCallbackMessage`` schema. Held by ``InboundCallback.message``."""

    id: StrictStr = Field(description="A unique identifier of the message.")
    owner: StrictStr = Field(
        description=(
            "The Bandwidth phone number or alphanumeric identifier associated with the message."
        )
    )
    application_id: StrictStr = Field(
        validation_alias="applicationId",
        serialization_alias="applicationId",
        description=(
            "The ID of the Application your from number or senderId is associated with in "
            "the Bandwidth App."
        ),
    )
    time: Timestamp = Field()
    segment_count: StrictInt = Field(
        validation_alias="segmentCount",
        serialization_alias="segmentCount",
        description=(
            "The number of segments the user's message is broken into before sending over "
            "carrier networks."
        ),
    )
    direction: _MessageDirectionValue = Field(description="The direction of the message.")
    to: List[StrictStr] = Field(description="The phone number recipients of the message.")
    var_from: StrictStr = Field(
        validation_alias="from",
        serialization_alias="from",
        description=(
            "The Bandwidth phone number or alphanumeric identifier the message was sent from."
        ),
    )
    text: Optional[StrictStr] = Field(default=None)
    tag: Optional[StrictStr] = Field(
        default=None,
        description=("A custom string that will be included in callback events of the message."),
    )
    media: Optional[List[StrictStr]] = Field(
        default=None, description="Optional media, not applicable for sms."
    )
    priority: Optional[_PriorityValue] = Field(
        default=None,
        description=(
            "Specifies the message's sending priority with respect to other messages in your "
            "account."
        ),
    )
    channel: Optional[_MultiChannelMessageChannelValue] = Field(
        default=None, description="The channel of the multi-channel message."
    )
    content: Optional[MultiChannelMessageContent] = Field(
        default=None, description="The structure of the content field of a multichannel message."
    )
    suggestion_response: Optional[RbmSuggestionResponse] = Field(
        default=None,
        validation_alias="suggestionResponse",
        serialization_alias="suggestionResponse",
    )
    location_response: Optional[RbmLocationResponse] = Field(
        default=None, validation_alias="locationResponse", serialization_alias="locationResponse"
    )

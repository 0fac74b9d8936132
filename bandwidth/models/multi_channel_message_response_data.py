# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelMessageResponseData``: the ``multiChannelMessageResponseData`` schema."""

from __future__ import annotations

from typing import List, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.message_direction_enum import MessageDirectionEnum
from bandwidth.models.multi_channel_channel_list_response_object import (
    MultiChannelChannelListResponseObject,
)
from bandwidth.models.priority_enum import PriorityEnum

_MessageDirectionValue = Annotated[Union[MessageDirectionEnum, StrictStr], LEFT_TO_RIGHT]
_PriorityValue = Annotated[Union[PriorityEnum, StrictStr], LEFT_TO_RIGHT]


class MultiChannelMessageResponseData(ResponseModel):
    """
    The data returned in a multichannel message response. Held by
    ``CreateMultiChannelMessageResponse.data``.
    """

    id: StrictStr = Field(description="The ID of the message.")
    time: Timestamp = Field(description="The time the message was received by the Bandwidth API.")
    direction: _MessageDirectionValue = Field(description="The direction of the message.")
    to: List[StrictStr] = Field(
        description="The destination phone number(s) of the message, in E164 format."
    )
    channel_list: List[MultiChannelChannelListResponseObject] = Field(
        validation_alias="channelList",
        serialization_alias="channelList",
        description="A list of message bodies.",
    )
    tag: Optional[StrictStr] = Field(
        default=None,
        description=("A custom string that will be included in callback events of the message."),
    )
    priority: Optional[_PriorityValue] = Field(
        default=None,
        description=(
            "Specifies the message's sending priority with respect to other messages in your "
            "account."
        ),
    )
    expiration: Optional[Timestamp] = Field(
        default=None,
        description=(
            "A string with the date/time value that the message will automatically expire by."
        ),
    )

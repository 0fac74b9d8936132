# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Message``: the ``message`` schema."""

from __future__ import annotations

from typing import List, Optional, Union

from pydantic import Field, StrictInt, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.message_direction_enum import MessageDirectionEnum
from bandwidth.models.priority_enum import PriorityEnum

_MessageDirectionValue = Annotated[Union[MessageDirectionEnum, StrictStr], LEFT_TO_RIGHT]
_PriorityValue = Annotated[Union[PriorityEnum, StrictStr], LEFT_TO_RIGHT]


class Message(ResponseModel):
    """Message: the ``message`` schema. Returned by ``create_message``."""

    id: Optional[StrictStr] = Field(default=None, description="The id of the message.")
    owner: Optional[StrictStr] = Field(
        default=None, description="The Bandwidth phone number associated with the message."
    )
    application_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="applicationId",
        serialization_alias="applicationId",
        description=(
            "The ID of the Application your from number or senderId is associated with in "
            "the Bandwidth App."
        ),
    )
    time: Optional[Timestamp] = Field(
        default=None, description="The datetime stamp of the message in ISO 8601."
    )
    segment_count: Optional[StrictInt] = Field(
        default=None,
        validation_alias="segmentCount",
        serialization_alias="segmentCount",
        description=(
            "The number of segments the user's message is broken into before sending over "
            "carrier networks."
        ),
    )
    direction: Optional[_MessageDirectionValue] = Field(
        default=None, description="The direction of the message."
    )
    to: Optional[List[StrictStr]] = Field(
        default=None, description="The phone number recipients of the message."
    )
    var_from: Optional[StrictStr] = Field(
        default=None,
        validation_alias="from",
        serialization_alias="from",
        description="The phone number the message was sent from.",
    )
    media: Optional[List[StrictStr]] = Field(
        default=None, description="The list of media URLs sent in the message."
    )
    text: Optional[StrictStr] = Field(
        default=None,
        description=(
            "The text that was sent (echoed in the 202 only: Bandwidth does not keep it)."
        ),
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

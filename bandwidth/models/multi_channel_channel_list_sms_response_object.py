# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelChannelListSMSResponseObject``:
the ``multiChannelChannelListSMSResponseObject`` schema.
"""

from __future__ import annotations

from typing import Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.multi_channel_message_channel_enum import MultiChannelMessageChannelEnum
from bandwidth.models.sms_message_content import SmsMessageContent

_MultiChannelMessageChannelValue = Annotated[
    Union[MultiChannelMessageChannelEnum, StrictStr], LEFT_TO_RIGHT
]


class MultiChannelChannelListSMSResponseObject(ResponseModel):
    """
    The ``multiChannelChannelListSMSResponseObject`` schema. Held by
    ``MultiChannelChannelListResponseObject``.
    """

    var_from: StrictStr = Field(
        validation_alias="from",
        serialization_alias="from",
        description="The sender ID of the message.",
    )
    application_id: StrictStr = Field(
        validation_alias="applicationId",
        serialization_alias="applicationId",
        description=(
            "The ID of the Application your from number or senderId is associated with in "
            "the Bandwidth App."
        ),
    )
    channel: _MultiChannelMessageChannelValue = Field(
        description="The channel of the multi-channel message."
    )
    content: SmsMessageContent = Field(description="SMS Text.")
    owner: StrictStr = Field(description="The Bandwidth senderId associated with the message.")

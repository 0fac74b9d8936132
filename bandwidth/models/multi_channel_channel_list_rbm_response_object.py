# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelChannelListRBMResponseObject``:
the ``multiChannelChannelListRBMResponseObject`` schema.
"""

from __future__ import annotations

from typing import Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.multi_channel_channel_list_rbm_object_all_of_content import (
    MultiChannelChannelListRBMObjectAllOfContent,
)
from bandwidth.models.multi_channel_message_channel_enum import MultiChannelMessageChannelEnum

_MultiChannelMessageChannelValue = Annotated[
    Union[MultiChannelMessageChannelEnum, StrictStr], LEFT_TO_RIGHT
]


class MultiChannelChannelListRBMResponseObject(ResponseModel):
    """
    The ``multiChannelChannelListRBMResponseObject`` schema. Held by
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
    content: MultiChannelChannelListRBMObjectAllOfContent = Field(
        description="The content of the message."
    )
    owner: StrictStr = Field(description="The Bandwidth senderId associated with the message.")

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelChannelListObjectBase``: the ``multiChannelChannelListObjectBase`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from pydantic import Field, StrictStr
from typing_extensions import Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._types import enum_field
from bandwidth.models.multi_channel_message_channel_enum import MultiChannelMessageChannelEnum

if TYPE_CHECKING:
    _MultiChannelMessageChannelChoice = Union[
        MultiChannelMessageChannelEnum, Literal["RBM", "SMS", "MMS"]
    ]
else:
    _MultiChannelMessageChannelChoice = enum_field(MultiChannelMessageChannelEnum)


class MultiChannelChannelListObjectBase(RequestModel):
    """The ``multiChannelChannelListObjectBase`` schema."""

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
    channel: _MultiChannelMessageChannelChoice = Field(
        description="The channel of the multi-channel message."
    )

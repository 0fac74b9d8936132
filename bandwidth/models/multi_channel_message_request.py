# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelMessageRequest``: the ``multiChannelMessageRequest`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, FrozenSet, List, Optional, Tuple, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import e164, max_items, max_length
from bandwidth.models._types import Timestamp, enum_field
from bandwidth.models.multi_channel_channel_list_request_object import (
    MultiChannelChannelListRequestObject,
)
from bandwidth.models.priority_enum import PriorityEnum

if TYPE_CHECKING:
    _PriorityChoice = Union[PriorityEnum, Literal["default", "high"]]
else:
    _PriorityChoice = enum_field(PriorityEnum)


class MultiChannelMessageRequest(RequestModel):
    """
    A message to send over the first channel that works, with
    ``MultiChannelApi.create_multi_channel_message``: ``channel_list`` holds one entry per channel
    (RBM, SMS, MMS), tried in order.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"tag", "priority", "expiration"})
    _nested: ClassVar[Tuple[str, ...]] = ("channel_list",)

    to: Annotated[StrictStr, rule(e164)] = Field(
        description="The phone number the message should be sent to in E164 format."
    )
    channel_list: Annotated[List[MultiChannelChannelListRequestObject], rule(max_items(4))] = Field(
        validation_alias="channelList",
        serialization_alias="channelList",
        description="A list of message bodies.",
    )
    tag: Optional[Annotated[StrictStr, rule(max_length(1024))]] = Field(
        default=None,
        description=("A custom string that will be included in callback events of the message."),
    )
    priority: Optional[_PriorityChoice] = Field(
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

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``ListMessageItem``: the ``listMessageItem`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictInt, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.list_message_direction_enum import ListMessageDirectionEnum
from bandwidth.models.message_status_enum import MessageStatusEnum
from bandwidth.models.message_type_enum import MessageTypeEnum

_MessageStatusValue = Annotated[Union[MessageStatusEnum, StrictStr], LEFT_TO_RIGHT]
_ListMessageDirectionValue = Annotated[Union[ListMessageDirectionEnum, StrictStr], LEFT_TO_RIGHT]
_MessageTypeValue = Annotated[Union[MessageTypeEnum, StrictStr], LEFT_TO_RIGHT]


class ListMessageItem(ResponseModel):
    """listMessageItem: the ``listMessageItem`` schema. Held by ``MessagesList.messages``."""

    message_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="messageId",
        serialization_alias="messageId",
        description="The message id.",
    )
    account_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="accountId",
        serialization_alias="accountId",
        description="The account id associated with this message.",
    )
    source_tn: Optional[StrictStr] = Field(
        default=None,
        validation_alias="sourceTn",
        serialization_alias="sourceTn",
        description="The source phone number of the message.",
    )
    destination_tn: Optional[StrictStr] = Field(
        default=None,
        validation_alias="destinationTn",
        serialization_alias="destinationTn",
        description="The recipient phone number of the message.",
    )
    message_status: Optional[_MessageStatusValue] = Field(
        default=None,
        validation_alias="messageStatus",
        serialization_alias="messageStatus",
        description="The status of the message.",
    )
    message_direction: Optional[_ListMessageDirectionValue] = Field(
        default=None,
        validation_alias="messageDirection",
        serialization_alias="messageDirection",
        description="The direction of the message.",
    )
    message_type: Optional[_MessageTypeValue] = Field(
        default=None,
        validation_alias="messageType",
        serialization_alias="messageType",
        description="The type of message.",
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
    error_code: Optional[StrictInt] = Field(
        default=None,
        validation_alias="errorCode",
        serialization_alias="errorCode",
        description="The numeric error code of the message.",
    )
    receive_time: Optional[Timestamp] = Field(
        default=None,
        validation_alias="receiveTime",
        serialization_alias="receiveTime",
        description="The ISO 8601 datetime of the message.",
    )
    carrier_name: Optional[StrictStr] = Field(
        default=None,
        validation_alias="carrierName",
        serialization_alias="carrierName",
        description="The name of the carrier.",
    )
    message_size: Optional[StrictInt] = Field(
        default=None,
        validation_alias="messageSize",
        serialization_alias="messageSize",
        description="The size of the message including message content and headers.",
    )
    message_length: Optional[StrictInt] = Field(
        default=None,
        validation_alias="messageLength",
        serialization_alias="messageLength",
        description="The length of the message content.",
    )
    attachment_count: Optional[StrictInt] = Field(
        default=None,
        validation_alias="attachmentCount",
        serialization_alias="attachmentCount",
        description="The number of attachments the message has.",
    )
    recipient_count: Optional[StrictInt] = Field(
        default=None,
        validation_alias="recipientCount",
        serialization_alias="recipientCount",
        description="The number of recipients the message has.",
    )
    campaign_class: Optional[StrictStr] = Field(
        default=None,
        validation_alias="campaignClass",
        serialization_alias="campaignClass",
        description="The campaign class of the message if it has one.",
    )
    campaign_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="campaignId",
        serialization_alias="campaignId",
        description="The campaign ID of the message if it has one.",
    )
    bw_latency: Optional[StrictInt] = Field(
        default=None,
        validation_alias="bwLatency",
        serialization_alias="bwLatency",
        description="The Bandwidth latency of the message in seconds.",
    )
    carrier_latency: Optional[StrictInt] = Field(
        default=None,
        validation_alias="carrierLatency",
        serialization_alias="carrierLatency",
        description="The carrier latency of the message in seconds.",
    )
    calling_number_country_a3: Optional[StrictStr] = Field(
        default=None,
        validation_alias="callingNumberCountryA3",
        serialization_alias="callingNumberCountryA3",
        description="The A3 country code of the calling number.",
    )
    called_number_country_a3: Optional[StrictStr] = Field(
        default=None,
        validation_alias="calledNumberCountryA3",
        serialization_alias="calledNumberCountryA3",
        description="The A3 country code of the called number.",
    )
    product: Optional[StrictStr] = Field(
        default=None, description="The messaging product associated with the message."
    )
    location: Optional[StrictStr] = Field(
        default=None, description="The location ID associated with this message."
    )

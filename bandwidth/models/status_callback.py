# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``StatusCallback``: the ``statusCallback`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictInt, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.status_callback_message import StatusCallbackMessage
from bandwidth.models.status_callback_type_enum import StatusCallbackTypeEnum

_StatusCallbackTypeValue = Annotated[Union[StatusCallbackTypeEnum, StrictStr], LEFT_TO_RIGHT]


class StatusCallback(ResponseModel):
    """
    Represents a status callback for an outbound MT SMS or MMS or RBM message. Posted to your
    ``statusCallback`` webhook.
    """

    time: Timestamp = Field()
    event_time: Optional[Timestamp] = Field(
        default=None,
        validation_alias="eventTime",
        serialization_alias="eventTime",
        description=(
            "Represents the time at which the message was read, for `message-read` callbacks."
        ),
    )
    type: _StatusCallbackTypeValue = Field(
        description=(
            "The possible status callbacks when sending an MT SMS or MMS or RBM message: "
            "`message-sending` indicates that Bandwidth is sending the message to the "
            "upstream provider."
        )
    )
    to: StrictStr = Field(description="The destination phone number the message was sent to.")
    description: StrictStr = Field(
        description="A detailed description of the event described by the callback."
    )
    message: StatusCallbackMessage = Field(description="Message payload schema within a callback.")
    error_code: Optional[StrictInt] = Field(
        default=None,
        validation_alias="errorCode",
        serialization_alias="errorCode",
        description="Optional error code, applicable only when type is `message-failed`.",
    )
    carrier_name: Optional[StrictStr] = Field(
        default=None,
        validation_alias="carrierName",
        serialization_alias="carrierName",
        description=(
            "The name of the Authorized Message Provider (AMP) that handled this message."
        ),
    )

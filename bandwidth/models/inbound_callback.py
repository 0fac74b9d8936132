# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``InboundCallback``: the ``inboundCallback`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.inbound_callback_message import InboundCallbackMessage
from bandwidth.models.inbound_callback_type_enum import InboundCallbackTypeEnum

_InboundCallbackTypeValue = Annotated[Union[InboundCallbackTypeEnum, StrictStr], LEFT_TO_RIGHT]


class InboundCallback(ResponseModel):
    """Represents an inbound callback. Posted to your ``inboundCallback`` webhook."""

    time: Timestamp = Field()
    type: _InboundCallbackTypeValue = Field(
        description=(
            "The possible inbound callback types originating from MO messages or "
            "multichannel message client responses: `message-received` indicates an MO "
            "message from a Bandwidth user's client to a Bandwidth number."
        )
    )
    to: StrictStr = Field(description="The destination phone number the message was sent to.")
    description: StrictStr = Field(
        description="A detailed description of the event described by the callback."
    )
    message: InboundCallbackMessage = Field()
    carrier_name: Optional[StrictStr] = Field(
        default=None,
        validation_alias="carrierName",
        serialization_alias="carrierName",
        description=(
            "The name of the Authorized Message Provider (AMP) that handled this message."
        ),
    )

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LookupResult``: the ``lookupResult`` schema."""

from __future__ import annotations

from datetime import date
from typing import Optional, Union

from pydantic import Field, StrictBool, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.deactivation_event_enum import DeactivationEventEnum
from bandwidth.models.latest_message_delivery_status_enum import LatestMessageDeliveryStatusEnum
from bandwidth.models.line_type_enum import LineTypeEnum

_LineTypeValue = Annotated[Union[LineTypeEnum, StrictStr], LEFT_TO_RIGHT]
_DeactivationEventValue = Annotated[Union[DeactivationEventEnum, StrictStr], LEFT_TO_RIGHT]
_LatestMessageDeliveryStatusValue = Annotated[
    Union[LatestMessageDeliveryStatusEnum, StrictStr], LEFT_TO_RIGHT
]


class LookupResult(ResponseModel):
    """Carrier information results for the specified telephone number."""

    phone_number: Optional[StrictStr] = Field(
        default=None, description="The telephone number in E.164 format."
    )
    line_type: Optional[_LineTypeValue] = Field(default=None)
    messaging_provider: Optional[StrictStr] = Field(
        default=None, description="The messaging service provider of the telephone number."
    )
    voice_provider: Optional[StrictStr] = Field(
        default=None, description="The voice service provider of the telephone number."
    )
    country_code_a3: Optional[StrictStr] = Field(
        default=None,
        description="The country code of the telephone number in ISO 3166-1 alpha-3 format.",
    )
    deactivation_reporter: Optional[StrictStr] = Field(default=None, description="DNI-Only.")
    deactivation_date: Optional[StrictStr] = Field(default=None, description="DNI-Only.")
    deactivation_event: Optional[_DeactivationEventValue] = Field(
        default=None, description="DNI-Only."
    )
    latest_message_delivery_status: Optional[_LatestMessageDeliveryStatusValue] = Field(
        default=None, description="DNI-Only."
    )
    initial_message_delivery_status_date: Optional[date] = Field(
        default=None, description="DNI-Only."
    )
    latest_message_delivery_status_date: Optional[date] = Field(
        default=None, description="DNI-Only."
    )
    rcs_enabled: Optional[StrictBool] = Field(default=None, description="RCS-Only.")

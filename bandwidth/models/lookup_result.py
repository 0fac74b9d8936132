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
    """
    Carrier information results for the specified telephone number. Held by
    ``CreateSyncLookupResponseData.results`` and ``GetAsyncBulkLookupResponseData.results``.
    """

    phone_number: Optional[StrictStr] = Field(
        default=None,
        validation_alias="phoneNumber",
        serialization_alias="phoneNumber",
        description="The telephone number in E.164 format.",
    )
    line_type: Optional[_LineTypeValue] = Field(
        default=None,
        validation_alias="lineType",
        serialization_alias="lineType",
        description=(
            "One of `FIXED`, `VOIP-FIXED`, `MOBILE`, `VOIP` (a new value stays a string)."
        ),
    )
    messaging_provider: Optional[StrictStr] = Field(
        default=None,
        validation_alias="messagingProvider",
        serialization_alias="messagingProvider",
        description="The messaging service provider of the telephone number.",
    )
    voice_provider: Optional[StrictStr] = Field(
        default=None,
        validation_alias="voiceProvider",
        serialization_alias="voiceProvider",
        description="The voice service provider of the telephone number.",
    )
    country_code_a3: Optional[StrictStr] = Field(
        default=None,
        validation_alias="countryCodeA3",
        serialization_alias="countryCodeA3",
        description="The country code of the telephone number in ISO 3166-1 alpha-3 format.",
    )
    deactivation_reporter: Optional[StrictStr] = Field(
        default=None,
        validation_alias="deactivationReporter",
        serialization_alias="deactivationReporter",
        description="DNI-Only.",
    )
    deactivation_date: Optional[StrictStr] = Field(
        default=None,
        validation_alias="deactivationDate",
        serialization_alias="deactivationDate",
        description="DNI-Only.",
    )
    deactivation_event: Optional[_DeactivationEventValue] = Field(
        default=None,
        validation_alias="deactivationEvent",
        serialization_alias="deactivationEvent",
        description="DNI-Only.",
    )
    latest_message_delivery_status: Optional[_LatestMessageDeliveryStatusValue] = Field(
        default=None,
        validation_alias="latestMessageDeliveryStatus",
        serialization_alias="latestMessageDeliveryStatus",
        description="DNI-Only.",
    )
    initial_message_delivery_status_date: Optional[date] = Field(
        default=None,
        validation_alias="initialMessageDeliveryStatusDate",
        serialization_alias="initialMessageDeliveryStatusDate",
        description="DNI-Only.",
    )
    latest_message_delivery_status_date: Optional[date] = Field(
        default=None,
        validation_alias="latestMessageDeliveryStatusDate",
        serialization_alias="latestMessageDeliveryStatusDate",
        description="DNI-Only.",
    )
    rcs_enabled: Optional[StrictBool] = Field(
        default=None,
        validation_alias="rcsEnabled",
        serialization_alias="rcsEnabled",
        description="RCS-Only.",
    )

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Endpoint``: the ``endpoint`` schema."""

from __future__ import annotations

from typing import List, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.device import Device
from bandwidth.models.endpoint_status_enum import EndpointStatusEnum
from bandwidth.models.endpoint_type_enum import EndpointTypeEnum

_EndpointTypeValue = Annotated[Union[EndpointTypeEnum, StrictStr], LEFT_TO_RIGHT]
_EndpointStatusValue = Annotated[Union[EndpointStatusEnum, StrictStr], LEFT_TO_RIGHT]


class Endpoint(ResponseModel):
    """The ``endpoint`` schema. Held by ``EndpointResponse.data``."""

    endpoint_id: StrictStr = Field(
        validation_alias="endpointId",
        serialization_alias="endpointId",
        description="The unique ID of the endpoint.",
    )
    type: _EndpointTypeValue = Field(description="One of `WEBRTC` (a new value stays a string).")
    status: _EndpointStatusValue = Field(
        description="One of `CONNECTED`, `DISCONNECTED` (a new value stays a string)."
    )
    creation_timestamp: Timestamp = Field(
        validation_alias="creationTimestamp",
        serialization_alias="creationTimestamp",
        description="The time the endpoint was created.",
    )
    expiration_timestamp: Timestamp = Field(
        validation_alias="expirationTimestamp",
        serialization_alias="expirationTimestamp",
        description="The time the endpoint token will expire.",
    )
    tag: Optional[StrictStr] = Field(default=None, description="A tag for the endpoint.")
    devices: Optional[List[Device]] = Field(default=None)

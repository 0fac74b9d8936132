# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Device``: the ``device`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.device_status_enum import DeviceStatusEnum

_DeviceStatusValue = Annotated[Union[DeviceStatusEnum, StrictStr], LEFT_TO_RIGHT]


class Device(ResponseModel):
    """
    The ``device`` schema. Held by ``Endpoint.devices``, ``CreateEndpointResponseData.devices`` and
    ``EndpointEvent.device``.
    """

    device_id: StrictStr = Field(
        validation_alias="deviceId",
        serialization_alias="deviceId",
        description="The unique ID of the device.",
    )
    device_name: Optional[StrictStr] = Field(
        default=None,
        validation_alias="deviceName",
        serialization_alias="deviceName",
        description="The name of the device.",
    )
    status: _DeviceStatusValue = Field(
        description="One of `CONNECTED`, `DISCONNECTED` (a new value stays a string)."
    )
    creation_timestamp: Timestamp = Field(
        validation_alias="creationTimestamp",
        serialization_alias="creationTimestamp",
        description="The time the device was created.",
    )

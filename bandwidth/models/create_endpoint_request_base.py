# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateEndpointRequestBase``: the ``createEndpointRequestBase`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT
from bandwidth.models.endpoint_direction_enum import EndpointDirectionEnum
from bandwidth.models.endpoint_type_enum import EndpointTypeEnum

_EndpointTypeValue = Annotated[Union[EndpointTypeEnum, StrictStr], LEFT_TO_RIGHT]
_EndpointDirectionValue = Annotated[Union[EndpointDirectionEnum, StrictStr], LEFT_TO_RIGHT]


class CreateEndpointRequestBase(ResponseModel):
    """The ``createEndpointRequestBase`` schema."""

    type: _EndpointTypeValue = Field()
    direction: _EndpointDirectionValue = Field()
    event_callback_url: Optional[StrictStr] = Field(
        default=None, description="The URL to send event callbacks to."
    )
    event_fallback_url: Optional[StrictStr] = Field(
        default=None, description="The URL to send event fallbacks to."
    )
    tag: Optional[StrictStr] = Field(default=None, description="A tag for the endpoint.")

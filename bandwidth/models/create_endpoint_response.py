# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateEndpointResponse``: the ``createEndpointResponse`` schema."""

from __future__ import annotations

from typing import List

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.brtc_error import BrtcError
from bandwidth.models.brtc_link import BrtcLink
from bandwidth.models.create_endpoint_response_data import CreateEndpointResponseData


class CreateEndpointResponse(ResponseModel):
    """The ``createEndpointResponse`` schema. Returned by ``create_endpoint``."""

    links: List[BrtcLink] = Field()
    data: CreateEndpointResponseData = Field()
    errors: List[BrtcError] = Field()

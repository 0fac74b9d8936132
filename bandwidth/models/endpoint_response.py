# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``EndpointResponse``: the ``endpointResponse`` schema."""

from __future__ import annotations

from typing import List

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.brtc_error import BrtcError
from bandwidth.models.brtc_link import BrtcLink
from bandwidth.models.endpoint import Endpoint


class EndpointResponse(ResponseModel):
    """The ``endpointResponse`` schema. Returned by ``get_endpoint``."""

    links: List[BrtcLink] = Field()
    data: Endpoint = Field()
    errors: List[BrtcError] = Field()

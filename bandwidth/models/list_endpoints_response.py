# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``ListEndpointsResponse``: the ``listEndpointsResponse`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.brtc_error import BrtcError
from bandwidth.models.brtc_link import BrtcLink
from bandwidth.models.endpoints import Endpoints
from bandwidth.models.page import Page


class ListEndpointsResponse(ResponseModel):
    """The ``listEndpointsResponse`` schema. Returned by ``list_endpoints``."""

    links: List[BrtcLink] = Field()
    page: Optional[Page] = Field(default=None)
    data: List[Endpoints] = Field()
    errors: List[BrtcError] = Field()

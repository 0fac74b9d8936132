# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``BrtcLink``: the ``brtcLink`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class BrtcLink(ResponseModel):
    """
    The ``brtcLink`` schema. Held by ``ListEndpointsResponse.links``, ``EndpointResponse.links``,
    ``CreateEndpointResponse.links`` and 1 more.
    """

    href: Optional[StrictStr] = Field(default=None, description="The full URL of the link.")
    rel: Optional[StrictStr] = Field(
        default=None, description="The relationship of the link to the current resource."
    )
    method: Optional[StrictStr] = Field(
        default=None, description="The HTTP method to use when making the request."
    )

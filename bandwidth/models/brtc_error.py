# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``BrtcError``: the ``brtcError`` schema."""

from __future__ import annotations

from typing import Optional
from uuid import UUID

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.brtc_error_source import BrtcErrorSource


class BrtcError(ResponseModel):
    """
    The ``brtcError`` schema. Held by ``ListEndpointsResponse.errors``, ``EndpointResponse.errors``,
    ``CreateEndpointResponse.errors`` and 1 more.
    """

    id: Optional[UUID] = Field(default=None, description="A unique identifier for the error.")
    type: StrictStr = Field(description="The type of error.")
    description: StrictStr = Field(description="A description of the error.")
    code: Optional[StrictStr] = Field(
        default=None, description="A code that uniquely identifies the error."
    )
    source: Optional[BrtcErrorSource] = Field(default=None)

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmLocationResponse``: the ``rbmLocationResponse`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class RbmLocationResponse(ResponseModel):
    """The ``rbmLocationResponse`` schema. Held by ``InboundCallbackMessage.location_response``."""

    latitude: Optional[StrictStr] = Field(
        default=None, description="The latitude of the client's location."
    )
    longitude: Optional[StrictStr] = Field(
        default=None, description="The longitude of the client's location."
    )

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Link``: the ``link`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class Link(ResponseModel):
    """
    The ``link`` schema. Held by ``CreateMultiChannelMessageResponse.links`` and
    ``MultiChannelError.links``.
    """

    rel: Optional[StrictStr] = Field(default=None)
    href: Optional[StrictStr] = Field(default=None)

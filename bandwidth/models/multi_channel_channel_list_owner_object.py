# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelChannelListOwnerObject``: the ``multiChannelChannelListOwnerObject`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MultiChannelChannelListOwnerObject(ResponseModel):
    """The ``multiChannelChannelListOwnerObject`` schema."""

    owner: StrictStr = Field(description="The Bandwidth senderId associated with the message.")

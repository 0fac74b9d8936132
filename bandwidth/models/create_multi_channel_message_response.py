# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CreateMultiChannelMessageResponse``: the ``createMultiChannelMessageResponse`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.error_object import ErrorObject
from bandwidth.models.link import Link
from bandwidth.models.multi_channel_message_response_data import MultiChannelMessageResponseData


class CreateMultiChannelMessageResponse(ResponseModel):
    """
    The ``createMultiChannelMessageResponse`` schema. Returned by ``create_multi_channel_message``.
    """

    links: Optional[List[Link]] = Field(default=None)
    data: Optional[MultiChannelMessageResponseData] = Field(
        default=None, description="The data returned in a multichannel message response."
    )
    errors: Optional[List[ErrorObject]] = Field(default=None)

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelMessageContent``: the ``multiChannelMessageContent`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.rbm_message_content_file import RbmMessageContentFile


class MultiChannelMessageContent(ResponseModel):
    """
    The structure of the content field of a multichannel message. Held by
    ``InboundCallbackMessage.content``.
    """

    text: Optional[StrictStr] = Field(default=None)
    media: Optional[RbmMessageContentFile] = Field(default=None, description="RBM Rich Media File.")

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessagingCodeResponse``: the ``messagingCodeResponse`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MessagingCodeResponse(ResponseModel):
    """The ``messagingCodeResponse`` schema. Returned by ``generate_messaging_code``."""

    message_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="messageId",
        serialization_alias="messageId",
        description="Messaging API Message ID.",
    )

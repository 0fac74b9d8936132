# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessagingRequestError``: the ``messagingRequestError`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MessagingRequestError(ResponseModel):
    """MessagingRequestError."""

    type: StrictStr = Field()
    description: StrictStr = Field()

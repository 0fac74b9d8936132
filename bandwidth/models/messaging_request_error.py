# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessagingRequestError``: the ``messagingRequestError`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class MessagingRequestError(ResponseModel):
    """
    MessagingRequestError: the ``messagingRequestError`` schema. The error body of ``list_media``,
    ``get_media``, ``upload_media`` and 3 more.
    """

    type: StrictStr = Field()
    description: StrictStr = Field()

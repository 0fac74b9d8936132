# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``SmsMessageContent``: the ``smsMessageContent`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_length


class SmsMessageContent(RequestModel):
    """
    SMS Text: the ``smsMessageContent`` schema. Held by ``MultiChannelChannelListSMSObject.content``
    and ``MultiChannelChannelListSMSResponseObject.content``.
    """

    text: Annotated[StrictStr, rule(max_length(2048))] = Field(
        description="The contents of the text message."
    )

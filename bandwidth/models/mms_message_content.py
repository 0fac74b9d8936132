# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MmsMessageContent``: the ``mmsMessageContent`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, List, Optional, Tuple

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_length
from bandwidth.models.mms_message_content_file import MmsMessageContentFile


class MmsMessageContent(RequestModel):
    """
    MMS Message: the ``mmsMessageContent`` schema. Held by
    ``MultiChannelChannelListMMSObject.content`` and
    ``MultiChannelChannelListMMSResponseObject.content``.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"text", "media"})
    _nested: ClassVar[Tuple[str, ...]] = ("media",)

    text: Optional[Annotated[StrictStr, rule(max_length(2048))]] = Field(
        default=None, description="The contents of the text message."
    )
    media: Optional[List[MmsMessageContentFile]] = Field(
        default=None, description="MMS Media File."
    )

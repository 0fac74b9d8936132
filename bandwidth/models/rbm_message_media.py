# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmMessageMedia``: the ``rbmMessageMedia`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, List, Optional, Tuple

from pydantic import Field
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_items
from bandwidth.models.multi_channel_action import MultiChannelAction
from bandwidth.models.rbm_message_content_file import RbmMessageContentFile


class RbmMessageMedia(RequestModel):
    """
    RBM Media: the ``rbmMessageMedia`` schema. Held by
    ``MultiChannelChannelListRBMObjectAllOfContent``.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"suggestions"})
    _nested: ClassVar[Tuple[str, ...]] = (
        "media",
        "suggestions",
    )

    media: List[RbmMessageContentFile] = Field(description="RBM Rich Media File.")
    suggestions: Optional[Annotated[List[MultiChannelAction], rule(max_items(11))]] = Field(
        default=None, description="An array of suggested actions for the recipient."
    )

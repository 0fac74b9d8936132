# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmMessageContentText``: the ``rbmMessageContentText`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, List, Optional, Tuple

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_items, max_length
from bandwidth.models.multi_channel_action import MultiChannelAction


class RbmMessageContentText(RequestModel):
    """
    RBM Text: the ``rbmMessageContentText`` schema. Held by
    ``MultiChannelChannelListRBMObjectAllOfContent``.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"suggestions"})
    _nested: ClassVar[Tuple[str, ...]] = ("suggestions",)

    text: Annotated[StrictStr, rule(max_length(3270))] = Field(
        description="The text associated with the message."
    )
    suggestions: Optional[Annotated[List[MultiChannelAction], rule(max_items(11))]] = Field(
        default=None, description="An array of suggested actions for the recipient."
    )

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmCardContent``: the ``rbmCardContent`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, List, Optional, Tuple

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_items, max_length
from bandwidth.models.multi_channel_action import MultiChannelAction
from bandwidth.models.rbm_card_content_media import RbmCardContentMedia


class RbmCardContent(RequestModel):
    """
    Must contain at least one of title, description, or media to be valid. Held by
    ``RbmStandaloneCard.card_content`` and ``RbmMessageCarouselCard.card_contents``.
    """

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset(
        {"title", "description", "media", "suggestions"}
    )
    _nested: ClassVar[Tuple[str, ...]] = (
        "media",
        "suggestions",
    )

    title: Optional[Annotated[StrictStr, rule(max_length(200))]] = Field(
        default=None, description="The title of the card."
    )
    description: Optional[Annotated[StrictStr, rule(max_length(2000))]] = Field(
        default=None, description="The description of the card."
    )
    media: Optional[RbmCardContentMedia] = Field(default=None)
    suggestions: Optional[Annotated[List[MultiChannelAction], rule(max_items(4))]] = Field(
        default=None,
        description=(
            "An array of suggested actions for the recipient that will be displayed on the "
            "rich card."
        ),
    )

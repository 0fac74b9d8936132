# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmMessageCarouselCard``: the ``rbmMessageCarouselCard`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, FrozenSet, List, Optional, Tuple, Union

from pydantic import Field
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_items, min_items
from bandwidth.models._types import enum_field
from bandwidth.models.card_width_enum import CardWidthEnum
from bandwidth.models.multi_channel_action import MultiChannelAction
from bandwidth.models.rbm_card_content import RbmCardContent

if TYPE_CHECKING:
    _CardWidthChoice = Union[CardWidthEnum, Literal["SMALL", "MEDIUM"]]
else:
    _CardWidthChoice = enum_field(CardWidthEnum)


class RbmMessageCarouselCard(RequestModel):
    """Carousel: the ``rbmMessageCarouselCard`` schema. Held by ``RbmMessageContentRichCard``."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"suggestions"})
    _nested: ClassVar[Tuple[str, ...]] = (
        "card_contents",
        "suggestions",
    )

    card_width: _CardWidthChoice = Field(
        validation_alias="cardWidth",
        serialization_alias="cardWidth",
        description="One of `SMALL`, `MEDIUM`.",
    )
    card_contents: Annotated[List[RbmCardContent], rule(min_items(2), max_items(10))] = Field(
        validation_alias="cardContents",
        serialization_alias="cardContents",
        description="Must contain at least one of title, description, or media to be valid.",
    )
    suggestions: Optional[Annotated[List[MultiChannelAction], rule(max_items(11))]] = Field(
        default=None, description="An array of suggested actions for the recipient."
    )

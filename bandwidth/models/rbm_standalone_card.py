# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmStandaloneCard``: the ``rbmStandaloneCard`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, FrozenSet, List, Optional, Tuple, Union

from pydantic import Field
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import max_items
from bandwidth.models._types import enum_field
from bandwidth.models.multi_channel_action import MultiChannelAction
from bandwidth.models.rbm_card_content import RbmCardContent
from bandwidth.models.standalone_card_orientation_enum import StandaloneCardOrientationEnum
from bandwidth.models.thumbnail_alignment_enum import ThumbnailAlignmentEnum

if TYPE_CHECKING:
    _StandaloneCardOrientationChoice = Union[
        StandaloneCardOrientationEnum, Literal["HORIZONTAL", "VERTICAL"]
    ]
else:
    _StandaloneCardOrientationChoice = enum_field(StandaloneCardOrientationEnum)

if TYPE_CHECKING:
    _ThumbnailAlignmentChoice = Union[ThumbnailAlignmentEnum, Literal["LEFT", "RIGHT"]]
else:
    _ThumbnailAlignmentChoice = enum_field(ThumbnailAlignmentEnum)


class RbmStandaloneCard(RequestModel):
    """Standalone Card: the ``rbmStandaloneCard`` schema. Held by ``RbmMessageContentRichCard``."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset(
        {"thumbnail_image_alignment", "suggestions"}
    )
    _nested: ClassVar[Tuple[str, ...]] = (
        "card_content",
        "suggestions",
    )

    orientation: _StandaloneCardOrientationChoice = Field(
        description="One of `HORIZONTAL`, `VERTICAL`."
    )
    thumbnail_image_alignment: Optional[_ThumbnailAlignmentChoice] = Field(
        default=None,
        validation_alias="thumbnailImageAlignment",
        serialization_alias="thumbnailImageAlignment",
        description="The alignment of the thumbnail image in the card.",
    )
    card_content: RbmCardContent = Field(
        validation_alias="cardContent",
        serialization_alias="cardContent",
        description="Must contain at least one of title, description, or media to be valid.",
    )
    suggestions: Optional[Annotated[List[MultiChannelAction], rule(max_items(11))]] = Field(
        default=None, description="An array of suggested actions for the recipient."
    )

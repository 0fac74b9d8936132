# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmCardContentMedia``: the ``RbmCardContent.media`` schema."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, FrozenSet, Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated, Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import http_url, max_length
from bandwidth.models._types import enum_field
from bandwidth.models.rbm_media_height_enum import RbmMediaHeightEnum

if TYPE_CHECKING:
    _RbmMediaHeightChoice = Union[RbmMediaHeightEnum, Literal["SHORT", "MEDIUM", "TALL"]]
else:
    _RbmMediaHeightChoice = enum_field(RbmMediaHeightEnum)


class RbmCardContentMedia(RequestModel):
    """The ``RbmCardContent.media`` schema. Held by ``RbmCardContent.media``."""

    _non_nullable: ClassVar[FrozenSet[str]] = frozenset({"thumbnail_url"})

    file_url: Annotated[StrictStr, rule(max_length(1000), http_url)] = Field(
        validation_alias="fileUrl",
        serialization_alias="fileUrl",
        description="The URL of the media file. 100MB is the maximum file size.",
    )
    thumbnail_url: Optional[Annotated[StrictStr, rule(max_length(1000), http_url)]] = Field(
        default=None,
        validation_alias="thumbnailUrl",
        serialization_alias="thumbnailUrl",
        description="The URL of the thumbnail image.",
    )
    height: _RbmMediaHeightChoice = Field(description="The height of the media.")

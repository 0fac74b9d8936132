# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmMessageContentFile``: the ``rbmMessageContentFile`` schema."""

from __future__ import annotations

from typing import ClassVar, FrozenSet, Optional

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import http_url, max_length


class RbmMessageContentFile(RequestModel):
    """
    RBM Rich Media File: the ``rbmMessageContentFile`` schema. Held by ``RbmMessageMedia.media`` and
    ``MultiChannelMessageContent.media``.
    """

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

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MmsMessageContentFile``: the ``mmsMessageContentFile`` schema."""

from __future__ import annotations

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import http_url, max_length


class MmsMessageContentFile(RequestModel):
    """MMS Media File: the ``mmsMessageContentFile`` schema. Held by ``MmsMessageContent.media``."""

    file_url: Annotated[StrictStr, rule(max_length(1000), http_url)] = Field(
        validation_alias="fileUrl",
        serialization_alias="fileUrl",
        description="The URL of a media attachment.",
    )

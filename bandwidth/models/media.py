# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Media``: the ``media`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictInt, StrictStr

from bandwidth.models._base import ResponseModel


class Media(ResponseModel):
    """Media: the ``media`` schema. Returned by ``list_media``."""

    content: Optional[StrictStr] = Field(default=None)
    content_length: Optional[StrictInt] = Field(
        default=None, validation_alias="contentLength", serialization_alias="contentLength"
    )
    media_name: Optional[StrictStr] = Field(
        default=None, validation_alias="mediaName", serialization_alias="mediaName"
    )

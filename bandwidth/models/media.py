# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Media``: the ``media`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictInt, StrictStr

from bandwidth.models._base import ResponseModel


class Media(ResponseModel):
    """Media."""

    content: Optional[StrictStr] = Field(default=None)
    content_length: Optional[StrictInt] = Field(default=None)
    media_name: Optional[StrictStr] = Field(default=None)

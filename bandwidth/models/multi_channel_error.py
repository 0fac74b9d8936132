# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelError``: the ``multiChannelError`` schema."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.error_object import ErrorObject
from bandwidth.models.link import Link


class MultiChannelError(ResponseModel):
    """The ``multiChannelError`` schema. The error body of ``create_multi_channel_message``."""

    links: Optional[List[Link]] = Field(default=None)
    data: Optional[Dict[str, Any]] = Field(default=None)
    errors: Optional[List[ErrorObject]] = Field(default=None)

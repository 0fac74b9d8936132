# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``BrtcErrorResponse``: the ``brtcErrorResponse`` schema."""

from __future__ import annotations

from typing import Any, List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.brtc_error import BrtcError
from bandwidth.models.brtc_link import BrtcLink


class BrtcErrorResponse(ResponseModel):
    """The ``brtcErrorResponse`` schema."""

    links: List[BrtcLink] = Field()
    data: Optional[Any] = Field()
    errors: List[BrtcError] = Field()

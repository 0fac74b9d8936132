# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``BrtcErrorResponse``: the ``brtcErrorResponse`` schema."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.brtc_error import BrtcError
from bandwidth.models.brtc_link import BrtcLink


class BrtcErrorResponse(ResponseModel):
    """
    The ``brtcErrorResponse`` schema. The error body of ``list_endpoints``, ``create_endpoint``,
    ``get_endpoint`` and 2 more.
    """

    links: List[BrtcLink] = Field()
    data: Optional[Dict[str, Any]] = Field()
    errors: List[BrtcError] = Field()

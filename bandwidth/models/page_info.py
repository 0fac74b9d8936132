# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``PageInfo``: the ``pageInfo`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class PageInfo(ResponseModel):
    """PageInfo: the ``pageInfo`` schema. Held by ``MessagesList.page_info``."""

    prev_page: Optional[StrictStr] = Field(
        default=None,
        validation_alias="prevPage",
        serialization_alias="prevPage",
        description="The link to the previous page for pagination.",
    )
    next_page: Optional[StrictStr] = Field(
        default=None,
        validation_alias="nextPage",
        serialization_alias="nextPage",
        description="The link to the next page for pagination.",
    )
    prev_page_token: Optional[StrictStr] = Field(
        default=None,
        validation_alias="prevPageToken",
        serialization_alias="prevPageToken",
        description="The isolated pagination token for the previous page.",
    )
    next_page_token: Optional[StrictStr] = Field(
        default=None,
        validation_alias="nextPageToken",
        serialization_alias="nextPageToken",
        description="The isolated pagination token for the next page.",
    )

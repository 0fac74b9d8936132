# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Page``: the ``page`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictInt

from bandwidth.models._base import ResponseModel


class Page(ResponseModel):
    """The ``page`` schema. Held by ``ListEndpointsResponse.page``."""

    page_size: StrictInt = Field(
        validation_alias="pageSize",
        serialization_alias="pageSize",
        description="The number of items per page.",
    )
    total_elements: Optional[StrictInt] = Field(
        default=None,
        validation_alias="totalElements",
        serialization_alias="totalElements",
        description="The total number of items.",
    )
    total_pages: Optional[StrictInt] = Field(
        default=None,
        validation_alias="totalPages",
        serialization_alias="totalPages",
        description="The total number of pages.",
    )
    page_number: Optional[StrictInt] = Field(
        default=None,
        validation_alias="pageNumber",
        serialization_alias="pageNumber",
        description="The current page number.",
    )

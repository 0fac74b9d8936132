# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Page``: the ``page`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictInt

from bandwidth.models._base import ResponseModel


class Page(ResponseModel):
    """The ``page`` schema."""

    page_size: StrictInt = Field(description="The number of items per page.")
    total_elements: Optional[StrictInt] = Field(
        default=None, description="The total number of items."
    )
    total_pages: Optional[StrictInt] = Field(default=None, description="The total number of pages.")
    page_number: Optional[StrictInt] = Field(default=None, description="The current page number.")

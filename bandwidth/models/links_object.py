# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LinksObject``: the ``linksObject`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class LinksObject(ResponseModel):
    """The ``linksObject`` schema. Held by ``WebhookSubscriptionsListBody.links``."""

    first: Optional[StrictStr] = Field(
        default=None, description="The first (or only) page of results matching the query."
    )
    next: Optional[StrictStr] = Field(
        default=None,
        description=(
            "If more results exist than specified by 'size', this link returns the next page "
            "of 'size' results."
        ),
    )
    previous: Optional[StrictStr] = Field(
        default=None,
        description=(
            "If the results are more than one page, this link returns the previous page of "
            "'size' results."
        ),
    )
    last: Optional[StrictStr] = Field(
        default=None,
        description=(
            "If more results exist than specified by 'size', this link return the last page "
            "of result."
        ),
    )

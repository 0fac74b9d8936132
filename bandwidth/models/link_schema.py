# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LinkSchema``: the ``linkSchema`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class LinkSchema(ResponseModel):
    """
    Link: the ``linkSchema`` schema. Held by ``CreateSyncLookupResponse.links``,
    ``CreateAsyncBulkLookupResponse.links``, ``GetAsyncBulkLookupResponse.links`` and 1 more.
    """

    href: Optional[StrictStr] = Field(default=None, description="URI of the link.")
    rel: Optional[StrictStr] = Field(
        default=None, description="Specifies the relationship between this link and the resource."
    )
    method: Optional[StrictStr] = Field(default=None, description="HTTP method to be used.")

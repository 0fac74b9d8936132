# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``Address``: the ``address`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import RequestModel
from bandwidth.models._checks import rule
from bandwidth.models._constraints import http_url, max_length, min_length, pattern


class Address(RequestModel):
    """
    The ``address`` schema. Held by ``VerificationRequest.business_address``,
    ``VerificationUpdateRequest.business_address`` and ``TfvSubmissionInfo.business_address``.
    """

    name: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field(
        description="The name of the business using the toll-free number."
    )
    addr1: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field(
        description="The address of the business using the toll-free number."
    )
    addr2: Optional[Annotated[StrictStr, rule(min_length(0), max_length(500))]] = Field(
        default=None, description="The address of the business using the toll-free number."
    )
    city: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field(
        description="The city of the business using the toll-free number."
    )
    state: Annotated[StrictStr, rule(min_length(1), max_length(500))] = Field(
        description="The state of the business using the toll-free number."
    )
    zip: Annotated[StrictStr, rule(pattern(r"[- A-Za-z0-9]{0,500}"))] = Field(
        description="The zip of the business using the toll-free number."
    )
    url: Annotated[StrictStr, rule(min_length(1), max_length(500), http_url)] = Field(
        description="The website of the business using the toll-free number."
    )

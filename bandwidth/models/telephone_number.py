# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TelephoneNumber``: the ``telephoneNumber`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class TelephoneNumber(ResponseModel):
    """The ``telephoneNumber`` schema. Held by ``WebhookSubscriptionError.telephone_numbers``."""

    telephone_number: Optional[StrictStr] = Field(
        default=None,
        validation_alias="telephoneNumber",
        serialization_alias="telephoneNumber",
        description="Simple Telephone Number.",
    )

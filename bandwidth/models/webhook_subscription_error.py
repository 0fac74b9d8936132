# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``WebhookSubscriptionError``: the ``webhookSubscriptionError`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictInt, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.telephone_number import TelephoneNumber


class WebhookSubscriptionError(ResponseModel):
    """The ``webhookSubscriptionError`` schema. Held by ``WebhookSubscriptionsListBody.errors``."""

    code: Optional[StrictInt] = Field(default=None)
    description: Optional[StrictStr] = Field(default=None)
    telephone_numbers: Optional[List[TelephoneNumber]] = Field(
        default=None, validation_alias="telephoneNumbers", serialization_alias="telephoneNumbers"
    )

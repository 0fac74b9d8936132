# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``WebhookSubscriptionBasicAuthentication``:
the ``WebhookSubscription.basicAuthentication`` schema.
"""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class WebhookSubscriptionBasicAuthentication(ResponseModel):
    """
    Basic authentication credentials are not required, but if present, both username and password
    must be provided. Held by ``WebhookSubscription.basic_authentication``.
    """

    username: StrictStr = Field()
    password: Optional[StrictStr] = Field(default=None)

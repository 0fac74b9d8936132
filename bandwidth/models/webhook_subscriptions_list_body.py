# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``WebhookSubscriptionsListBody``: the ``webhookSubscriptionsListBody`` schema."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field

from bandwidth.models._base import ResponseModel
from bandwidth.models.links_object import LinksObject
from bandwidth.models.webhook_subscription import WebhookSubscription
from bandwidth.models.webhook_subscription_error import WebhookSubscriptionError


class WebhookSubscriptionsListBody(ResponseModel):
    """
    A list of all webhook subscriptions registered for this account ID for this particular feature
    (unpaginated).
    """

    links: Optional[LinksObject] = Field(default=None)
    errors: Optional[List[WebhookSubscriptionError]] = Field(default=None)
    data: List[WebhookSubscription] = Field()

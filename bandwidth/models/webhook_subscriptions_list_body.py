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
    (unpaginated). Returned by ``list_webhook_subscriptions``.
    """

    links: Optional[LinksObject] = Field(default=None)
    errors: Optional[List[WebhookSubscriptionError]] = Field(default=None)
    data: List[WebhookSubscription] = Field(
        description=(
            "Information about a webhook that Bandwidth should send upon the completion of "
            "event customer has subscribed to."
        )
    )

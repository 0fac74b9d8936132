# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``WebhookSubscription``: the ``webhookSubscription`` schema."""

from __future__ import annotations

from typing import Optional, Union

from pydantic import Field, StrictStr
from typing_extensions import Annotated

from bandwidth.models._base import ResponseModel
from bandwidth.models._types import LEFT_TO_RIGHT, Timestamp
from bandwidth.models.webhook_subscription_basic_authentication import (
    WebhookSubscriptionBasicAuthentication,
)
from bandwidth.models.webhook_subscription_type_enum import WebhookSubscriptionTypeEnum

_WebhookSubscriptionTypeValue = Annotated[
    Union[WebhookSubscriptionTypeEnum, StrictStr], LEFT_TO_RIGHT
]


class WebhookSubscription(ResponseModel):
    """
    Information about a webhook that Bandwidth should send upon the completion of event customer has
    subscribed to. Returned by ``create_webhook_subscription`` and ``update_webhook_subscription``.
    """

    id: Optional[StrictStr] = Field(default=None)
    account_id: Optional[StrictStr] = Field(
        default=None, validation_alias="accountId", serialization_alias="accountId"
    )
    callback_url: Optional[StrictStr] = Field(
        validation_alias="callbackUrl",
        serialization_alias="callbackUrl",
        description="Callback URL to receive status updates from Bandwidth.",
    )
    type: Optional[_WebhookSubscriptionTypeValue] = Field(
        default=None,
        description=(
            "One of `TOLLFREE_VERIFICATION_STATUS`, `MESSAGING_PORTOUT_APPROVAL_STATUS` (a "
            "new value stays a string)."
        ),
    )
    basic_authentication: Optional[WebhookSubscriptionBasicAuthentication] = Field(
        default=None,
        validation_alias="basicAuthentication",
        serialization_alias="basicAuthentication",
        description=(
            "Basic authentication credentials are not required, but if present, both "
            "username and password must be provided."
        ),
    )
    created_date: Optional[Timestamp] = Field(
        default=None, validation_alias="createdDate", serialization_alias="createdDate"
    )
    modified_date: Optional[Timestamp] = Field(
        default=None, validation_alias="modifiedDate", serialization_alias="modifiedDate"
    )

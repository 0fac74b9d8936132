# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``WebhookSubscriptionTypeEnum``: the ``webhookSubscriptionTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class WebhookSubscriptionTypeEnum(ApiEnum):
    """The ``webhookSubscriptionTypeEnum`` schema. Held by ``WebhookSubscription.type``."""

    TOLLFREE_VERIFICATION_STATUS = "TOLLFREE_VERIFICATION_STATUS"
    MESSAGING_PORTOUT_APPROVAL_STATUS = "MESSAGING_PORTOUT_APPROVAL_STATUS"

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TfvCallbackStatusEnum``: the ``tfvCallbackStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class TfvCallbackStatusEnum(ApiEnum):
    """
    The ``tfvCallbackStatusEnum`` schema. Held by ``VerificationWebhook.status`` and
    ``BlockedWebhook.status``.
    """

    VERIFIED = "VERIFIED"
    UNVERIFIED = "UNVERIFIED"

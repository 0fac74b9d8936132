# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LatestMessageDeliveryStatusEnum``: the ``latestMessageDeliveryStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class LatestMessageDeliveryStatusEnum(ApiEnum):
    """
    DNI-Only: the ``latestMessageDeliveryStatusEnum`` schema. Held by
    ``LookupResult.latest_message_delivery_status``.
    """

    ACTIVE = "ACTIVE"
    DEACTIVATED = "DEACTIVATED"
    UNKNOWN = "UNKNOWN"
    NOT_ENABLED = "NOT_ENABLED"

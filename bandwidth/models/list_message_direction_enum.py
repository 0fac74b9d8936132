# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``ListMessageDirectionEnum``: the ``listMessageDirectionEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class ListMessageDirectionEnum(ApiEnum):
    """The direction of the message. Held by ``ListMessageItem.message_direction``."""

    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"

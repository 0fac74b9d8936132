# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessageStatusEnum``: the ``messageStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class MessageStatusEnum(ApiEnum):
    """The status of the message. Held by ``ListMessageItem.message_status``."""

    RECEIVED = "RECEIVED"
    QUEUED = "QUEUED"
    SENDING = "SENDING"
    SENT = "SENT"
    FAILED = "FAILED"
    DELIVERED = "DELIVERED"
    ACCEPTED = "ACCEPTED"
    UNDELIVERED = "UNDELIVERED"

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``StatusCallbackTypeEnum``: the ``statusCallbackTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class StatusCallbackTypeEnum(ApiEnum):
    """
    The possible status callbacks when sending an MT SMS or MMS or RBM message: `message-sending`
    indicates that Bandwidth is sending the message to the upstream provider. Held by
    ``StatusCallback.type``.
    """

    MESSAGE_MINUS_SENDING = "message-sending"
    MESSAGE_MINUS_SENT = "message-sent"
    MESSAGE_MINUS_DELIVERED = "message-delivered"
    MESSAGE_MINUS_FAILED = "message-failed"
    MESSAGE_MINUS_READ = "message-read"

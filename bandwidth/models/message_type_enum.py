# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessageTypeEnum``: the ``messageTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class MessageTypeEnum(ApiEnum):
    """
    The type of message: the ``messageTypeEnum`` schema. Held by ``ListMessageItem.message_type``.
    """

    SMS = "sms"
    MMS = "mms"
    RCS = "rcs"

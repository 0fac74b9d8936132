# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MessageDirectionEnum``: the ``messageDirectionEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class MessageDirectionEnum(ApiEnum):
    """
    The direction of the message. Held by ``Message.direction``,
    ``MultiChannelMessageResponseData.direction``, ``StatusCallbackMessage.direction`` and 1 more.
    """

    IN = "in"
    OUT = "out"

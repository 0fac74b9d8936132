# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``PriorityEnum``: the ``priorityEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class PriorityEnum(ApiEnum):
    """
    Specifies the message's sending priority with respect to other messages in your account. Held by
    ``Message.priority``, ``MessageRequest.priority``, ``MultiChannelMessageRequest.priority`` and 3
    more.
    """

    DEFAULT = "default"
    HIGH = "high"

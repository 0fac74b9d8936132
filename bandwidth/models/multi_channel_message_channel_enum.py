# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelMessageChannelEnum``: the ``multiChannelMessageChannelEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class MultiChannelMessageChannelEnum(ApiEnum):
    """The channel of the multi-channel message."""

    RBM = "RBM"
    SMS = "SMS"
    MMS = "MMS"

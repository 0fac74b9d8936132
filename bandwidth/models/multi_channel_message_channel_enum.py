# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``MultiChannelMessageChannelEnum``: the ``multiChannelMessageChannelEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class MultiChannelMessageChannelEnum(ApiEnum):
    """
    The channel of the multi-channel message. Held by ``MultiChannelChannelListObjectBase.channel``,
    ``MultiChannelChannelListRBMObject.channel``, ``MultiChannelChannelListSMSObject.channel`` and 6
    more.
    """

    RBM = "RBM"
    SMS = "SMS"
    MMS = "MMS"

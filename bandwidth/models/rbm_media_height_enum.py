# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``RbmMediaHeightEnum``: the ``rbmMediaHeightEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class RbmMediaHeightEnum(ApiEnum):
    """
    The height of the media: the ``rbmMediaHeightEnum`` schema. Held by
    ``RbmCardContentMedia.height``.
    """

    SHORT = "SHORT"
    MEDIUM = "MEDIUM"
    TALL = "TALL"

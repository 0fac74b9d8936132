# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``ThumbnailAlignmentEnum``: the ``thumbnailAlignmentEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class ThumbnailAlignmentEnum(ApiEnum):
    """
    The alignment of the thumbnail image in the card. Held by
    ``RbmStandaloneCard.thumbnail_image_alignment``.
    """

    LEFT = "LEFT"
    RIGHT = "RIGHT"

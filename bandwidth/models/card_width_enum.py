# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CardWidthEnum``: the ``cardWidthEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class CardWidthEnum(ApiEnum):
    """The ``cardWidthEnum`` schema. Held by ``RbmMessageCarouselCard.card_width``."""

    SMALL = "SMALL"
    MEDIUM = "MEDIUM"

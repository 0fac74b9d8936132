# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``StandaloneCardOrientationEnum``: the ``standaloneCardOrientationEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class StandaloneCardOrientationEnum(ApiEnum):
    """The ``standaloneCardOrientationEnum`` schema. Held by ``RbmStandaloneCard.orientation``."""

    HORIZONTAL = "HORIZONTAL"
    VERTICAL = "VERTICAL"

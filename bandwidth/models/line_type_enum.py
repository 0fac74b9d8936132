# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``LineTypeEnum``: the ``lineTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class LineTypeEnum(ApiEnum):
    """The ``lineTypeEnum`` schema. Held by ``LookupResult.line_type``."""

    FIXED = "FIXED"
    VOIP_MINUS_FIXED = "VOIP-FIXED"
    MOBILE = "MOBILE"
    VOIP = "VOIP"

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``ProductTypeEnum``: the ``productTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class ProductTypeEnum(ApiEnum):
    """The type of product associated with the message."""

    LOCAL_A2P = "LOCAL_A2P"
    P2P = "P2P"
    SHORT_CODE_REACH = "SHORT_CODE_REACH"
    TOLL_FREE = "TOLL_FREE"
    HOSTED_SHORT_CODE = "HOSTED_SHORT_CODE"
    ALPHA_NUMERIC = "ALPHA_NUMERIC"
    RBM_MEDIA = "RBM_MEDIA"
    RBM_RICH = "RBM_RICH"
    RBM_CONVERSATIONAL = "RBM_CONVERSATIONAL"

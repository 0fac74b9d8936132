# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``BusinessEntityTypeEnum``: the ``businessEntityTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class BusinessEntityTypeEnum(ApiEnum):
    """
    The type of registered business. Held by ``VerificationRequest.business_entity_type``,
    ``VerificationUpdateRequest.business_entity_type`` and
    ``TfvSubmissionInfo.business_entity_type``.
    """

    SOLE_PROPRIETOR = "SOLE_PROPRIETOR"
    PRIVATE_PROFIT = "PRIVATE_PROFIT"
    PUBLIC_PROFIT = "PUBLIC_PROFIT"
    NON_PROFIT = "NON_PROFIT"
    GOVERNMENT = "GOVERNMENT"

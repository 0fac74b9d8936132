# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``TfvStatusEnum``: the ``tfvStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class TfvStatusEnum(ApiEnum):
    """The ``tfvStatusEnum`` schema. Held by ``TfvStatus.status``."""

    VERIFIED = "VERIFIED"
    UNVERIFIED = "UNVERIFIED"
    PENDING = "PENDING"

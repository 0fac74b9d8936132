# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``CompletedLookupStatusEnum``: the ``completedLookupStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class CompletedLookupStatusEnum(ApiEnum):
    """The ``completedLookupStatusEnum`` schema. Held by ``CreateSyncLookupResponseData.status``."""

    COMPLETE = "COMPLETE"
    PARTIAL_COMPLETE = "PARTIAL_COMPLETE"
    FAILED = "FAILED"

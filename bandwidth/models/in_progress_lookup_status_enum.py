# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``InProgressLookupStatusEnum``: the ``inProgressLookupStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class InProgressLookupStatusEnum(ApiEnum):
    """
    The ``inProgressLookupStatusEnum`` schema. Held by ``CreateAsyncBulkLookupResponseData.status``
    and ``GetAsyncBulkLookupResponseData.status``.
    """

    IN_PROGRESS = "IN_PROGRESS"
    COMPLETE = "COMPLETE"
    PARTIAL_COMPLETE = "PARTIAL_COMPLETE"
    FAILED = "FAILED"

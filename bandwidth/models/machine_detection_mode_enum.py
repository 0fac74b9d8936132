"""``MachineDetectionModeEnum``: the ``machineDetectionModeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class MachineDetectionModeEnum(ApiEnum):
    """When machine detection reports.

    ``async`` in a ``machineDetectionComplete`` callback; ``sync`` by delaying the answer callback.
    """

    SYNC = "sync"
    ASYNC = "async"

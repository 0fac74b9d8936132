"""``MachineDetectionModeEnum``: the ``machineDetectionModeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class MachineDetectionModeEnum(ApiEnum):
    """``async`` reports in a ``machineDetectionComplete`` callback; ``sync`` delays the answer callback."""

    SYNC = "sync"
    ASYNC = "async"

"""``CallStateEnum``: the ``callStateEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class CallStateEnum(ApiEnum):
    """Target state of ``update_call``.

    ``active`` redirects; ``completed`` hangs up, cancels or rejects.
    """

    ACTIVE = "active"
    COMPLETED = "completed"

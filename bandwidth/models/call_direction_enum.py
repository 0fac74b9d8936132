"""``CallDirectionEnum``: the ``callDirectionEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class CallDirectionEnum(ApiEnum):
    """Direction of a call relative to your account."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"

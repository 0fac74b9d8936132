# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``DeviceStatusEnum``: the ``deviceStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class DeviceStatusEnum(ApiEnum):
    """The ``deviceStatusEnum`` schema. Held by ``Device.status``."""

    CONNECTED = "CONNECTED"
    DISCONNECTED = "DISCONNECTED"

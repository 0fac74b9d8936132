# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``EndpointEventTypeEnum``: the ``endpointEventTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class EndpointEventTypeEnum(ApiEnum):
    """The ``endpointEventTypeEnum`` schema. Held by ``EndpointEvent.event_type``."""

    DEVICE_CONNECTED = "DEVICE_CONNECTED"
    DEVICE_DISCONNECTED = "DEVICE_DISCONNECTED"

# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``EndpointStatusEnum``: the ``endpointStatusEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class EndpointStatusEnum(ApiEnum):
    """
    The ``endpointStatusEnum`` schema. Held by ``Endpoints.status``, ``Endpoint.status``,
    ``CreateEndpointResponseData.status`` and 1 more.
    """

    CONNECTED = "CONNECTED"
    DISCONNECTED = "DISCONNECTED"

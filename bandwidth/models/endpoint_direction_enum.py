# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``EndpointDirectionEnum``: the ``endpointDirectionEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class EndpointDirectionEnum(ApiEnum):
    """
    The ``endpointDirectionEnum`` schema. Held by ``CreateWebRtcConnectionRequest.direction`` and
    ``CreateEndpointRequestBase.direction``.
    """

    INBOUND = "INBOUND"
    OUTBOUND = "OUTBOUND"
    BIDIRECTIONAL = "BIDIRECTIONAL"

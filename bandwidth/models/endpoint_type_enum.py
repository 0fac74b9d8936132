# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``EndpointTypeEnum``: the ``endpointTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class EndpointTypeEnum(ApiEnum):
    """
    The ``endpointTypeEnum`` schema. Held by ``Endpoints.type``, ``Endpoint.type``,
    ``CreateWebRtcConnectionRequest.type`` and 3 more.
    """

    WEBRTC = "WEBRTC"

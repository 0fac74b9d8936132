# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``InboundCallbackTypeEnum``: the ``inboundCallbackTypeEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class InboundCallbackTypeEnum(ApiEnum):
    """
    The possible inbound callback types originating from MO messages or multichannel message client
    responses: `message-received` indicates an MO message from a Bandwidth user's client to a
    Bandwidth number. Held by ``InboundCallback.type``.
    """

    MESSAGE_MINUS_RECEIVED = "message-received"
    REQUESTED_MINUS_LOCATION_MINUS_RESPONSE = "requested-location-response"
    SUGGESTION_MINUS_RESPONSE = "suggestion-response"

"""``CallTranscriptionTrackEnum``: the ``callTranscriptionTrackEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class CallTranscriptionTrackEnum(ApiEnum):
    """Which side of the call a transcription track was made from.

    ``inbound`` is the audio Bandwidth receives from the call's far end;
    ``outbound`` is the audio Bandwidth plays to it.
    """

    INBOUND = "inbound"
    OUTBOUND = "outbound"

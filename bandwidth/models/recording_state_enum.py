"""``RecordingStateEnum``: the ``recordingStateEnum`` schema."""

from bandwidth.models._enum import ApiEnum


class RecordingStateEnum(ApiEnum):
    """Target state of ``update_call_recording_state``.

    ``paused`` pauses the call's active recording; ``recording`` resumes a
    paused one.
    """

    PAUSED = "paused"
    RECORDING = "recording"

"""``UpdateCallRecording``: the ``updateCallRecording`` schema
(body of ``update_call_recording_state``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from pydantic import Field
from typing_extensions import Literal

from bandwidth.models._base import RequestModel
from bandwidth.models._types import enum_field
from bandwidth.models.recording_state_enum import RecordingStateEnum

# A known value becomes the enum member; type checkers also accept the plain strings.
if TYPE_CHECKING:
    RecordingState = Union[RecordingStateEnum, Literal["paused", "recording"]]
else:
    RecordingState = enum_field(RecordingStateEnum)


class UpdateCallRecording(RequestModel):
    """Pause or resume the recording running on a live call, for
    ``RecordingsApi.update_call_recording_state``.

    ``state`` is required: ``UpdateCallRecording(state="paused")`` pauses and
    ``UpdateCallRecording(state="recording")`` resumes. Building checks only
    the Python type, as the generated SDK does; :meth:`check`, run before
    sending, rejects any other value.
    """

    state: RecordingState = Field(
        description="`paused` pauses the active recording; `recording` resumes a paused one."
    )

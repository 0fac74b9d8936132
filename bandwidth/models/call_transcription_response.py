"""``CallTranscriptionResponse``: the ``callTranscriptionResponse`` schema
(``get_real_time_transcription``)."""

from __future__ import annotations

from typing import List, Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel
from bandwidth.models.call_transcription import CallTranscription


class CallTranscriptionResponse(ResponseModel):
    """A real-time transcription made on a call by ``<StartTranscription>``: one
    :class:`~bandwidth.models.CallTranscription` per transcribed track.

    The API declares no field required, so every field may be ``None``.
    """

    account_id: Optional[StrictStr] = Field(
        default=None, description="The account the call belongs to."
    )
    call_id: Optional[StrictStr] = Field(default=None, description="The transcribed call's id.")
    transcription_id: Optional[StrictStr] = Field(
        default=None, description="The transcription's id (`t-…`)."
    )
    tracks: Optional[List[CallTranscription]] = Field(
        default=None, description="The transcript of each transcribed track."
    )

"""``CallTranscriptionMetadata``: the ``callTranscriptionMetadata`` schema
(items of ``list_real_time_transcriptions``)."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class CallTranscriptionMetadata(ResponseModel):
    """One real-time transcription of a call: its id, name and where to fetch it.

    The API declares no field required, so every field may be ``None``.
    """

    transcription_id: Optional[StrictStr] = Field(
        default=None, description="The transcription's id (`t-…`)."
    )
    transcription_name: Optional[StrictStr] = Field(
        default=None, description="The name given in `<StartTranscription>`, if any."
    )
    transcription_url: Optional[StrictStr] = Field(
        default=None, description="Where to fetch it (`get_real_time_transcription`)."
    )

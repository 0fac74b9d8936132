# Generated from spec/bandwidth.yml: do not edit; run `python tools/generate_models.py`.
"""``VoiceCodeResponse``: the ``voiceCodeResponse`` schema."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class VoiceCodeResponse(ResponseModel):
    """The ``voiceCodeResponse`` schema. Returned by ``generate_voice_code``."""

    call_id: Optional[StrictStr] = Field(
        default=None,
        validation_alias="callId",
        serialization_alias="callId",
        description="Programmable Voice API Call ID.",
    )

"""``VoiceApiError``: the ``voiceApiError`` schema (every error body)."""

from __future__ import annotations

from typing import Optional

from pydantic import Field, StrictStr

from bandwidth.models._base import ResponseModel


class VoiceApiError(ResponseModel):
    """The JSON body of a Voice API error: a ``type``, a human ``description``, an ``id``."""

    type: Optional[StrictStr] = Field(
        default=None, description="Error category, e.g. `validation`."
    )
    description: Optional[StrictStr] = Field(
        default=None, description="What went wrong, for humans."
    )
    id: Optional[StrictStr] = Field(
        default=None, description="Bandwidth's id of this error, if any."
    )

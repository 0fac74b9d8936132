"""``VoiceApiError``: the ``voiceApiError`` schema (every error body)."""

from __future__ import annotations

from typing import Optional

from pydantic import StrictStr

from bandwidth.models._base import ResponseModel


class VoiceApiError(ResponseModel):
    """The JSON body of a Voice API error: a ``type``, a human ``description``, an ``id``."""

    type: Optional[StrictStr] = None
    description: Optional[StrictStr] = None
    id: Optional[StrictStr] = None

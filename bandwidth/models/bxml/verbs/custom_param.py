"""``<CustomParam>``: a name/value pair for a ``<StartTranscription>`` WebSocket."""

from __future__ import annotations

from typing import ClassVar

from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import ParamName, ParamValue

__all__ = ["CustomParam"]


class CustomParam(Verb):
    """Sent to the transcription WebSocket when it starts (name ≤ 256, value ≤ 2048; both needed).

    Both are optional arguments, as officially, but Bandwidth needs them: ``validate()`` says so.
    """

    _tag = "CustomParam"
    _top_level: ClassVar[bool] = False
    _goes_in: ClassVar[str] = "StartTranscription"

    name: ParamName = ParamName(required=True)
    value: ParamValue = ParamValue(required=True)

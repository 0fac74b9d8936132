"""``<StreamParam>``: a name/value pair for a ``<StartStream>`` WebSocket."""

from __future__ import annotations

from typing import ClassVar

from bandwidth.models.bxml._fields import required
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import ParamName, ParamValue

__all__ = ["StreamParam"]


class StreamParam(Verb):
    """Sent to the ``StartStream`` WebSocket when the stream starts (name ≤ 256, value ≤ 2048)."""

    _tag = "StreamParam"
    _top_level: ClassVar[bool] = False
    _goes_in: ClassVar[str] = "StartStream"

    name: ParamName = required(ParamName())
    value: ParamValue = required(ParamValue())

"""``<StopRecording>``: stop the background recording."""

from __future__ import annotations

from bandwidth.models.bxml.verb import BareVerb
from bandwidth.models.bxml.verb import Verb as Verb  # importable here, as in the official module

__all__ = ["StopRecording"]


class StopRecording(BareVerb):
    """Stop the ``StartRecording`` recording (also ends a paused one)."""

    _tag = "StopRecording"

"""``<StopRecording>``: stop the background recording."""

from __future__ import annotations

from bandwidth.models.bxml.verb import BareVerb

__all__ = ["StopRecording"]


class StopRecording(BareVerb):
    """Stop the ``StartRecording`` recording (also ends a paused one)."""

    _tag = "StopRecording"

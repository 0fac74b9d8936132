"""``<PauseRecording>``: pause the background recording."""

from __future__ import annotations

from bandwidth.models.bxml.verb import BareVerb

__all__ = ["PauseRecording"]


class PauseRecording(BareVerb):
    """Pause the ``StartRecording`` recording; paused audio is neither kept nor billed."""

    _tag = "PauseRecording"

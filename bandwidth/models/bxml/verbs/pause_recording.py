"""``<PauseRecording>``: pause the background recording."""

from __future__ import annotations

from bandwidth.models.bxml.verb import BareVerb
from bandwidth.models.bxml.verb import Verb as Verb  # importable here, as in the official module

__all__ = ["PauseRecording"]


class PauseRecording(BareVerb):
    """Pause the ``StartRecording`` recording; paused audio is neither kept nor billed."""

    _tag = "PauseRecording"

"""``<ResumeRecording>``: resume the background recording."""

from __future__ import annotations

from bandwidth.models.bxml.verb import BareVerb
from bandwidth.models.bxml.verb import Verb as Verb  # importable here, as in the official module

__all__ = ["ResumeRecording"]


class ResumeRecording(BareVerb):
    """Resume a paused ``StartRecording`` recording."""

    _tag = "ResumeRecording"

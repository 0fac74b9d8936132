"""``<Hangup>``: end the call."""

from __future__ import annotations

from bandwidth.models.bxml.verb import BareVerb
from bandwidth.models.bxml.verb import Verb as Verb  # importable here, as in the official module

__all__ = ["Hangup"]


class Hangup(BareVerb):
    """Hang up an answered call, or reject an unanswered inbound one (not charged)."""

    _tag = "Hangup"

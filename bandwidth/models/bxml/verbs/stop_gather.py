"""``<StopGather>``: stop the digit events of ``<StartGather>``."""

from __future__ import annotations

from bandwidth.models.bxml.verb import BareVerb
from bandwidth.models.bxml.verb import Verb as Verb  # importable here, as in the official module

__all__ = ["StopGather"]


class StopGather(BareVerb):
    """Stop the digit events a ``StartGather`` began."""

    _tag = "StopGather"

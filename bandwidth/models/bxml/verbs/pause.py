"""``<Pause>``: silence."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Num
from bandwidth.models.bxml.verb import Verb

__all__ = ["Pause"]


class Pause(Verb):
    """Stay silent for ``duration`` seconds (0.1 to 86400; written even at its default, 1)."""

    _tag = "Pause"

    duration: Num = Num(0.1, 86400, default=1)

"""``<Ring>``: ringback."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Flag, Num
from bandwidth.models.bxml.verb import Verb

__all__ = ["Ring"]


class Ring(Verb):
    """Play ringback for ``duration`` seconds (Bandwidth's default 5).

    ``answer_call=False`` keeps an unanswered inbound call unanswered while it rings.
    """

    _tag = "Ring"

    duration: Num = Num(0.1, 86400)
    answer_call: Flag = Flag()

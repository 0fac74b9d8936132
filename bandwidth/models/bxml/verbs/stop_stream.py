"""``<StopStream>``: stop a named stream."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Flag, required
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import StreamName

__all__ = ["StopStream"]


class StopStream(Verb):
    """Stop the stream ``name`` (its StartStream name, or the id from mediaStreamStarted).

    ``wait=True`` blocks until the socket closes.
    """

    _tag = "StopStream"

    name: StreamName = required(StreamName())
    wait: Flag = Flag()

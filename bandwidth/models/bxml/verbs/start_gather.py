"""``<StartGather>``: a webhook per digit while other verbs run."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Str, required
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Method, TagText, Url

__all__ = ["StartGather"]


class StartGather(Verb):
    """Send a ``dtmf`` event to ``dtmf_url`` for every digit pressed (it may not answer BXML)."""

    _tag = "StartGather"

    dtmf_url: Url = required(Url())
    dtmf_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    tag: TagText = TagText()

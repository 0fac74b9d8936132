"""``<Redirect>``: fetch the next BXML from a URL."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Str, required
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Method, TagText, Url

__all__ = ["Redirect"]


class Redirect(Verb):
    """Fetch the next BXML from ``redirect_url``; verbs after it never run."""

    _tag = "Redirect"

    redirect_url: Url = required(Url())
    redirect_method: Method = Method()
    redirect_fallback_url: Url = Url()
    redirect_fallback_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()

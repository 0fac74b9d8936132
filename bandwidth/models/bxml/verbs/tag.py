"""``<Tag>``: set or clear the call's tag without a webhook."""

from __future__ import annotations

from typing import ClassVar

from bandwidth.models.bxml._fields import element_text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import TagText

__all__ = ["Tag"]


class Tag(Verb):
    """Set the tag sent with the call's later webhooks; ``""`` (the default) clears it."""

    _tag = "Tag"
    _strip_text: ClassVar[bool] = False

    content: TagText = element_text(TagText(), default="")

"""``Response``: the root of the BXML a webhook answers with."""

from __future__ import annotations

from typing import Iterable, Optional

from bandwidth.models.bxml.root import Root
from bandwidth.models.bxml.verb import Verb

__all__ = ["Response"]


class Response(Root):
    """``<Response>``: the body of your reply to a webhook (initiate, answer, gather, ...)."""

    _tag = "Response"

    def __init__(self, nested_verbs: Optional[Iterable[Verb]] = None) -> None:
        """A ``<Response>`` holding ``nested_verbs`` (more can be added with ``add_verb``)."""
        super().__init__(self._tag, nested_verbs)

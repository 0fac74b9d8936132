"""``Bxml``: the root of the document ``update_call_bxml`` sends."""

from __future__ import annotations

from typing import Iterable, Optional

from bandwidth.models.bxml.root import Root
from bandwidth.models.bxml.verb import Verb

__all__ = ["Bxml"]


class Bxml(Root):
    """``<Bxml>``: the body of ``update_call_bxml`` (``PUT .../calls/{callId}/bxml``)."""

    _tag = "Bxml"

    def __init__(self, nested_verbs: Optional[Iterable[Verb]] = None) -> None:
        """A ``<Bxml>`` holding ``nested_verbs`` (more can be added with ``add_verb``)."""
        super().__init__(self._tag, nested_verbs)

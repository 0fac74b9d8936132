"""``<Endpoint>``: the BRTC endpoint a ``<Connect>`` connects to."""

from __future__ import annotations

from typing import ClassVar

from bandwidth.models.bxml._fields import element_text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Token

__all__ = ["Endpoint"]


class Endpoint(Verb):
    """A BRTC endpoint, by the id the BRTC Endpoints API gave it (goes inside ``Connect``)."""

    _tag = "Endpoint"
    _top_level: ClassVar[bool] = False
    _goes_in: ClassVar[str] = "Connect"

    endpoint_id: Token = element_text(Token())

"""Connect (Beta, BRTC): connect the call to a BRTC Endpoint."""

from __future__ import annotations

from typing import Iterable, Optional, Union

from bandwidth.models.bxml._attrs import Attr, Required
from bandwidth.models.bxml.errors import BxmlValidationError
from bandwidth.models.bxml.verb import ParentVerb, Verb, VerbList
from bandwidth.models.bxml.verbs._common import TOKEN, URL, as_verbs

__all__ = ["Connect", "Endpoint"]


class Endpoint(Verb):
    """The BRTC endpoint (by id) a ``Connect`` connects to."""

    _tag = "Endpoint"
    _top_level = False
    _goes_in = "Connect"

    endpoint_id = Required(None, TOKEN)

    def __init__(self, endpoint_id: str) -> None:
        """``endpoint_id`` from the BRTC Endpoints API."""
        self.endpoint_id = endpoint_id


class Connect(ParentVerb):
    """Connect the call to one or more BRTC ``Endpoint`` elements (Beta).

    ``event_fallback_url`` appears in Bandwidth's SDKs but not in the Connect
    docs page; Bandwidth may ignore it.
    """

    _tag = "Connect"
    _allowed = (Endpoint,)
    _children_name = "endpoints"

    event_callback_url = Attr("eventCallbackUrl", URL)
    event_fallback_url = Attr("eventFallbackUrl", URL)

    def __init__(
        self,
        destination: Union[Endpoint, Iterable[Endpoint], None] = None,
        *,
        event_callback_url: Optional[str] = None,
        event_fallback_url: Optional[str] = None,
    ) -> None:
        """``destination``: the Endpoint (or Endpoints) to connect to."""
        self._setup()
        self.event_callback_url = event_callback_url
        self.event_fallback_url = event_fallback_url
        self._children.extend(as_verbs(destination))

    @property
    def endpoints(self) -> VerbList:
        """The endpoints (a checked list: Endpoint only)."""
        return self._children

    @endpoints.setter
    def endpoints(self, verbs: Iterable[Verb]) -> None:
        self._children = VerbList(self, verbs)

    @property
    def destination(self) -> Optional[Endpoint]:
        """The first endpoint, or ``None``."""
        if not self._children:
            return None
        first = self._children[0]
        assert isinstance(first, Endpoint)
        return first

    @destination.setter
    def destination(self, endpoint: Optional[Endpoint]) -> None:
        self._children = VerbList(self, [] if endpoint is None else [endpoint])

    def add_endpoint(self, endpoint: Endpoint) -> Connect:
        """Append an endpoint; same as :meth:`add_verb`."""
        return self.add_verb(endpoint)

    def _check(self) -> None:
        super()._check()
        if not self._children:
            raise BxmlValidationError(self._tag, "destination", "needs an Endpoint")

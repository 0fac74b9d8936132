"""``<Connect>`` (Beta, BRTC): connect the call to a BRTC endpoint."""

from __future__ import annotations

from bandwidth.models.bxml.nestable_verb import Kids, NestableVerb, VerbList
from bandwidth.models.bxml.verbs._kinds import Url
from bandwidth.models.bxml.verbs.endpoint import Endpoint

__all__ = ["Connect"]


class Connect(NestableVerb):
    """Connect the call to the ``Endpoint`` elements in ``destination`` (Beta).

    ``event_fallback_url`` appears in Bandwidth's SDKs but not in the Connect
    docs page; Bandwidth may ignore it.
    """

    _tag = "Connect"

    destination: Kids[Endpoint] = Kids(Endpoint, required=True)
    event_callback_url: Url = Url()
    event_fallback_url: Url = Url()

    @property
    def endpoints(self) -> VerbList[Endpoint]:
        """The endpoints (the same checked list as ``destination``)."""
        return self.destination

    def add_endpoint(self, endpoint: Endpoint) -> Connect:
        """Append an endpoint; same as :meth:`add_verb`."""
        return self.add_verb(endpoint)

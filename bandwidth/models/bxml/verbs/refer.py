"""``<Refer>``: send a SIP REFER on an inbound SIP call."""

from __future__ import annotations

from bandwidth.models.bxml.errors import BxmlValidationError
from bandwidth.models.bxml.nestable_verb import Kid, NestableVerb
from bandwidth.models.bxml.verbs._kinds import Method, TagText, Url
from bandwidth.models.bxml.verbs.sip_uri import SipUri

__all__ = ["Refer"]


class Refer(NestableVerb):
    """Refer an inbound SIP call to one bare ``SipUri`` (the URI, no attributes).

    A successful REFER ends the call on Bandwidth's side; on failure the
    ``refer_complete_url`` webhook's BXML runs (or the next verb, without one).
    """

    _tag = "Refer"

    sip_uri: Kid[SipUri] = Kid(SipUri, required=True)
    refer_complete_url: Url = Url()
    refer_complete_method: Method = Method()
    tag: TagText = TagText()

    def set_sip_uri(self, sip_uri: SipUri) -> None:
        """Make ``sip_uri`` the refer target (replacing any), as officially."""
        self.sip_uri = sip_uri

    def _validate_more(self) -> None:
        for target in self._children:
            extra = [f.name for f in target._attr_fields if target.__dict__.get(f.name) is not None]
            if extra:
                raise BxmlValidationError(
                    self._tag,
                    "sip_uri",
                    "a SipUri inside Refer carries only the URI; remove " + ", ".join(extra),
                )

"""``<SipUri>``: a SIP destination of ``<Transfer>``, or the target of ``<Refer>``."""

from __future__ import annotations

from typing import ClassVar, Optional

from bandwidth.models.bxml._fields import Str, element_text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Method, Sip, TagText, Url

__all__ = ["SipUri"]


class _Uui(Str):
    max_length: Optional[int] = 256
    no_control = True


class SipUri(Verb):
    """A SIP ``uri`` to ring (inside ``Transfer``) or to refer the call to (inside ``Refer``).

    ``uui`` is sent as the User-to-User header (256 characters at most).
    Inside ``Refer`` the URI goes alone: ``validate()`` refuses other attributes there.
    """

    _tag = "SipUri"
    _top_level: ClassVar[bool] = False
    _goes_in: ClassVar[str] = "Transfer or Refer"

    uri: Sip = element_text(Sip())
    uui: _Uui = _Uui()
    transfer_answer_url: Url = Url()
    transfer_answer_method: Method = Method()
    transfer_answer_fallback_url: Url = Url()
    transfer_answer_fallback_method: Method = Method()
    transfer_disconnect_url: Url = Url()
    transfer_disconnect_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()

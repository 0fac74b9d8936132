"""``<Bridge>``: bridge another live call onto this one."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Str, element_text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Method, TagText, Token, Url

__all__ = ["Bridge"]


class Bridge(Verb):
    """Bridge the live call ``target_call`` (a call id) onto this one.

    ``bridge_complete_url`` gets the event when the target leaves (its BXML
    runs here); ``bridge_target_complete_url`` the event when this call leaves
    (its BXML runs on the target).
    """

    _tag = "Bridge"

    target_call: Token = element_text(Token())
    bridge_complete_url: Url = Url()
    bridge_complete_method: Method = Method()
    bridge_complete_fallback_url: Url = Url()
    bridge_complete_fallback_method: Method = Method()
    bridge_target_complete_url: Url = Url()
    bridge_target_complete_method: Method = Method()
    bridge_target_complete_fallback_url: Url = Url()
    bridge_target_complete_fallback_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()

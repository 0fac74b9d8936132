"""Flow control: Hangup, Redirect and Tag."""

from __future__ import annotations

from typing import ClassVar, Optional

from bandwidth.models.bxml._attrs import Attr, Required
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._common import CREDENTIAL, METHOD, TAG, URL, Method

__all__ = ["Hangup", "Redirect", "Tag"]


class Hangup(Verb):
    """Hang up an answered call, or reject an unanswered inbound one (not charged)."""

    _tag = "Hangup"


class Redirect(Verb):
    """Fetch the next BXML from ``redirect_url``; verbs after it never run."""

    _tag = "Redirect"

    redirect_url = Required("redirectUrl", URL)
    redirect_method = Attr("redirectMethod", METHOD)
    redirect_fallback_url = Attr("redirectFallbackUrl", URL)
    redirect_fallback_method = Attr("redirectFallbackMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    fallback_username = Attr("fallbackUsername", CREDENTIAL)
    fallback_password = Attr("fallbackPassword", CREDENTIAL)
    tag = Attr("tag", TAG)

    def __init__(
        self,
        redirect_url: str,
        *,
        redirect_method: Optional[Method] = None,
        redirect_fallback_url: Optional[str] = None,
        redirect_fallback_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        fallback_username: Optional[str] = None,
        fallback_password: Optional[str] = None,
        tag: Optional[str] = None,
    ) -> None:
        """``redirect_url`` receives the redirect webhook and answers with BXML."""
        self.redirect_url = redirect_url
        self.redirect_method = redirect_method
        self.redirect_fallback_url = redirect_fallback_url
        self.redirect_fallback_method = redirect_fallback_method
        self.username = username
        self.password = password
        self.fallback_username = fallback_username
        self.fallback_password = fallback_password
        self.tag = tag


class Tag(Verb):
    """Set the call's tag (sent with later webhooks) without a webhook; empty clears it."""

    _tag = "Tag"
    _strip_text: ClassVar[bool] = False

    content = Attr(None, TAG)

    def __init__(self, content: Optional[str] = None) -> None:
        """``content`` is the new tag (up to 256 characters); ``None`` or ``""`` clears it."""
        self.content = content

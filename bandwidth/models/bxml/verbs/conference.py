"""Conference: join the call to a named conference."""

from __future__ import annotations

import re
from typing import Optional

from bandwidth.models.bxml._attrs import Attr, Number, Required, Text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._common import BOOL, CREDENTIAL, METHOD, TAG, URL, Method

__all__ = ["Conference"]


class Conference(Verb):
    """Join this call to the conference ``name`` (created on first use, at most 20 calls).

    Only the BXML that creates the conference sets its event URL, method and
    credentials; later members' values are ignored by Bandwidth.
    """

    _tag = "Conference"

    name = Required(
        None,
        Text(
            max_length=100,
            pattern=re.compile(r"[A-Za-z0-9_.\-]+"),
            expects="letters, digits, '-', '_' and '.' only",
        ),
    )
    mute = Attr("mute", BOOL)
    hold = Attr("hold", BOOL)
    call_ids_to_coach = Attr(
        "callIdsToCoach",
        Text(pattern=re.compile(r"[^\s,]+(?:,[^\s,]+)*"), expects="comma-separated call ids"),
    )
    conference_event_url = Attr("conferenceEventUrl", URL)
    conference_event_method = Attr("conferenceEventMethod", METHOD)
    conference_event_fallback_url = Attr("conferenceEventFallbackUrl", URL)
    conference_event_fallback_method = Attr("conferenceEventFallbackMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    fallback_username = Attr("fallbackUsername", CREDENTIAL)
    fallback_password = Attr("fallbackPassword", CREDENTIAL)
    tag = Attr("tag", TAG)
    callback_timeout = Attr("callbackTimeout", Number(1, 25))

    def __init__(
        self,
        name: str,
        *,
        mute: Optional[bool] = None,
        hold: Optional[bool] = None,
        call_ids_to_coach: Optional[str] = None,
        conference_event_url: Optional[str] = None,
        conference_event_method: Optional[Method] = None,
        conference_event_fallback_url: Optional[str] = None,
        conference_event_fallback_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        fallback_username: Optional[str] = None,
        fallback_password: Optional[str] = None,
        tag: Optional[str] = None,
        callback_timeout: Optional[float] = None,
    ) -> None:
        """``name`` is the element text (up to 100 of ``A-Z a-z 0-9 - _ .``)."""
        self.name = name
        self.mute = mute
        self.hold = hold
        self.call_ids_to_coach = call_ids_to_coach
        self.conference_event_url = conference_event_url
        self.conference_event_method = conference_event_method
        self.conference_event_fallback_url = conference_event_fallback_url
        self.conference_event_fallback_method = conference_event_fallback_method
        self.username = username
        self.password = password
        self.fallback_username = fallback_username
        self.fallback_password = fallback_password
        self.tag = tag
        self.callback_timeout = callback_timeout

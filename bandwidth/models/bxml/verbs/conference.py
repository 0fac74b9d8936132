"""``<Conference>``: join a named conference."""

from __future__ import annotations

import re
from typing import Optional, Pattern

from bandwidth.models.bxml._fields import Flag, Num, Str, element_text
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._kinds import Method, TagText, Url

__all__ = ["Conference"]


class _Name(Str):
    max_length: Optional[int] = 100
    pattern: Optional[Pattern[str]] = re.compile(r"[A-Za-z0-9_.\-]+")
    expects = "letters, digits, '-', '_' and '.' only"


class _CallIds(Str):
    pattern: Optional[Pattern[str]] = re.compile(r"[^\s,]+(?:,[^\s,]+)*")
    expects = "comma-separated call ids"


class Conference(Verb):
    """Join this call to the conference ``name`` (created on first use, at most 20 calls).

    The name is the element's text. Only the BXML that creates the conference
    sets its event URL, method and credentials; later members' values are
    ignored by Bandwidth.
    """

    _tag = "Conference"

    name: _Name = element_text(_Name())
    mute: Flag = Flag()
    hold: Flag = Flag()
    call_ids_to_coach: _CallIds = _CallIds()
    conference_event_url: Url = Url()
    conference_event_method: Method = Method()
    conference_event_fallback_url: Url = Url()
    conference_event_fallback_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()
    callback_timeout: Num = Num(1, 25)

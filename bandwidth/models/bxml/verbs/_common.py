"""Attribute kinds shared by many verbs (URLs, methods, credentials, tags)."""

from __future__ import annotations

import re
from typing import Iterable, List, Optional, Union

from bandwidth.models.bxml._attrs import (
    DTMF_DIGITS,
    E164,
    Bool,
    Choice,
    Number,
    Text,
    Url,
)
from bandwidth.models.bxml.enums import CallbackMethodEnum
from bandwidth.models.bxml.verb import Verb

#: What a ``*_method`` parameter accepts.
Method = Union[CallbackMethodEnum, str]

URL = Url()
METHOD = Choice(CallbackMethodEnum)
#: Basic-auth user names and passwords: any text XML can carry.
CREDENTIAL = Text()
#: ``tag``: up to 256 characters; ``""`` clears the call's tag.
TAG = Text(max_length=256)
BOOL = Bool()
PHONE = Text(pattern=E164, expects="an E.164 number such as +15555551212")
DIGITS = Text(pattern=DTMF_DIGITS, expects="DTMF characters (0-9, *, #, A-D)")
CALL_TIMEOUT = Number(1, 300)
#: Caller display names: at most 256 characters, no control characters.
DISPLAY_NAME = Text(max_length=256, no_control=True)
#: An opaque id or name that must not be blank or contain spaces.
TOKEN = Text(pattern=re.compile(r"\S+"), expects="non-empty text without spaces")

#: Display names Bandwidth accepts when ``privacy`` is true.
PRIVACY_NAMES = frozenset({"Restricted", "Anonymous", "Private", "Unavailable"})


def as_verbs(verbs: Union[Verb, Iterable[Verb], None]) -> List[Verb]:
    """Children given as one verb, an iterable of verbs, or ``None``."""
    if verbs is None:
        return []
    if isinstance(verbs, Verb):
        return [verbs]
    return list(verbs)


def check_privacy_name(verb: str, privacy: Optional[bool], name: Optional[str], attr: str) -> None:
    """With ``privacy=True`` only the four privacy keywords may be the display name."""
    from bandwidth.models.bxml.errors import BxmlValidationError

    if privacy and name is not None and name not in PRIVACY_NAMES:
        allowed = ", ".join(sorted(PRIVACY_NAMES))
        raise BxmlValidationError(verb, attr, f"must be one of {allowed} when privacy is true")

"""The APIs' value formats, each written once.

The request models (``bandwidth.models``), the BXML builder's ``validate()``,
the list filters, the path checks (a toll-free number) and the simulator all
check values against these rules, so a
value one of them accepts the others accept too. Standard library plus
``python-dateutil`` only: the simulator imports this module.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone

__all__ = [
    "CONTROL_CHARACTERS",
    "E164",
    "E164_EXAMPLE",
    "PRIVACY_NAMES",
    "SIP_EXAMPLE",
    "SIP_URI",
    "TOLL_FREE",
    "TOLL_FREE_EXAMPLE",
    "has_control_characters",
    "is_e164",
    "is_e164_or_sip",
    "is_sip_uri",
    "is_toll_free",
    "is_uui",
    "parse_timestamp",
]

#: A phone number: ``+``, then 2 to 15 digits with no leading zero (ITU-T E.164).
E164 = re.compile(r"\+[1-9][0-9]{1,14}")
E164_EXAMPLE = "+15555551212"

#: A US toll-free number (the spec's ``tfPhoneNumber``): ``+1``, a toll-free
#: area code, then 7 digits not starting with 0 or 1.
TOLL_FREE = re.compile(r"\+1(800|833|844|855|866|877|888)[2-9]\d{6}")
TOLL_FREE_EXAMPLE = "+18005555555"

#: A SIP URI the platform can dial: ``sip:`` or ``sips:``, a user part, ``@``, a
#: host, then optional ``;parameters`` / ``?headers``; no whitespace. Bandwidth
#: documents the form ``sip:user@server.example`` for call destinations, in
#: ``createCall``'s ``to`` and in BXML's ``<SipUri>`` alike.
SIP_URI = re.compile(r"sips?:[^\s@<>\"]+@[^\s@<>\"]+", re.IGNORECASE)
SIP_EXAMPLE = "sip:user@server.example"

#: ``createCall``'s ``uui``: comma-separated User-to-User values (RFC 7433), each
#: ending with its encoding, at most 350 characters in all.
UUI_ITEM = re.compile(r"[^,;]+;encoding=(?:jwt|base64|hex)")
UUI_MAX_LENGTH = 350

#: C0 control characters and DEL: never part of a display name, a stream name
#: or text printed to a terminal.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

#: Display names the platform accepts for a call placed with ``privacy`` on.
PRIVACY_NAMES = frozenset({"Restricted", "Anonymous", "Private", "Unavailable"})


def is_e164(value: str) -> bool:
    """Whether ``value`` is an E.164 number such as ``+15555551212``."""
    return E164.fullmatch(value) is not None


def is_toll_free(value: str) -> bool:
    """Whether ``value`` is a US toll-free number such as ``+18005555555``."""
    return TOLL_FREE.fullmatch(value) is not None


def is_sip_uri(value: str) -> bool:
    """Whether ``value`` is a dialable SIP URI such as ``sip:user@server.example``."""
    return SIP_URI.fullmatch(value) is not None


def is_e164_or_sip(value: str) -> bool:
    """Whether ``value`` is an E.164 number or a dialable SIP URI (a call's ``to``)."""
    return is_e164(value) or is_sip_uri(value)


def is_uui(value: str) -> bool:
    """Whether ``value`` is a valid ``uui``: ``data;encoding=jwt|base64|hex`` items, ≤350 chars."""
    return len(value) <= UUI_MAX_LENGTH and all(
        UUI_ITEM.fullmatch(item) is not None for item in value.split(",")
    )


def has_control_characters(value: str) -> bool:
    """Whether ``value`` holds a C0 control character or DEL."""
    return CONTROL_CHARACTERS.search(value) is not None


def parse_timestamp(value: str) -> datetime:
    """An ISO 8601 date-time as the API reads its time filters; naive means UTC.

    Both the extended (``2022-06-21T19:13:21Z``) and the basic
    (``20220621T191321Z``) forms are accepted. Raises ``ValueError`` for
    anything else, including out-of-range values.
    """
    from dateutil.parser import isoparse

    try:
        parsed = isoparse(value)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not an ISO 8601 date-time: {exc}") from None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)

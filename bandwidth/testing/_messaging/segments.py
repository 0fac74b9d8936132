"""How many segments a text costs: the GSM 03.40 rule the platform counts by.

A text made only of GSM-7 characters fits 160 in one segment, else 153 a
segment (the rest is the concatenation header); one character outside
GSM-7 (an emoji, a curly quote) makes the whole text UCS-2: 70 in one
segment, else 67 a segment (counted in UTF-16 units, so an emoji costs 2).
GSM-7's extension characters cost 2. An MMS is always one segment.
"""

from __future__ import annotations

__all__ = ["segment_count"]

_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


def _gsm7_length(text: str) -> int:
    """The septets ``text`` takes in GSM-7, or -1 when a character is not GSM-7."""
    length = 0
    for character in text:
        if character in _GSM7_BASIC:
            length += 1
        elif character in _GSM7_EXTENSION:
            length += 2
        else:
            return -1
    return length


def segment_count(text: str, *, mms: bool = False) -> int:
    """The segments ``text`` is sent as (1 for an MMS, and for an empty text)."""
    if mms:
        return 1
    septets = _gsm7_length(text)
    if septets >= 0:
        return 1 if septets <= 160 else -(-septets // 153)
    units = len(text.encode("utf-16-le")) // 2
    return 1 if units <= 70 else -(-units // 67)

"""``<SendDtmf>``: play DTMF tones."""

from __future__ import annotations

import re
from typing import Optional, Pattern

from bandwidth.models.bxml._fields import Num, Str, element_text
from bandwidth.models.bxml.verb import Verb

__all__ = ["SendDtmf"]


class _Digits(Str):
    max_length: Optional[int] = 50
    pattern: Optional[Pattern[str]] = re.compile(r"[0-9*#a-dA-D,wW]+")
    expects = "DTMF characters (0-9, *, #, A-D) and pauses (, w W)"


class SendDtmf(Verb):
    """Play ``digits`` (at most 50; ``,``/``w`` pause 0.5 s, ``W`` 1 s).

    Tone length and gap are in milliseconds (50 to 5000).
    """

    _tag = "SendDtmf"

    digits: _Digits = element_text(_Digits())
    tone_duration: Num = Num(50, 5000)
    tone_interval: Num = Num(50, 5000)

"""``<SpeakSentence>``: text-to-speech, optionally with SSML."""

from __future__ import annotations

import re
from typing import ClassVar, Optional, Pattern, Tuple

from bandwidth.models.bxml._fields import Choice, Str, element_text
from bandwidth.models.bxml.enums import Gender
from bandwidth.models.bxml.nestable_verb import NestableVerb

__all__ = ["SpeakSentence"]


class _Speech(Str):
    non_empty = True


class _Voice(Str):
    pattern: Optional[Pattern[str]] = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
    expects = "a voice name such as julie"


class _Locale(Str):
    pattern: Optional[Pattern[str]] = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")
    expects = "a locale such as en_US"


class SpeakSentence(NestableVerb):
    """Speak ``text``; ``voice`` wins over ``gender``/``locale``. May go inside a Gather.

    SSML tags in the text (``<break time="1s"/>``) are written as markup, and
    ``&`` is always literal text, as in the official SDK. The markup is kept
    only when it is well-formed and uses the SSML elements BXML supports
    (``break``, ``emphasis``, ``lang``, ``p``, ``phoneme``, ``prosody``, ``s``,
    ``say-as``, ``sub``); otherwise the whole text is escaped and spoken as
    written, so no text can inject a verb. (A NestableVerb as officially; it
    holds no verbs.)
    """

    _tag = "SpeakSentence"
    _strip_text: ClassVar[bool] = False

    text: _Speech = element_text(_Speech())
    voice: _Voice = _Voice()
    gender: Choice[Gender] = Choice(Gender)
    locale: _Locale = _Locale()

    def _speech(self) -> Tuple[str, bool]:
        from bandwidth.models.bxml._ssml import render_speech

        text = self._text()
        if not text:
            return "", False
        cached = self.__dict__.get("_speech_cache")
        if cached is not None and cached[0] == text:
            return cached[1], cached[2]
        markup, is_ssml = render_speech(text)
        self.__dict__["_speech_cache"] = (text, markup, is_ssml)
        return markup, is_ssml

    def _text_xml(self) -> str:
        return self._speech()[0]

    @property
    def is_ssml(self) -> bool:
        """Whether the text's SSML tags are kept (``False``: spoken as plain text)."""
        return self._speech()[1]

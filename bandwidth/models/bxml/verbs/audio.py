"""Verbs that put sound on the call: SpeakSentence, PlayAudio, Pause, Ring, SendDtmf."""

from __future__ import annotations

import re
from typing import ClassVar, Optional, Tuple, Union

from bandwidth.models.bxml._attrs import Attr, Choice, Number, Required, Text
from bandwidth.models.bxml.enums import Gender
from bandwidth.models.bxml.verb import Verb
from bandwidth.models.bxml.verbs._common import BOOL, CREDENTIAL, URL

__all__ = ["Pause", "PlayAudio", "Ring", "SendDtmf", "SpeakSentence"]


class SpeakSentence(Verb):
    """Speak text with text-to-speech; may hold SSML, and may go inside a Gather.

    The text is kept as SSML only when it is well-formed and uses the SSML
    elements BXML supports (``break``, ``emphasis``, ``lang``, ``p``,
    ``phoneme``, ``prosody``, ``s``, ``say-as``, ``sub``); otherwise it is
    escaped and spoken exactly as written, so no text can inject a verb. Write
    ``&amp;`` for a literal ``&`` in text that also uses SSML.
    """

    _tag = "SpeakSentence"
    _strip_text: ClassVar[bool] = False

    text = Required(None, Text(non_empty=True))
    voice = Attr(
        "voice",
        Text(pattern=re.compile(r"[A-Za-z][A-Za-z0-9_-]*"), expects="a voice name such as julie"),
    )
    gender = Attr("gender", Choice(Gender))
    locale = Attr(
        "locale",
        Text(
            pattern=re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*"),
            expects="a locale such as en_US",
        ),
    )

    def __init__(
        self,
        text: str,
        *,
        voice: Optional[str] = None,
        gender: Optional[Union[Gender, str]] = None,
        locale: Optional[str] = None,
    ) -> None:
        """``text`` to speak (plain text or SSML); ``voice`` wins over ``gender``/``locale``."""
        self.text = text
        self.voice = voice
        self.gender = gender
        self.locale = locale

    def _speech(self) -> Tuple[str, bool]:
        from bandwidth.models.bxml._ssml import render_speech

        text = self.text
        cached = self.__dict__.get("_speech_cache")
        if cached is not None and cached[0] == text:
            return cached[1], cached[2]
        if text is None:
            return "", False
        markup, is_ssml = render_speech(text)
        self.__dict__["_speech_cache"] = (text, markup, is_ssml)
        return markup, is_ssml

    def _content_xml(self) -> str:
        return self._speech()[0]

    @property
    def is_ssml(self) -> bool:
        """Whether the text's SSML elements are kept (``False``: spoken as plain text)."""
        return self._speech()[1]


class PlayAudio(Verb):
    """Play a WAV or MP3 file from a URL (may be relative); may go inside a Gather."""

    _tag = "PlayAudio"

    audio_uri = Required(None, URL)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)

    def __init__(
        self, audio_uri: str, *, username: Optional[str] = None, password: Optional[str] = None
    ) -> None:
        """``audio_uri`` is the file's URL; the credentials are sent when fetching it."""
        self.audio_uri = audio_uri
        self.username = username
        self.password = password


class Pause(Verb):
    """Stay silent for ``duration`` seconds (0.1 to 86400; Bandwidth's default is 1)."""

    _tag = "Pause"

    duration = Attr("duration", Number(0.1, 86400))

    def __init__(self, duration: Optional[float] = None) -> None:
        """Pause for ``duration`` seconds, or Bandwidth's default when ``None``."""
        self.duration = duration


class Ring(Verb):
    """Play ringback for ``duration`` seconds (default 5), answering the call unless told not to."""

    _tag = "Ring"

    duration = Attr("duration", Number(0.1, 86400))
    answer_call = Attr("answerCall", BOOL)

    def __init__(
        self, duration: Optional[float] = None, *, answer_call: Optional[bool] = None
    ) -> None:
        """``answer_call=False`` keeps an unanswered inbound call unanswered while ringing."""
        self.duration = duration
        self.answer_call = answer_call


class SendDtmf(Verb):
    """Play DTMF tones into the call (``,``/``w`` pause 0.5 s, ``W`` pauses 1 s)."""

    _tag = "SendDtmf"

    digits = Required(
        None,
        Text(
            max_length=50,
            pattern=re.compile(r"[0-9*#a-dA-D,wW]+"),
            expects="DTMF characters (0-9, *, #, A-D) and pauses (, w W)",
        ),
    )
    tone_duration = Attr("toneDuration", Number(50, 5000))
    tone_interval = Attr("toneInterval", Number(50, 5000))

    def __init__(
        self,
        digits: str,
        *,
        tone_duration: Optional[float] = None,
        tone_interval: Optional[float] = None,
    ) -> None:
        """``digits`` to play (at most 50); tone length and gap in milliseconds (50 to 5000)."""
        self.digits = digits
        self.tone_duration = tone_duration
        self.tone_interval = tone_interval

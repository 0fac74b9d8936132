"""``<Gather>``: collect digits (and, per the official SDK, speech) while prompting."""

from __future__ import annotations

import re
from typing import Optional, Pattern, Union

from bandwidth.models.bxml._fields import Flag, Int, Num, Str
from bandwidth.models.bxml.errors import BxmlValidationError
from bandwidth.models.bxml.nestable_verb import Kids, NestableVerb
from bandwidth.models.bxml.verbs._kinds import Dtmf, Method, TagText, Url
from bandwidth.models.bxml.verbs.play_audio import PlayAudio
from bandwidth.models.bxml.verbs.speak_sentence import SpeakSentence

__all__ = ["MAX_GATHER_PLAYS", "Gather"]

#: ``repeat_count`` times the number of prompts may not exceed this.
MAX_GATHER_PLAYS = 20


class _Input(Str):
    pattern: Optional[Pattern[str]] = re.compile(r"dtmf|speech|dtmf_speech")
    expects = "dtmf, speech or dtmf_speech"


class Gather(NestableVerb):
    """Collect DTMF digits while optionally playing ``SpeakSentence``/``PlayAudio`` prompts.

    With ``gather_url`` set, the digits go to that webhook and its BXML runs
    next (later verbs are skipped); without it the digits are dropped.
    ``repeat_count`` times the number of prompts may not exceed 20. The speech
    attributes (``input`` to ``speech_timeout``) come from the official SDK;
    no Bandwidth document describes them yet.
    """

    _tag = "Gather"

    audio_verbs: Kids[Union[SpeakSentence, PlayAudio]] = Kids(SpeakSentence, PlayAudio)
    gather_url: Url = Url()
    gather_method: Method = Method()
    gather_fallback_url: Url = Url()
    gather_fallback_method: Method = Method()
    username: Str = Str()
    password: Str = Str()
    fallback_username: Str = Str()
    fallback_password: Str = Str()
    tag: TagText = TagText()
    terminating_digits: Dtmf = Dtmf()
    max_digits: Int = Int(1, 50)
    inter_digit_timeout: Num = Num(1, 60)
    first_digit_timeout: Num = Num(0, 60)
    repeat_count: Int = Int(1, MAX_GATHER_PLAYS)
    input: _Input = _Input()
    hints: Str = Str()
    language: Str = Str()
    partial_result_callback: Url = Url()
    partial_result_callback_method: Method = Method()
    profanity_filter: Flag = Flag()
    speech_model: Str = Str()
    speech_timeout: Num = Num(0, None)

    def add_audio_verb(self, verb: Union[SpeakSentence, PlayAudio]) -> Gather:
        """Append a prompt; same as :meth:`add_verb`."""
        return self.add_verb(verb)

    def _validate_more(self) -> None:
        repeat = int(self.repeat_count or 1)
        prompts = len(self._children)
        if repeat * prompts > MAX_GATHER_PLAYS:
            raise BxmlValidationError(
                self._tag,
                "audio_verbs",
                f"repeat_count x prompts must be at most {MAX_GATHER_PLAYS} "
                f"(got {repeat} x {prompts})",
            )

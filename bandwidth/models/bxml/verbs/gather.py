"""Collecting digits: Gather (with its prompts), StartGather and StopGather."""

from __future__ import annotations

from typing import Iterable, Optional, Union

from bandwidth.models.bxml._attrs import Attr, Integer, Number, Required
from bandwidth.models.bxml.errors import BxmlValidationError
from bandwidth.models.bxml.verb import ParentVerb, Verb, VerbList
from bandwidth.models.bxml.verbs._common import (
    CREDENTIAL,
    DIGITS,
    METHOD,
    TAG,
    URL,
    Method,
    as_verbs,
)
from bandwidth.models.bxml.verbs.audio import PlayAudio, SpeakSentence

__all__ = ["Gather", "StartGather", "StopGather"]

#: ``repeat_count`` times the number of prompts may not exceed this.
MAX_GATHER_PLAYS = 20


class Gather(ParentVerb):
    """Collect DTMF digits while optionally playing ``SpeakSentence``/``PlayAudio`` prompts.

    With ``gather_url`` set, the digits go to that webhook and its BXML runs
    next (later verbs are skipped); without it the digits are dropped.
    ``repeat_count`` times the number of prompts may not exceed 20.
    """

    _tag = "Gather"
    _allowed = (SpeakSentence, PlayAudio)
    _children_name = "audio_verbs"

    gather_url = Attr("gatherUrl", URL)
    gather_method = Attr("gatherMethod", METHOD)
    gather_fallback_url = Attr("gatherFallbackUrl", URL)
    gather_fallback_method = Attr("gatherFallbackMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    fallback_username = Attr("fallbackUsername", CREDENTIAL)
    fallback_password = Attr("fallbackPassword", CREDENTIAL)
    tag = Attr("tag", TAG)
    terminating_digits = Attr("terminatingDigits", DIGITS)
    max_digits = Attr("maxDigits", Integer(1, 50))
    inter_digit_timeout = Attr("interDigitTimeout", Number(1, 60))
    first_digit_timeout = Attr("firstDigitTimeout", Number(0, 60))
    repeat_count = Attr("repeatCount", Integer(1, MAX_GATHER_PLAYS))

    def __init__(
        self,
        audio_verbs: Union[Verb, Iterable[Verb], None] = None,
        *,
        gather_url: Optional[str] = None,
        gather_method: Optional[Method] = None,
        gather_fallback_url: Optional[str] = None,
        gather_fallback_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        fallback_username: Optional[str] = None,
        fallback_password: Optional[str] = None,
        tag: Optional[str] = None,
        terminating_digits: Optional[str] = None,
        max_digits: Optional[int] = None,
        inter_digit_timeout: Optional[float] = None,
        first_digit_timeout: Optional[float] = None,
        repeat_count: Optional[int] = None,
    ) -> None:
        """Prompts in ``audio_verbs``; timeouts in seconds; ``max_digits`` 1 to 50."""
        self._setup()
        self.gather_url = gather_url
        self.gather_method = gather_method
        self.gather_fallback_url = gather_fallback_url
        self.gather_fallback_method = gather_fallback_method
        self.username = username
        self.password = password
        self.fallback_username = fallback_username
        self.fallback_password = fallback_password
        self.tag = tag
        self.terminating_digits = terminating_digits
        self.max_digits = max_digits
        self.inter_digit_timeout = inter_digit_timeout
        self.first_digit_timeout = first_digit_timeout
        self.repeat_count = repeat_count
        self._children.extend(as_verbs(audio_verbs))

    @property
    def audio_verbs(self) -> VerbList:
        """The prompts (a checked list: only SpeakSentence and PlayAudio go in)."""
        return self._children

    @audio_verbs.setter
    def audio_verbs(self, verbs: Iterable[Verb]) -> None:
        self._children = VerbList(self, verbs)

    def add_audio_verb(self, verb: Union[SpeakSentence, PlayAudio]) -> Gather:
        """Append a prompt; same as :meth:`add_verb`."""
        return self.add_verb(verb)

    def _plays(self, prompts: int) -> None:
        repeat = self.repeat_count or 1
        if repeat * prompts > MAX_GATHER_PLAYS:
            raise BxmlValidationError(
                self._tag,
                "audio_verbs",
                f"repeat_count x prompts must be at most {MAX_GATHER_PLAYS} "
                f"(got {repeat} x {prompts})",
            )

    def _accept_more(self, verb: Verb, count_after: int) -> None:
        self._plays(count_after)

    def _check(self) -> None:
        super()._check()
        self._plays(len(self._children))


class StartGather(Verb):
    """Send a ``dtmf`` webhook for every digit pressed while later verbs run."""

    _tag = "StartGather"

    dtmf_url = Required("dtmfUrl", URL)
    dtmf_method = Attr("dtmfMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    tag = Attr("tag", TAG)

    def __init__(
        self,
        dtmf_url: str,
        *,
        dtmf_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        tag: Optional[str] = None,
    ) -> None:
        """``dtmf_url`` receives one event per digit; it may not answer with BXML."""
        self.dtmf_url = dtmf_url
        self.dtmf_method = dtmf_method
        self.username = username
        self.password = password
        self.tag = tag


class StopGather(Verb):
    """Stop the digit events a ``StartGather`` began."""

    _tag = "StopGather"

"""``<Gather>``: play prompts, collect digits, and send them to the ``gatherUrl``.

A gather plays its prompts (``<SpeakSentence>``/``<PlayAudio>``) one after
the other; the first key pressed cuts them (barge-in). Then it waits
``firstDigitTimeout`` for a first key (playing the prompts again,
``repeatCount`` times in all, when none comes), and after each key
``interDigitTimeout`` for the next: the **inter-digit timer** is
:meth:`Gathering.digit` here. It ends on a terminating digit, at
``maxDigits``, or when a timer runs out, and sends the ``gather`` webhook
(no ``gatherUrl``: the digits are dropped and the document carries on).
The attribute defaults are in :func:`gather_spec`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Optional, Tuple

from bandwidth.models.bxml import Gather
from bandwidth.testing._core.webhooks import Delivery
from bandwidth.testing._voice.bxml_reading import VerbCallback, callback, integer, number, text
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, answering
from bandwidth.testing._voice.verbs.speech import play

__all__ = ["GatherSpec", "Gathering", "family", "gather_spec"]


@dataclass(frozen=True)
class GatherSpec:
    """A ``<Gather>`` as the interpreter runs it (defaults from the BXML reference)."""

    callback: VerbCallback
    prompts: Tuple[Any, ...]
    terminating_digits: str
    max_digits: int
    inter_digit_timeout: float
    first_digit_timeout: float
    repeat_count: int


def gather_spec(verb: Any) -> GatherSpec:
    """Read a Gather: maxDigits 50, interDigitTimeout 5, firstDigitTimeout 5, repeatCount 1."""
    prompts = tuple(getattr(verb, "audio_verbs", None) or ())
    return GatherSpec(
        callback=callback(verb, "gather"),
        prompts=prompts,
        terminating_digits=text(verb, "terminating_digits") or "",
        max_digits=max(1, integer(verb, "max_digits", 50)),
        inter_digit_timeout=number(verb, "inter_digit_timeout", 5.0),
        first_digit_timeout=number(verb, "first_digit_timeout", 5.0),
        repeat_count=max(1, integer(verb, "repeat_count", 1)),
    )


class Gathering:
    """One ``<Gather>`` in progress (the flow's :attr:`~CallFlow.collecting`)."""

    def __init__(self, flow: CallFlow, spec: GatherSpec) -> None:
        self.flow = flow
        self.spec = spec
        self.digits = ""
        self.round = 0  # which repeat is playing (0-based)
        self.prompt = 0  # the next prompt to play in this round
        self.barged = False  # a digit came: no more prompts
        self.token = 0  # bumped to cancel this gather's pending timers
        self.playing_until: Optional[datetime] = None  # when the current prompt ends

    def _bind(
        self, method: Callable[[datetime], Optional[Delivery]]
    ) -> Callable[[datetime], Optional[Delivery]]:
        """A timer action that does nothing once this gather (or its round) has moved on."""
        token = self.token

        def action(when: datetime) -> Optional[Delivery]:
            if self.flow.collecting is not self or self.token != token:
                return None
            return method(when)

        return self.flow.bind(action)

    def start(self, when: datetime) -> Optional[Delivery]:
        """Note what the gather waits for and play its first prompt."""
        spec = self.spec
        terms = f", ends on {spec.terminating_digits!r}" if spec.terminating_digits else ""
        self.flow.call.note(
            when,
            f"gather up to {spec.max_digits} digit(s){terms} "
            f"(firstDigitTimeout {spec.first_digit_timeout:g}s, "
            f"interDigitTimeout {spec.inter_digit_timeout:g}s"
            + (f", repeatCount {spec.repeat_count}" if spec.repeat_count > 1 else "")
            + ")",
        )
        return self._prompt(when)

    def awaiting_first_digit(self, now: datetime) -> bool:
        """Whether the prompts are done and no key came yet."""
        if self.barged or self.prompt < len(self.spec.prompts):
            return False
        return self.playing_until is None or now >= self.playing_until

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """A key: it ends the gather, or the inter-digit timer starts again."""
        spec = self.spec
        self.token += 1  # cancels the prompts and the timeouts pending
        if not self.barged and self.playing_until is not None and when < self.playing_until:
            self.flow.call.note(when, "the prompt stops: a key was pressed (barge-in)")
        self.barged = True
        if digit in spec.terminating_digits:
            return self._gathered(when, self.digits, digit)
        self.digits += digit
        if len(self.digits) >= spec.max_digits:
            return self._gathered(when, self.digits, "")
        due = when + timedelta(seconds=spec.inter_digit_timeout)
        self.flow.host.later(due, self._bind(self._digits_timed_out))
        return None

    def _prompt(self, when: datetime) -> Optional[Delivery]:
        """Play the next prompt, or wait for the first digit once they are done."""
        spec = self.spec
        if self.prompt < len(spec.prompts):
            prompt = spec.prompts[self.prompt]
            self.prompt += 1
            due = when + timedelta(seconds=play(self.flow, prompt, when))
            self.playing_until = due
            self.flow.host.later(due, self._bind(self._prompt))
            return None
        due = when + timedelta(seconds=spec.first_digit_timeout)
        self.flow.host.later(due, self._bind(self._first_digit_timed_out))
        return None

    def _first_digit_timed_out(self, when: datetime) -> Optional[Delivery]:
        self.round += 1
        if self.round < self.spec.repeat_count:
            self.prompt = 0
            return self._prompt(when)
        self.flow.call.note(when, "gather timed out: no digits")
        return self._gathered(when, "", "")

    def _digits_timed_out(self, when: datetime) -> Optional[Delivery]:
        return self._gathered(when, self.digits, "")

    def _gathered(self, when: datetime, digits: str, terminator: str) -> Optional[Delivery]:
        flow, call = self.flow, self.flow.call
        flow.collecting = None
        callback = self.spec.callback
        ended = f", ended by {terminator}" if terminator else ""
        if not callback.url:
            call.note(when, f"gathered {digits!r}{ended}; no gatherUrl: the digits are dropped")
            return flow.resume(when)
        call.note(when, f"gathered {digits!r}{ended}")
        call.set_tag(callback.tag, when)
        primary, fallback = flow.targets(callback)
        return flow.host.webhook(
            call,
            "gather",
            when,
            primary,
            fallback,
            flow.generation,
            digits=digits,
            terminatingDigit=terminator,
        )


def _gather(flow: CallFlow, verb: Any, when: datetime) -> Step:
    gathering = Gathering(flow, gather_spec(verb))
    flow.collecting = gathering
    delivery = gathering.start(when)
    return HALT if delivery is None else delivery


def family() -> VerbFamily:
    """The runner of ``<Gather>`` (it answers an inbound call)."""
    return VerbFamily({Gather: answering(_gather)})

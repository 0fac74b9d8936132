"""The BXML interpreter: runs one call's verbs on the simulator's clock.

A :class:`CallFlow` holds the document a call is running, the verb it is at
and, during a ``<Gather>``, the digits so far. Each verb takes simulated
time (see :class:`Timing` and ``docs/simulator.md``): the flow schedules a
timer for when it ends and carries on from there. A verb that makes a webhook
(``Redirect``, a ``Gather`` with a ``gatherUrl``) hands a delivery back to
the engine, whose reply replaces the rest of the document. Reaching the end
of a document hangs up, as the platform does.

Each verb the simulator runs has a runner in :data:`RUNNERS` (registered with
:func:`runs`): it starts the verb and answers a :data:`Step`, so a family of
verbs (legs, conferences, recordings, ...) lives in a module of its own and
only registers itself here. A verb without a runner ends the call with
``application-error``, never silently skipped. A verb that holds the call
until something happens (``<Record>``, ``<Conference>``, ``<Transfer>``, ``<Bridge>``) sets
:attr:`CallFlow.holding`, which hears the digits pressed meanwhile and is
released when the document stops under it; :data:`DIGIT_TAPS` hear every
digit no ``<Gather>`` collects (``<StartGather>``).

Everything here runs under the store's lock, called by the flow engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    Dict,
    List,
    Optional,
    Protocol,
    Sequence,
    Union,
)
from urllib.parse import urljoin

from bandwidth.testing.core.webhooks import Delivery, Target, Targets, targets_for
from bandwidth.testing.voice.calls import ANSWERED, DISCONNECTED, OUTBOUND, SimulatedCall, Utterance
from bandwidth.testing.voice.verbs.reading import (
    Callback,
    GatherSpec,
    InvalidBxml,
    dtmf_seconds,
    gather_spec,
    number,
    redirect_spec,
    speech,
    text,
    verb_name,
)

if TYPE_CHECKING:
    from bandwidth.testing.voice.media_engine import MediaEngine

__all__ = [
    "DIGIT_TAPS",
    "HALT",
    "RUNNERS",
    "CallFlow",
    "Holding",
    "Host",
    "Step",
    "Timing",
    "VerbRunner",
    "runs",
]


@dataclass(frozen=True)
class Timing:
    """How long verbs take on the simulated clock.

    ``SpeakSentence`` takes one word per ``60 / words_per_minute`` seconds
    (150 words a minute: 0.4 s a word) plus its SSML ``<break time>``s;
    ``PlayAudio`` takes ``audio_duration`` seconds, a number or a function of
    the file's URL (to give each prompt its real length).
    """

    words_per_minute: float = 150.0
    audio_duration: Union[float, Callable[[str], float]] = 3.0

    def __post_init__(self) -> None:
        if not self.words_per_minute > 0:
            raise ValueError("words_per_minute must be positive")
        if not callable(self.audio_duration) and not self.audio_duration >= 0:
            raise ValueError("audio_duration must be a non-negative number or a function")

    def speech_seconds(self, words: int) -> float:
        """How long ``words`` words take to say."""
        return words * 60.0 / self.words_per_minute

    def audio_seconds(self, url: str) -> float:
        """How long the file at ``url`` plays."""
        value = self.audio_duration(url) if callable(self.audio_duration) else self.audio_duration
        return max(0.0, float(value))


class Host(Protocol):
    """What a flow needs from the engine (all called under the store's lock)."""

    timing: Timing
    #: the media side: conferences, recordings, streams, transcriptions, background gathers
    media: MediaEngine

    def later(self, due: datetime, action: Callable[[datetime], Optional[Delivery]]) -> None:
        """Run ``action`` when the clock reaches ``due``."""

    def webhook(
        self,
        call: SimulatedCall,
        event_type: str,
        when: datetime,
        primary: Target,
        fallback: Optional[Target],
        generation: int,
        **fields: Any,
    ) -> Delivery:
        """A delivery of ``event_type`` for ``call``."""

    def end(
        self, call: SimulatedCall, cause: str, when: datetime, message: Optional[str] = None
    ) -> None:
        """End the call."""

    def answer(self, call: SimulatedCall, when: datetime) -> None:
        """Answer an unanswered (inbound) call."""


class _Halt:
    """The verb keeps control (it scheduled what comes next, or the call ended)."""

    def __repr__(self) -> str:
        return "HALT"


HALT = _Halt()

#: What a runner answers: seconds until the next verb starts (``0``: at once), a
#: webhook to deliver (its reply replaces the rest of the document), or
#: :data:`HALT`.
Step = Union[float, Delivery, _Halt]
#: A runner: starts the verb on the flow at the given time.
Run = Callable[["CallFlow", Any, datetime], Step]


@dataclass(frozen=True)
class VerbRunner:
    """How the simulator runs one BXML verb."""

    run: Run
    #: whether reaching the verb answers an unanswered inbound call
    answers: Callable[[Any], bool]


#: verb name -> its runner
RUNNERS: Dict[str, VerbRunner] = {}


class Holding(Protocol):
    """A verb that holds the call until something happens (``<Record>``, ``<Transfer>``, ...)."""

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """The far end pressed ``digit`` (no ``<Gather>`` runs); may end the verb."""

    def release(self, when: datetime) -> None:
        """The document stops under the verb (a redirect, new BXML, the call ending)."""


#: Told of every digit the far end presses while no ``<Gather>`` collects it; each
#: answers whether it took the digit (``<StartGather>`` sends a ``dtmf`` event).
DIGIT_TAPS: List[Callable[[CallFlow, str, datetime], bool]] = []


def runs(name: str, *, answers: Union[bool, Callable[[Any], bool]] = False) -> Callable[[Run], Run]:
    """Register the decorated function as the runner of the verb ``name``."""
    answering: Callable[[Any], bool] = answers if callable(answers) else (lambda _verb: answers)

    def register(run: Run) -> Run:
        RUNNERS[name] = VerbRunner(run, answering)
        return run

    return register


def _unsupported(name: str) -> str:
    known = sorted(RUNNERS)
    return (
        f"<{name}> is not supported by the simulator yet (it runs "
        + ", ".join(known[:-1])
        + f" and {known[-1]})"
    )


class _Gathering:
    """A ``<Gather>`` in progress."""

    def __init__(self, spec: GatherSpec) -> None:
        self.spec = spec
        self.digits = ""
        self.round = 0  # which repeat is playing (0-based)
        self.prompt = 0  # the next prompt to play in this round
        self.barged = False  # a digit came: no more prompts
        self.token = 0  # bumped to cancel this gather's pending timers
        self.playing_until: Optional[datetime] = None  # when the current prompt ends


class CallFlow:
    """The BXML running on one call."""

    def __init__(self, host: Host, call: SimulatedCall, base_url: str) -> None:
        self.host = host
        self.call = call
        #: bumped whenever the running document is replaced or stopped
        self.generation = 0
        self.base_url = base_url
        self.verbs: Sequence[Any] = ()
        self.index = 0
        self.gathering: Optional[_Gathering] = None
        #: the verb holding the call (``<Record>``, ``<Transfer>``, ...), if one does
        self.holding: Optional[Holding] = None
        #: What reaching the end of a document does instead of hanging up (a
        #: transfer's B-leg is bridged once its transferAnswer BXML ends).
        self.at_end: Optional[Callable[[datetime], Optional[Delivery]]] = None
        #: Verbs this call may not run, with why (the BXML of a transferAnswer):
        #: reaching one ends the call with ``application-error``.
        self.forbidden: Dict[str, str] = {}

    # -- control from the engine -----------------------------------------------------------

    def stop(self, when: Optional[datetime] = None) -> None:
        """Stop whatever runs (its timers become stale; a holding verb is released at ``when``)."""
        self.generation += 1
        self.verbs = ()
        self.index = 0
        self.gathering = None
        holding, self.holding = self.holding, None
        if holding is not None and when is not None:
            holding.release(when)

    def start(self, verbs: Sequence[Any], base_url: str, when: datetime) -> Optional[Delivery]:
        """Run a new document from its first verb (the old one stops)."""
        self.stop(when)
        self.verbs = verbs
        self.base_url = base_url
        return self._next(when)

    def awaiting_first_digit(self, now: datetime) -> bool:
        """Whether a ``<Gather>`` has played its prompts and waits for a first key.

        For drivers that answer gathers one by one (``bandwidth phone``, the
        control routes): a key pressed earlier cut the prompts (barge-in).
        """
        gathering = self.gathering
        if gathering is None or gathering.barged or self.call.state == DISCONNECTED:
            return False
        if gathering.prompt < len(gathering.spec.prompts):
            return False
        return gathering.playing_until is None or now >= gathering.playing_until

    def resume(self, when: datetime) -> Optional[Delivery]:
        """Carry on with the verb after the one that halted (a transfer or bridge ended)."""
        return self._next(when)

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """The far end pressed ``digit``."""
        gathering = self.gathering
        if gathering is None and self.call.state != DISCONNECTED:
            taken = [tap(self, digit, when) for tap in DIGIT_TAPS]
            if self.holding is not None:
                return self.holding.digit(digit, when)
            if any(taken):
                return None
        if gathering is None or self.call.state == DISCONNECTED:
            self.call.note(when, f"digit {digit} not collected (no Gather is running)")
            return None
        spec = gathering.spec
        gathering.token += 1  # cancels the prompts and the timeouts pending
        if not gathering.barged and (
            gathering.playing_until is not None and when < gathering.playing_until
        ):
            self.call.note(when, "the prompt stops: a key was pressed (barge-in)")
        gathering.barged = True
        if digit in spec.terminating_digits:
            return self._gathered(when, gathering.digits, digit)
        gathering.digits += digit
        if len(gathering.digits) >= spec.max_digits:
            return self._gathered(when, gathering.digits, "")
        due = when + timedelta(seconds=spec.inter_digit_timeout)
        self.host.later(due, self._bind(self._digits_timed_out, gathering.token))
        return None

    # -- running verbs ---------------------------------------------------------------------

    def _bind(
        self, method: Callable[[datetime], Optional[Delivery]], token: Optional[int] = None
    ) -> Callable[[datetime], Optional[Delivery]]:
        """``method`` as a timer action that does nothing once the flow has moved on."""
        generation = self.generation

        def action(when: datetime) -> Optional[Delivery]:
            if self.generation != generation or self.call.state == DISCONNECTED:
                return None
            if token is not None and (self.gathering is None or self.gathering.token != token):
                return None
            return method(when)

        return action

    def _resolve(self, url: str) -> str:
        return urljoin(self.base_url, url) if self.base_url else url

    def _next(self, when: datetime) -> Optional[Delivery]:
        """Run verbs from the current one until one takes time, makes a webhook or ends."""
        call = self.call
        try:
            while self.index < len(self.verbs):
                verb = self.verbs[self.index]
                self.index += 1
                name = verb_name(verb)
                if name in self.forbidden:
                    self.host.end(call, "application-error", when, self.forbidden[name])
                    return None
                runner = RUNNERS.get(name)
                if runner is None:
                    self.host.end(call, "application-error", when, _unsupported(name))
                    return None
                if call.state != ANSWERED and runner.answers(verb):
                    self.host.answer(call, when)
                step = runner.run(self, verb, when)
                if isinstance(step, _Halt):
                    return None
                if isinstance(step, Delivery):
                    return step
                if step > 0:
                    self.host.later(when + timedelta(seconds=step), self._bind(self._next))
                    return None
        except InvalidBxml as exc:
            self.host.end(call, "invalid-bxml", when, str(exc))
            return None
        if self.at_end is not None:
            return self.at_end(when)
        call.note(when, "end of the BXML: hang up")
        self._hang_up(when)
        return None

    def _hang_up(self, when: datetime) -> None:
        call = self.call
        rejected = call.state != ANSWERED and call.direction == "inbound"
        self.host.end(call, "rejected" if rejected else "hangup", when)

    def _play(self, verb: Any, name: str, when: datetime) -> float:
        """Start a verb that only takes time; returns how long it lasts."""
        call, timing = self.call, self.host.timing
        if name == "SpeakSentence":
            said, pauses = speech(verb)
            seconds = timing.speech_seconds(len(said.split())) + pauses
            call.heard.append(said)
            call.audio.append(Utterance(when, when + timedelta(seconds=seconds), said, OUTBOUND))
            call.note(when, f'speak "{said}"')
            return seconds
        if name == "PlayAudio":
            url = self._resolve(text(verb, "audio_uri") or "")
            call.heard.append(url)
            call.note(when, f"play {url}")
            return timing.audio_seconds(url)
        if name == "Pause":
            seconds = number(verb, "duration", 1.0)
            call.note(when, f"pause {seconds:g}s")
            return seconds
        if name == "Ring":
            seconds = number(verb, "duration", 5.0)
            call.note(when, f"ring {seconds:g}s")
            return seconds
        digits, seconds = dtmf_seconds(verb)  # SendDtmf
        call.dtmf_sent.append(digits)
        call.note(when, f"send DTMF {digits}")
        return seconds

    def _redirect(self, verb: Any, when: datetime) -> Delivery:
        callback = redirect_spec(verb).callback
        self.call.set_tag(callback.tag, when)
        primary, fallback = self._targets(callback)
        return self.host.webhook(self.call, "redirect", when, primary, fallback, self.generation)

    def _targets(self, callback: Callback) -> Targets:
        """Where a verb's webhook goes; the verbs that call this always have a URL."""
        found = targets_for(callback, self.base_url)
        assert found is not None
        return found

    # -- Gather ----------------------------------------------------------------------------

    def _gather(self, verb: Any, when: datetime) -> Optional[Delivery]:
        spec = gather_spec(verb)
        self.gathering = _Gathering(spec)
        terms = f", ends on {spec.terminating_digits!r}" if spec.terminating_digits else ""
        self.call.note(
            when,
            f"gather up to {spec.max_digits} digit(s){terms} "
            f"(firstDigitTimeout {spec.first_digit_timeout:g}s, "
            f"interDigitTimeout {spec.inter_digit_timeout:g}s"
            + (f", repeatCount {spec.repeat_count}" if spec.repeat_count > 1 else "")
            + ")",
        )
        return self._prompt(when)

    def _prompt(self, when: datetime) -> Optional[Delivery]:
        """Play the next prompt, or wait for the first digit once they are done."""
        gathering = self.gathering
        assert gathering is not None
        spec = gathering.spec
        if gathering.prompt < len(spec.prompts):
            prompt = spec.prompts[gathering.prompt]
            gathering.prompt += 1
            seconds = self._play(prompt, verb_name(prompt), when)
            due = when + timedelta(seconds=seconds)
            gathering.playing_until = due
            self.host.later(due, self._bind(self._prompt, gathering.token))
            return None
        due = when + timedelta(seconds=spec.first_digit_timeout)
        self.host.later(due, self._bind(self._first_digit_timed_out, gathering.token))
        return None

    def _first_digit_timed_out(self, when: datetime) -> Optional[Delivery]:
        gathering = self.gathering
        assert gathering is not None
        gathering.round += 1
        if gathering.round < gathering.spec.repeat_count:
            gathering.prompt = 0
            return self._prompt(when)
        self.call.note(when, "gather timed out: no digits")
        return self._gathered(when, "", "")

    def _digits_timed_out(self, when: datetime) -> Optional[Delivery]:
        gathering = self.gathering
        assert gathering is not None
        return self._gathered(when, gathering.digits, "")

    def _gathered(self, when: datetime, digits: str, terminator: str) -> Optional[Delivery]:
        gathering = self.gathering
        assert gathering is not None
        self.gathering = None
        callback = gathering.spec.callback
        ended = f", ended by {terminator}" if terminator else ""
        if not callback.url:
            self.call.note(
                when, f"gathered {digits!r}{ended}; no gatherUrl: the digits are dropped"
            )
            return self._next(when)
        self.call.note(when, f"gathered {digits!r}{ended}")
        self.call.set_tag(callback.tag, when)
        primary, fallback = self._targets(callback)
        return self.host.webhook(
            self.call,
            "gather",
            when,
            primary,
            fallback,
            self.generation,
            digits=digits,
            terminatingDigit=terminator,
        )


def _answers(verb: Any) -> bool:
    value = getattr(verb, "answer_call", None)
    return value is None or str(value).lower() not in ("false", "0")


# -- the verbs of the call-flows issue -----------------------------------------------------


@runs("Tag")
def _tag(flow: CallFlow, verb: Any, when: datetime) -> Step:
    value = (text(verb, "content") or "").strip()
    flow.call.tag = value or None
    flow.call.note(when, f"tag set to {value!r}" if value else "tag cleared")
    return 0.0


@runs("Hangup")
def _hangup(flow: CallFlow, verb: Any, when: datetime) -> Step:
    flow.call.note(when, "<Hangup>")
    flow._hang_up(when)
    return HALT


@runs("Redirect")
def _redirect(flow: CallFlow, verb: Any, when: datetime) -> Step:
    return flow._redirect(verb, when)


@runs("Gather", answers=True)
def _gather(flow: CallFlow, verb: Any, when: datetime) -> Step:
    delivery = flow._gather(verb, when)
    return HALT if delivery is None else delivery


def _play(flow: CallFlow, verb: Any, when: datetime) -> Step:
    return flow._play(verb, verb_name(verb), when)


for _name in ("SpeakSentence", "PlayAudio", "Pause", "SendDtmf"):
    runs(_name, answers=True)(_play)
runs("Ring", answers=_answers)(_play)
del _name

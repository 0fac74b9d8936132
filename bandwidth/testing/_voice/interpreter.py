"""The BXML interpreter: runs one call's verbs on the simulator's clock.

A :class:`CallFlow` holds the document a call is running and the verb it is
at. Each verb takes simulated time (see :class:`Timing` and
``docs/simulator.md``): the flow schedules a timer for when it ends and
carries on from there. A verb that makes a webhook (``Redirect``, a
``Gather`` with a ``gatherUrl``) hands a delivery back to the engine, whose
reply replaces the rest of the document. Reaching the end of a document
hangs up, as the platform does.

The interpreter knows no verb itself. Each family of verbs (one module under
``_voice/verbs/``) gives a :class:`VerbFamily`: a runner per BXML verb class
and, optionally, digit taps. The composition root hands the families to a
:class:`VerbTable`, which refuses a table that leaves a verb without a
runner, so an engine never lacks one silently. A verb that holds the call
until something happens (``<Record>``, ``<Conference>``, ``<Transfer>``,
``<Bridge>``) sets :attr:`CallFlow.holding`; a ``<Gather>`` sets
:attr:`CallFlow.collecting`, which takes every digit pressed meanwhile.

Everything here runs under the store's lock, called by the flow engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Tuple,
    Type,
    Union,
)

from bandwidth.testing._core.webhook_urls import join_url
from bandwidth.testing._core.webhooks import Delivery, Target, Targets, targets_for
from bandwidth.testing._voice.bxml_reading import InvalidBxml, VerbCallback, verb_name
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import ANSWERED, DISCONNECTED, SimulatedCall

__all__ = [
    "HALT",
    "CallFlow",
    "DigitCollector",
    "DigitTap",
    "FlowHost",
    "Holding",
    "Step",
    "Timing",
    "VerbFamily",
    "VerbRunner",
    "VerbTable",
    "top_level_verbs",
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


class FlowHost(Protocol):
    """What flows and verb runners use of the flow engine (all called under the store's lock)."""

    timing: Timing
    store: CallStore
    #: call id -> the BXML running on it
    flows: Dict[str, CallFlow]

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

    def flow(self, call: SimulatedCall, base_url: str = "") -> CallFlow:
        """The call's flow; a new idle one if it has none."""

    def first_webhook(
        self, call: SimulatedCall, event_type: str, when: datetime, **fields: Any
    ) -> Optional[Delivery]:
        """The ``answer`` or ``initiate`` delivery to the call's answer URL."""


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
#: Told of a digit no ``<Gather>`` collects; answers whether it took it (``<StartGather>``).
DigitTap = Callable[["CallFlow", str, datetime], bool]


def _never(_verb: Any) -> bool:
    return False


@dataclass(frozen=True)
class VerbRunner:
    """How the simulator runs one BXML verb."""

    run: Run
    #: whether reaching the verb answers an unanswered inbound call
    answers: Callable[[Any], bool] = _never


def _always(_verb: Any) -> bool:
    return True


def answering(run: Run) -> VerbRunner:
    """A runner whose verb answers an unanswered inbound call when reached."""
    return VerbRunner(run, _always)


@dataclass(frozen=True)
class VerbFamily:
    """The runners one module of ``_voice/verbs`` gives, by BXML verb class, and its digit taps."""

    runners: Mapping[Type[Any], VerbRunner]
    digit_taps: Tuple[DigitTap, ...] = ()


def top_level_verbs() -> List[Type[Any]]:
    """Every BXML verb class a ``<Response>`` may hold (nested-only ones, such as
    ``<PhoneNumber>``, excluded), in the builder's order."""
    from bandwidth.models.bxml import verbs

    found = [getattr(verbs, name) for name in verbs.VERBS]
    return [cls for cls in found if getattr(cls, "_top_level", True)]


class VerbTable:
    """Every runner, by verb class: built from the families, complete or refused.

    Two families running one verb, a runner for a class that is no top-level
    BXML verb, or a verb without a runner raise ``ValueError`` here, when
    the simulator is built, never when a call reaches the verb.
    """

    def __init__(self, families: Iterable[VerbFamily]) -> None:
        known = top_level_verbs()
        runners: Dict[Type[Any], VerbRunner] = {}
        taps: List[DigitTap] = []
        for family in families:
            for cls, runner in family.runners.items():
                if cls not in known:
                    raise ValueError(f"{cls!r} is not a top-level BXML verb")
                if cls in runners:
                    raise ValueError(f"two verb families run <{cls.__name__}>")
                runners[cls] = runner
            taps.extend(family.digit_taps)
        missing = [cls.__name__ for cls in known if cls not in runners]
        if missing:
            raise ValueError("no verb family runs " + ", ".join(f"<{m}>" for m in missing))
        self.runners: Mapping[Type[Any], VerbRunner] = runners
        self.digit_taps: Tuple[DigitTap, ...] = tuple(taps)

    def runner(self, verb: Any) -> VerbRunner:
        """The runner of ``verb`` (a parsed verb object; a subclass finds its base's)."""
        found = self.runners.get(type(verb))
        if found is None:
            for cls in type(verb).__mro__[1:]:
                found = self.runners.get(cls)
                if found is not None:
                    break
        if found is None:  # only for an object the parser does not make
            raise InvalidBxml(f"<{verb_name(verb)}> is not a BXML verb")
        return found


class Holding(Protocol):
    """A verb that holds the call until something happens (``<Record>``, ``<Transfer>``, ...)."""

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """The far end pressed ``digit`` (no ``<Gather>`` runs); may end the verb."""

    def release(self, when: datetime) -> None:
        """The document stops under the verb (a redirect, new BXML, the call ending)."""


class DigitCollector(Protocol):
    """A ``<Gather>`` in progress: it takes every digit pressed while it runs."""

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """The far end pressed ``digit``."""

    def awaiting_first_digit(self, now: datetime) -> bool:
        """Whether its prompts are done and no key came yet."""


class CallFlow:
    """The BXML running on one call."""

    def __init__(self, host: FlowHost, verbs: VerbTable, call: SimulatedCall, base_url: str):
        self.host = host
        self.table = verbs
        self.call = call
        #: bumped whenever the running document is replaced or stopped
        self.generation = 0
        self.base_url = base_url
        self.verbs: Sequence[Any] = ()
        self.index = 0
        #: the ``<Gather>`` collecting digits, if one runs
        self.collecting: Optional[DigitCollector] = None
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
        self.collecting = None
        holding, self.holding = self.holding, None
        if holding is not None and when is not None:
            holding.release(when)

    def start(self, verbs: Sequence[Any], base_url: str, when: datetime) -> Optional[Delivery]:
        """Run a new document from its first verb (the old one stops)."""
        self.stop(when)
        self.verbs = verbs
        self.base_url = base_url
        return self.resume(when)

    def awaiting_first_digit(self, now: datetime) -> bool:
        """Whether a ``<Gather>`` has played its prompts and waits for a first key.

        For drivers that answer gathers one by one (``bandwidth phone``, the
        control routes): a key pressed earlier cut the prompts (barge-in).
        """
        collecting = self.collecting
        if collecting is None or self.call.state == DISCONNECTED:
            return False
        return collecting.awaiting_first_digit(now)

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """The far end pressed ``digit``."""
        collecting = self.collecting
        if self.call.state == DISCONNECTED:
            self.call.note(when, f"digit {digit} not collected (no Gather is running)")
            return None
        if collecting is not None:
            return collecting.digit(digit, when)
        taken = [tap(self, digit, when) for tap in self.table.digit_taps]
        if self.holding is not None:
            return self.holding.digit(digit, when)
        if not any(taken):
            self.call.note(when, f"digit {digit} not collected (no Gather is running)")
        return None

    # -- running verbs ---------------------------------------------------------------------

    def bind(
        self, method: Callable[[datetime], Optional[Delivery]]
    ) -> Callable[[datetime], Optional[Delivery]]:
        """``method`` as a timer action that does nothing once the flow has moved on."""
        generation = self.generation

        def action(when: datetime) -> Optional[Delivery]:
            if self.generation != generation or self.call.state == DISCONNECTED:
                return None
            return method(when)

        return action

    def resolve(self, url: str) -> str:
        """A URL of the document, resolved against the URL the document came from."""
        return join_url(self.base_url, url)

    def targets(self, callback: VerbCallback) -> Targets:
        """Where a verb's webhook goes; the verbs that call this always have a URL."""
        found = targets_for(callback, self.base_url)
        assert found is not None
        return found

    def resume(self, when: datetime) -> Optional[Delivery]:
        """Run verbs from the current one until one takes time, makes a webhook or ends."""
        call = self.call
        try:
            while self.index < len(self.verbs):
                verb = self.verbs[self.index]
                self.index += 1
                runner = self.table.runner(verb)
                if self.forbidden:
                    name = verb_name(verb)
                    if name in self.forbidden:
                        self.host.end(call, "application-error", when, self.forbidden[name])
                        return None
                if call.state != ANSWERED and runner.answers(verb):
                    self.host.answer(call, when)
                step = runner.run(self, verb, when)
                if isinstance(step, _Halt):
                    return None
                if isinstance(step, Delivery):
                    return step
                if step > 0:
                    self.host.later(when + timedelta(seconds=step), self.bind(self.resume))
                    return None
        except InvalidBxml as exc:
            self.host.end(call, "invalid-bxml", when, str(exc))
            return None
        if self.at_end is not None:
            return self.at_end(when)
        call.note(when, "end of the BXML: hang up")
        self.hang_up(when)
        return None

    def hang_up(self, when: datetime) -> None:
        """End the call as reaching ``<Hangup>`` does (an unanswered inbound call: rejected)."""
        call = self.call
        rejected = call.state != ANSWERED and call.direction == "inbound"
        self.host.end(call, "rejected" if rejected else "hangup", when)

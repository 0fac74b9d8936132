"""The far ends a test scripts: who answers a number or SIP URI, when, and how.

A :class:`Callee` says what the party at one destination does when the
simulator calls it: answer after some seconds of ringing, be busy, reject the
call, never answer (the call times out at its ``callTimeout``), hang up some
time after answering; and what answering-machine detection hears once it
picks up (:class:`AnsweredBy`). ``sim.callee(destination, ...)`` scripts
one in the store's :class:`Callees`; every call placed to that destination
afterwards follows it: a ``create_call``, a ``<Transfer>`` or ``<Forward>``
leg, the target of a ``<Refer>``.

A destination nobody scripted behaves as before: the test answers it
(``sim.answer``), or :class:`~bandwidth.testing.AutoProgress` does.
"""

from __future__ import annotations

import functools
import math
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Callable, Dict, Optional, Union

from bandwidth._formats import E164, SIP_URI
from bandwidth.testing._voice.calls import ANSWERED, DISCONNECTED, INITIATED, QUEUED, SimulatedCall

if TYPE_CHECKING:
    from bandwidth.testing._voice.call_store import CallStore

__all__ = ["AnsweredBy", "Callee", "Callees", "refuse"]

#: How long a call rings before it times out when it sets no ``callTimeout``.
#: What a refusal looks like on the wire: cause, SIP status, error message.
REFUSALS = {
    "busy": (486, "Callee is busy"),
    "rejected": (603, "Callee rejected the call"),
}


def _seconds(value: object, name: str, *, optional: bool = False) -> Optional[float]:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number of seconds, not {value!r}")
    if not (math.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be a finite number of seconds, at least 0")
    return float(value)


@dataclass(frozen=True)
class AnsweredBy:
    """What picks up a call, as answering-machine detection hears it.

    The detector hears sound, not words: speech starting ``speech_start``
    seconds after the answer and lasting ``speech`` seconds, and a beep
    (an answering machine's end-of-greeting tone) ``beep`` seconds after the
    answer, if one comes. ``kind`` names what it is, for the timeline. Build
    one with :meth:`human`, :meth:`machine` or :meth:`silence`.
    """

    kind: str
    speech_start: float = 0.5
    speech: float = 1.5
    beep: Optional[float] = None

    def __post_init__(self) -> None:
        _seconds(self.speech_start, "speech_start")
        _seconds(self.speech, "speech")
        _seconds(self.beep, "beep", optional=True)

    @classmethod
    def human(cls, speech: float = 1.5, *, speech_start: float = 0.5) -> AnsweredBy:
        """A person: a short "Hello?" (``speech`` seconds), then silence."""
        return cls("human", speech_start, speech)

    @classmethod
    def machine(
        cls, greeting: float = 12.0, *, beep: Union[bool, float] = True, speech_start: float = 0.5
    ) -> AnsweredBy:
        """An answering machine: a ``greeting`` seconds long, then a beep.

        ``beep=True`` beeps as the greeting ends, a number that many seconds
        after the answer, ``False`` never.
        """
        at: Optional[float]
        if beep is True:
            at = speech_start + greeting
        elif beep is False:
            at = None
        else:
            at = beep
        return cls("answering-machine", speech_start, greeting, at)

    @classmethod
    def silence(cls) -> AnsweredBy:
        """Nobody says anything."""
        return cls("silence", 0.0, 0.0)

    @classmethod
    def of(cls, value: Union[AnsweredBy, str]) -> AnsweredBy:
        """``value`` itself, or the default of a kind: ``"human"``, ``"machine"``, ``"silence"``."""
        if isinstance(value, AnsweredBy):
            return value
        makers: Dict[str, Callable[[], AnsweredBy]] = {
            "human": cls.human,
            "machine": cls.machine,
            "answering-machine": cls.machine,
            "silence": cls.silence,
        }
        if value not in makers:
            raise ValueError(
                f"answered_by must be an AnsweredBy or one of {sorted(makers)}, not {value!r}"
            )
        return makers[value]()


@dataclass(frozen=True)
class Callee:
    """What the party at one destination does when the simulator calls it.

    - ``answer_after``: seconds of ringing before it answers (default 1);
      with ``rejected=True``, before it declines.
    - ``busy``: the line is busy: the call ends at once with cause ``busy``
      (SIP 486).
    - ``rejected``: it declines the call: cause ``rejected`` (SIP 603).
    - ``never_answers``: it rings until the call's ``callTimeout``: cause
      ``timeout``. So does any ``answer_after`` not shorter than the timeout.
    - ``hang_up_after``: seconds after answering that it hangs up (cause
      ``hangup``); ``None``: it stays until someone else ends the call.
    - ``answered_by``: what answering-machine detection hears when it picks
      up (an :class:`AnsweredBy`, or ``"human"``, ``"machine"``,
      ``"silence"``); a human by default.
    """

    answer_after: float = 1.0
    busy: bool = False
    rejected: bool = False
    never_answers: bool = False
    hang_up_after: Optional[float] = None
    answered_by: Optional[AnsweredBy] = None

    def __post_init__(self) -> None:
        _seconds(self.answer_after, "answer_after")
        _seconds(self.hang_up_after, "hang_up_after", optional=True)
        for name in ("busy", "rejected", "never_answers"):
            if not isinstance(getattr(self, name), bool):
                raise TypeError(f"{name} must be True or False")
        if self.busy + self.rejected + self.never_answers > 1:
            raise ValueError("choose one of busy, rejected and never_answers")
        if self.answered_by is not None:
            object.__setattr__(self, "answered_by", AnsweredBy.of(self.answered_by))

    @property
    def outcome(self) -> str:
        """``answer``, ``busy``, ``rejected`` or ``no-answer``: what happens when it rings."""
        if self.busy:
            return "busy"
        if self.rejected:
            return "rejected"
        return "no-answer" if self.never_answers else "answer"


def check_destination(destination: str) -> str:
    """An E.164 number or a SIP URI, as the platform dials them (``ValueError`` otherwise)."""
    if not isinstance(destination, str) or not (
        E164.fullmatch(destination) or SIP_URI.fullmatch(destination)
    ):
        raise ValueError(
            f"a callee is an E.164 number (+15555550100) or a SIP URI, not {destination!r}"
        )
    return destination


def refuse(store: CallStore, call: SimulatedCall, cause: str, when: datetime) -> None:
    """The callee refuses a ringing call: ``busy`` or ``rejected``, with its SIP status."""
    if call.state not in (QUEUED, INITIATED):
        return
    code, message = REFUSALS[cause]
    call.refused(code)
    store.disconnect(call, cause, when, message, str(uuid.uuid4()))


class Callees:
    """The test's script of the far ends, by destination, and which calls follow which script.

    A call is bound to the script of its ``to`` when first scheduled, so
    scripting a destination again changes only calls placed afterwards.
    """

    def __init__(self) -> None:
        #: destination -> what the party there does
        self.scripts: Dict[str, Callee] = {}
        self._bound: Dict[str, Callee] = {}

    def script(self, destination: str, callee: Callee) -> None:
        """Calls to ``destination`` follow ``callee`` from now on."""
        self.scripts[check_destination(destination)] = callee

    def clear(self) -> None:
        """Forget every script (calls already placed keep theirs)."""
        self.scripts.clear()

    def forget_calls(self) -> None:
        """Forget which calls follow which script (the calls are being cleared)."""
        self._bound.clear()

    def of(self, call: SimulatedCall) -> Optional[Callee]:
        """The script ``call`` follows, if any."""
        return self._bound.get(call.call_id)

    def schedule(self, store: CallStore, call: SimulatedCall, since: datetime) -> bool:
        """Queue the next step of a scripted call; ``False`` if nobody scripted its callee."""
        callee = self._bound.get(call.call_id)
        if callee is None:
            if call.direction != "outbound" or call.state not in (QUEUED, INITIATED):
                return False
            callee = self.scripts.get(call.to)
            if callee is None:
                return False
            self._bound[call.call_id] = callee
            call.note(since, f"the callee is scripted: {_describe(callee)}")
        state = call.state
        if state == QUEUED:
            self._push(store, call, since, "initiate")
        elif state == INITIATED:
            timeout = call.call_timeout
            if callee.busy:
                self._push(store, call, since, "busy")
            elif callee.rejected and callee.answer_after < timeout:
                self._push(store, call, since + timedelta(seconds=callee.answer_after), "rejected")
            elif callee.never_answers or callee.rejected or callee.answer_after >= timeout:
                self._push(store, call, since + timedelta(seconds=timeout), "timeout")
            else:
                self._push(store, call, since + timedelta(seconds=callee.answer_after), "answer")
        elif state == ANSWERED and callee.hang_up_after is not None:
            self._push(store, call, since + timedelta(seconds=callee.hang_up_after), "hangup")
        return True

    def _push(self, store: CallStore, call: SimulatedCall, due: datetime, step: str) -> None:
        store.timers.add(due, functools.partial(self._step, store, call, call.state, step))

    @staticmethod
    def _step(
        store: CallStore, call: SimulatedCall, expected: str, step: str, when: datetime
    ) -> None:
        if store.calls.get(call.call_id) is not call or call.state != expected:
            return  # the test (or a flow) moved the call meanwhile
        if call.state == DISCONNECTED:  # pragma: no cover - an ended call is never expected
            return
        if step in REFUSALS:
            refuse(store, call, step, when)
        elif step == "hangup":
            call.note(when, "the callee hangs up")
            store.disconnect(call, "hangup", when)
        else:
            store.move(call, step, when)


def _describe(callee: Callee) -> str:
    outcome = callee.outcome
    if outcome == "busy":
        text = "busy"
    elif outcome == "rejected":
        text = f"rejects the call after {callee.answer_after:g}s"
    elif outcome == "no-answer":
        text = "never answers"
    else:
        text = f"answers after {callee.answer_after:g}s"
        if callee.hang_up_after is not None:
            text += f", hangs up {callee.hang_up_after:g}s later"
        if callee.answered_by is not None:
            text += f" ({callee.answered_by.kind})"
    return text

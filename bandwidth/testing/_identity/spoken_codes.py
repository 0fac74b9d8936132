"""The call a voice code is spoken on: placed by the MFA service, run as a flow-engine extension.

``generate_voice_code`` places an ordinary outbound call in the voice store
(so ``get_call_state`` and ``list_calls`` show it, and ``sim.call(id)``
reads it). It rings the callee: a callee the test scripted
(``sim.callee``) or :class:`~bandwidth.testing.AutoProgress` decides what
happens; otherwise it answers after :data:`ANSWER_AFTER`. When it answers,
the platform speaks the message (it goes into the call's ``heard`` and
``audio``, taking as long as the simulator's speech timing says) and hangs
up. It sends no webhooks: the MFA platform, not the app, runs the call.

``heard`` holds a :class:`SpokenText`: the words with the code, as a test
reads them, whose ``repr`` (and the timeline's line) shows the code masked.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from typing import Any, Dict, Tuple

from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import ANSWERED, INITIATED, OUTBOUND, SimulatedCall, Utterance
from bandwidth.testing._voice.interpreter import FlowHost

__all__ = ["ANSWER_AFTER", "SpokenCodes", "SpokenText"]

#: How long an unscripted callee's phone rings before it is picked up.
ANSWER_AFTER = timedelta(seconds=1)


class SpokenText(str):
    """Words that hold a code: equal to the text itself; ``repr`` shows ``masked`` instead."""

    masked: str

    def __new__(cls, text: str, masked: str) -> SpokenText:
        spoken = super().__new__(cls, text)
        spoken.masked = masked
        return spoken

    def __repr__(self) -> str:
        return repr(self.masked)

    def __reduce__(self) -> Tuple[Any, ...]:
        return (SpokenText, (str(self), self.masked))


class SpokenCodes:
    """The calls that speak codes: places them, and speaks when one answers (an ``Extension``)."""

    def __init__(self) -> None:
        #: call id -> what it will say once answered
        self.pending: Dict[str, SpokenText] = {}

    def place(
        self,
        store: CallStore,
        to: str,
        from_: str,
        application_id: str,
        text: SpokenText,
        now: datetime,
    ) -> SimulatedCall:
        """Ring ``to`` from ``from_`` to say ``text`` (under the lock)."""
        request = {"to": to, "from": from_, "applicationId": application_id}
        call = store.place_ringing(request, now, "outbound")
        call.note(now, f"MFA voice code: ringing {to} from {from_}")
        self.pending[call.call_id] = text
        if to in store.callees.scripts or store.auto_progress is not None:
            store.schedule(call, now)  # the test's script of the far end, or auto-progress
        else:
            store.timers.add(now + ANSWER_AFTER, functools.partial(self._pick_up, store, call))
        ring_out = now + timedelta(seconds=call.call_timeout)
        store.timers.add(ring_out, functools.partial(self._ring_out, store, call))
        return call

    @staticmethod
    def _pick_up(store: CallStore, call: SimulatedCall, when: datetime) -> None:
        if store.calls.get(call.call_id) is call and call.state == INITIATED:
            store.move(call, "answer", when)

    @staticmethod
    def _ring_out(store: CallStore, call: SimulatedCall, when: datetime) -> None:
        if store.calls.get(call.call_id) is call and call.state == INITIATED:
            store.move(call, "timeout", when)

    # -- the engine's extension API ----------------------------------------------------

    def answered(self, host: FlowHost, call: SimulatedCall, when: datetime) -> bool:
        """A code call answered: say the message, then hang up (no webhook goes out)."""
        text = self.pending.pop(call.call_id, None)
        if text is None:
            return False
        seconds = host.timing.speech_seconds(len(text.split()))
        call.hears(text, Utterance(when, when + timedelta(seconds=seconds), text, OUTBOUND))
        call.note(when, f'MFA speaks "{text.masked}"')
        host.later(when + timedelta(seconds=seconds), functools.partial(self._hang_up, host, call))
        return True

    @staticmethod
    def _hang_up(host: FlowHost, call: SimulatedCall, when: datetime) -> None:
        if host.store.calls.get(call.call_id) is call and call.state == ANSWERED:
            call.note(when, "MFA hangs up: the code was said")
            host.end(call, "hangup", when)

    def ended(self, call: SimulatedCall, when: datetime) -> None:
        """A code call ended before it was answered: nothing is said."""
        self.pending.pop(call.call_id, None)

    def clear(self) -> None:
        """Forget the calls not answered yet (the store's calls are being cleared)."""
        self.pending.clear()

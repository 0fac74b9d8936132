"""``<Transfer>``: ring 1 to 8 destinations at once and bridge the first to answer.

What the platform does, per the BXML and callbacks references:

- every ``<PhoneNumber>``/``<SipUri>`` gets a leg (a new outbound call with
  ``parentCallId``) ringing at once, from ``transferCallerId`` (default: the
  A-leg's remote party), for at most ``callTimeout`` seconds;
- the first to answer wins; the others are cancelled (cause ``cancel``);
- with a ``transferAnswerUrl``, ``transferAnswer`` goes there and its BXML
  runs on the winning leg only (``Bridge``, ``Conference``, ``Forward`` and
  ``Transfer`` are not allowed in it); the bridge happens when that BXML
  ends (without the URL, at once);
- every leg that ends, for any reason, sends ``transferDisconnect`` to its
  ``transferDisconnectUrl``;
- when the winner ends (or every leg failed: busy, rejected, no answer), and
  the A-leg is still up, ``transferComplete`` goes to ``transferCompleteUrl``
  and its BXML runs on the A-leg; without the URL the A-leg's document
  carries on after ``<Transfer>``;
- the A-leg hanging up (or being redirected, or given new BXML) hangs up
  every leg, and no ``transferComplete`` is sent.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any, Dict, List, Optional

from bandwidth.models.bxml import Transfer as TransferVerb
from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.webhooks import Delivery, Targets, targets_for
from bandwidth.testing._voice.calls import DISCONNECTED, SimulatedCall
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, answering
from bandwidth.testing._voice.legs import Hold, Legs
from bandwidth.testing._voice.verbs.leg_reading import (
    Destination,
    TransferSpec,
    diversion,
    transfer_spec,
)

__all__ = ["FORBIDDEN_AFTER_ANSWER", "RunningTransfer", "family"]

#: Verbs the BXML of a transferAnswer webhook may not hold (the transferAnswer docs).
FORBIDDEN_AFTER_ANSWER: Dict[str, str] = {
    name: f"<{name}> is not allowed in the BXML answering a transferAnswer webhook"
    for name in ("Bridge", "Conference", "Forward", "Transfer")
}


class _Leg:
    """One destination of a transfer and the call ringing it."""

    def __init__(self, call: SimulatedCall, destination: Destination, base_url: str) -> None:
        self.call = call
        self.destination = destination
        self.answer: Optional[Targets] = targets_for(destination.answer, base_url)
        self.disconnect: Optional[Targets] = targets_for(destination.disconnect, base_url)


class RunningTransfer:
    """One ``<Transfer>`` running on an A-leg: its legs, the winner, and how it ends."""

    def __init__(self, flow: CallFlow, legs: Legs, spec: TransferSpec) -> None:
        self.flow = flow
        self.a = flow.call
        self.legs = legs
        self.engine = flow.host
        self.spec = spec
        self.generation = flow.generation
        self.complete = targets_for(spec.complete, flow.base_url)
        self.dialled: List[_Leg] = []
        self.winner: Optional[_Leg] = None
        #: the transfer is over (it completed, or the A-leg left): no more transferComplete
        self.done = False

    def start(self, when: datetime) -> None:
        """Ring every destination."""
        a, spec = self.a, self.spec
        caller_id = spec.caller_id or (a.from_ if a.direction == "inbound" else a.to)
        invite: Dict[str, Any] = {"applicationId": a.application_id, "from": caller_id}
        invite["callTimeout"] = spec.call_timeout
        if spec.privacy:
            invite["privacy"] = True
        if spec.display_name is not None:
            invite["displayName"] = spec.display_name
        if spec.diversion_treatment not in (None, "none"):
            if a.direction == "inbound":
                header = diversion(spec.diversion_treatment, spec.diversion_reason, a.to)
                if header is not None:
                    invite["diversion"] = header
            else:
                a.note(when, "diversionTreatment ignored: it is for transferring inbound calls")
        places = ", ".join(d.address for d in spec.destinations)
        a.note(when, f"transfer: ringing {places} (callTimeout {spec.call_timeout:g}s)")
        self.flow.holding = Hold(a, "transfer", self._a_left)
        for destination in spec.destinations:
            request = {"to": destination.address, **invite}
            if destination.uui is not None:
                request["uui"] = destination.uui
            if destination.tag is not None:
                request["tag"] = destination.tag
            call = self.legs.dial(a, self, request, when, transfer=True)
            self.dialled.append(_Leg(call, destination, self.flow.base_url))

    def _leg(self, call: SimulatedCall) -> _Leg:
        return next(leg for leg in self.dialled if leg.call is call)

    # -- the legs (their owner's API) --------------------------------------------------

    def answered(self, call: SimulatedCall, when: datetime) -> None:
        """A leg answered: it wins, the others are cancelled, its transferAnswer BXML runs."""
        leg = self._leg(call)
        store = self.engine.store
        if self.done or self.winner is not None:  # pragma: no cover - the others were cancelled
            store.disconnect(call, "cancel", when)
            return
        self.winner = leg
        self.a.note(when, f"transfer: {call.to} answered ({call.call_id})")
        for other in self.dialled:
            if other is not leg and other.call.state != DISCONNECTED:
                store.disconnect(other.call, "cancel", when)
        if leg.answer is None:
            self._bridge(when)
            return
        flow = self.engine.flow(call, leg.answer[0].url)
        flow.at_end = self._bridge
        flow.forbidden = dict(FORBIDDEN_AFTER_ANSWER)
        self.engine.later(when, functools.partial(self._transfer_answer, leg))

    def ended(self, call: SimulatedCall, when: datetime) -> None:
        """A leg ended: its transferDisconnect; the transfer is over if it was the last hope."""
        leg = self._leg(call)
        if leg.disconnect is not None:
            self.engine.later(when, functools.partial(self._transfer_disconnect, leg))
        if self.done:
            return
        if leg is self.winner:
            self.legs.release(self.a.call_id)
        elif self.winner is not None or any(
            other.call.state != DISCONNECTED for other in self.dialled
        ):
            return  # another leg answered, or may still
        cause = call.disconnect_cause or "hangup"
        over = functools.partial(self._over, leg, cause, call.error_message, call.error_id)
        self.engine.later(when, over)

    # -- events ------------------------------------------------------------------------

    def _transfer_answer(self, leg: _Leg, when: datetime) -> Optional[Delivery]:
        call, flow = leg.call, self.engine.flows.get(leg.call.call_id)
        if call.state == DISCONNECTED or self.done or flow is None or leg.answer is None:
            return None
        primary, fallback = leg.answer
        return self.engine.webhook(call, "transferAnswer", when, primary, fallback, flow.generation)

    def _transfer_disconnect(self, leg: _Leg, when: datetime) -> Optional[Delivery]:
        call = leg.call
        assert leg.disconnect is not None and call.end_time is not None
        primary, _ = leg.disconnect
        delivery = self.engine.webhook(
            call,
            "transferDisconnect",
            when,
            primary,
            None,
            0,
            endTime=format_time(call.end_time),
            cause=call.disconnect_cause,
            errorMessage=call.error_message,
            errorId=call.error_id,
        )
        delivery.expects_bxml = False
        return delivery

    def _bridge(self, when: datetime) -> Optional[Delivery]:
        """The winner's transferAnswer BXML is over (or it had none): A and B talk."""
        leg = self.winner
        if self.done or leg is None or leg.call.state == DISCONNECTED:
            return None
        if self.a.state == DISCONNECTED:  # pragma: no cover - the A-leg leaving hangs B up
            return None
        flow = self.engine.flow(leg.call)
        flow.at_end = None
        flow.forbidden = {}
        flow.holding = Hold(leg.call, "transfer", self._b_left)
        self.legs.bridge(self.a, leg.call, when)
        return None

    def _b_left(self, when: datetime) -> None:
        """The bridged leg got a redirect or new BXML: it leaves the transfer (and lives on)."""
        leg = self.winner
        if leg is None or leg.call.state == DISCONNECTED or self.done:
            return  # its end is told to ended()
        self.legs.release(self.a.call_id)
        leg.call.note(when, "left the transfer")
        self.engine.later(when, functools.partial(self._over, leg, "hangup", None, None))

    def _a_left(self, when: datetime) -> None:
        """The A-leg's document stopped (hung up, redirected, new BXML): every leg hangs up."""
        self.done = True
        self.legs.release(self.a.call_id)
        store = self.engine.store
        for leg in self.dialled:
            if leg.call.state != DISCONNECTED:
                cause = "cancel" if leg.call.answer_time is None else "hangup"
                store.disconnect(leg.call, cause, when)

    def _over(
        self,
        leg: _Leg,
        cause: str,
        message: Optional[str],
        error_id: Optional[str],
        when: datetime,
    ) -> Optional[Delivery]:
        """The transfer ended with ``leg`` (the winner, or the last to fail)."""
        if self.done:
            return None
        self.done = True
        a, flow = self.a, self.engine.flows.get(self.a.call_id)
        if a.state == DISCONNECTED or flow is not self.flow or flow.generation != self.generation:
            return None  # pragma: no cover - the A-leg leaving ends the transfer first
        flow.holding = None
        a.note(when, f"transfer over: {leg.call.to} {cause}")
        if self.complete is None:
            a.note(when, "no transferCompleteUrl: the BXML carries on after <Transfer>")
            return flow.resume(when)
        a.set_tag(self.spec.complete.tag, when)
        primary, fallback = self.complete
        return self.engine.webhook(
            a,
            "transferComplete",
            when,
            primary,
            fallback,
            flow.generation,
            transferCallerId=leg.call.from_,
            transferTo=leg.call.to,
            cause=cause,
            errorMessage=message,
            errorId=error_id,
        )


def _transfer(legs: Legs, flow: CallFlow, verb: Any, when: datetime) -> Step:
    RunningTransfer(flow, legs, transfer_spec(verb)).start(when)
    return HALT


def family(legs: Legs) -> VerbFamily:
    """The runner of ``<Transfer>``, which places its legs through ``legs``."""
    return VerbFamily({TransferVerb: answering(functools.partial(_transfer, legs))})

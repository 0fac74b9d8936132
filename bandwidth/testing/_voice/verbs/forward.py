"""``<Forward>``: hand an unanswered inbound call over to another number or SIP URI.

What the platform does, per the BXML reference: the call is forwarded (a leg
rings ``to``, from ``from`` or by default the number the inbound call was
made to, for at most ``callTimeout`` seconds), and the app controls neither
leg any more: no webhook is sent for the verb. When the leg answers, the
inbound call is answered; when either hangs up, the other does too, and the
inbound call's ``disconnect`` goes out as usual (with the leg's cause when
the leg never answered: ``busy``, ``rejected``, ``timeout``). ``Forward``
runs only on an unanswered inbound call; anywhere else the call ends with
``application-error``.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any, Dict, Optional

from bandwidth.models.bxml import Forward as ForwardVerb
from bandwidth.testing._voice.calls import ANSWERED, DISCONNECTED, SimulatedCall
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, VerbRunner
from bandwidth.testing._voice.legs import Hold, Legs
from bandwidth.testing._voice.verbs.leg_reading import ForwardSpec, diversion, forward_spec

__all__ = ["RunningForward", "family"]


class RunningForward:
    """One ``<Forward>``: the inbound call, and the leg it was handed to."""

    def __init__(self, flow: CallFlow, legs: Legs, spec: ForwardSpec) -> None:
        self.flow = flow
        self.inbound = flow.call
        self.legs = legs
        self.engine = flow.host
        self.spec = spec
        self.leg: Optional[SimulatedCall] = None

    def start(self, when: datetime) -> None:
        """Ring the destination; the app lets go of the call."""
        call, spec = self.inbound, self.spec
        request: Dict[str, Any] = {
            "to": spec.to,
            "from": spec.caller_id or call.to,
            "applicationId": call.application_id,
            "callTimeout": spec.call_timeout,
        }
        if spec.privacy:
            request["privacy"] = True
        if spec.display_name is not None:
            request["displayName"] = spec.display_name
        if spec.uui is not None:
            request["uui"] = spec.uui
        header = diversion(spec.diversion_treatment, spec.diversion_reason, call.to)
        if header is not None:
            request["diversion"] = header
        call.note(when, f"forwarded to {spec.to}: the app no longer controls this call")
        self.legs.forwarded.add(call.call_id)
        self.flow.holding = Hold(call, "forward", self._inbound_left)
        self.leg = self.legs.dial(call, self, request, when, transfer=False)

    def answered(self, leg: SimulatedCall, when: datetime) -> None:
        """The destination answered: so is the inbound call."""
        self.inbound.note(when, f"the forwarded call was answered by {leg.to}")
        self.engine.answer(self.inbound, when)

    def ended(self, leg: SimulatedCall, when: datetime) -> None:
        """The leg ended: the inbound call ends with it."""
        if self.inbound.state != DISCONNECTED:
            cause = leg.disconnect_cause or "hangup"
            self.engine.store.disconnect(self.inbound, cause, when, leg.error_message, leg.error_id)

    def _inbound_left(self, when: datetime) -> None:
        leg = self.leg
        if leg is not None and leg.state != DISCONNECTED:
            cause = "hangup" if leg.state == ANSWERED else "cancel"
            self.engine.store.disconnect(leg, cause, when)


def _forward(legs: Legs, flow: CallFlow, verb: Any, when: datetime) -> Step:
    call = flow.call
    if call.direction != "inbound" or call.answer_time is not None:
        flow.host.end(
            call, "application-error", when, "<Forward> works only on an unanswered inbound call"
        )
        return HALT
    RunningForward(flow, legs, forward_spec(verb)).start(when)
    return HALT


def family(legs: Legs) -> VerbFamily:
    """The runner of ``<Forward>`` (it does not answer the call it hands over)."""
    return VerbFamily({ForwardVerb: VerbRunner(functools.partial(_forward, legs))})

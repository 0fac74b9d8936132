"""``<Refer>``: ask the caller's SIP equipment to call someone else (a SIP REFER).

What the platform does, per the BXML and callbacks references: it sends a
REFER for an inbound call made to a SIP URI. The caller's side accepts it
(``referSipResponseCode`` 202) and reports how its call to the target went
in a NOTIFY (``notifySipResponseCode``: 200 when the target answered, 486
busy, 603 declined; none when it never answered). Then:

- **success**: the call is torn down on Bandwidth's side (cause
  ``hangup``); ``referComplete`` (``referCallStatus: success``) goes to
  ``referCompleteUrl`` and its reply is ignored;
- **failure**: the call stays up; ``referComplete`` (``failure``) goes to
  ``referCompleteUrl`` and its BXML runs; without the URL the document
  carries on after ``<Refer>``.

The target behaves as the test scripted it with ``sim.callee(uri, ...)``:
answers (success after ``answer_after``), busy, rejects, or never answers
(failure after 30 s). Unscripted, it answers at once. A call that is not an
inbound SIP URI call cannot take a REFER: the simulator fails it at once
with ``referSipResponseCode`` 405 (the docs give no code; this is SIP's
"method not allowed").
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from typing import Any, Dict, Optional, Tuple

from bandwidth._formats import SIP_URI
from bandwidth.models.bxml import Refer
from bandwidth.testing._core.webhooks import Delivery, targets_for
from bandwidth.testing._voice.callees import REFUSALS, Callee
from bandwidth.testing._voice.calls import DEFAULT_CALL_TIMEOUT, DISCONNECTED
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, answering
from bandwidth.testing._voice.verbs.leg_reading import ReferSpec, refer_spec

__all__ = ["family", "refer_outcome"]

#: (success, referSipResponseCode, notifySipResponseCode, seconds until the outcome)
Outcome = Tuple[bool, int, Optional[int], float]


def refer_outcome(inbound_sip: bool, callee: Optional[Callee]) -> Outcome:
    """How a REFER to a target scripted as ``callee`` goes (see the module docstring)."""
    if not inbound_sip:
        return False, 405, None, 0.0
    if callee is None:
        return True, 202, 200, 0.0
    outcome = callee.outcome
    if outcome == "busy":
        return False, 202, REFUSALS["busy"][0], 0.0
    if outcome == "rejected" and callee.answer_after < DEFAULT_CALL_TIMEOUT:
        return False, 202, REFUSALS["rejected"][0], callee.answer_after
    if outcome != "answer" or callee.answer_after >= DEFAULT_CALL_TIMEOUT:
        return False, 202, None, DEFAULT_CALL_TIMEOUT
    return True, 202, 200, callee.answer_after


class _Refer:
    def __init__(self, flow: CallFlow, spec: ReferSpec) -> None:
        self.flow = flow
        self.call = flow.call
        self.engine = flow.host
        self.spec = spec
        self.generation = flow.generation
        self.complete = targets_for(spec.complete, flow.base_url)

    def start(self, when: datetime) -> None:
        call = self.call
        inbound_sip = call.direction == "inbound" and bool(SIP_URI.fullmatch(call.to))
        callee = self.engine.store.callees.scripts.get(self.spec.uri)
        outcome = refer_outcome(inbound_sip, callee)
        call.note(when, f"refer to {self.spec.uri}")
        if not inbound_sip:
            call.note(when, "the REFER fails (405): this is not an inbound SIP URI call")
        due = when + timedelta(seconds=outcome[3])
        self.engine.later(due, functools.partial(self._done, outcome))

    def _live(self) -> bool:
        flow = self.engine.flows.get(self.call.call_id)
        return (
            self.call.state != DISCONNECTED
            and flow is self.flow
            and flow.generation == self.generation
        )

    def _event(self, outcome: Outcome, when: datetime, generation: int) -> Delivery:
        assert self.complete is not None
        success, refer_code, notify_code, _ = outcome
        fields: Dict[str, Any] = {
            "referCallStatus": "success" if success else "failure",
            "referSipResponseCode": refer_code,
        }
        if notify_code is not None:
            fields["notifySipResponseCode"] = notify_code
        self.call.set_tag(self.spec.complete.tag, when)
        primary, fallback = self.complete
        delivery = self.engine.webhook(
            self.call, "referComplete", when, primary, fallback, generation, **fields
        )
        return delivery

    def _done(self, outcome: Outcome, when: datetime) -> Optional[Delivery]:
        if not self._live():
            return None
        call, flow = self.call, self.flow
        success, _, notify_code, _ = outcome
        code = f" (NOTIFY {notify_code})" if notify_code is not None else " (no NOTIFY)"
        call.note(when, f"refer {'succeeded' if success else 'failed'}{code}")
        if success:
            delivery = None
            if self.complete is not None:
                delivery = self._event(outcome, when, flow.generation)
                delivery.expects_bxml = False  # the call is gone: the reply is ignored
            self.engine.later(when, self._torn_down)
            return delivery
        if self.complete is None:
            return flow.resume(when)
        return self._event(outcome, when, flow.generation)

    def _torn_down(self, when: datetime) -> None:
        if self.call.state != DISCONNECTED:
            self.call.note(when, "referred: the call is torn down on Bandwidth's side")
            self.engine.end(self.call, "hangup", when)


def _refer(flow: CallFlow, verb: Any, when: datetime) -> Step:
    _Refer(flow, refer_spec(verb)).start(when)
    return HALT


def family() -> VerbFamily:
    """The runner of ``<Refer>`` (it answers an inbound call)."""
    return VerbFamily({Refer: answering(_refer)})

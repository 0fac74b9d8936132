"""``<Bridge>``: bridge another live call (the target) onto the call running the verb.

What the platform does, per the BXML and callbacks references:

- the target's BXML is cancelled; the two calls hear each other until one
  of them hangs up or is redirected (or gets new BXML);
- if the target leaves, ``bridgeComplete`` goes to ``bridgeCompleteUrl`` and
  its BXML runs on the calling call (without the URL, its document carries
  on after ``<Bridge>``);
- if the calling call leaves, ``bridgeTargetComplete`` goes to
  ``bridgeTargetCompleteUrl`` and its BXML runs on the target (without the
  URL, the target is hung up);
- exactly one of the two is sent;
- a bridge that cannot be made (the target is unknown, ended, an outbound
  call not answered yet, being forwarded, or already bridged) sends
  ``bridgeComplete`` at once with ``cause`` (``busy`` when the target is
  already bridged, as the docs' example shows; ``unknown`` otherwise),
  ``errorMessage`` and ``errorId``; without the URL the document carries on.
"""

from __future__ import annotations

import functools
import uuid
from datetime import datetime
from typing import Any, Optional, Tuple

from bandwidth.models.bxml import Bridge as BridgeVerb
from bandwidth.testing._core.webhooks import Delivery, targets_for
from bandwidth.testing._voice.calls import ANSWERED, DISCONNECTED, SimulatedCall
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, answering
from bandwidth.testing._voice.legs import Hold, Legs
from bandwidth.testing._voice.verbs.leg_reading import BridgeSpec, bridge_spec

__all__ = ["RunningBridge", "family"]


def _refusal(
    legs: Legs, caller: SimulatedCall, target: Optional[SimulatedCall], target_id: str
) -> Optional[Tuple[str, str]]:
    """Why the bridge cannot be made (``cause``, ``errorMessage``), or ``None``."""
    if target is None:
        return "unknown", f"Call {target_id} was not found"
    if target is caller:
        return "unknown", "A call cannot be bridged with itself"
    if target.state == DISCONNECTED:
        return "unknown", f"Call {target_id} has already ended"
    if target.call_id in legs.bridged:
        return "busy", f"Call {target_id} is already bridged with another call"
    if target.direction == "outbound" and target.state != ANSWERED:
        return "unknown", f"Call {target_id} has not been answered"
    if target.call_id in legs.forwarded:
        return "unknown", f"Call {target_id} is being forwarded"
    return None


class RunningBridge:
    """One ``<Bridge>`` in progress: the calling call, the target, and who leaves first."""

    def __init__(self, flow: CallFlow, legs: Legs, target: SimulatedCall, spec: BridgeSpec) -> None:
        self.flow = flow
        self.caller = flow.call
        self.target = target
        self.legs = legs
        self.engine = flow.host
        self.spec = spec
        self.generation = flow.generation
        self.complete = targets_for(spec.complete, flow.base_url)
        self.target_complete = targets_for(spec.target_complete, flow.base_url)
        self.target_flow = self.engine.flow(target, target.request.get("answerUrl") or "")
        self.done = False

    def start(self, when: datetime) -> None:
        """Cancel the target's BXML and bridge the two calls."""
        target, flow = self.target, self.target_flow
        if flow.verbs:
            target.note(when, f"its BXML is cancelled: {self.caller.call_id} bridges it")
        flow.stop(when)
        if target.state != ANSWERED:
            self.engine.answer(target, when)  # an inbound call still ringing
        self.flow.holding = Hold(self.caller, "bridge", self._caller_left)
        flow.holding = Hold(target, "bridge", self._target_left)
        self.legs.bridge(self.caller, target, when)

    def _target_left(self, when: datetime) -> None:
        if self.done:  # pragma: no cover - the first to leave clears the other's hold
            return
        self.done = True
        self.flow.holding = None
        self.legs.release(self.caller.call_id)
        self.target.note(when, f"left the bridge with {self.caller.call_id}")
        self.engine.later(when, self._bridge_complete)

    def _caller_left(self, when: datetime) -> None:
        if self.done:  # pragma: no cover - the first to leave clears the other's hold
            return
        self.done = True
        self.target_flow.holding = None
        self.legs.release(self.caller.call_id)
        self.caller.note(when, f"left the bridge with {self.target.call_id}")
        self.engine.later(when, self._bridge_target_complete)

    def _bridge_complete(self, when: datetime) -> Optional[Delivery]:
        caller, flow = self.caller, self.engine.flows.get(self.caller.call_id)
        if caller.state == DISCONNECTED or flow is not self.flow:
            return None  # pragma: no cover - it left first, so the target's event went out
        if flow.generation != self.generation:  # pragma: no cover - as above
            return None
        if self.complete is None:
            caller.note(when, "no bridgeCompleteUrl: the BXML carries on after <Bridge>")
            return flow.resume(when)
        caller.set_tag(self.spec.complete.tag, when)
        primary, fallback = self.complete
        return self.engine.webhook(
            caller, "bridgeComplete", when, primary, fallback, flow.generation
        )

    def _bridge_target_complete(self, when: datetime) -> Optional[Delivery]:
        target = self.target
        if target.state == DISCONNECTED:
            return None
        if self.target_complete is None:
            target.note(when, "no bridgeTargetCompleteUrl: the target is hung up")
            self.engine.end(target, "hangup", when)
            return None
        flow = self.engine.flow(target)
        primary, fallback = self.target_complete
        return self.engine.webhook(
            target, "bridgeTargetComplete", when, primary, fallback, flow.generation
        )


def _bridge(legs: Legs, flow: CallFlow, verb: Any, when: datetime) -> Step:
    spec = bridge_spec(verb)
    caller = flow.call
    target = flow.host.store.calls.get(spec.target)
    refused = _refusal(legs, caller, target, spec.target)
    if refused is None:
        assert target is not None
        caller.note(when, f"bridge with {spec.target}")
        RunningBridge(flow, legs, target, spec).start(when)
        return HALT
    cause, message = refused
    caller.note(when, f"bridge with {spec.target} failed ({cause}): {message}")
    complete = targets_for(spec.complete, flow.base_url)
    if complete is None:
        return 0.0
    caller.set_tag(spec.complete.tag, when)
    return flow.host.webhook(
        caller,
        "bridgeComplete",
        when,
        complete[0],
        complete[1],
        flow.generation,
        cause=cause,
        errorMessage=message,
        errorId=str(uuid.uuid4()),
    )


def family(legs: Legs) -> VerbFamily:
    """The runner of ``<Bridge>``, which keeps its bridges in ``legs``."""
    return VerbFamily({BridgeVerb: answering(functools.partial(_bridge, legs))})

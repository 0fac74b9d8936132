"""Calls that other calls place or join: the engine extension that routes their lifecycle.

A ``<Transfer>`` or ``<Forward>`` places new outbound calls, its *legs*,
with :meth:`Legs.dial`. Each leg has an :class:`Owner` (the transfer or
forward that placed it) that hears of its answer and its end instead of the
engine's defaults: a leg gets no ``answer`` or ``disconnect`` webhook, its
owner sends the events the platform sends for it. Legs are ordinary
:class:`~bandwidth.testing.SimulatedCall` records in the store, with
``parent_call_id`` set (and listed in the parent's ``legs``), so the REST API
lists and shows them, and the test answers and hangs them up as any call:
``sim.answer(leg_id)``, ``sim.hangup(leg_id)``, or a scripted callee.

The verbs that halt a document while another call is involved hold the
call (``CallFlow.holding``, a :class:`Hold`): when that document stops (its
call ended, was redirected or got new BXML), they let go (hang the legs up,
end the bridge) and the events follow.

Everything here runs under the store's lock, called by the flow engine.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from typing import Any, Callable, Dict, Optional, Protocol, Set

from bandwidth.testing._core.webhooks import Delivery
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import INITIATED, SimulatedCall
from bandwidth.testing._voice.interpreter import FlowHost

__all__ = ["Hold", "Legs", "Owner"]


class Owner(Protocol):
    """What placed a leg: told when it answers and when it ends (under the lock)."""

    def answered(self, leg: SimulatedCall, when: datetime) -> None:
        """The leg answered."""

    def ended(self, leg: SimulatedCall, when: datetime) -> None:
        """The leg ended (its cause is set)."""


class Hold:
    """A leg verb holding its call (``CallFlow.holding``) while another call is involved.

    Digits pressed meanwhile are not collected by the verb (the other party
    hears them); when the document stops under the verb, ``on_release`` lets
    go. ``what`` names the verb for the timeline.
    """

    def __init__(
        self, call: SimulatedCall, what: str, on_release: Callable[[datetime], None]
    ) -> None:
        self.call = call
        self.what = what
        self.on_release = on_release

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """A digit during a transfer, bridge or forward: the verb does not collect it."""
        self.call.note(when, f"digit {digit}: the {self.what} does not collect it")
        return None

    def release(self, when: datetime) -> None:
        """The document stopped under the verb."""
        self.on_release(when)


class Legs:
    """The engine extension for legs: their owners, and which calls are bridged or forwarded."""

    def __init__(self, store: CallStore) -> None:
        self.store = store
        #: leg id -> what placed it
        self.owners: Dict[str, Owner] = {}
        #: call id -> the call it is bridged with (a transfer's A- and B-leg, a ``<Bridge>``)
        self.bridged: Dict[str, str] = {}
        #: ids of inbound calls a ``<Forward>`` handed over
        self.forwarded: Set[str] = set()

    # -- the engine's extension API ----------------------------------------------------

    def answered(self, host: FlowHost, call: SimulatedCall, when: datetime) -> bool:
        """A leg's owner takes its answer (no ``answer`` webhook goes out)."""
        owner = self.owners.get(call.call_id)
        if owner is None:
            return False
        owner.answered(call, when)
        return True

    def ended(self, call: SimulatedCall, when: datetime) -> None:
        """A leg's owner hears of its end."""
        self.forwarded.discard(call.call_id)
        owner = self.owners.pop(call.call_id, None)
        if owner is not None:
            owner.ended(call, when)

    def clear(self) -> None:
        """Forget every leg, bridge and forward."""
        self.owners.clear()
        self.bridged.clear()
        self.forwarded.clear()

    # -- for the verbs -----------------------------------------------------------------

    def dial(
        self,
        parent: SimulatedCall,
        owner: Owner,
        request: Dict[str, Any],
        when: datetime,
        *,
        transfer: bool,
    ) -> SimulatedCall:
        """Place a leg for ``parent``: a new outbound call, ringing now.

        ``request`` is what the platform dials (``to``, ``from``,
        ``applicationId``, ``callTimeout``, and ``uui``, ``privacy``,
        ``displayName``, ``tag``, ``diversion`` when set); the leg keeps it
        as its ``request``. A scripted callee decides what happens next, else
        auto-progress, else the test; it times out after ``callTimeout``.
        """
        store = self.store
        parties = (parent.from_, parent.to) if transfer else None
        leg = store.place_ringing(request, when, "outbound", parent, parties)
        self.owners[leg.call_id] = owner
        what = "transfer" if transfer else "forward"
        leg.note(when, f"{what} leg of {parent.call_id}: ringing {leg.to} from {leg.from_}")
        store.schedule(leg, when)  # a scripted callee, or auto-progress
        timeout = leg.call_timeout
        store.timers.add(when + timedelta(seconds=timeout), functools.partial(self._ring_out, leg))
        return leg

    def _ring_out(self, leg: SimulatedCall, when: datetime) -> None:
        store = self.store
        if store.calls.get(leg.call_id) is leg and leg.state == INITIATED:
            store.move(leg, "timeout", when)

    def release(self, call_id: str) -> None:
        """``call_id`` and its partner are no longer bridged."""
        partner = self.bridged.pop(call_id, None)
        if partner is not None and self.bridged.get(partner) == call_id:
            del self.bridged[partner]

    def bridge(self, one: SimulatedCall, other: SimulatedCall, when: datetime) -> None:
        """Note that ``one`` and ``other`` are bridged (they hear each other)."""
        self.bridged[one.call_id] = other.call_id
        self.bridged[other.call_id] = one.call_id
        one.note(when, f"bridged with {other.call_id}")
        other.note(when, f"bridged with {one.call_id}")

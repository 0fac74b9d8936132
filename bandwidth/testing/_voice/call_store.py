"""The simulator's state: calls in ``list_calls`` order, their lifecycle, timers, and the rest.

A :class:`CallStore` holds every call, keeps them sorted by creation (so a
page of ``list_calls`` is a slice), and moves calls through ``queued ->
initiated -> answered -> disconnected``, by hand or on a schedule
(:class:`~bandwidth.testing.AutoProgress`) timed by the simulator's clock.
Its timers (:class:`~bandwidth.testing._core.timers.Timers`, shared by every
product) hold everything due later, lifecycle steps and call-flow steps
alike; the flow engine runs them in time order. A
:class:`LifecycleListener` (the flow engine) hears of every answer and end.

What calls make lives beside them, each in its own book with its own small
API (see each module's docstring): ``store.conferences``
(:mod:`~bandwidth.testing._voice.conferences`), ``store.recordings``
(:mod:`~bandwidth.testing._voice.recordings`) and ``store.transcriptions``
(:mod:`~bandwidth.testing._voice.transcriptions`). When a call ends, it leaves its
conference and its recordings and transcriptions in progress end with it,
before the listener hears of the end. ``store.callees`` is the test's script
of the far ends (:mod:`~bandwidth.testing._voice.callees`): a call to a scripted
destination follows it rather than auto-progress.

Not thread-safe on its own: every method expects :attr:`CallStore.lock` held.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import threading
from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Protocol, Tuple

from bandwidth.testing._core.timers import Timers
from bandwidth.testing._voice.callees import Callees
from bandwidth.testing._voice.calls import (
    ANSWERED,
    DISCONNECTED,
    INITIATED,
    QUEUED,
    AutoProgress,
    SimulatedCall,
    new_id,
)
from bandwidth.testing._voice.conferences import Conferences
from bandwidth.testing._voice.recording_book import Recordings
from bandwidth.testing._voice.transcriptions import Transcriptions

__all__ = ["RETENTION", "CallStore", "LifecycleListener"]

#: Call records stay readable this long after hang-up, then 404 / drop out of lists.
RETENTION = timedelta(days=7)
#: How often (on the simulator's clock) expired recordings and transcriptions are dropped.
SWEEP_INTERVAL = timedelta(days=1)


class LifecycleListener(Protocol):
    """Told of every answer and every end, under the store's lock."""

    def answered(self, call: SimulatedCall, when: datetime) -> None:
        """``call`` was answered at ``when``."""

    def ended(self, call: SimulatedCall, when: datetime) -> None:
        """``call`` ended at ``when`` (its cause is set)."""

    def dropped(self, call: SimulatedCall) -> None:
        """``call`` was past its retention and is forgotten (free what belongs to it)."""


class CallStore:
    """Every call of one simulator, in creation order, with the due lifecycle steps."""

    def __init__(
        self,
        account_id: str,
        auto_progress: Optional[AutoProgress],
        lock: threading.Lock,
        timers: Timers,
    ) -> None:
        self.account_id = account_id
        self.auto_progress = auto_progress
        #: the simulator's one lock: guards everything here (and the core's faults and requests)
        self.lock = lock
        self.calls: Dict[str, SimulatedCall] = {}
        #: sorted by ``sort_key`` (the ``list_calls`` order)
        self.order: List[SimulatedCall] = []
        #: parallel to ``order``, for bisect
        self.keys: List[Tuple[datetime, int]] = []
        self._seq = 0
        self.timers = timers
        #: ``(end time, seq, call id)`` of every ended call, earliest first: what to forget when
        self._ended: List[Tuple[datetime, int, str]] = []
        self._next_sweep: Optional[datetime] = None
        self.listener: Optional[LifecycleListener] = None
        self.recordings = Recordings()
        self.conferences = Conferences(self.recordings)
        self.transcriptions = Transcriptions()
        self.callees = Callees()
        #: what ``get_statistics`` reports as ``maxCallQueueSize``
        self.max_call_queue_size = 900

    # -- lookup ----------------------------------------------------------------------------

    def get(self, call_id: str) -> SimulatedCall:
        """The stored call; ``KeyError`` if there is none."""
        call = self.calls.get(call_id)
        if call is None:
            raise KeyError(call_id)
        return call

    def live(self, call_id: str, now: datetime) -> Optional[SimulatedCall]:
        """The call if the API still shows it (not past its retention), else ``None``."""
        call = self.calls.get(call_id)
        if call is None or self.expired(call, now):
            return None
        return call

    @staticmethod
    def expired(call: SimulatedCall, now: datetime) -> bool:
        """Whether an ended call is past its retention."""
        return call.end_time is not None and now - call.end_time > RETENTION

    # -- storage ---------------------------------------------------------------------------

    def forget_expired(self, now: datetime) -> None:
        """Drop the calls past their retention by ``now`` (the API answers 404 for them anyway).

        So a long run keeps only the last :data:`RETENTION` of calls, on the
        simulator's clock. Called as calls are created and end.
        """
        ended = self._ended
        while ended and now - ended[0][0] > RETENTION:
            _, _, call_id = heapq.heappop(ended)
            call = self.calls.get(call_id)
            if call is None or not self.expired(call, now):
                continue
            del self.calls[call_id]
            index = bisect.bisect_left(self.keys, call.sort_key)
            if index < len(self.order) and self.order[index] is call:
                del self.order[index]
                del self.keys[index]
            if self.listener is not None:
                self.listener.dropped(call)
        if self._next_sweep is None or now >= self._next_sweep:
            # Recordings and transcriptions keep longer (30 days): swept once a simulated day.
            self._next_sweep = now + SWEEP_INTERVAL
            self.recordings.forget_expired(now)
            self.transcriptions.forget_expired(now)

    def new_call(self, request: Dict[str, Any], now: datetime) -> SimulatedCall:
        """A queued outbound call for a ``createCall`` body (not stored yet)."""
        self.forget_expired(now)
        self._seq += 1
        return SimulatedCall(
            call_id=new_id("c"),
            account_id=self.account_id,
            application_id=request["applicationId"],
            to=request["to"],
            from_=request["from"],
            direction="outbound",
            state=QUEUED,
            enqueued_time=now,
            last_update=now,
            tag=request.get("tag") or None,
            request=request,
            seq=self._seq,
        )

    def place_ringing(
        self,
        request: Dict[str, Any],
        now: datetime,
        direction: str,
        parent: Optional[SimulatedCall] = None,
        transfer_parties: Optional[Tuple[str, str]] = None,
    ) -> SimulatedCall:
        """Store a call that rings from ``now`` (an inbound call, or a leg ``parent`` places;
        a ``<Transfer>`` leg carries the A-leg's ``(from, to)`` as ``transfer_parties``)."""
        call = self.new_call(request, now)
        call.direction = direction
        call.state = INITIATED
        call.start_time = now
        if parent is not None:
            call.parent_call_id = parent.call_id
            parent.legs.append(call.call_id)
        call.transfer_parties = transfer_parties
        self.insert(call)
        return call

    def insert(self, call: SimulatedCall) -> None:
        """Store a call at its place in creation order."""
        key = call.sort_key
        self.calls[call.call_id] = call
        if not self.keys or key > self.keys[-1]:
            self.keys.append(key)
            self.order.append(call)
        else:
            index = bisect.bisect_right(self.keys, key)
            self.keys.insert(index, key)
            self.order.insert(index, call)

    def clear(self) -> None:
        """Forget every call, every pending step, and what the calls made."""
        self.calls.clear()
        self.order.clear()
        self.keys.clear()
        self._ended.clear()
        self._next_sweep = None
        self.timers.clear()
        self.conferences.clear()
        self.recordings.clear()
        self.transcriptions.clear()
        self.callees.forget_calls()

    # -- lifecycle -------------------------------------------------------------------------

    def schedule(self, call: SimulatedCall, since: datetime) -> None:
        """Queue the call's next automatic step: its scripted callee's, else auto-progress's."""
        if self.callees.schedule(self, call, since):
            return
        auto = self.auto_progress
        if auto is None:
            return
        if call.state == QUEUED and auto.initiate_after is not None:
            self._push(since + timedelta(seconds=auto.initiate_after), call, "initiate")
        elif call.state == INITIATED:
            timeout = call.call_timeout
            if auto.answer_after is not None and auto.answer_after < timeout:
                self._push(since + timedelta(seconds=auto.answer_after), call, "answer")
            else:
                self._push(since + timedelta(seconds=timeout), call, "timeout")
        elif call.state == ANSWERED and auto.hangup_after is not None:
            self._push(since + timedelta(seconds=auto.hangup_after), call, "hangup")

    def _push(self, due: datetime, call: SimulatedCall, action: str) -> None:
        self.timers.add(due, functools.partial(self._step, call, call.state, action))

    def _step(self, call: SimulatedCall, expected: str, action: str, when: datetime) -> None:
        if self.calls.get(call.call_id) is call and call.state == expected:
            self.move(call, action, when)

    def move(self, call: SimulatedCall, action: str, when: datetime) -> None:
        """Apply one step (``initiate``, ``answer``, ``timeout`` or ``hangup``) at ``when``."""
        if action == "initiate":
            call.state = INITIATED
            call.start_time = when
            call.note(when, "ringing")
        elif action == "answer":
            if call.start_time is None:
                call.start_time = when
            call.state = ANSWERED
            call.answer_time = when
            call.note(when, "answered")
            call.changed(when)
            if self.listener is not None:
                self.listener.answered(call, when)
            self.schedule(call, when)
            return
        elif action == "timeout":
            self.disconnect(call, "timeout", when)
            return
        else:  # "hangup"
            auto = self.auto_progress
            self.disconnect(call, auto.hangup_cause if auto else "hangup", when)
            return
        call.changed(when)
        self.schedule(call, when)

    def disconnect(
        self,
        call: SimulatedCall,
        cause: str,
        when: datetime,
        error_message: Optional[str] = None,
        error_id: Optional[str] = None,
    ) -> None:
        """End a call at ``when`` with ``disconnectCause`` ``cause`` (a call ends once)."""
        if call.state == DISCONNECTED:
            return
        call.state = DISCONNECTED
        call.end_time = when
        call.disconnect_cause = cause
        call.error_message = error_message
        call.error_id = error_id
        call.changed(when)
        call.note(when, f"disconnected: {cause}" + (f" ({error_message})" if error_message else ""))
        heapq.heappush(self._ended, (when, call.seq, call.call_id))
        self.conferences.call_ended(call.call_id, when)
        self.recordings.call_ended(call.call_id, when)
        self.transcriptions.call_ended(call.call_id, when)
        if self.listener is not None:
            self.listener.ended(call, when)
        self.forget_expired(when)

r"""The call-flow engine: runs what falls due, in order, and delivers webhooks between steps.

Everything timed (lifecycle steps, verbs ending, gather timeouts, digits,
webhooks) is an action in the store's :class:`~bandwidth.testing._voice.call_store.Timers`.
:meth:`FlowEngine.run` takes the due actions one by one under the store's
lock; when one produces a webhook, the engine releases the lock, delivers it
(so the app may call the simulator's REST API meanwhile), then applies the
reply and carries on. Webhooks therefore happen at the simulated instant they
belong to, and nothing after them runs before their reply is known.

One thread runs the engine at a time. The test's own calls (``advance``,
``answer``, ``press``, ...) wait for a run in progress; REST requests do not
(a webhook handler calling the API must not deadlock), and whatever they
queue is picked up by the run in progress. A simulator method called from
inside an in-process webhook handler only queues its effect: the run it is
part of carries it out once the handler returns.

Features that live in modules of their own (other call legs, machine
detection, ...) are :class:`Extension`\ s the composition root hands the
engine: it tells each of every answer and end. The verbs come the same way,
as a complete :class:`~bandwidth.testing._voice.interpreter.VerbTable`.
"""

from __future__ import annotations

import functools
import threading
from collections import deque
from datetime import datetime
from typing import (
    Any,
    Callable,
    Deque,
    Dict,
    List,
    Mapping,
    Optional,
    Protocol,
    Sequence,
    Set,
    Tuple,
)

from bandwidth.testing._core.masking import shown_document as _shown
from bandwidth.testing._core.webhooks import (
    AppRequest,
    Delivery,
    FollowUp,
    Outcome,
    Reply,
    Target,
    Transport,
    Webhook,
    deliver,
    request_targets,
)
from bandwidth.testing._voice.bxml_reading import BxmlRoots, InvalidBxml, read_document, read_verbs
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import ANSWERED, DISCONNECTED, SimulatedCall
from bandwidth.testing._voice.event_fields import payload as event_payload
from bandwidth.testing._voice.interpreter import CallFlow, FlowHost, Timing, VerbTable

__all__ = ["MAX_WEBHOOKS_AT_ONCE", "Extension", "FlowEngine", "MediaListener"]

#: More webhooks than this for one call at one simulated instant is a loop (the
#: app redirecting to itself): the call ends with ``application-error``.
MAX_WEBHOOKS_AT_ONCE = 100
#: ``webhooks`` drops the deliveries of forgotten calls once at least this many were forgotten.
DROP_BATCH = 256


class Extension(Protocol):
    """A call-flow feature in a module of its own, told of every answer and end (under the lock)."""

    def answered(self, host: FlowHost, call: SimulatedCall, when: datetime) -> bool:
        """``call`` was answered; ``True`` when the extension sends its first webhook itself."""

    def ended(self, call: SimulatedCall, when: datetime) -> None:
        """``call`` ended (its flow stopped; its ``disconnect`` is scheduled after this)."""

    def clear(self) -> None:
        """Forget everything (the store's calls are being cleared)."""


class MediaListener(Protocol):
    """The media side, told of every call's end (its streams and transcriptions stop)."""

    def call_ended(self, call: SimulatedCall, when: datetime) -> None:
        """``call`` ended."""

    def clear(self) -> None:
        """Forget everything (the store's calls are being cleared)."""


class _Capturing:
    """Wraps an in-process transport to keep the exceptions the app raised."""

    def __init__(self, inner: Transport, errors: List[BaseException]) -> None:
        self.inner = inner
        self.errors = errors

    def exchange(self, request: AppRequest, follow_up: FollowUp) -> List[Outcome]:
        outcomes = self.inner.exchange(request, follow_up)
        for outcome in outcomes:
            if outcome.error is not None and outcome.error.__cause__ is not None:
                self.errors.append(outcome.error.__cause__)
        return outcomes


class FlowEngine:
    """Runs call flows for one simulator (or only its timers, when flows are off)."""

    def __init__(
        self,
        store: CallStore,
        now: Callable[[], datetime],
        call_url: Callable[[str], str],
        transport: Optional[Transport],
        timing: Timing,
        *,
        verbs: VerbTable,
        media: MediaListener,
        extensions: Sequence[Extension] = (),
        flows: Optional[Dict[str, CallFlow]] = None,
        roots: Optional[BxmlRoots] = None,
    ) -> None:
        self.store = store
        #: which BXML roots a reply or update_call_bxml may have (shared with the routes)
        self.roots = BxmlRoots() if roots is None else roots
        store.listener = self
        self.now = now
        self.call_url = call_url
        self.timing = timing
        self.verbs = verbs
        #: exceptions in-process apps raised, not yet re-raised to the test
        self.app_errors: List[BaseException] = []
        self.transport: Optional[Transport] = (
            None if transport is None else _Capturing(transport, self.app_errors)
        )
        #: every delivery, oldest first
        self.webhooks: List[Webhook] = []
        #: call id -> its flow (shared with the media side, which reads it)
        self.flows: Dict[str, CallFlow] = {} if flows is None else flows
        self._pending: Deque[Delivery] = deque()
        self._in_flight = False
        self._run_lock = threading.Lock()
        self._owner: Optional[int] = None
        self._burst: Dict[str, Tuple[datetime, int]] = {}
        #: ids of calls dropped since ``webhooks`` last lost their deliveries
        self._dropped: Set[str] = set()
        #: conferences, recordings, streams, transcriptions and background gathers
        self.media = media
        self.extensions: Tuple[Extension, ...] = tuple(extensions)

    @property
    def enabled(self) -> bool:
        """Whether calls run flows (webhooks and BXML); else only lifecycle steps run."""
        return self.transport is not None

    def clear(self) -> None:
        """Forget every flow and delivery (the store's calls are being cleared)."""
        self.flows.clear()
        self._pending.clear()
        self._burst.clear()
        self._dropped.clear()
        self.media.clear()
        for extension in self.extensions:
            extension.clear()

    # -- running ---------------------------------------------------------------------------

    def inside_run(self) -> bool:
        """Whether the calling thread runs the engine (an in-process WSGI app runs in it too)."""
        return self._owner is not None and self._owner == threading.get_ident()

    def run(self, *, wait: bool = True) -> None:
        """Run everything due by the simulator's current time, webhooks included.

        ``wait=False`` (REST requests) leaves the work to a run in progress.
        """
        if not self._work_due() or self.inside_run():
            return
        while True:
            if not self._run_lock.acquire(blocking=wait):
                return
            self._owner = threading.get_ident()
            try:
                self._drain()
            finally:
                self._owner = None
                self._run_lock.release()
            # Work queued by a thread that could not take the lock is due now.
            if not self._work_due():
                return

    def _work_due(self) -> bool:
        with self.store.lock:
            if self._pending:
                return True
            due = self.store.timers.next_due()
            return due is not None and due <= self.now()

    def tick(self, now: datetime) -> None:
        """Under the lock: run due steps up to the first webhook (left for :meth:`run`)."""
        if self._in_flight or self._pending:
            return
        timers = self.store.timers
        while True:
            item = timers.pop(now)
            if item is None:
                return
            delivery = item[1](item[0])
            if delivery is not None:
                self._pending.append(delivery)
                return

    def _drain(self) -> None:
        store = self.store
        while True:
            with store.lock:
                self.tick(self.now())
                if not self._pending:
                    return
                delivery = self._pending.popleft()
                self._in_flight = True
            try:
                assert self.transport is not None
                record, reply = deliver(self.transport, delivery)
            except BaseException:
                with store.lock:
                    self._in_flight = False
                raise
            with store.lock:
                try:
                    follow = self._settle(delivery, record, reply)
                    if follow is not None:
                        self._pending.appendleft(follow)
                finally:
                    self._in_flight = False

    # -- lifecycle (the store's listener; under the lock) ----------------------------------

    def answered(self, call: SimulatedCall, when: datetime) -> None:
        """An outbound call answered: its ``answer`` webhook is due (unless an extension's)."""
        for extension in self.extensions:
            if extension.answered(self, call, when):
                return
        if self.enabled and call.direction == "outbound":
            self.later(when, functools.partial(self.first_webhook, call, "answer"))

    def ended(self, call: SimulatedCall, when: datetime) -> None:
        """A call ended: stop its BXML; its ``disconnect`` webhook is due."""
        flow = self.flows.pop(call.call_id, None)
        if flow is not None:
            flow.stop(when)
        self.media.call_ended(call, when)
        for extension in self.extensions:
            extension.ended(call, when)
        if self.enabled and call.request.get("disconnectUrl"):
            self.later(when, functools.partial(self._disconnect_webhook, call))

    def dropped(self, call: SimulatedCall) -> None:
        """A call past its retention was forgotten: so are its deliveries (in batches)."""
        self._burst.pop(call.call_id, None)
        self.flows.pop(call.call_id, None)
        gone = self._dropped
        gone.add(call.call_id)
        if len(gone) >= max(DROP_BATCH, len(self.webhooks) // 4):
            self.webhooks[:] = [w for w in self.webhooks if w.call_id not in gone]
            gone.clear()

    def inbound(self, call: SimulatedCall, when: datetime) -> None:
        """An inbound call arrived: its ``initiate`` webhook is due."""
        self.later(when, functools.partial(self.first_webhook, call, "initiate"))

    def first_webhook(
        self, call: SimulatedCall, event_type: str, when: datetime, **fields: Any
    ) -> Optional[Delivery]:
        """The ``answer`` or ``initiate`` delivery to the call's answer URL (``fields`` added)."""
        if call.state == DISCONNECTED or self.store.calls.get(call.call_id) is not call:
            return None
        request = call.request
        flow = self._flow(call, request["answerUrl"])
        primary, fallback = request_targets(request, "answer")
        return self.webhook(call, event_type, when, primary, fallback, flow.generation, **fields)

    def _disconnect_webhook(self, call: SimulatedCall, when: datetime) -> Delivery:
        request = call.request
        target, _ = request_targets(request, "disconnect")  # it has no fallback
        delivery = self.webhook(call, "disconnect", when, target, None, 0)
        delivery.expects_bxml = False
        return delivery

    def _flow(self, call: SimulatedCall, base_url: str) -> CallFlow:
        flow = self.flows.get(call.call_id)
        if flow is None:
            flow = self.flows[call.call_id] = CallFlow(self, self.verbs, call, base_url)
        return flow

    def flow(self, call: SimulatedCall, base_url: str = "") -> CallFlow:
        """The call's flow; a new idle one (resolving URLs against ``base_url``) if it has none."""
        return self._flow(call, base_url)

    # -- what the REST API and the test do (under the lock) --------------------------------

    def redirect(self, call: SimulatedCall, request: Mapping[str, Any], when: datetime) -> None:
        """``update_call`` with a ``redirectUrl``: stop the BXML, send ``redirect``."""
        if not self.enabled:
            return
        flow = self._flow(call, request["redirectUrl"])
        flow.stop(when)
        primary, fallback = request_targets(request, "redirect")
        call.note(when, f"update_call: redirect to {request['redirectUrl']}")
        self._pending.append(
            self.webhook(call, "redirect", when, primary, fallback, flow.generation)
        )

    def replace(self, call: SimulatedCall, document: str, when: datetime) -> None:
        """``update_call_bxml``: the document replaces what runs now (already validated)."""
        if not self.enabled:
            return
        flow = self._flow(call, call.request.get("answerUrl") or "")
        call.note(when, "update_call_bxml: the BXML is replaced\n" + _shown(document))
        try:
            verbs = read_verbs(document, root="Bxml", either_root=True)  # the route chose
        except InvalidBxml as exc:  # pragma: no cover - the REST layer checked it
            self.end(call, "invalid-bxml", when, str(exc))
            return
        delivery = flow.start(verbs, flow.base_url, when)
        if delivery is not None:
            self._pending.append(delivery)

    def press(self, call: SimulatedCall, digits: str, when: datetime) -> None:
        """The far end pressed ``digits`` (one after the other, at ``when``)."""
        call.presses(digits)
        call.note(when, f"pressed {digits}")
        for digit in digits:
            self.later(when, functools.partial(self._digit, call, digit))

    def _digit(self, call: SimulatedCall, digit: str, when: datetime) -> Optional[Delivery]:
        flow = self.flows.get(call.call_id)
        if flow is None:
            if call.state != DISCONNECTED:
                call.note(when, f"digit {digit} not collected (no Gather is running)")
            return None
        return flow.digit(digit, when)

    # -- the interpreter's host ------------------------------------------------------------

    def later(self, due: datetime, action: Callable[[datetime], Optional[Delivery]]) -> None:
        """Run ``action`` when the clock reaches ``due``."""
        self.store.timers.add(due, action)

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
        """A delivery of ``event_type`` with the call's payload as it is at ``when``."""
        values = call.event_values(event_type, when, self.call_url(call.call_id), leg_parent=False)
        values.update(fields)
        payload = event_payload(event_type, values)
        timeout = call.callback_timeout
        return Delivery(
            event_type=event_type,
            call_id=call.call_id,
            payload=payload,
            primary=primary,
            fallback=fallback,
            timeout=timeout,
            time=when,
            generation=generation,
        )

    def end(
        self, call: SimulatedCall, cause: str, when: datetime, message: Optional[str] = None
    ) -> None:
        """End the call (its disconnect webhook follows)."""
        self.store.disconnect(call, cause, when, message)

    def answer(self, call: SimulatedCall, when: datetime) -> None:
        """Answer an inbound call its BXML picked up."""
        if call.direction == "inbound" and call.state not in (ANSWERED, DISCONNECTED):
            self.store.move(call, "answer", when)

    # -- replies ---------------------------------------------------------------------------

    def _settle(
        self, delivery: Delivery, record: Webhook, reply: Optional[Reply]
    ) -> Optional[Delivery]:
        """Record a delivery and act on its reply; may return the next delivery."""
        self.webhooks.append(record)
        call = self.store.calls.get(delivery.call_id)
        if call is not None:
            call.delivered(record)
            call.note(delivery.time, _describe(record))
        if delivery.on_reply is not None:  # a conference event: its BXML runs on the conference
            return delivery.on_reply(record, reply)
        if call is None or not delivery.expects_bxml:
            return None
        flow = self.flows.get(call.call_id)
        if call.state == DISCONNECTED or flow is None or flow.generation != delivery.generation:
            return None  # the call ended or moved on meanwhile: the reply is not used
        when = delivery.time
        if reply is None:
            message = f"The {record.event_type} webhook to {record.url} failed: {record.error}."
            self.end(call, "callback-error", when, message)
            return None
        if self._looping(call, when):
            return None
        try:
            verbs, note = read_document(
                reply.body if reply.body.strip() else b"<Response/>",
                either_root=not self.roots.strict,
            )
        except InvalidBxml as exc:
            message = f"Invalid BXML in the reply to the {record.event_type} webhook: {exc}"
            self.end(call, "invalid-bxml", when, message)
            return None
        if note is not None:
            call.note(when, f"the reply to the {record.event_type} webhook: {note}")
        return flow.start(verbs, record.url, when)

    def _looping(self, call: SimulatedCall, when: datetime) -> bool:
        last, count = self._burst.get(call.call_id, (when, 0))
        count = count + 1 if last == when else 1
        self._burst[call.call_id] = (when, count)
        if count <= MAX_WEBHOOKS_AT_ONCE:
            return False
        message = (
            f"More than {MAX_WEBHOOKS_AT_ONCE} webhooks at one instant: "
            "the app seems to redirect in a loop."
        )
        self.end(call, "application-error", when, message)
        return True


def _describe(record: Webhook) -> str:
    """The timeline line of one delivery, with the reply under it."""
    line = f"webhook {record.event_type}: {record.method} {record.url}"
    if record.status is not None:
        line += f" -> {record.status}"
    else:
        line += f" -> no answer ({record.error})"
    earlier = record.attempts[:-1]
    if earlier:
        steps = ", ".join(
            f"{a.status if a.status is not None else 'no answer'}"
            + (" with credentials" if a.authorized else "")
            + f" from {a.url}"
            for a in earlier
        )
        line += f"  (before: {steps})"
    if record.bxml:
        line += "\nreply: " + _shown(record.bxml)
    return line

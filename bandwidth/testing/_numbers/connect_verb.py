"""``<Connect><Endpoint>``: a call joins a BRTC endpoint (the verb family the simulator runs).

The docs say the verb connects the call to an endpoint created through the
Endpoints API, and that a Connect status event (``INITIATED``, then
``COMPLETED``, ``TIMED_OUT`` or ``DENIED``) goes to the verb's
``eventCallbackUrl``; they give no field names and no timing. So:

* the call joins the first listed endpoint that is ``CONNECTED`` (a device
  is on it): ``INITIATED``, and the call holds there until the endpoint's
  last device disconnects, the endpoint is deleted or expires (``COMPLETED``,
  then the next verb runs) or the call ends (``COMPLETED``);
* when none of the listed endpoints exists: ``DENIED`` at once, next verb;
* when one exists but no device is connected: ``TIMED_OUT`` after
  :data:`CONNECT_TIMEOUT` seconds, next verb.

The event body (our choice, documented in ``docs/simulator.md``) is
``{"eventType": "connect", "status", "eventTime", "accountId", "callId",
"endpointId"}``; its reply is not read as BXML. Runs under the lock, called
by the flow engine.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional

from bandwidth.models.bxml import Connect
from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.webhooks import Delivery, Reply, Target, Webhook
from bandwidth.testing._numbers.endpoint_book import CONNECTED, EndpointBook, SimulatedEndpoint
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, answering

__all__ = ["CONNECT_TIMEOUT", "family"]

#: Seconds a ``<Connect>`` waits for an endpoint with no connected device (then ``TIMED_OUT``).
CONNECT_TIMEOUT = 30.0


class EndpointConnection:
    """A call held on an endpoint by ``<Connect>`` (the flow's ``holding``)."""

    def __init__(
        self, flow: CallFlow, verb: Any, endpoint: SimulatedEndpoint, book: EndpointBook
    ) -> None:
        self.flow = flow
        self.verb = verb
        self.endpoint = endpoint
        self.book = book
        self.generation = flow.generation
        self.done = False

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """A key pressed on the call reaches the endpoint's client, not the app."""
        self.flow.call.note(when, f"digit {digit} sent to endpoint {self.endpoint.endpoint_id}")
        return None

    def release(self, when: datetime) -> None:
        """The document stopped under the verb (the call ended, a redirect): ``COMPLETED``."""
        if self._finish():
            _send(self.flow, self.verb, self.endpoint.endpoint_id, "COMPLETED", when)

    def endpoint_gone(self, when: datetime) -> None:
        """The endpoint's side ended: ``COMPLETED``, and the call goes on with its next verb."""
        if not self._finish():
            return
        flow = self.flow
        if flow.holding is self:
            flow.holding = None
        generation = self.generation

        def go_on(moment: datetime) -> Optional[Delivery]:
            if flow.generation != generation:
                return None
            return flow.resume(moment)

        event = _event(flow, self.verb, self.endpoint.endpoint_id, "COMPLETED", when, go_on)
        if event is None:
            flow.host.later(when, flow.bind(flow.resume))
        else:
            flow.host.later(when, lambda moment: event)

    def _finish(self) -> bool:
        if self.done:
            return False
        self.done = True
        self.book.unhold(self.endpoint.endpoint_id, self)
        return True


def _event(
    flow: CallFlow,
    verb: Any,
    endpoint_id: Optional[str],
    status: str,
    when: datetime,
    then: Optional[Any] = None,
) -> Optional[Delivery]:
    """The Connect status event to the verb's ``eventCallbackUrl`` (``None``: it has none)."""
    url = getattr(verb, "event_callback_url", None)
    if not url:
        return None
    fallback_url = getattr(verb, "event_fallback_url", None)
    call = flow.call
    payload: Dict[str, Any] = {
        "eventType": "connect",
        "status": status,
        "eventTime": format_time(when),
        "accountId": call.account_id,
        "callId": call.call_id,
        "endpointId": endpoint_id,
    }

    def on_reply(record: Webhook, reply: Optional[Reply]) -> Optional[Delivery]:
        return None if then is None else then(when)

    return Delivery(
        event_type="connect",
        call_id=call.call_id,
        payload=payload,
        primary=Target(flow.resolve(str(url))),
        fallback=Target(flow.resolve(str(fallback_url))) if fallback_url else None,
        timeout=call.callback_timeout,
        time=when,
        expects_bxml=False,
        on_reply=on_reply,
    )


def _send(
    flow: CallFlow, verb: Any, endpoint_id: Optional[str], status: str, when: datetime
) -> None:
    event = _event(flow, verb, endpoint_id, status, when)
    if event is not None:
        flow.host.later(when, lambda moment: event)


def family(book: EndpointBook) -> VerbFamily:
    """The runner of ``<Connect>`` over the simulator's endpoints."""

    def run(flow: CallFlow, verb: Any, when: datetime) -> Step:
        ids: List[str] = [str(e.endpoint_id) for e in verb.destination]
        known = [book.endpoints[i] for i in ids if i in book.endpoints]
        call = flow.call
        joined = next((e for e in known if e.status == CONNECTED), None)
        if joined is not None:
            connection = EndpointConnection(flow, verb, joined, book)
            book.hold(joined.endpoint_id, connection)
            flow.holding = connection
            call.note(when, f"<Connect>: joined endpoint {joined.endpoint_id}")
            _send(flow, verb, joined.endpoint_id, "INITIATED", when)
            return HALT
        if not known:
            call.note(when, f"<Connect>: no such endpoint ({', '.join(ids)}): DENIED")
            _send(flow, verb, ids[0] if ids else None, "DENIED", when)
            return 0
        waited = known[0].endpoint_id
        call.note(when, f"<Connect>: endpoint {waited} has no connected device")
        generation = flow.generation

        def timed_out(moment: datetime) -> Optional[Delivery]:
            if flow.generation != generation:
                return None
            call.note(moment, f"<Connect>: endpoint {waited} did not answer: TIMED_OUT")
            event = _event(flow, verb, waited, "TIMED_OUT", moment, flow.resume)
            return flow.resume(moment) if event is None else event

        flow.host.later(when + timedelta(seconds=CONNECT_TIMEOUT), flow.bind(timed_out))
        return HALT

    return VerbFamily({Connect: answering(run)})

"""What the media verbs share: the store, the clock's timers, and sending their events.

Every event here is sent through the engine's timers at the simulated
instant it belongs to (:meth:`MediaDelivery.send`), so it goes out in order
with the rest; events of the kind that take no BXML have no effect on the
call whatever the app answers. With call flows off, nothing is sent: the
store alone changes, as the REST API changes it.

The composition root makes one and hands it to each media verb family
(recordings, conferences, streams and gathers, transcriptions); it knows
none of them. Everything here runs under the store's lock.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import Any, Callable, Dict, List, Mapping, Optional

from bandwidth.testing._core.webhooks import Delivery, Reply, Target, Webhook
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import DEFAULT_CALLBACK_TIMEOUT, SimulatedCall, Utterance
from bandwidth.testing._voice.conferences import SimulatedConference
from bandwidth.testing._voice.event_payloads import call_values, payload
from bandwidth.testing._voice.interpreter import CallFlow, Timing

__all__ = ["MediaDelivery", "OnReply"]

OnReply = Callable[[Webhook, Optional[Reply]], Optional[Delivery]]


class MediaDelivery:
    """The store, timing, URLs and event sending the media verb families share."""

    def __init__(
        self,
        store: CallStore,
        timing: Timing,
        enabled: bool,
        call_url: Callable[[str], str],
        flows: Mapping[str, CallFlow],
    ) -> None:
        self.store = store
        self.timing = timing
        #: whether call flows run (webhooks go out, verbs play)
        self.enabled = enabled
        self._call_url = call_url
        self._flows = flows
        #: conference id -> what its recordings hear (the conference verbs write it)
        self.conference_audio: Dict[str, List[Utterance]] = {}

    def account_url(self) -> str:
        """The account's REST URL, which recordings' and transcriptions' URLs start with."""
        calls = self._call_url("")  # ".../accounts/{accountId}/calls/"
        return calls[: -len("/calls/")]

    def call_url(self, call_id: str) -> str:
        """A call's REST URL (``callUrl``)."""
        return self._call_url(call_id)

    def flow(self, call_id: str) -> Optional[CallFlow]:
        """The BXML running on a call, if any."""
        return self._flows.get(call_id)

    def later(self, due: datetime, action: Callable[[datetime], Optional[Delivery]]) -> None:
        """Run ``action`` when the clock reaches ``due``."""
        self.store.timers.add(due, action)

    @staticmethod
    def timeout(call: Optional[SimulatedCall]) -> float:
        """The call's ``callbackTimeout`` (the default when it sets none)."""
        if call is None:
            return DEFAULT_CALLBACK_TIMEOUT
        return call.callback_timeout

    def conference_timeout(self, conf: SimulatedConference) -> float:
        """The conference's ``callbackTimeout``: its creator's verb's, else the default."""
        return float(conf.request.get("callbackTimeout") or DEFAULT_CALLBACK_TIMEOUT)

    def send(
        self,
        event_type: str,
        call_id: str,
        data: Dict[str, Any],
        primary: Target,
        *,
        when: datetime,
        fallback: Optional[Target] = None,
        timeout: float = DEFAULT_CALLBACK_TIMEOUT,
        on_reply: Optional[OnReply] = None,
    ) -> None:
        """Deliver an event at ``when`` (in order with everything else due then).

        Its reply is ignored unless ``on_reply`` takes it (conference events).
        """
        if not self.enabled or not primary.url:
            return
        delivery = Delivery(
            event_type=event_type,
            call_id=call_id,
            payload=data,
            primary=primary,
            fallback=fallback,
            timeout=timeout,
            time=when,
            expects_bxml=False,
            on_reply=on_reply,
        )
        self.store.timers.add(when, functools.partial(_due, delivery))

    def call_event(
        self,
        call: SimulatedCall,
        event_type: str,
        when: datetime,
        target: Target,
        **values: Any,
    ) -> None:
        """Send a call's event: the call base set as it is at ``when``, plus ``values``."""
        fields = call_values(call, event_type, when, self.call_url(call.call_id))
        fields.update(values)
        data = payload(event_type, fields)
        self.send(event_type, call.call_id, data, target, when=when, timeout=self.timeout(call))


def _due(delivery: Delivery, when: datetime) -> Delivery:
    return delivery

"""The media side of call flows: conferences, recordings, streams, transcriptions, gathers.

The flow engine (:class:`~bandwidth.testing.voice.flow_engine.FlowEngine`) holds one
:class:`MediaEngine`. It listens to the store's conferences and recordings
(so what the REST API and the test change there has its webhooks too), owns
the state the media verbs keep between verbs (``_run_conference``,
``_run_recording``, ``_run_media``, ``_run_transcription``), and sends
their events.

Every event here is sent through the engine's timers at the simulated
instant it belongs to (:meth:`MediaEngine.send`), so it goes out in order
with the rest; events of the kind that take no BXML have no effect on the
call whatever the app answers. With call flows off, nothing is sent and
nothing plays: the store alone changes, as the REST API changes it.

Everything here runs under the store's lock.
"""

from __future__ import annotations

import functools
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional

from bandwidth.testing.core.webhooks import Delivery, Reply, Target, Webhook
from bandwidth.testing.voice.calls import INBOUND, SimulatedCall, Utterance
from bandwidth.testing.voice.flow_engine import DEFAULT_CALLBACK_TIMEOUT
from bandwidth.testing.voice.interpreter import CallFlow, Timing
from bandwidth.testing.voice.media_events import call_values, payload
from bandwidth.testing.voice.verbs.background_media import BackgroundMedia
from bandwidth.testing.voice.verbs.conference import ConferenceEngine
from bandwidth.testing.voice.verbs.recording import RecordHold, RecordingEngine
from bandwidth.testing.voice.verbs.transcription import RealTimeTranscribing

if TYPE_CHECKING:
    from bandwidth.testing.voice.call_store import CallStore
    from bandwidth.testing.voice.flow_engine import FlowEngine

__all__ = ["MediaEngine"]

OnReply = Callable[[Webhook, Optional[Reply]], Optional[Delivery]]


class MediaEngine:
    """Conferences, recordings, streams, real-time transcriptions and background gathers."""

    def __init__(self, engine: FlowEngine) -> None:
        self.engine = engine
        self.store: CallStore = engine.store
        self.recordings = RecordingEngine(self)
        self.conferences = ConferenceEngine(self)
        self.background = BackgroundMedia(self)
        self.transcribing = RealTimeTranscribing(self)
        self.store.recordings.listener = self.recordings
        self.store.conferences.listener = self.conferences

    @property
    def enabled(self) -> bool:
        """Whether call flows run (webhooks go out, verbs play)."""
        return self.engine.enabled

    @property
    def timing(self) -> Timing:
        """How long verbs take."""
        return self.engine.timing

    def account_url(self) -> str:
        """The account's REST URL, which recordings' and transcriptions' URLs start with."""
        calls = self.engine.call_url("")  # ".../accounts/{accountId}/calls/"
        return calls[: -len("/calls/")]

    def call_url(self, call_id: str) -> str:
        """A call's REST URL (``callUrl``)."""
        return self.engine.call_url(call_id)

    def flow(self, call_id: str) -> Optional[CallFlow]:
        """The BXML running on a call, if any."""
        return self.engine.flows.get(call_id)

    def later(self, due: datetime, action: Callable[[datetime], Optional[Delivery]]) -> None:
        """Run ``action`` when the clock reaches ``due``."""
        self.engine.later(due, action)

    @staticmethod
    def timeout(call: Optional[SimulatedCall]) -> float:
        """The call's ``callbackTimeout`` (15 s when it sets none)."""
        if call is None:
            return DEFAULT_CALLBACK_TIMEOUT
        return float(call.request.get("callbackTimeout") or DEFAULT_CALLBACK_TIMEOUT)

    # -- sending events --------------------------------------------------------------------

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
        self.engine.later(when, functools.partial(_due, delivery))

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

    # -- what the far end does, and the call's end -----------------------------------------

    def speak(self, call: SimulatedCall, text: str, seconds: float, when: datetime) -> None:
        """The far end talks for ``seconds`` from ``when``, saying ``text`` (``""``: no words)."""
        utterance = Utterance(when, when + timedelta(seconds=seconds), text, INBOUND)
        call.audio.append(utterance)
        said = f'says "{text}"' if text else "makes sound (no words)"
        call.note(when, f"the far end {said} for {seconds:g}s")
        self.conferences.spoken(call, utterance, when)
        flow = self.flow(call.call_id)
        if flow is not None and isinstance(flow.holding, RecordHold):
            flow.holding.spoke(utterance.end)

    def call_ended(self, call: SimulatedCall, when: datetime) -> None:
        """The call ended: its streams and transcriptions stop, its gather with them."""
        self.background.call_ended(call, when)
        self.transcribing.call_ended(call, when)

    def clear(self) -> None:
        """Forget everything (the store's calls are being cleared)."""
        self.background.clear()
        self.transcribing.clear()
        self.conferences.clear()
        self.recordings.clear()


def _due(delivery: Delivery, when: datetime) -> Delivery:
    return delivery

"""The media side of call flows: conferences, recordings, streams, transcriptions, gathers.

:class:`MediaEngine` holds the four media engines the composition root made
(each in the verb module it runs: ``verbs/recording``, ``verbs/conference``,
``verbs/background_media``, ``verbs/transcription``), listens to the store's
conferences and recordings (so what the REST API and the test change there
has its webhooks too), and tells them of what the far end says and of each
call's end. The flow engine knows it only as a
:class:`~bandwidth.testing._voice.flow_engine.MediaListener`.

Everything here runs under the store's lock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from bandwidth.testing._voice.calls import INBOUND, SimulatedCall, Utterance
from bandwidth.testing._voice.media_delivery import MediaDelivery
from bandwidth.testing._voice.verbs.background_media import BackgroundMedia
from bandwidth.testing._voice.verbs.conference import ConferenceEngine
from bandwidth.testing._voice.verbs.recording import RecordHold, RecordingEngine
from bandwidth.testing._voice.verbs.transcription import RealTimeTranscribing

__all__ = ["MediaEngine"]


class MediaEngine:
    """Conferences, recordings, streams, real-time transcriptions and background gathers."""

    def __init__(
        self,
        delivery: MediaDelivery,
        recordings: RecordingEngine,
        conferences: ConferenceEngine,
        background: BackgroundMedia,
        transcribing: RealTimeTranscribing,
    ) -> None:
        self.delivery = delivery
        self.recordings = recordings
        self.conferences = conferences
        self.background = background
        self.transcribing = transcribing
        store = delivery.store
        store.recordings.listener = recordings
        store.conferences.listener = conferences

    def speak(self, call: SimulatedCall, text: str, seconds: float, when: datetime) -> None:
        """The far end talks for ``seconds`` from ``when``, saying ``text`` (``""``: no words)."""
        utterance = Utterance(when, when + timedelta(seconds=seconds), text, INBOUND)
        call.far_end_says(utterance)
        said = f'says "{text}"' if text else "makes sound (no words)"
        call.note(when, f"the far end {said} for {seconds:g}s")
        self.conferences.spoken(call, utterance, when)
        flow = self.delivery.flow(call.call_id)
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

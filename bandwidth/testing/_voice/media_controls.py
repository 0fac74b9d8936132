"""The simulator's test API for what the far end says and for media streams.

:class:`MediaControls` holds the part of the test API where the test plays
the far end: :meth:`~MediaControls.speak` makes it talk (what recordings,
transcriptions and conference members then hold and hear; silence
otherwise, which ends a ``<Record silenceTimeout>``), and plays the
WebSocket servers streams would connect to
(:meth:`~MediaControls.close_stream`, :meth:`~MediaControls.fail_websocket`).
"""

from __future__ import annotations

import math
import threading
from datetime import datetime
from typing import List, Optional

from bandwidth.testing._voice.action_runner import ActionRunner
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import ANSWERED
from bandwidth.testing._voice.interpreter import Timing
from bandwidth.testing._voice.media_engine import MediaEngine
from bandwidth.testing._voice.verbs.background_media import STREAM_FAILURES, SimulatedStream

__all__ = ["MediaControls"]

STREAM_END_CAUSES = ("closed", *STREAM_FAILURES)


class MediaControls:
    """The far end's speech and the streams' sockets, driven by the test."""

    def __init__(
        self, store: CallStore, media: MediaEngine, timing: Timing, actions: ActionRunner
    ) -> None:
        self._store = store
        self._media = media
        self._timing = timing
        self._lock: threading.Lock = store.lock
        self._act = actions.act

    def speak(self, call_id: str, text: str = "", *, seconds: Optional[float] = None) -> None:
        """The far end talks now, for ``seconds``, saying ``text``.

        ``seconds`` defaults to the time ``text`` takes at the simulator's
        speaking rate (``Timing.words_per_minute``); ``text=""`` with
        ``seconds`` is sound without words (it still breaks a silence).
        The words go into what records the call (``<Record>``,
        ``<StartRecording>``, ``<StartTranscription>``, a conference's
        recording) and to the other members of its conference. Between two
        ``speak`` calls the far end is silent. The call must be answered.
        """
        if not isinstance(text, str):
            raise TypeError("text must be a string")
        if seconds is None:
            words = len(text.split())
            if not words:
                raise ValueError("give text, or seconds of sound without words")
            seconds = self._timing.speech_seconds(words)
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, (int, float))
            or not math.isfinite(seconds)
            or seconds <= 0
        ):
            raise ValueError("seconds must be a positive number")
        length = float(seconds)

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state != ANSWERED:
                raise ValueError(f"call {call_id} is {call.state}; only an answered call talks")
            self._media.speak(call, " ".join(text.split()), length, now)

        self._act(change)

    def close_stream(
        self,
        call_id: str,
        name: str,
        *,
        cause: str = "closed",
        error_message: Optional[str] = None,
    ) -> None:
        """The WebSocket server ends the call's stream ``name`` (or id) now.

        ``cause`` is ``closed`` (the server closed it), ``connection-error``
        or ``error``: ``mediaStreamStopped`` says so, and a ``<StopStream
        wait="true">`` waiting for it goes on. ``ValueError`` if no such
        stream is running.
        """
        if cause not in STREAM_END_CAUSES:
            raise ValueError(f"cause must be one of {STREAM_END_CAUSES}")

        def change(now: datetime) -> None:
            self._store.get(call_id)
            background = self._media.background
            stream = background.find_stream(call_id, name)
            if stream is None:
                raise ValueError(f"no stream {name!r} is running on call {call_id}")
            background.stop_stream_now(stream, now, cause, error_message)

        self._act(change)

    def fail_websocket(
        self, destination: str, *, cause: Optional[str] = "connection-error"
    ) -> None:
        """Streams and transcriptions to ``destination`` are refused from now on.

        They get ``mediaStreamRejected`` / ``realTimeTranscriptionRejected``
        with ``cause`` (``connection-error`` or ``error``); ``cause=None``
        makes the destination reachable again.
        """
        if cause is not None and cause not in STREAM_FAILURES:
            raise ValueError(f"cause must be one of {STREAM_FAILURES}, or None")

        def change(now: datetime) -> None:
            failing = self._media.background.failing
            if cause is None:
                failing.pop(destination, None)
            else:
                failing[destination] = cause

        self._act(change)

    @property
    def streams(self) -> List[SimulatedStream]:
        """Copies of every stream a ``<StartStream>`` asked for, oldest first."""
        return self._act(lambda now: [s.snapshot() for s in self._media.background.streams])

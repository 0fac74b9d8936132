"""Background media verbs: ``<StartGather>`` and ``<StartStream>`` (transcription: beside).

They start something that runs beside the call's other verbs, and their
Stop verbs end it; none takes time (``<StopStream wait="true">`` aside).

* **StartGather** sends a ``dtmf`` event to its ``dtmfUrl`` for each digit
  the far end presses while no ``<Gather>`` runs (one in a ``<Conference>``
  or a ``<Record>`` included), until ``<StopGather>`` or the call's end.
  The reply is ignored. A second StartGather replaces the first.
* **StartStream** opens no WebSocket: the stream is "connected" at once
  (``mediaStreamStarted``) unless the test made its destination fail
  (``sim.fail_websocket``: ``mediaStreamRejected``), its name is taken by
  a stream running on the call (``duplicate``) or the call would stream
  more than 4 tracks (``track-limit``). ``<StopStream>``, the call's end, or
  the test (``sim.close_stream``: the server closing the socket) stop it
  (``mediaStreamStopped``). ``<StopStream wait="true">`` holds the call
  until the socket closes, which only the test does.

``<StartTranscription>`` is in ``verbs/transcription``; it fails on the same
sockets (:attr:`BackgroundMedia.failing`), with its own limit of 4 tracks.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple

from bandwidth.models.bxml import StartGather, StartStream, StopGather, StopStream
from bandwidth.testing._core.clock import format_duration, format_time
from bandwidth.testing._core.webhooks import Delivery, Target, targets_for
from bandwidth.testing._voice.calls import SimulatedCall, new_id
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, VerbRunner
from bandwidth.testing._voice.media_delivery import MediaDelivery
from bandwidth.testing._voice.verbs.media_reading import (
    StreamSpec,
    dtmf_callback,
    stop_stream_spec,
    stream_spec,
)

__all__ = ["MAX_TRACKS", "STREAM_FAILURES", "BackgroundMedia", "SimulatedStream", "family"]

#: At most this many tracks stream (or are transcribed) at once on a call; ``both`` is 2.
MAX_TRACKS = 4
#: How the test can make a WebSocket fail (``sim.fail_websocket``, ``sim.close_stream``).
STREAM_FAILURES = ("connection-error", "error")
STREAMING, STOPPED, REJECTED = "streaming", "stopped", "rejected"


@dataclass
class SimulatedStream:
    """A media stream a ``<StartStream>`` asked for; ``sim.streams`` lists copies.

    ``status`` is ``streaming``, ``stopped`` or ``rejected``; ``cause`` (and
    ``error_message``) say why it stopped or was refused. ``params`` are its
    ``<StreamParam>`` pairs, which the WebSocket's ``start`` message would carry.
    """

    stream_id: str
    call_id: str
    name: str
    destination: str
    mode: str
    tracks: Tuple[str, ...]
    start_time: datetime
    params: Dict[str, str] = field(default_factory=dict)
    status: str = STREAMING
    end_time: Optional[datetime] = None
    cause: Optional[str] = None
    error_message: Optional[str] = None
    destination_username: Optional[str] = None

    @property
    def active(self) -> bool:
        """Whether it is streaming."""
        return self.status == STREAMING

    def to_json(self) -> Dict[str, Any]:
        """The ``mediaStream`` object of its events (with ``duration`` once stopped)."""
        data: Dict[str, Any] = {
            "id": self.stream_id,
            "name": self.name,
            "destination": self.destination,
            "startTime": format_time(self.start_time),
            "tracks": list(self.tracks),
            "type": "WebSocket",
        }
        if self.status == STOPPED and self.end_time is not None:
            data["duration"] = format_duration((self.end_time - self.start_time).total_seconds())
        return data

    def snapshot(self) -> SimulatedStream:
        """An independent copy."""
        clone = copy.copy(self)
        clone.params = dict(self.params)
        return clone


class StreamWait:
    """A ``<StopStream wait="true">``: holds the call until the stream's socket closes."""

    def __init__(
        self, background: BackgroundMedia, flow: CallFlow, stream: SimulatedStream
    ) -> None:
        self.background = background
        self.flow = flow
        self.stream = stream

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """Digits do not end the wait."""
        self.flow.call.note(when, f"digit {digit} pressed while waiting for the stream to close")
        return None

    def release(self, when: datetime) -> None:
        """The document stopped: the stream stops with it."""
        self.background.stop_stream_now(self.stream, when, "closed")


class BackgroundMedia:
    """Background gathers, streams and real-time transcriptions of every call."""

    def __init__(self, media: MediaDelivery) -> None:
        self.media = media
        #: call id -> where its dtmf events go
        self.gathers: Dict[str, Target] = {}
        #: every stream asked for, oldest first
        self.streams: List[SimulatedStream] = []
        self._targets: Dict[str, Optional[Target]] = {}
        #: WebSocket destination -> the cause its streams and transcriptions fail with
        self.failing: Dict[str, str] = {}

    def clear(self) -> None:
        """Forget the calls' gathers and streams (not the failing sockets)."""
        self.gathers.clear()
        self.streams.clear()
        self._targets.clear()

    def call_ended(self, call: SimulatedCall, when: datetime) -> None:
        """The call ended: its streams stop, its gather ends."""
        self.gathers.pop(call.call_id, None)
        for stream in self.streams:
            if stream.call_id == call.call_id and stream.active:
                self.stop_stream_now(stream, when, "closed")

    # -- StartGather -----------------------------------------------------------------------

    def start_gather(self, flow: CallFlow, verb: Any, when: datetime) -> Step:
        """Send a dtmf event for every digit from now on (replacing a running StartGather)."""
        callback = dtmf_callback(verb)
        found = targets_for(callback, flow.base_url)
        flow.call.set_tag(callback.tag, when)
        if found is None:  # pragma: no cover - the builder requires dtmfUrl
            return 0.0
        replaced = " (replacing the one running)" if flow.call.call_id in self.gathers else ""
        self.gathers[flow.call.call_id] = found[0]
        flow.call.note(when, f"<StartGather> digits go to {found[0].url}{replaced}")
        return 0.0

    def stop_gather(self, flow: CallFlow, when: datetime) -> Step:
        """Stop the dtmf events (nothing to stop: no effect)."""
        stopped = self.gathers.pop(flow.call.call_id, None) is not None
        flow.call.note(when, "<StopGather>" + ("" if stopped else ": no StartGather running"))
        return 0.0

    def dtmf(self, flow: CallFlow, digit: str, when: datetime) -> bool:
        """A digit no Gather collects: a dtmf event, if a StartGather runs."""
        target = self.gathers.get(flow.call.call_id)
        if target is None:
            return False
        flow.call.note(when, f"digit {digit}: dtmf event")
        self.media.call_event(flow.call, "dtmf", when, target, digit=digit)
        return True

    # -- streams ---------------------------------------------------------------------------

    def start_stream(self, flow: CallFlow, verb: Any, when: datetime) -> Step:
        """Start a stream (or refuse it: a failing socket, a taken name, too many tracks)."""
        spec = stream_spec(verb)
        call = flow.call
        found = targets_for(spec.events, flow.base_url)
        target = found[0] if found is not None else None
        stream_id = new_id("s")
        stream = SimulatedStream(
            stream_id=stream_id,
            call_id=call.call_id,
            name=spec.name or stream_id,
            destination=spec.destination,
            mode=spec.mode,
            tracks=spec.tracks,
            start_time=when,
            params=dict(spec.params),
            destination_username=spec.destination_username,
        )
        self.streams.append(stream)
        self._targets[stream_id] = target
        running = [
            s for s in self.streams if s.call_id == call.call_id and s.active and s is not stream
        ]
        taken = next((s for s in running if s.name == stream.name), None)
        values: Dict[str, Any] = {}
        if taken is not None:
            cause, message = "duplicate", f"A stream named {stream.name} is running on the call."
            values["originalMediaStream"] = taken.to_json()
        elif sum(len(s.tracks) for s in running) + len(stream.tracks) > MAX_TRACKS:
            cause, message = "track-limit", f"At most {MAX_TRACKS} tracks stream at once."
        elif spec.destination in self.failing:
            cause = self.failing[spec.destination]
            message = f"Could not connect to {spec.destination}."
        else:
            call.note(when, f"<StartStream> {stream.name} to {stream.destination} ({_spec(spec)})")
            self._stream_event(call, stream, "mediaStreamStarted", when, target)
            return 0.0
        stream.status, stream.end_time = REJECTED, when
        stream.cause, stream.error_message = cause, message
        call.note(when, f"<StartStream> {stream.name} rejected: {cause}")
        values.update(cause=cause, errorMessage=message)
        self._stream_event(call, stream, "mediaStreamRejected", when, target, **values)
        return 0.0

    def stop_stream(self, flow: CallFlow, verb: Any, when: datetime) -> Step:
        """Stop a stream by name or id; with ``wait``, hold until its socket closes."""
        spec = stop_stream_spec(verb)
        stream = self.find_stream(flow.call.call_id, spec.name)
        if stream is None:
            flow.call.note(when, f"<StopStream> {spec.name}: no such stream running")
            return 0.0
        if spec.wait:
            flow.call.note(when, f"<StopStream> {stream.name}: waiting for its socket to close")
            flow.holding = StreamWait(self, flow, stream)
            return HALT
        self.stop_stream_now(stream, when, "closed")
        return 0.0

    def find_stream(self, call_id: str, name: str) -> Optional[SimulatedStream]:
        """The call's running stream of that name (or id)."""
        for stream in self.streams:
            if (
                stream.call_id == call_id
                and stream.active
                and name in (stream.name, stream.stream_id)
            ):
                return stream
        return None

    def stop_stream_now(
        self,
        stream: SimulatedStream,
        when: datetime,
        cause: str,
        message: Optional[str] = None,
    ) -> None:
        """The stream stops (``mediaStreamStopped``); a StopStream waiting on it goes on."""
        if not stream.active:
            return
        stream.status, stream.end_time = STOPPED, when
        stream.cause, stream.error_message = cause, message
        call = self.media.store.calls.get(stream.call_id)
        if call is None:
            return
        call.note(when, f"stream {stream.name} stopped ({cause})")
        target = self._targets.get(stream.stream_id)
        self._stream_event(
            call, stream, "mediaStreamStopped", when, target, cause=cause, errorMessage=message
        )
        flow = self.media.flow(call.call_id)
        waiting = flow.holding if flow is not None else None
        if flow is not None and isinstance(waiting, StreamWait) and waiting.stream is stream:
            flow.holding = None
            self.media.later(when, flow.bind(flow.resume))

    def _stream_event(
        self,
        call: SimulatedCall,
        stream: SimulatedStream,
        event_type: str,
        when: datetime,
        target: Optional[Target],
        **values: Any,
    ) -> None:
        if target is not None:
            self.media.call_event(
                call, event_type, when, target, mediaStream=stream.to_json(), **values
            )


def _spec(spec: StreamSpec) -> str:
    params = f", {len(spec.params)} param(s)" if spec.params else ""
    return f"{spec.mode}, {' and '.join(spec.tracks)}{params}"


# -- the verbs -----------------------------------------------------------------------------


def family(background: BackgroundMedia) -> VerbFamily:
    """The runners of StartGather, StopGather, StartStream and StopStream, and the tap that
    sends a ``dtmf`` event for each digit no ``<Gather>`` collects."""

    def stop_gather(flow: CallFlow, verb: Any, when: datetime) -> Step:
        return background.stop_gather(flow, when)

    return VerbFamily(
        {
            StartGather: VerbRunner(background.start_gather),
            StopGather: VerbRunner(stop_gather),
            StartStream: VerbRunner(background.start_stream),
            StopStream: VerbRunner(background.stop_stream),
        },
        digit_taps=(background.dtmf,),
    )

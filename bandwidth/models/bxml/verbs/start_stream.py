"""``<StartStream>``: stream the call's audio to a WebSocket."""

from __future__ import annotations

from bandwidth.models.bxml._fields import Choice, Str, required
from bandwidth.models.bxml.enums import StreamMode, Tracks
from bandwidth.models.bxml.nestable_verb import Kids, NestableVerb
from bandwidth.models.bxml.verbs._kinds import MAX_PARAMS, Method, StreamName, Url, WsUrl
from bandwidth.models.bxml.verbs.stream_param import StreamParam

__all__ = ["StartStream"]


class StartStream(NestableVerb):
    """Stream the call's audio to the ``destination`` WebSocket (PCMU, 8 kHz, base64).

    Non-blocking: if it is the last verb the call ends at once; for
    bidirectional audio follow it with ``StopStream(name, wait=True)``.
    Up to 12 ``stream_params`` go to the socket when the stream starts.
    """

    _tag = "StartStream"

    destination: WsUrl = required(WsUrl())
    destination_username: Str = Str()
    destination_password: Str = Str()
    stream_params: Kids[StreamParam] = Kids(StreamParam, max_count=MAX_PARAMS)
    name: StreamName = StreamName()
    mode: Choice[StreamMode] = Choice(StreamMode)
    tracks: Choice[Tracks] = Choice(Tracks)
    stream_event_url: Url = Url()
    stream_event_method: Method = Method()
    username: Str = Str()
    password: Str = Str()

    def add_stream_param(self, param: StreamParam) -> StartStream:
        """Append a parameter; same as :meth:`add_verb`."""
        return self.add_verb(param)

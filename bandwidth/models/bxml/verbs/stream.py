"""Media streams and real-time transcription, with their name/value parameters."""

from __future__ import annotations

import re
from typing import Iterable, Optional, Union

from bandwidth.models.bxml._attrs import Attr, Choice, Required, Text, WebSocketUrl
from bandwidth.models.bxml.enums import StreamMode, Tracks
from bandwidth.models.bxml.verb import ParentVerb, Verb, VerbList
from bandwidth.models.bxml.verbs._common import BOOL, CREDENTIAL, METHOD, URL, Method, as_verbs

__all__ = [
    "CustomParam",
    "StartStream",
    "StartTranscription",
    "StopStream",
    "StopTranscription",
    "StreamParam",
]

#: Each of StartStream and StartTranscription carries at most 12 parameters.
MAX_PARAMS = 12

_PARAM_NAME = Text(max_length=256, non_empty=True)
_PARAM_VALUE = Text(max_length=2048)
_WS = WebSocketUrl()
_TRANSCRIPTION_NAME = Text(
    pattern=re.compile(r"[A-Za-z0-9_-]+"), expects="letters, digits, '_' and '-' only"
)


class StreamParam(Verb):
    """A name/value pair sent to a ``StartStream`` WebSocket when the stream starts."""

    _tag = "StreamParam"
    _top_level = False
    _goes_in = "StartStream"

    name = Required("name", _PARAM_NAME)
    value = Required("value", _PARAM_VALUE)

    def __init__(self, name: str, value: str) -> None:
        """``name`` up to 256 characters, ``value`` up to 2048."""
        self.name = name
        self.value = value


class CustomParam(Verb):
    """A name/value pair sent to a ``StartTranscription`` WebSocket when it starts."""

    _tag = "CustomParam"
    _top_level = False
    _goes_in = "StartTranscription"

    name = Required("name", _PARAM_NAME)
    value = Required("value", _PARAM_VALUE)

    def __init__(self, name: str, value: str) -> None:
        """``name`` up to 256 characters, ``value`` up to 2048."""
        self.name = name
        self.value = value


class StartStream(ParentVerb):
    """Stream the call's audio to a WebSocket in the background (PCMU, 8 kHz, base64).

    Non-blocking: if it is the last verb the call ends at once; for
    bidirectional audio follow it with ``StopStream(name, wait=True)``.
    """

    _tag = "StartStream"
    _allowed = (StreamParam,)
    _max_children = MAX_PARAMS
    _children_name = "stream_params"

    name = Attr("name", Text(non_empty=True, no_control=True))
    mode = Attr("mode", Choice(StreamMode))
    tracks = Attr("tracks", Choice(Tracks))
    destination = Required("destination", _WS)
    destination_username = Attr("destinationUsername", CREDENTIAL)
    destination_password = Attr("destinationPassword", CREDENTIAL)
    stream_event_url = Attr("streamEventUrl", URL)
    stream_event_method = Attr("streamEventMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)

    def __init__(
        self,
        destination: str,
        *,
        stream_params: Union[Verb, Iterable[StreamParam], None] = None,
        name: Optional[str] = None,
        mode: Optional[Union[StreamMode, str]] = None,
        tracks: Optional[Union[Tracks, str]] = None,
        destination_username: Optional[str] = None,
        destination_password: Optional[str] = None,
        stream_event_url: Optional[str] = None,
        stream_event_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
    ) -> None:
        """``destination`` is the ``ws://``/``wss://`` URL; up to 12 ``stream_params``."""
        self._setup()
        self.name = name
        self.mode = mode
        self.tracks = tracks
        self.destination = destination
        self.destination_username = destination_username
        self.destination_password = destination_password
        self.stream_event_url = stream_event_url
        self.stream_event_method = stream_event_method
        self.username = username
        self.password = password
        self._children.extend(as_verbs(stream_params))

    @property
    def stream_params(self) -> VerbList:
        """The parameters (a checked list: StreamParam only, at most 12)."""
        return self._children

    @stream_params.setter
    def stream_params(self, verbs: Iterable[Verb]) -> None:
        self._children = VerbList(self, verbs)

    def add_stream_param(self, param: StreamParam) -> StartStream:
        """Append a parameter; same as :meth:`add_verb`."""
        return self.add_verb(param)


class StopStream(Verb):
    """Stop the stream called ``name``; ``wait=True`` blocks until its socket closes."""

    _tag = "StopStream"

    name = Required("name", Text(non_empty=True, no_control=True))
    wait = Attr("wait", BOOL)

    def __init__(self, name: str, *, wait: Optional[bool] = None) -> None:
        """``name`` as given to StartStream, or the id from mediaStreamStarted."""
        self.name = name
        self.wait = wait


class StartTranscription(ParentVerb):
    """Transcribe the call in real time, optionally pushing results to a WebSocket."""

    _tag = "StartTranscription"
    _allowed = (CustomParam,)
    _max_children = MAX_PARAMS
    _children_name = "custom_params"

    name = Attr("name", _TRANSCRIPTION_NAME)
    tracks = Attr("tracks", Choice(Tracks))
    transcription_event_url = Attr("transcriptionEventUrl", URL)
    transcription_event_method = Attr("transcriptionEventMethod", METHOD)
    username = Attr("username", CREDENTIAL)
    password = Attr("password", CREDENTIAL)
    destination = Attr("destination", _WS)
    stabilized = Attr("stabilized", BOOL)

    def __init__(
        self,
        *,
        name: Optional[str] = None,
        tracks: Optional[Union[Tracks, str]] = None,
        transcription_event_url: Optional[str] = None,
        transcription_event_method: Optional[Method] = None,
        username: Optional[str] = None,
        password: Optional[str] = None,
        destination: Optional[str] = None,
        stabilized: Optional[bool] = None,
        custom_params: Union[Verb, Iterable[CustomParam], None] = None,
    ) -> None:
        """All keywords; up to 12 ``custom_params`` go to the ``destination`` WebSocket."""
        self._setup()
        self.name = name
        self.tracks = tracks
        self.transcription_event_url = transcription_event_url
        self.transcription_event_method = transcription_event_method
        self.username = username
        self.password = password
        self.destination = destination
        self.stabilized = stabilized
        self._children.extend(as_verbs(custom_params))

    @property
    def custom_params(self) -> VerbList:
        """The parameters (a checked list: CustomParam only, at most 12)."""
        return self._children

    @custom_params.setter
    def custom_params(self, verbs: Iterable[Verb]) -> None:
        self._children = VerbList(self, verbs)

    def add_custom_param(self, param: CustomParam) -> StartTranscription:
        """Append a parameter; same as :meth:`add_verb`."""
        return self.add_verb(param)


class StopTranscription(Verb):
    """Stop the real-time transcription ``name``, or all of them when no name is given."""

    _tag = "StopTranscription"

    name = Attr("name", Text(non_empty=True, no_control=True))

    def __init__(self, name: Optional[str] = None) -> None:
        """``name`` of the transcription to stop; ``None`` stops every one."""
        self.name = name

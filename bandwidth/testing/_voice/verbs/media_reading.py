"""Reading the media verbs: conference, recording, background gather, stream, transcription.

Built on :mod:`~bandwidth.testing._voice.bxml_reading` (the one adapter onto the BXML
builder): each ``*_spec`` reads a parsed verb into what the simulator runs,
with the defaults of the BXML reference where an attribute is absent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, Tuple

from bandwidth.testing._voice.bxml_reading import (
    VerbCallback,
    callback,
    flag,
    integer,
    number,
    text,
)
from bandwidth.testing._voice.calls import DEFAULT_CALLBACK_TIMEOUT

if TYPE_CHECKING:
    pass

__all__ = [
    "ConferenceSpec",
    "RecordSpec",
    "RecordingSpec",
    "StopStreamSpec",
    "StreamSpec",
    "TranscriptionSpec",
    "conference_spec",
    "dtmf_callback",
    "record_spec",
    "recording_spec",
    "stop_stream_spec",
    "stream_spec",
    "tracks_of",
    "transcription_spec",
]

#: ``<Record>`` ends on ``#`` unless told otherwise (``""`` disables it).
RECORD_TERMINATING_DIGITS = "#"
#: ``<Record maxDuration>`` default, in seconds.
RECORD_MAX_DURATION = 60.0


def tracks_of(verb: Any) -> Tuple[str, ...]:
    """The tracks a stream or transcription takes: ``inbound`` (default), ``outbound`` or both."""
    value = text(verb, "tracks") or "inbound"
    return ("inbound", "outbound") if value == "both" else (value,)


def _params(verb: Any, attribute: str) -> Tuple[Tuple[str, str], ...]:
    children = getattr(verb, attribute, None) or ()
    return tuple((text(kid, "name") or "", text(kid, "value") or "") for kid in children)


@dataclass(frozen=True)
class ConferenceSpec:
    """A ``<Conference>``: the name, how this member joins, and the creator's settings."""

    name: str
    mute: bool
    hold: bool
    call_ids_to_coach: Optional[Tuple[str, ...]]
    events: VerbCallback
    tag: Optional[str]
    callback_timeout: Optional[float]


def conference_spec(verb: Any) -> ConferenceSpec:
    """Read a Conference (mute and hold default to false; no coaching)."""
    coached = text(verb, "call_ids_to_coach")
    timeout = getattr(verb, "callback_timeout", None)
    return ConferenceSpec(
        name=text(verb, "name") or "",
        mute=flag(verb, "mute", False),
        hold=flag(verb, "hold", False),
        call_ids_to_coach=None if coached is None else tuple(coached.split(",")),
        events=callback(verb, "conference_event"),
        tag=text(verb, "tag"),
        callback_timeout=None
        if timeout is None
        else number(verb, "callback_timeout", DEFAULT_CALLBACK_TIMEOUT),
    )


@dataclass(frozen=True)
class RecordingSpec:
    """A ``<StartRecording>`` (and what ``<Record>`` shares with it)."""

    available: VerbCallback
    transcription: VerbCallback
    transcribe: bool
    detect_language: bool
    tag: Optional[str]
    file_format: str
    multi_channel: bool
    name: Optional[str]


def recording_spec(verb: Any) -> RecordingSpec:
    """Read a StartRecording: wav, one channel, no transcription by default."""
    return RecordingSpec(
        available=callback(verb, "recording_available"),
        transcription=callback(verb, "transcription_available"),
        transcribe=flag(verb, "transcribe", False),
        detect_language=flag(verb, "detect_language", False),
        tag=text(verb, "tag"),
        file_format=text(verb, "file_format") or "wav",
        multi_channel=flag(verb, "multi_channel", False),
        name=text(verb, "recording_name"),
    )


@dataclass(frozen=True)
class RecordSpec:
    """A ``<Record>``: what ends it, and where its events go."""

    recording: RecordingSpec
    complete: VerbCallback
    terminating_digits: str
    max_duration: float
    silence_timeout: float


def record_spec(verb: Any) -> RecordSpec:
    """Read a Record: ends on ``#``, after 60 s, or (``silenceTimeout`` > 0) on silence."""
    digits = text(verb, "terminating_digits")
    return RecordSpec(
        recording=recording_spec(verb),
        complete=callback(verb, "record_complete"),
        terminating_digits=RECORD_TERMINATING_DIGITS if digits is None else digits,
        max_duration=float(integer(verb, "max_duration", int(RECORD_MAX_DURATION))),
        silence_timeout=number(verb, "silence_timeout", 0.0),
    )


def dtmf_callback(verb: Any) -> VerbCallback:
    """A StartGather's ``dtmfUrl`` settings (its ``tag`` included)."""
    return callback(verb, "dtmf")


@dataclass(frozen=True)
class StreamSpec:
    """A ``<StartStream>``."""

    name: Optional[str]
    destination: str
    mode: str
    tracks: Tuple[str, ...]
    params: Tuple[Tuple[str, str], ...]
    events: VerbCallback
    destination_username: Optional[str]
    destination_password: Optional[str] = field(default=None, repr=False)


def stream_spec(verb: Any) -> StreamSpec:
    """Read a StartStream: unidirectional, inbound track, named after its id by default."""
    return StreamSpec(
        name=text(verb, "name"),
        destination=text(verb, "destination") or "",
        mode=text(verb, "mode") or "unidirectional",
        tracks=tracks_of(verb),
        params=_params(verb, "stream_params"),
        events=callback(verb, "stream_event"),
        destination_username=text(verb, "destination_username"),
        destination_password=text(verb, "destination_password"),
    )


@dataclass(frozen=True)
class StopStreamSpec:
    """A ``<StopStream>``: which stream, and whether to wait for its socket to close."""

    name: str
    wait: bool


def stop_stream_spec(verb: Any) -> StopStreamSpec:
    """Read a StopStream (``wait`` defaults to false)."""
    return StopStreamSpec(name=text(verb, "name") or "", wait=flag(verb, "wait", False))


@dataclass(frozen=True)
class TranscriptionSpec:
    """A ``<StartTranscription>``."""

    name: Optional[str]
    tracks: Tuple[str, ...]
    events: VerbCallback
    destination: Optional[str]
    stabilized: bool
    params: Tuple[Tuple[str, str], ...]
    detect_language: bool
    preferred_languages: Tuple[str, ...]


def transcription_spec(verb: Any) -> TranscriptionSpec:
    """Read a StartTranscription: inbound track, stabilized, en-US by default."""
    preferred = text(verb, "preferred_languages") or ""
    return TranscriptionSpec(
        name=text(verb, "name"),
        tracks=tracks_of(verb),
        events=callback(verb, "transcription_event"),
        destination=text(verb, "destination"),
        stabilized=flag(verb, "stabilized", True),
        params=_params(verb, "custom_params"),
        detect_language=flag(verb, "detect_language", False),
        preferred_languages=tuple(p.strip() for p in preferred.split(",") if p.strip()),
    )

"""Enumerated BXML attribute values.

Each attribute typed with one of these also accepts the plain wire string
(``gender="female"``); anything else is rejected when it is set.
"""

from __future__ import annotations

from bandwidth.models._enum import ApiEnum
from bandwidth.models.callback_method_enum import CallbackMethodEnum

__all__ = [
    "CallbackMethodEnum",
    "DiversionReason",
    "DiversionTreatment",
    "FileFormatEnum",
    "Gender",
    "StreamMode",
    "Tracks",
]


class Gender(ApiEnum):
    """``SpeakSentence`` voice gender, used when no ``voice`` is given."""

    MALE = "male"
    FEMALE = "female"


class Tracks(ApiEnum):
    """Which audio of a call to stream or transcribe (from Bandwidth's side)."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"
    BOTH = "both"


class StreamMode(ApiEnum):
    """Whether the WebSocket of a ``StartStream`` may also send audio back."""

    UNIDIRECTIONAL = "unidirectional"
    BIDIRECTIONAL = "bidirectional"


class FileFormatEnum(ApiEnum):
    """Recording file format (the spec's ``fileFormatEnum``)."""

    MP3 = "mp3"
    WAV = "wav"


class DiversionTreatment(ApiEnum):
    """How ``Forward``/``Transfer`` handle SIP Diversion headers."""

    NONE = "none"
    PROPAGATE = "propagate"
    STACK = "stack"


class DiversionReason(ApiEnum):
    """Reason written in a stacked Diversion header (only with ``stack``)."""

    UNKNOWN = "unknown"
    USER_BUSY = "user-busy"
    NO_ANSWER = "no-answer"
    UNAVAILABLE = "unavailable"
    UNCONDITIONAL = "unconditional"
    TIME_OF_DAY = "time-of-day"
    DO_NOT_DISTURB = "do-not-disturb"
    DEFLECTION = "deflection"
    FOLLOW_ME = "follow-me"
    OUT_OF_SERVICE = "out-of-service"
    AWAY = "away"

"""Every BXML verb class, grouped by module; import them from ``bandwidth.models.bxml``."""

from bandwidth.models.bxml.verbs.audio import Pause, PlayAudio, Ring, SendDtmf, SpeakSentence
from bandwidth.models.bxml.verbs.conference import Conference
from bandwidth.models.bxml.verbs.connect import Connect, Endpoint
from bandwidth.models.bxml.verbs.control import Hangup, Redirect, Tag
from bandwidth.models.bxml.verbs.gather import Gather, StartGather, StopGather
from bandwidth.models.bxml.verbs.recording import (
    PauseRecording,
    Record,
    ResumeRecording,
    StartRecording,
    StopRecording,
)
from bandwidth.models.bxml.verbs.stream import (
    CustomParam,
    StartStream,
    StartTranscription,
    StopStream,
    StopTranscription,
    StreamParam,
)
from bandwidth.models.bxml.verbs.transfer import (
    Bridge,
    Forward,
    PhoneNumber,
    Refer,
    SipUri,
    Transfer,
)

__all__ = [
    "Bridge",
    "Conference",
    "Connect",
    "CustomParam",
    "Endpoint",
    "Forward",
    "Gather",
    "Hangup",
    "Pause",
    "PauseRecording",
    "PhoneNumber",
    "PlayAudio",
    "Record",
    "Redirect",
    "Refer",
    "ResumeRecording",
    "Ring",
    "SendDtmf",
    "SipUri",
    "SpeakSentence",
    "StartGather",
    "StartRecording",
    "StartStream",
    "StartTranscription",
    "StopGather",
    "StopRecording",
    "StopStream",
    "StopTranscription",
    "StreamParam",
    "Tag",
    "Transfer",
]

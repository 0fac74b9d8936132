"""BXML, Bandwidth's call-control XML: a safe builder and a parser.

Build a document from verb objects and render it::

    from bandwidth.models.bxml import Gather, Response, SpeakSentence

    doc = Response([
        SpeakSentence("Welcome!", voice="julie"),
        Gather([SpeakSentence("Press 1 for sales.")], gather_url="/gather", max_digits=1),
    ])
    doc.to_bxml()   # "<?xml version='1.0' encoding='UTF-8'?>\\n<Response>..."

``Response`` answers webhooks; ``Bxml`` is the root ``update_call_bxml``
sends. Module paths, class names, constructor signatures and output bytes are
the official SDK's. Construction accepts what the official SDK accepts;
``doc.validate()`` applies Bandwidth's rules. The output is always
well-formed (text is escaped, SSML is kept only when it is valid), and
``Response.from_xml(text)`` reads a document back, holding it to those rules.

Names are imported on first use, so importing this package is cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable, Dict, List

from bandwidth._lazy import lazy_exports
from bandwidth.models.bxml.verbs import VERBS

#: public name -> module that defines it
_MODULES: Dict[str, str] = {
    "Bxml": "bandwidth.models.bxml.bxml",
    "NestableVerb": "bandwidth.models.bxml.nestable_verb",
    "Response": "bandwidth.models.bxml.response",
    "Root": "bandwidth.models.bxml.root",
    "Verb": "bandwidth.models.bxml.verb",
    "VerbList": "bandwidth.models.bxml.nestable_verb",
    "parse_bxml": "bandwidth.models.bxml._parse",
    "BxmlError": "bandwidth.models.bxml.errors",
    "BxmlNestingError": "bandwidth.models.bxml.errors",
    "BxmlParseError": "bandwidth.models.bxml.errors",
    "BxmlTypeError": "bandwidth.models.bxml.errors",
    "BxmlValidationError": "bandwidth.models.bxml.errors",
    "CallbackMethodEnum": "bandwidth.models.bxml.enums",
    "DiversionReason": "bandwidth.models.bxml.enums",
    "DiversionTreatment": "bandwidth.models.bxml.enums",
    "FileFormatEnum": "bandwidth.models.bxml.enums",
    "Gender": "bandwidth.models.bxml.enums",
    "StreamMode": "bandwidth.models.bxml.enums",
    "Tracks": "bandwidth.models.bxml.enums",
    **{name: f"bandwidth.models.bxml.verbs.{module}" for name, module in VERBS.items()},
}

__all__ = [
    "Bridge",
    "Bxml",
    "BxmlError",
    "BxmlNestingError",
    "BxmlParseError",
    "BxmlTypeError",
    "BxmlValidationError",
    "CallbackMethodEnum",
    "Conference",
    "Connect",
    "CustomParam",
    "DiversionReason",
    "DiversionTreatment",
    "Endpoint",
    "FileFormatEnum",
    "Forward",
    "Gather",
    "Gender",
    "Hangup",
    "NestableVerb",
    "Pause",
    "PauseRecording",
    "PhoneNumber",
    "PlayAudio",
    "Record",
    "Redirect",
    "Refer",
    "Response",
    "ResumeRecording",
    "Ring",
    "Root",
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
    "StreamMode",
    "StreamParam",
    "Tag",
    "Tracks",
    "Transfer",
    "Verb",
    "VerbList",
    "parse_bxml",
]

if TYPE_CHECKING:
    from bandwidth.models.bxml._parse import parse_bxml
    from bandwidth.models.bxml.bxml import Bxml
    from bandwidth.models.bxml.enums import (
        CallbackMethodEnum,
        DiversionReason,
        DiversionTreatment,
        FileFormatEnum,
        Gender,
        StreamMode,
        Tracks,
    )
    from bandwidth.models.bxml.errors import (
        BxmlError,
        BxmlNestingError,
        BxmlParseError,
        BxmlTypeError,
        BxmlValidationError,
    )
    from bandwidth.models.bxml.nestable_verb import NestableVerb, VerbList
    from bandwidth.models.bxml.response import Response
    from bandwidth.models.bxml.root import Root
    from bandwidth.models.bxml.verb import Verb
    from bandwidth.models.bxml.verbs.bridge import Bridge
    from bandwidth.models.bxml.verbs.conference import Conference
    from bandwidth.models.bxml.verbs.connect import Connect
    from bandwidth.models.bxml.verbs.custom_param import CustomParam
    from bandwidth.models.bxml.verbs.endpoint import Endpoint
    from bandwidth.models.bxml.verbs.forward import Forward
    from bandwidth.models.bxml.verbs.gather import Gather
    from bandwidth.models.bxml.verbs.hangup import Hangup
    from bandwidth.models.bxml.verbs.pause import Pause
    from bandwidth.models.bxml.verbs.pause_recording import PauseRecording
    from bandwidth.models.bxml.verbs.phone_number import PhoneNumber
    from bandwidth.models.bxml.verbs.play_audio import PlayAudio
    from bandwidth.models.bxml.verbs.record import Record
    from bandwidth.models.bxml.verbs.redirect import Redirect
    from bandwidth.models.bxml.verbs.refer import Refer
    from bandwidth.models.bxml.verbs.resume_recording import ResumeRecording
    from bandwidth.models.bxml.verbs.ring import Ring
    from bandwidth.models.bxml.verbs.send_dtmf import SendDtmf
    from bandwidth.models.bxml.verbs.sip_uri import SipUri
    from bandwidth.models.bxml.verbs.speak_sentence import SpeakSentence
    from bandwidth.models.bxml.verbs.start_gather import StartGather
    from bandwidth.models.bxml.verbs.start_recording import StartRecording
    from bandwidth.models.bxml.verbs.start_stream import StartStream
    from bandwidth.models.bxml.verbs.start_transcription import StartTranscription
    from bandwidth.models.bxml.verbs.stop_gather import StopGather
    from bandwidth.models.bxml.verbs.stop_recording import StopRecording
    from bandwidth.models.bxml.verbs.stop_stream import StopStream
    from bandwidth.models.bxml.verbs.stop_transcription import StopTranscription
    from bandwidth.models.bxml.verbs.stream_param import StreamParam
    from bandwidth.models.bxml.verbs.tag import Tag
    from bandwidth.models.bxml.verbs.transfer import Transfer

#: the package's modules, reachable as attributes as after the official eager imports
_SUBMODULES = frozenset(
    {"bxml", "enums", "errors", "nestable_verb", "response", "root", "verb", "verbs"}
)

_lazy_getattr: Callable[[str], Any]
__dir__: Callable[[], List[str]]
_lazy_getattr, __dir__ = lazy_exports(__name__, _MODULES, globals())


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    return _lazy_getattr(name)

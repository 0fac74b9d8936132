"""BXML, Bandwidth's call-control XML: a safe builder and a parser.

Build a document from verb objects and render it::

    from bandwidth.models.bxml import Gather, Response, SpeakSentence

    doc = Response([
        SpeakSentence("Welcome!", voice="julie"),
        Gather([SpeakSentence("Press 1 for sales.")], gather_url="/gather", max_digits=1),
    ])
    doc.to_bxml()   # '<?xml version="1.0" encoding="UTF-8"?>\\n<Response>...'

``Response`` answers webhooks; ``Bxml`` is the root ``update_call_bxml``
sends. Attributes are snake_case keywords, checked when set; the output is
always well-formed (text is escaped, SSML is kept only when it is valid), and
``Response.from_xml(text)`` reads a document back into equal objects.

Names are imported on first use, so importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict

from bandwidth._lazy import lazy_exports

_VERBS = "bandwidth.models.bxml.verbs."

#: public name -> module that defines it
_MODULES: Dict[str, str] = {
    "Bxml": "bandwidth.models.bxml.verb",
    "Response": "bandwidth.models.bxml.verb",
    "Root": "bandwidth.models.bxml.verb",
    "Verb": "bandwidth.models.bxml.verb",
    "VerbList": "bandwidth.models.bxml.verb",
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
    "Pause": _VERBS + "audio",
    "PlayAudio": _VERBS + "audio",
    "Ring": _VERBS + "audio",
    "SendDtmf": _VERBS + "audio",
    "SpeakSentence": _VERBS + "audio",
    "Conference": _VERBS + "conference",
    "Connect": _VERBS + "connect",
    "Endpoint": _VERBS + "connect",
    "Hangup": _VERBS + "control",
    "Redirect": _VERBS + "control",
    "Tag": _VERBS + "control",
    "Gather": _VERBS + "gather",
    "StartGather": _VERBS + "gather",
    "StopGather": _VERBS + "gather",
    "PauseRecording": _VERBS + "recording",
    "Record": _VERBS + "recording",
    "ResumeRecording": _VERBS + "recording",
    "StartRecording": _VERBS + "recording",
    "StopRecording": _VERBS + "recording",
    "CustomParam": _VERBS + "stream",
    "StartStream": _VERBS + "stream",
    "StartTranscription": _VERBS + "stream",
    "StopStream": _VERBS + "stream",
    "StopTranscription": _VERBS + "stream",
    "StreamParam": _VERBS + "stream",
    "Bridge": _VERBS + "transfer",
    "Forward": _VERBS + "transfer",
    "PhoneNumber": _VERBS + "transfer",
    "Refer": _VERBS + "transfer",
    "SipUri": _VERBS + "transfer",
    "Transfer": _VERBS + "transfer",
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
    from bandwidth.models.bxml.verb import Bxml, Response, Root, Verb, VerbList
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


__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

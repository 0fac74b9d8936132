"""The verb classes, one module per verb as in the official SDK.

``from bandwidth.models.bxml.verbs.speak_sentence import SpeakSentence``,
``from bandwidth.models.bxml.verbs import SpeakSentence`` and
``from bandwidth.models.bxml import SpeakSentence`` all give the same class.
Each module loads on first use, so using one verb stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any, Dict, List

#: verb class -> its module (the official module names)
VERBS: Dict[str, str] = {
    "Bridge": "bridge",
    "Conference": "conference",
    "Connect": "connect",
    "CustomParam": "custom_param",
    "Endpoint": "endpoint",
    "Forward": "forward",
    "Gather": "gather",
    "Hangup": "hangup",
    "Pause": "pause",
    "PauseRecording": "pause_recording",
    "PhoneNumber": "phone_number",
    "PlayAudio": "play_audio",
    "Record": "record",
    "Redirect": "redirect",
    "Refer": "refer",
    "ResumeRecording": "resume_recording",
    "Ring": "ring",
    "SendDtmf": "send_dtmf",
    "SipUri": "sip_uri",
    "SpeakSentence": "speak_sentence",
    "StartGather": "start_gather",
    "StartRecording": "start_recording",
    "StartStream": "start_stream",
    "StartTranscription": "start_transcription",
    "StopGather": "stop_gather",
    "StopRecording": "stop_recording",
    "StopStream": "stop_stream",
    "StopTranscription": "stop_transcription",
    "StreamParam": "stream_param",
    "Tag": "tag",
    "Transfer": "transfer",
}

#: every verb module (``_parse`` loads them all to know every element)
VERB_MODULES = tuple(sorted(VERBS.values()))

__all__ = sorted(VERBS)


def __getattr__(name: str) -> Any:
    if name in VERB_MODULES:  # ``verbs.ring``, as after the official eager imports
        return importlib.import_module(f"{__name__}.{name}")
    module = VERBS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> List[str]:
    return sorted(set(globals()) | set(VERBS) | set(VERB_MODULES))

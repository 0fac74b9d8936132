"""Typed Voice callbacks (webhooks) and the helpers to receive them.

Parse a request body with :func:`parse_callback` and branch on the model::

    from bandwidth.callbacks import GatherCallback, parse_callback, verify_basic_auth

    event = parse_callback(body, content_type)
    if isinstance(event, GatherCallback):
        print(event.digits)

One model per event (``AnswerCallback``, ``DisconnectCallback``, ...), all
tolerant: unknown fields land in ``additional_properties`` and unknown enum
values stay strings. :func:`verify_basic_auth` and
:func:`basic_auth_challenge` implement Bandwidth's Basic-auth handshake.

Names are imported on first use, so importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, List

from bandwidth._lazy import lazy_exports

#: public name -> module (under ``bandwidth.callbacks``) that defines it
_MODULES: Dict[str, str] = {
    "AnswerCallback": "call",
    "BasicAuthChallenge": "auth",
    "BridgeCompleteCallback": "transfer",
    "BridgeTargetCompleteCallback": "transfer",
    "Callback": "base",
    "CallbackParseError": "parse",
    "ConferenceCompletedCallback": "conference",
    "ConferenceCreatedCallback": "conference",
    "ConferenceMemberExitCallback": "conference",
    "ConferenceMemberJoinCallback": "conference",
    "ConferenceRecordingAvailableCallback": "conference",
    "ConferenceRedirectCallback": "conference",
    "DisconnectCallback": "call",
    "Diversion": "call",
    "DtmfCallback": "call",
    "GatherCallback": "call",
    "InitiateCallback": "call",
    "MachineDetectionCompleteCallback": "call",
    "MachineDetectionResult": "call",
    "MediaStream": "stream",
    "MediaStreamRejectedCallback": "stream",
    "MediaStreamStartedCallback": "stream",
    "MediaStreamStoppedCallback": "stream",
    "RealTimeTranscription": "stream",
    "RealTimeTranscriptionAvailableCallback": "stream",
    "RealTimeTranscriptionRejectedCallback": "stream",
    "RealTimeTranscriptionStartedCallback": "stream",
    "RealTimeTranscriptionStoppedCallback": "stream",
    "RecordingAvailableCallback": "recording",
    "RecordingCompleteCallback": "recording",
    "RedirectCallback": "call",
    "ReferCallStatusEnum": "transfer",
    "ReferCompleteCallback": "transfer",
    "StirShaken": "call",
    "Transcription": "recording",
    "TranscriptionAvailableCallback": "recording",
    "TransferAnswerCallback": "transfer",
    "TransferCompleteCallback": "transfer",
    "TransferDisconnectCallback": "transfer",
    "UnknownCallback": "base",
    "basic_auth_challenge": "auth",
    "callback_model_for": "parse",
    "parse_callback": "parse",
    "verify_basic_auth": "auth",
}

__all__ = [
    "AnswerCallback",
    "BasicAuthChallenge",
    "BridgeCompleteCallback",
    "BridgeTargetCompleteCallback",
    "Callback",
    "CallbackParseError",
    "ConferenceCompletedCallback",
    "ConferenceCreatedCallback",
    "ConferenceMemberExitCallback",
    "ConferenceMemberJoinCallback",
    "ConferenceRecordingAvailableCallback",
    "ConferenceRedirectCallback",
    "DisconnectCallback",
    "Diversion",
    "DtmfCallback",
    "GatherCallback",
    "InitiateCallback",
    "MachineDetectionCompleteCallback",
    "MachineDetectionResult",
    "MediaStream",
    "MediaStreamRejectedCallback",
    "MediaStreamStartedCallback",
    "MediaStreamStoppedCallback",
    "RealTimeTranscription",
    "RealTimeTranscriptionAvailableCallback",
    "RealTimeTranscriptionRejectedCallback",
    "RealTimeTranscriptionStartedCallback",
    "RealTimeTranscriptionStoppedCallback",
    "RecordingAvailableCallback",
    "RecordingCompleteCallback",
    "RedirectCallback",
    "ReferCallStatusEnum",
    "ReferCompleteCallback",
    "StirShaken",
    "Transcription",
    "TranscriptionAvailableCallback",
    "TransferAnswerCallback",
    "TransferCompleteCallback",
    "TransferDisconnectCallback",
    "UnknownCallback",
    "basic_auth_challenge",
    "callback_model_for",
    "parse_callback",
    "verify_basic_auth",
]

if TYPE_CHECKING:
    from bandwidth.callbacks.auth import (
        BasicAuthChallenge,
        basic_auth_challenge,
        verify_basic_auth,
    )
    from bandwidth.callbacks.base import (
        Callback,
        UnknownCallback,
    )
    from bandwidth.callbacks.call import (
        AnswerCallback,
        DisconnectCallback,
        Diversion,
        DtmfCallback,
        GatherCallback,
        InitiateCallback,
        MachineDetectionCompleteCallback,
        MachineDetectionResult,
        RedirectCallback,
        StirShaken,
    )
    from bandwidth.callbacks.conference import (
        ConferenceCompletedCallback,
        ConferenceCreatedCallback,
        ConferenceMemberExitCallback,
        ConferenceMemberJoinCallback,
        ConferenceRecordingAvailableCallback,
        ConferenceRedirectCallback,
    )
    from bandwidth.callbacks.parse import (
        CallbackParseError,
        callback_model_for,
        parse_callback,
    )
    from bandwidth.callbacks.recording import (
        RecordingAvailableCallback,
        RecordingCompleteCallback,
        Transcription,
        TranscriptionAvailableCallback,
    )
    from bandwidth.callbacks.stream import (
        MediaStream,
        MediaStreamRejectedCallback,
        MediaStreamStartedCallback,
        MediaStreamStoppedCallback,
        RealTimeTranscription,
        RealTimeTranscriptionAvailableCallback,
        RealTimeTranscriptionRejectedCallback,
        RealTimeTranscriptionStartedCallback,
        RealTimeTranscriptionStoppedCallback,
    )
    from bandwidth.callbacks.transfer import (
        BridgeCompleteCallback,
        BridgeTargetCompleteCallback,
        ReferCallStatusEnum,
        ReferCompleteCallback,
        TransferAnswerCallback,
        TransferCompleteCallback,
        TransferDisconnectCallback,
    )


__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

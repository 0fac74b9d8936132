"""Typed webhooks of every product (callbacks) and the helpers to receive them.

One parser per product, because each product posts to its own URL in its own
shape: :func:`parse_callback` (Voice), :func:`parse_messaging_callbacks`
(Messaging and Multi-Channel: an array of events), :func:`parse_tfv_webhook`
(toll-free verification), :func:`parse_endpoint_event` (BRTC endpoints). All
share the limits and the one error, :class:`CallbackParseError`.

Parse a Voice request body with :func:`parse_callback` and branch on the model::

    from bandwidth.callbacks import GatherCallback, parse_callback, verify_basic_auth

    event = parse_callback(body, content_type)
    if isinstance(event, GatherCallback):
        print(event.digits)

One model per event (``AnswerCallback``, ``DisconnectCallback``, ...), all
tolerant: unknown fields land in ``additional_properties`` and unknown enum
values stay strings. :func:`verify_basic_auth` and
:func:`basic_auth_challenge` implement Bandwidth's Basic-auth handshake;
:func:`verify_tfv_signature` checks a toll-free verification webhook's HMAC.

Names are imported on first use, so importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, List

from bandwidth._lazy import lazy_exports

#: public name -> module (under ``bandwidth.callbacks``) that defines it
_MODULES: Dict[str, str] = {
    "AnswerCallback": "call",
    "BasicAuthChallenge": "auth",
    "BlockedWebhook": "bandwidth.models.blocked_webhook",
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
    "EndpointCallback": "endpoint",
    "EndpointEvent": "bandwidth.models.endpoint_event",
    "FailureWebhook": "bandwidth.models.failure_webhook",
    "GatherCallback": "call",
    "InboundCallback": "bandwidth.models.inbound_callback",
    "InboundCallbackMessage": "bandwidth.models.inbound_callback_message",
    "InitiateCallback": "call",
    "MachineDetectionCompleteCallback": "call",
    "MachineDetectionResult": "call",
    "MediaStream": "stream",
    "MediaStreamRejectedCallback": "stream",
    "MediaStreamStartedCallback": "stream",
    "MediaStreamStoppedCallback": "stream",
    "MessagingCallback": "messaging",
    "MessagingCallbacks": "messaging",
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
    "StatusCallback": "bandwidth.models.status_callback",
    "StatusCallbackMessage": "bandwidth.models.status_callback_message",
    "StirShaken": "call",
    "TFV_SIGNATURE_HEADER": "signature",
    "TfvWebhook": "tfv",
    "Transcription": "recording",
    "TranscriptionAvailableCallback": "recording",
    "TransferAnswerCallback": "transfer",
    "TransferCompleteCallback": "transfer",
    "TransferDisconnectCallback": "transfer",
    "UnknownCallback": "base",
    "UnknownEndpointEvent": "endpoint",
    "UnknownMessagingCallback": "messaging",
    "UnknownTfvWebhook": "tfv",
    "VerificationDenialWebhook": "bandwidth.models.verification_denial_webhook",
    "VerificationWebhook": "bandwidth.models.verification_webhook",
    "basic_auth_challenge": "auth",
    "callback_model_for": "parse",
    "endpoint_event_model_for": "endpoint",
    "messaging_callback_model_for": "messaging",
    "parse_callback": "parse",
    "parse_endpoint_event": "endpoint",
    "parse_messaging_callbacks": "messaging",
    "parse_tfv_webhook": "tfv",
    "tfv_webhook_model_for": "tfv",
    "verify_basic_auth": "auth",
    "verify_tfv_signature": "signature",
}

__all__ = [
    "TFV_SIGNATURE_HEADER",
    "AnswerCallback",
    "BasicAuthChallenge",
    "BlockedWebhook",
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
    "EndpointCallback",
    "EndpointEvent",
    "FailureWebhook",
    "GatherCallback",
    "InboundCallback",
    "InboundCallbackMessage",
    "InitiateCallback",
    "MachineDetectionCompleteCallback",
    "MachineDetectionResult",
    "MediaStream",
    "MediaStreamRejectedCallback",
    "MediaStreamStartedCallback",
    "MediaStreamStoppedCallback",
    "MessagingCallback",
    "MessagingCallbacks",
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
    "StatusCallback",
    "StatusCallbackMessage",
    "StirShaken",
    "TfvWebhook",
    "Transcription",
    "TranscriptionAvailableCallback",
    "TransferAnswerCallback",
    "TransferCompleteCallback",
    "TransferDisconnectCallback",
    "UnknownCallback",
    "UnknownEndpointEvent",
    "UnknownMessagingCallback",
    "UnknownTfvWebhook",
    "VerificationDenialWebhook",
    "VerificationWebhook",
    "basic_auth_challenge",
    "callback_model_for",
    "endpoint_event_model_for",
    "messaging_callback_model_for",
    "parse_callback",
    "parse_endpoint_event",
    "parse_messaging_callbacks",
    "parse_tfv_webhook",
    "tfv_webhook_model_for",
    "verify_basic_auth",
    "verify_tfv_signature",
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
    from bandwidth.callbacks.endpoint import (
        EndpointCallback,
        UnknownEndpointEvent,
        endpoint_event_model_for,
        parse_endpoint_event,
    )
    from bandwidth.callbacks.messaging import (
        MessagingCallback,
        MessagingCallbacks,
        UnknownMessagingCallback,
        messaging_callback_model_for,
        parse_messaging_callbacks,
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
    from bandwidth.callbacks.signature import TFV_SIGNATURE_HEADER, verify_tfv_signature
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
    from bandwidth.callbacks.tfv import (
        TfvWebhook,
        UnknownTfvWebhook,
        parse_tfv_webhook,
        tfv_webhook_model_for,
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
    from bandwidth.models.blocked_webhook import BlockedWebhook
    from bandwidth.models.endpoint_event import EndpointEvent
    from bandwidth.models.failure_webhook import FailureWebhook
    from bandwidth.models.inbound_callback import InboundCallback
    from bandwidth.models.inbound_callback_message import InboundCallbackMessage
    from bandwidth.models.status_callback import StatusCallback
    from bandwidth.models.status_callback_message import StatusCallbackMessage
    from bandwidth.models.verification_denial_webhook import VerificationDenialWebhook
    from bandwidth.models.verification_webhook import VerificationWebhook


__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

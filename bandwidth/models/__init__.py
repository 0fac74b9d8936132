"""The Voice API's models at the generated SDK's paths: ``bandwidth.models.X`` and
``bandwidth.models.<schema_module>.X`` (``bandwidth.models.create_call.CreateCall``,
``bandwidth.models.answer_callback.AnswerCallback``, ...).

The request and response models of the Voice API (calls, conferences,
recordings, transcriptions, statistics) are defined here, one module per
schema. The callback (webhook) models and the objects nested in them are
defined once, in :mod:`bandwidth.callbacks`; their modules here re-export
those classes, so ``bandwidth.models.AnswerCallback is
bandwidth.callbacks.AnswerCallback``.

Names are imported on first use, so ``import bandwidth.models`` costs nothing
until a model is touched, and touching a request or response model never
loads the callbacks, except ``RecordingTranscriptions``, whose transcripts are
the callbacks' :class:`~bandwidth.models.Transcription`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, List

from bandwidth._lazy import lazy_exports

#: public name -> module (under ``bandwidth.models``) that defines or re-exports it
_MODULES: Dict[str, str] = {
    # the Calls API
    "CallDirectionEnum": "call_direction_enum",
    "CallState": "call_state",
    "CallStateEnum": "call_state_enum",
    "CallbackMethodEnum": "callback_method_enum",
    "CreateCall": "create_call",
    "CreateCallResponse": "create_call_response",
    "MachineDetectionConfiguration": "machine_detection_configuration",
    "MachineDetectionModeEnum": "machine_detection_mode_enum",
    "RedirectMethodEnum": "redirect_method_enum",
    "UpdateCall": "update_call",
    "VoiceApiError": "voice_api_error",
    # conferences, recordings, transcriptions and statistics
    "AccountStatistics": "account_statistics",
    "CallRecordingMetadata": "call_recording_metadata",
    "CallTranscription": "call_transcription",
    "CallTranscriptionDetectedLanguageEnum": "call_transcription_detected_language_enum",
    "CallTranscriptionMetadata": "call_transcription_metadata",
    "CallTranscriptionResponse": "call_transcription_response",
    "CallTranscriptionTrackEnum": "call_transcription_track_enum",
    "Conference": "conference",
    "ConferenceMember": "conference_member",
    "ConferenceRecordingMetadata": "conference_recording_metadata",
    "ConferenceStateEnum": "conference_state_enum",
    "RecordingStateEnum": "recording_state_enum",
    "RecordingTranscriptionClip": "recording_transcription_clip",
    "RecordingTranscriptionMetadata": "recording_transcription_metadata",
    "RecordingTranscriptions": "recording_transcriptions",
    "TranscribeRecording": "transcribe_recording",
    "UpdateCallRecording": "update_call_recording",
    "UpdateConference": "update_conference",
    "UpdateConferenceMember": "update_conference_member",
    # callbacks (webhooks) and the objects nested in them
    "AnswerCallback": "answer_callback",
    "BridgeCompleteCallback": "bridge_complete_callback",
    "BridgeTargetCompleteCallback": "bridge_target_complete_callback",
    "ConferenceCompletedCallback": "conference_completed_callback",
    "ConferenceCreatedCallback": "conference_created_callback",
    "ConferenceMemberExitCallback": "conference_member_exit_callback",
    "ConferenceMemberJoinCallback": "conference_member_join_callback",
    "ConferenceRecordingAvailableCallback": "conference_recording_available_callback",
    "ConferenceRedirectCallback": "conference_redirect_callback",
    "DisconnectCallback": "disconnect_callback",
    "Diversion": "diversion",
    "DtmfCallback": "dtmf_callback",
    "FileFormatEnum": "file_format_enum",
    "GatherCallback": "gather_callback",
    "InitiateCallback": "initiate_callback",
    "MachineDetectionCompleteCallback": "machine_detection_complete_callback",
    "MachineDetectionResult": "machine_detection_result",
    "RecordingAvailableCallback": "recording_available_callback",
    "RecordingCompleteCallback": "recording_complete_callback",
    "RedirectCallback": "redirect_callback",
    "ReferCallStatusEnum": "refer_call_status_enum",
    "ReferCompleteCallback": "refer_complete_callback",
    "StirShaken": "stir_shaken",
    "Transcription": "transcription",
    "TranscriptionAvailableCallback": "transcription_available_callback",
    "TransferAnswerCallback": "transfer_answer_callback",
    "TransferCompleteCallback": "transfer_complete_callback",
    "TransferDisconnectCallback": "transfer_disconnect_callback",
    # the BXML builder's roots (every verb is in bandwidth.models.bxml)
    "Bxml": "bxml",
    "Response": "bxml",
}

__all__ = [
    "AccountStatistics",
    "AnswerCallback",
    "BridgeCompleteCallback",
    "BridgeTargetCompleteCallback",
    "Bxml",
    "CallDirectionEnum",
    "CallRecordingMetadata",
    "CallState",
    "CallStateEnum",
    "CallTranscription",
    "CallTranscriptionDetectedLanguageEnum",
    "CallTranscriptionMetadata",
    "CallTranscriptionResponse",
    "CallTranscriptionTrackEnum",
    "CallbackMethodEnum",
    "Conference",
    "ConferenceCompletedCallback",
    "ConferenceCreatedCallback",
    "ConferenceMember",
    "ConferenceMemberExitCallback",
    "ConferenceMemberJoinCallback",
    "ConferenceRecordingAvailableCallback",
    "ConferenceRecordingMetadata",
    "ConferenceRedirectCallback",
    "ConferenceStateEnum",
    "CreateCall",
    "CreateCallResponse",
    "DisconnectCallback",
    "Diversion",
    "DtmfCallback",
    "FileFormatEnum",
    "GatherCallback",
    "InitiateCallback",
    "MachineDetectionCompleteCallback",
    "MachineDetectionConfiguration",
    "MachineDetectionModeEnum",
    "MachineDetectionResult",
    "RecordingAvailableCallback",
    "RecordingCompleteCallback",
    "RecordingStateEnum",
    "RecordingTranscriptionClip",
    "RecordingTranscriptionMetadata",
    "RecordingTranscriptions",
    "RedirectCallback",
    "RedirectMethodEnum",
    "ReferCallStatusEnum",
    "ReferCompleteCallback",
    "Response",
    "StirShaken",
    "TranscribeRecording",
    "Transcription",
    "TranscriptionAvailableCallback",
    "TransferAnswerCallback",
    "TransferCompleteCallback",
    "TransferDisconnectCallback",
    "UpdateCall",
    "UpdateCallRecording",
    "UpdateConference",
    "UpdateConferenceMember",
    "VoiceApiError",
]

if TYPE_CHECKING:
    from bandwidth.models.account_statistics import AccountStatistics
    from bandwidth.models.answer_callback import AnswerCallback
    from bandwidth.models.bridge_complete_callback import BridgeCompleteCallback
    from bandwidth.models.bridge_target_complete_callback import BridgeTargetCompleteCallback
    from bandwidth.models.bxml import Bxml, Response
    from bandwidth.models.call_direction_enum import CallDirectionEnum
    from bandwidth.models.call_recording_metadata import CallRecordingMetadata
    from bandwidth.models.call_state import CallState
    from bandwidth.models.call_state_enum import CallStateEnum
    from bandwidth.models.call_transcription import CallTranscription
    from bandwidth.models.call_transcription_detected_language_enum import (
        CallTranscriptionDetectedLanguageEnum,
    )
    from bandwidth.models.call_transcription_metadata import CallTranscriptionMetadata
    from bandwidth.models.call_transcription_response import CallTranscriptionResponse
    from bandwidth.models.call_transcription_track_enum import CallTranscriptionTrackEnum
    from bandwidth.models.callback_method_enum import CallbackMethodEnum
    from bandwidth.models.conference import Conference
    from bandwidth.models.conference_completed_callback import ConferenceCompletedCallback
    from bandwidth.models.conference_created_callback import ConferenceCreatedCallback
    from bandwidth.models.conference_member import ConferenceMember
    from bandwidth.models.conference_member_exit_callback import ConferenceMemberExitCallback
    from bandwidth.models.conference_member_join_callback import ConferenceMemberJoinCallback
    from bandwidth.models.conference_recording_available_callback import (
        ConferenceRecordingAvailableCallback,
    )
    from bandwidth.models.conference_recording_metadata import ConferenceRecordingMetadata
    from bandwidth.models.conference_redirect_callback import ConferenceRedirectCallback
    from bandwidth.models.conference_state_enum import ConferenceStateEnum
    from bandwidth.models.create_call import CreateCall
    from bandwidth.models.create_call_response import CreateCallResponse
    from bandwidth.models.disconnect_callback import DisconnectCallback
    from bandwidth.models.diversion import Diversion
    from bandwidth.models.dtmf_callback import DtmfCallback
    from bandwidth.models.file_format_enum import FileFormatEnum
    from bandwidth.models.gather_callback import GatherCallback
    from bandwidth.models.initiate_callback import InitiateCallback
    from bandwidth.models.machine_detection_complete_callback import (
        MachineDetectionCompleteCallback,
    )
    from bandwidth.models.machine_detection_configuration import MachineDetectionConfiguration
    from bandwidth.models.machine_detection_mode_enum import MachineDetectionModeEnum
    from bandwidth.models.machine_detection_result import MachineDetectionResult
    from bandwidth.models.recording_available_callback import RecordingAvailableCallback
    from bandwidth.models.recording_complete_callback import RecordingCompleteCallback
    from bandwidth.models.recording_state_enum import RecordingStateEnum
    from bandwidth.models.recording_transcription_clip import RecordingTranscriptionClip
    from bandwidth.models.recording_transcription_metadata import RecordingTranscriptionMetadata
    from bandwidth.models.recording_transcriptions import RecordingTranscriptions
    from bandwidth.models.redirect_callback import RedirectCallback
    from bandwidth.models.redirect_method_enum import RedirectMethodEnum
    from bandwidth.models.refer_call_status_enum import ReferCallStatusEnum
    from bandwidth.models.refer_complete_callback import ReferCompleteCallback
    from bandwidth.models.stir_shaken import StirShaken
    from bandwidth.models.transcribe_recording import TranscribeRecording
    from bandwidth.models.transcription import Transcription
    from bandwidth.models.transcription_available_callback import TranscriptionAvailableCallback
    from bandwidth.models.transfer_answer_callback import TransferAnswerCallback
    from bandwidth.models.transfer_complete_callback import TransferCompleteCallback
    from bandwidth.models.transfer_disconnect_callback import TransferDisconnectCallback
    from bandwidth.models.update_call import UpdateCall
    from bandwidth.models.update_call_recording import UpdateCallRecording
    from bandwidth.models.update_conference import UpdateConference
    from bandwidth.models.update_conference_member import UpdateConferenceMember
    from bandwidth.models.voice_api_error import VoiceApiError


__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

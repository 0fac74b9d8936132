"""Every API's models at the generated SDK's paths: ``bandwidth.models.X`` and
``bandwidth.models.<schema_module>.X`` (``bandwidth.models.create_call.CreateCall``,
``bandwidth.models.message_request.MessageRequest``, ...).

The other APIs' models (messaging, multi-channel, MFA, phone number lookup,
toll-free verification, endpoints) are written from ``spec/bandwidth.yml`` by
``tools/generate_models.py``, one module each; the Voice ones are hand-written.

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
    # every other API's models (messaging, multi-channel, MFA, lookup, toll-free
    # verification, endpoints), written from spec/bandwidth.yml
    # BEGIN generated by tools/generate_models.py (table)
    "AdditionalDenialReason": "additional_denial_reason",
    "Address": "address",
    "AsyncLookupRequest": "async_lookup_request",
    "BlockedWebhook": "blocked_webhook",
    "BrtcError": "brtc_error",
    "BrtcErrorResponse": "brtc_error_response",
    "BrtcErrorSource": "brtc_error_source",
    "BrtcLink": "brtc_link",
    "BusinessEntityTypeEnum": "business_entity_type_enum",
    "BusinessRegistrationTypeEnum": "business_registration_type_enum",
    "Callback": "callback",
    "CardWidthEnum": "card_width_enum",
    "CodeRequest": "code_request",
    "CompletedLookupStatusEnum": "completed_lookup_status_enum",
    "Contact": "contact",
    "CreateAsyncBulkLookupResponse": "create_async_bulk_lookup_response",
    "CreateAsyncBulkLookupResponseData": "create_async_bulk_lookup_response_data",
    "CreateEndpointRequest": "create_endpoint_request",
    "CreateEndpointRequestBase": "create_endpoint_request_base",
    "CreateEndpointResponse": "create_endpoint_response",
    "CreateEndpointResponseData": "create_endpoint_response_data",
    "CreateMessageRequestError": "create_message_request_error",
    "CreateMultiChannelMessageResponse": "create_multi_channel_message_response",
    "CreateSyncLookupResponse": "create_sync_lookup_response",
    "CreateSyncLookupResponseData": "create_sync_lookup_response_data",
    "CreateWebRtcConnectionRequest": "create_web_rtc_connection_request",
    "DeactivationEventEnum": "deactivation_event_enum",
    "Device": "device",
    "DeviceStatusEnum": "device_status_enum",
    "Endpoint": "endpoint",
    "EndpointDirectionEnum": "endpoint_direction_enum",
    "EndpointEvent": "endpoint_event",
    "EndpointEventTypeEnum": "endpoint_event_type_enum",
    "EndpointResponse": "endpoint_response",
    "EndpointStatusEnum": "endpoint_status_enum",
    "EndpointTypeEnum": "endpoint_type_enum",
    "Endpoints": "endpoints",
    "ErrorObject": "error_object",
    "ErrorSource": "error_source",
    "FailureWebhook": "failure_webhook",
    "FieldError": "field_error",
    "GetAsyncBulkLookupResponse": "get_async_bulk_lookup_response",
    "GetAsyncBulkLookupResponseData": "get_async_bulk_lookup_response_data",
    "InProgressLookupStatusEnum": "in_progress_lookup_status_enum",
    "InboundCallback": "inbound_callback",
    "InboundCallbackMessage": "inbound_callback_message",
    "InboundCallbackTypeEnum": "inbound_callback_type_enum",
    "LatestMessageDeliveryStatusEnum": "latest_message_delivery_status_enum",
    "LineTypeEnum": "line_type_enum",
    "Link": "link",
    "LinkSchema": "link_schema",
    "LinksObject": "links_object",
    "ListEndpointsResponse": "list_endpoints_response",
    "ListMessageDirectionEnum": "list_message_direction_enum",
    "ListMessageItem": "list_message_item",
    "LookupErrorResponse": "lookup_error_response",
    "LookupErrorSchema": "lookup_error_schema",
    "LookupErrorSchemaMeta": "lookup_error_schema_meta",
    "LookupResult": "lookup_result",
    "Media": "media",
    "Message": "message",
    "MessageDirectionEnum": "message_direction_enum",
    "MessageRequest": "message_request",
    "MessageStatusEnum": "message_status_enum",
    "MessageTypeEnum": "message_type_enum",
    "MessagesList": "messages_list",
    "MessagingCodeResponse": "messaging_code_response",
    "MessagingRequestError": "messaging_request_error",
    "MfaForbiddenRequestError": "mfa_forbidden_request_error",
    "MfaRequestError": "mfa_request_error",
    "MfaUnauthorizedRequestError": "mfa_unauthorized_request_error",
    "MmsMessageContent": "mms_message_content",
    "MmsMessageContentFile": "mms_message_content_file",
    "MultiChannelAction": "multi_channel_action",
    "MultiChannelActionCalendarEvent": "multi_channel_action_calendar_event",
    "MultiChannelChannelListMMSObject": "multi_channel_channel_list_mms_object",
    "MultiChannelChannelListMMSResponseObject": "multi_channel_channel_list_mms_response_object",
    "MultiChannelChannelListObjectBase": "multi_channel_channel_list_object_base",
    "MultiChannelChannelListOwnerObject": "multi_channel_channel_list_owner_object",
    "MultiChannelChannelListRBMObject": "multi_channel_channel_list_rbm_object",
    "MultiChannelChannelListRBMObjectAllOfContent": (
        "multi_channel_channel_list_rbm_object_all_of_content"
    ),
    "MultiChannelChannelListRBMResponseObject": "multi_channel_channel_list_rbm_response_object",
    "MultiChannelChannelListRequestObject": "multi_channel_channel_list_request_object",
    "MultiChannelChannelListResponseObject": "multi_channel_channel_list_response_object",
    "MultiChannelChannelListSMSObject": "multi_channel_channel_list_sms_object",
    "MultiChannelChannelListSMSResponseObject": "multi_channel_channel_list_sms_response_object",
    "MultiChannelError": "multi_channel_error",
    "MultiChannelMessageChannelEnum": "multi_channel_message_channel_enum",
    "MultiChannelMessageContent": "multi_channel_message_content",
    "MultiChannelMessageRequest": "multi_channel_message_request",
    "MultiChannelMessageResponseData": "multi_channel_message_response_data",
    "OptInWorkflow": "opt_in_workflow",
    "Page": "page",
    "PageInfo": "page_info",
    "PriorityEnum": "priority_enum",
    "ProductTypeEnum": "product_type_enum",
    "RbmActionBase": "rbm_action_base",
    "RbmActionDial": "rbm_action_dial",
    "RbmActionOpenUrl": "rbm_action_open_url",
    "RbmActionTypeEnum": "rbm_action_type_enum",
    "RbmActionViewLocation": "rbm_action_view_location",
    "RbmCardContent": "rbm_card_content",
    "RbmCardContentMedia": "rbm_card_content_media",
    "RbmLocationResponse": "rbm_location_response",
    "RbmMediaHeightEnum": "rbm_media_height_enum",
    "RbmMessageCarouselCard": "rbm_message_carousel_card",
    "RbmMessageContentFile": "rbm_message_content_file",
    "RbmMessageContentRichCard": "rbm_message_content_rich_card",
    "RbmMessageContentText": "rbm_message_content_text",
    "RbmMessageMedia": "rbm_message_media",
    "RbmOpenUrlEnum": "rbm_open_url_enum",
    "RbmStandaloneCard": "rbm_standalone_card",
    "RbmSuggestionResponse": "rbm_suggestion_response",
    "RbmWebViewEnum": "rbm_web_view_enum",
    "SipConnectionMetadata": "sip_connection_metadata",
    "SipCredentials": "sip_credentials",
    "SmsMessageContent": "sms_message_content",
    "StandaloneCardOrientationEnum": "standalone_card_orientation_enum",
    "StatusCallback": "status_callback",
    "StatusCallbackMessage": "status_callback_message",
    "StatusCallbackTypeEnum": "status_callback_type_enum",
    "SyncLookupRequest": "sync_lookup_request",
    "TelephoneNumber": "telephone_number",
    "TfvBasicAuthentication": "tfv_basic_authentication",
    "TfvCallbackStatusEnum": "tfv_callback_status_enum",
    "TfvError": "tfv_error",
    "TfvStatus": "tfv_status",
    "TfvStatusEnum": "tfv_status_enum",
    "TfvSubmissionInfo": "tfv_submission_info",
    "TfvSubmissionWrapper": "tfv_submission_wrapper",
    "ThumbnailAlignmentEnum": "thumbnail_alignment_enum",
    "VerificationDenialWebhook": "verification_denial_webhook",
    "VerificationRequest": "verification_request",
    "VerificationUpdateRequest": "verification_update_request",
    "VerificationWebhook": "verification_webhook",
    "VerifyCodeRequest": "verify_code_request",
    "VerifyCodeResponse": "verify_code_response",
    "VoiceCodeResponse": "voice_code_response",
    "WebhookSubscription": "webhook_subscription",
    "WebhookSubscriptionBasicAuthentication": "webhook_subscription_basic_authentication",
    "WebhookSubscriptionError": "webhook_subscription_error",
    "WebhookSubscriptionRequestSchema": "webhook_subscription_request_schema",
    "WebhookSubscriptionTypeEnum": "webhook_subscription_type_enum",
    "WebhookSubscriptionsListBody": "webhook_subscriptions_list_body",
    # END generated (table)
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
__all__ += [
    # BEGIN generated by tools/generate_models.py (all)
    "AdditionalDenialReason",
    "Address",
    "AsyncLookupRequest",
    "BlockedWebhook",
    "BrtcError",
    "BrtcErrorResponse",
    "BrtcErrorSource",
    "BrtcLink",
    "BusinessEntityTypeEnum",
    "BusinessRegistrationTypeEnum",
    "Callback",
    "CardWidthEnum",
    "CodeRequest",
    "CompletedLookupStatusEnum",
    "Contact",
    "CreateAsyncBulkLookupResponse",
    "CreateAsyncBulkLookupResponseData",
    "CreateEndpointRequest",
    "CreateEndpointRequestBase",
    "CreateEndpointResponse",
    "CreateEndpointResponseData",
    "CreateMessageRequestError",
    "CreateMultiChannelMessageResponse",
    "CreateSyncLookupResponse",
    "CreateSyncLookupResponseData",
    "CreateWebRtcConnectionRequest",
    "DeactivationEventEnum",
    "Device",
    "DeviceStatusEnum",
    "Endpoint",
    "EndpointDirectionEnum",
    "EndpointEvent",
    "EndpointEventTypeEnum",
    "EndpointResponse",
    "EndpointStatusEnum",
    "EndpointTypeEnum",
    "Endpoints",
    "ErrorObject",
    "ErrorSource",
    "FailureWebhook",
    "FieldError",
    "GetAsyncBulkLookupResponse",
    "GetAsyncBulkLookupResponseData",
    "InProgressLookupStatusEnum",
    "InboundCallback",
    "InboundCallbackMessage",
    "InboundCallbackTypeEnum",
    "LatestMessageDeliveryStatusEnum",
    "LineTypeEnum",
    "Link",
    "LinkSchema",
    "LinksObject",
    "ListEndpointsResponse",
    "ListMessageDirectionEnum",
    "ListMessageItem",
    "LookupErrorResponse",
    "LookupErrorSchema",
    "LookupErrorSchemaMeta",
    "LookupResult",
    "Media",
    "Message",
    "MessageDirectionEnum",
    "MessageRequest",
    "MessageStatusEnum",
    "MessageTypeEnum",
    "MessagesList",
    "MessagingCodeResponse",
    "MessagingRequestError",
    "MfaForbiddenRequestError",
    "MfaRequestError",
    "MfaUnauthorizedRequestError",
    "MmsMessageContent",
    "MmsMessageContentFile",
    "MultiChannelAction",
    "MultiChannelActionCalendarEvent",
    "MultiChannelChannelListMMSObject",
    "MultiChannelChannelListMMSResponseObject",
    "MultiChannelChannelListObjectBase",
    "MultiChannelChannelListOwnerObject",
    "MultiChannelChannelListRBMObject",
    "MultiChannelChannelListRBMObjectAllOfContent",
    "MultiChannelChannelListRBMResponseObject",
    "MultiChannelChannelListRequestObject",
    "MultiChannelChannelListResponseObject",
    "MultiChannelChannelListSMSObject",
    "MultiChannelChannelListSMSResponseObject",
    "MultiChannelError",
    "MultiChannelMessageChannelEnum",
    "MultiChannelMessageContent",
    "MultiChannelMessageRequest",
    "MultiChannelMessageResponseData",
    "OptInWorkflow",
    "Page",
    "PageInfo",
    "PriorityEnum",
    "ProductTypeEnum",
    "RbmActionBase",
    "RbmActionDial",
    "RbmActionOpenUrl",
    "RbmActionTypeEnum",
    "RbmActionViewLocation",
    "RbmCardContent",
    "RbmCardContentMedia",
    "RbmLocationResponse",
    "RbmMediaHeightEnum",
    "RbmMessageCarouselCard",
    "RbmMessageContentFile",
    "RbmMessageContentRichCard",
    "RbmMessageContentText",
    "RbmMessageMedia",
    "RbmOpenUrlEnum",
    "RbmStandaloneCard",
    "RbmSuggestionResponse",
    "RbmWebViewEnum",
    "SipConnectionMetadata",
    "SipCredentials",
    "SmsMessageContent",
    "StandaloneCardOrientationEnum",
    "StatusCallback",
    "StatusCallbackMessage",
    "StatusCallbackTypeEnum",
    "SyncLookupRequest",
    "TelephoneNumber",
    "TfvBasicAuthentication",
    "TfvCallbackStatusEnum",
    "TfvError",
    "TfvStatus",
    "TfvStatusEnum",
    "TfvSubmissionInfo",
    "TfvSubmissionWrapper",
    "ThumbnailAlignmentEnum",
    "VerificationDenialWebhook",
    "VerificationRequest",
    "VerificationUpdateRequest",
    "VerificationWebhook",
    "VerifyCodeRequest",
    "VerifyCodeResponse",
    "VoiceCodeResponse",
    "WebhookSubscription",
    "WebhookSubscriptionBasicAuthentication",
    "WebhookSubscriptionError",
    "WebhookSubscriptionRequestSchema",
    "WebhookSubscriptionTypeEnum",
    "WebhookSubscriptionsListBody",
    # END generated (all)
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

if TYPE_CHECKING:
    # BEGIN generated by tools/generate_models.py (imports)
    from bandwidth.models.additional_denial_reason import AdditionalDenialReason
    from bandwidth.models.address import Address
    from bandwidth.models.async_lookup_request import AsyncLookupRequest
    from bandwidth.models.blocked_webhook import BlockedWebhook
    from bandwidth.models.brtc_error import BrtcError
    from bandwidth.models.brtc_error_response import BrtcErrorResponse
    from bandwidth.models.brtc_error_source import BrtcErrorSource
    from bandwidth.models.brtc_link import BrtcLink
    from bandwidth.models.business_entity_type_enum import BusinessEntityTypeEnum
    from bandwidth.models.business_registration_type_enum import BusinessRegistrationTypeEnum
    from bandwidth.models.callback import Callback
    from bandwidth.models.card_width_enum import CardWidthEnum
    from bandwidth.models.code_request import CodeRequest
    from bandwidth.models.completed_lookup_status_enum import CompletedLookupStatusEnum
    from bandwidth.models.contact import Contact
    from bandwidth.models.create_async_bulk_lookup_response import CreateAsyncBulkLookupResponse
    from bandwidth.models.create_async_bulk_lookup_response_data import (
        CreateAsyncBulkLookupResponseData,
    )
    from bandwidth.models.create_endpoint_request import CreateEndpointRequest
    from bandwidth.models.create_endpoint_request_base import CreateEndpointRequestBase
    from bandwidth.models.create_endpoint_response import CreateEndpointResponse
    from bandwidth.models.create_endpoint_response_data import CreateEndpointResponseData
    from bandwidth.models.create_message_request_error import CreateMessageRequestError
    from bandwidth.models.create_multi_channel_message_response import (
        CreateMultiChannelMessageResponse,
    )
    from bandwidth.models.create_sync_lookup_response import CreateSyncLookupResponse
    from bandwidth.models.create_sync_lookup_response_data import CreateSyncLookupResponseData
    from bandwidth.models.create_web_rtc_connection_request import CreateWebRtcConnectionRequest
    from bandwidth.models.deactivation_event_enum import DeactivationEventEnum
    from bandwidth.models.device import Device
    from bandwidth.models.device_status_enum import DeviceStatusEnum
    from bandwidth.models.endpoint import Endpoint
    from bandwidth.models.endpoint_direction_enum import EndpointDirectionEnum
    from bandwidth.models.endpoint_event import EndpointEvent
    from bandwidth.models.endpoint_event_type_enum import EndpointEventTypeEnum
    from bandwidth.models.endpoint_response import EndpointResponse
    from bandwidth.models.endpoint_status_enum import EndpointStatusEnum
    from bandwidth.models.endpoint_type_enum import EndpointTypeEnum
    from bandwidth.models.endpoints import Endpoints
    from bandwidth.models.error_object import ErrorObject
    from bandwidth.models.error_source import ErrorSource
    from bandwidth.models.failure_webhook import FailureWebhook
    from bandwidth.models.field_error import FieldError
    from bandwidth.models.get_async_bulk_lookup_response import GetAsyncBulkLookupResponse
    from bandwidth.models.get_async_bulk_lookup_response_data import GetAsyncBulkLookupResponseData
    from bandwidth.models.in_progress_lookup_status_enum import InProgressLookupStatusEnum
    from bandwidth.models.inbound_callback import InboundCallback
    from bandwidth.models.inbound_callback_message import InboundCallbackMessage
    from bandwidth.models.inbound_callback_type_enum import InboundCallbackTypeEnum
    from bandwidth.models.latest_message_delivery_status_enum import LatestMessageDeliveryStatusEnum
    from bandwidth.models.line_type_enum import LineTypeEnum
    from bandwidth.models.link import Link
    from bandwidth.models.link_schema import LinkSchema
    from bandwidth.models.links_object import LinksObject
    from bandwidth.models.list_endpoints_response import ListEndpointsResponse
    from bandwidth.models.list_message_direction_enum import ListMessageDirectionEnum
    from bandwidth.models.list_message_item import ListMessageItem
    from bandwidth.models.lookup_error_response import LookupErrorResponse
    from bandwidth.models.lookup_error_schema import LookupErrorSchema
    from bandwidth.models.lookup_error_schema_meta import LookupErrorSchemaMeta
    from bandwidth.models.lookup_result import LookupResult
    from bandwidth.models.media import Media
    from bandwidth.models.message import Message
    from bandwidth.models.message_direction_enum import MessageDirectionEnum
    from bandwidth.models.message_request import MessageRequest
    from bandwidth.models.message_status_enum import MessageStatusEnum
    from bandwidth.models.message_type_enum import MessageTypeEnum
    from bandwidth.models.messages_list import MessagesList
    from bandwidth.models.messaging_code_response import MessagingCodeResponse
    from bandwidth.models.messaging_request_error import MessagingRequestError
    from bandwidth.models.mfa_forbidden_request_error import MfaForbiddenRequestError
    from bandwidth.models.mfa_request_error import MfaRequestError
    from bandwidth.models.mfa_unauthorized_request_error import MfaUnauthorizedRequestError
    from bandwidth.models.mms_message_content import MmsMessageContent
    from bandwidth.models.mms_message_content_file import MmsMessageContentFile
    from bandwidth.models.multi_channel_action import MultiChannelAction
    from bandwidth.models.multi_channel_action_calendar_event import MultiChannelActionCalendarEvent
    from bandwidth.models.multi_channel_channel_list_mms_object import (
        MultiChannelChannelListMMSObject,
    )
    from bandwidth.models.multi_channel_channel_list_mms_response_object import (
        MultiChannelChannelListMMSResponseObject,
    )
    from bandwidth.models.multi_channel_channel_list_object_base import (
        MultiChannelChannelListObjectBase,
    )
    from bandwidth.models.multi_channel_channel_list_owner_object import (
        MultiChannelChannelListOwnerObject,
    )
    from bandwidth.models.multi_channel_channel_list_rbm_object import (
        MultiChannelChannelListRBMObject,
    )
    from bandwidth.models.multi_channel_channel_list_rbm_object_all_of_content import (
        MultiChannelChannelListRBMObjectAllOfContent,
    )
    from bandwidth.models.multi_channel_channel_list_rbm_response_object import (
        MultiChannelChannelListRBMResponseObject,
    )
    from bandwidth.models.multi_channel_channel_list_request_object import (
        MultiChannelChannelListRequestObject,
    )
    from bandwidth.models.multi_channel_channel_list_response_object import (
        MultiChannelChannelListResponseObject,
    )
    from bandwidth.models.multi_channel_channel_list_sms_object import (
        MultiChannelChannelListSMSObject,
    )
    from bandwidth.models.multi_channel_channel_list_sms_response_object import (
        MultiChannelChannelListSMSResponseObject,
    )
    from bandwidth.models.multi_channel_error import MultiChannelError
    from bandwidth.models.multi_channel_message_channel_enum import MultiChannelMessageChannelEnum
    from bandwidth.models.multi_channel_message_content import MultiChannelMessageContent
    from bandwidth.models.multi_channel_message_request import MultiChannelMessageRequest
    from bandwidth.models.multi_channel_message_response_data import MultiChannelMessageResponseData
    from bandwidth.models.opt_in_workflow import OptInWorkflow
    from bandwidth.models.page import Page
    from bandwidth.models.page_info import PageInfo
    from bandwidth.models.priority_enum import PriorityEnum
    from bandwidth.models.product_type_enum import ProductTypeEnum
    from bandwidth.models.rbm_action_base import RbmActionBase
    from bandwidth.models.rbm_action_dial import RbmActionDial
    from bandwidth.models.rbm_action_open_url import RbmActionOpenUrl
    from bandwidth.models.rbm_action_type_enum import RbmActionTypeEnum
    from bandwidth.models.rbm_action_view_location import RbmActionViewLocation
    from bandwidth.models.rbm_card_content import RbmCardContent
    from bandwidth.models.rbm_card_content_media import RbmCardContentMedia
    from bandwidth.models.rbm_location_response import RbmLocationResponse
    from bandwidth.models.rbm_media_height_enum import RbmMediaHeightEnum
    from bandwidth.models.rbm_message_carousel_card import RbmMessageCarouselCard
    from bandwidth.models.rbm_message_content_file import RbmMessageContentFile
    from bandwidth.models.rbm_message_content_rich_card import RbmMessageContentRichCard
    from bandwidth.models.rbm_message_content_text import RbmMessageContentText
    from bandwidth.models.rbm_message_media import RbmMessageMedia
    from bandwidth.models.rbm_open_url_enum import RbmOpenUrlEnum
    from bandwidth.models.rbm_standalone_card import RbmStandaloneCard
    from bandwidth.models.rbm_suggestion_response import RbmSuggestionResponse
    from bandwidth.models.rbm_web_view_enum import RbmWebViewEnum
    from bandwidth.models.sip_connection_metadata import SipConnectionMetadata
    from bandwidth.models.sip_credentials import SipCredentials
    from bandwidth.models.sms_message_content import SmsMessageContent
    from bandwidth.models.standalone_card_orientation_enum import StandaloneCardOrientationEnum
    from bandwidth.models.status_callback import StatusCallback
    from bandwidth.models.status_callback_message import StatusCallbackMessage
    from bandwidth.models.status_callback_type_enum import StatusCallbackTypeEnum
    from bandwidth.models.sync_lookup_request import SyncLookupRequest
    from bandwidth.models.telephone_number import TelephoneNumber
    from bandwidth.models.tfv_basic_authentication import TfvBasicAuthentication
    from bandwidth.models.tfv_callback_status_enum import TfvCallbackStatusEnum
    from bandwidth.models.tfv_error import TfvError
    from bandwidth.models.tfv_status import TfvStatus
    from bandwidth.models.tfv_status_enum import TfvStatusEnum
    from bandwidth.models.tfv_submission_info import TfvSubmissionInfo
    from bandwidth.models.tfv_submission_wrapper import TfvSubmissionWrapper
    from bandwidth.models.thumbnail_alignment_enum import ThumbnailAlignmentEnum
    from bandwidth.models.verification_denial_webhook import VerificationDenialWebhook
    from bandwidth.models.verification_request import VerificationRequest
    from bandwidth.models.verification_update_request import VerificationUpdateRequest
    from bandwidth.models.verification_webhook import VerificationWebhook
    from bandwidth.models.verify_code_request import VerifyCodeRequest
    from bandwidth.models.verify_code_response import VerifyCodeResponse
    from bandwidth.models.voice_code_response import VoiceCodeResponse
    from bandwidth.models.webhook_subscription import WebhookSubscription
    from bandwidth.models.webhook_subscription_basic_authentication import (
        WebhookSubscriptionBasicAuthentication,
    )
    from bandwidth.models.webhook_subscription_error import WebhookSubscriptionError
    from bandwidth.models.webhook_subscription_request_schema import (
        WebhookSubscriptionRequestSchema,
    )
    from bandwidth.models.webhook_subscription_type_enum import WebhookSubscriptionTypeEnum
    from bandwidth.models.webhook_subscriptions_list_body import WebhookSubscriptionsListBody
    # END generated (imports)

__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

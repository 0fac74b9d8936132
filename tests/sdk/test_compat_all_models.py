"""The official SDK's other models: every module path and class name, and field names.

Facts read from the official ``bandwidth-sdk`` (its ``bandwidth/models/__init__.py``
and ``test/unit/models``) for the 143 non-Voice model modules of the spec we
vendor: each line is ``module Class``. Voice is pinned in ``test_compat_models.py``.
"""

from __future__ import annotations

import importlib
from typing import Dict, List, Tuple

import pytest

import bandwidth
import bandwidth.models
from tests.support.generated import GENERATED_MODELS

OFFICIAL_MODULES = """
additional_denial_reason AdditionalDenialReason
address Address
async_lookup_request AsyncLookupRequest
blocked_webhook BlockedWebhook
brtc_error BrtcError
brtc_error_response BrtcErrorResponse
brtc_error_source BrtcErrorSource
brtc_link BrtcLink
business_entity_type_enum BusinessEntityTypeEnum
business_registration_type_enum BusinessRegistrationTypeEnum
callback Callback
card_width_enum CardWidthEnum
code_request CodeRequest
completed_lookup_status_enum CompletedLookupStatusEnum
contact Contact
create_async_bulk_lookup_response CreateAsyncBulkLookupResponse
create_async_bulk_lookup_response_data CreateAsyncBulkLookupResponseData
create_endpoint_request_base CreateEndpointRequestBase
create_endpoint_response CreateEndpointResponse
create_endpoint_response_data CreateEndpointResponseData
create_message_request_error CreateMessageRequestError
create_multi_channel_message_response CreateMultiChannelMessageResponse
create_sync_lookup_response CreateSyncLookupResponse
create_sync_lookup_response_data CreateSyncLookupResponseData
create_web_rtc_connection_request CreateWebRtcConnectionRequest
deactivation_event_enum DeactivationEventEnum
device Device
device_status_enum DeviceStatusEnum
endpoint Endpoint
endpoint_direction_enum EndpointDirectionEnum
endpoint_event EndpointEvent
endpoint_event_type_enum EndpointEventTypeEnum
endpoint_response EndpointResponse
endpoint_status_enum EndpointStatusEnum
endpoint_type_enum EndpointTypeEnum
endpoints Endpoints
error_object ErrorObject
error_source ErrorSource
failure_webhook FailureWebhook
field_error FieldError
get_async_bulk_lookup_response GetAsyncBulkLookupResponse
get_async_bulk_lookup_response_data GetAsyncBulkLookupResponseData
in_progress_lookup_status_enum InProgressLookupStatusEnum
inbound_callback InboundCallback
inbound_callback_message InboundCallbackMessage
inbound_callback_type_enum InboundCallbackTypeEnum
latest_message_delivery_status_enum LatestMessageDeliveryStatusEnum
line_type_enum LineTypeEnum
link Link
link_schema LinkSchema
links_object LinksObject
list_endpoints_response ListEndpointsResponse
list_message_direction_enum ListMessageDirectionEnum
list_message_item ListMessageItem
lookup_error_response LookupErrorResponse
lookup_error_schema LookupErrorSchema
lookup_error_schema_meta LookupErrorSchemaMeta
lookup_result LookupResult
media Media
message Message
message_direction_enum MessageDirectionEnum
message_request MessageRequest
message_status_enum MessageStatusEnum
message_type_enum MessageTypeEnum
messages_list MessagesList
messaging_code_response MessagingCodeResponse
messaging_request_error MessagingRequestError
mfa_forbidden_request_error MfaForbiddenRequestError
mfa_request_error MfaRequestError
mfa_unauthorized_request_error MfaUnauthorizedRequestError
mms_message_content MmsMessageContent
mms_message_content_file MmsMessageContentFile
multi_channel_action MultiChannelAction
multi_channel_action_calendar_event MultiChannelActionCalendarEvent
multi_channel_channel_list_mms_object MultiChannelChannelListMMSObject
multi_channel_channel_list_mms_response_object MultiChannelChannelListMMSResponseObject
multi_channel_channel_list_object_base MultiChannelChannelListObjectBase
multi_channel_channel_list_owner_object MultiChannelChannelListOwnerObject
multi_channel_channel_list_rbm_object MultiChannelChannelListRBMObject
multi_channel_channel_list_rbm_object_all_of_content MultiChannelChannelListRBMObjectAllOfContent
multi_channel_channel_list_rbm_response_object MultiChannelChannelListRBMResponseObject
multi_channel_channel_list_request_object MultiChannelChannelListRequestObject
multi_channel_channel_list_response_object MultiChannelChannelListResponseObject
multi_channel_channel_list_sms_object MultiChannelChannelListSMSObject
multi_channel_channel_list_sms_response_object MultiChannelChannelListSMSResponseObject
multi_channel_error MultiChannelError
multi_channel_message_channel_enum MultiChannelMessageChannelEnum
multi_channel_message_content MultiChannelMessageContent
multi_channel_message_request MultiChannelMessageRequest
multi_channel_message_response_data MultiChannelMessageResponseData
opt_in_workflow OptInWorkflow
page Page
page_info PageInfo
priority_enum PriorityEnum
product_type_enum ProductTypeEnum
rbm_action_base RbmActionBase
rbm_action_dial RbmActionDial
rbm_action_open_url RbmActionOpenUrl
rbm_action_type_enum RbmActionTypeEnum
rbm_action_view_location RbmActionViewLocation
rbm_card_content RbmCardContent
rbm_card_content_media RbmCardContentMedia
rbm_location_response RbmLocationResponse
rbm_media_height_enum RbmMediaHeightEnum
rbm_message_carousel_card RbmMessageCarouselCard
rbm_message_content_file RbmMessageContentFile
rbm_message_content_rich_card RbmMessageContentRichCard
rbm_message_content_text RbmMessageContentText
rbm_message_media RbmMessageMedia
rbm_open_url_enum RbmOpenUrlEnum
rbm_standalone_card RbmStandaloneCard
rbm_suggestion_response RbmSuggestionResponse
rbm_web_view_enum RbmWebViewEnum
sip_connection_metadata SipConnectionMetadata
sip_credentials SipCredentials
sms_message_content SmsMessageContent
standalone_card_orientation_enum StandaloneCardOrientationEnum
status_callback StatusCallback
status_callback_message StatusCallbackMessage
status_callback_type_enum StatusCallbackTypeEnum
sync_lookup_request SyncLookupRequest
telephone_number TelephoneNumber
tfv_basic_authentication TfvBasicAuthentication
tfv_callback_status_enum TfvCallbackStatusEnum
tfv_error TfvError
tfv_status TfvStatus
tfv_status_enum TfvStatusEnum
tfv_submission_info TfvSubmissionInfo
tfv_submission_wrapper TfvSubmissionWrapper
thumbnail_alignment_enum ThumbnailAlignmentEnum
verification_denial_webhook VerificationDenialWebhook
verification_request VerificationRequest
verification_update_request VerificationUpdateRequest
verification_webhook VerificationWebhook
verify_code_request VerifyCodeRequest
verify_code_response VerifyCodeResponse
voice_code_response VoiceCodeResponse
webhook_subscription WebhookSubscription
webhook_subscription_basic_authentication WebhookSubscriptionBasicAuthentication
webhook_subscription_error WebhookSubscriptionError
webhook_subscription_request_schema WebhookSubscriptionRequestSchema
webhook_subscription_type_enum WebhookSubscriptionTypeEnum
webhook_subscriptions_list_body WebhookSubscriptionsListBody
"""
PAIRS: List[Tuple[str, str]] = [
    (line.split()[0], line.split()[1]) for line in OFFICIAL_MODULES.strip().splitlines()
]

#: Python field names the official unit tests use (keyword arguments and attributes)
OFFICIAL_FIELDS: Dict[str, str] = {
    "CodeRequest": "to var_from application_id scope message digits",
    "VerifyCodeRequest": "to scope expiration_time_in_minutes code",
    "MessageRequest": "application_id to var_from text media tag priority expiration",
    "MultiChannelMessageRequest": "to channel_list tag priority expiration",
    "MultiChannelChannelListRBMObject": "var_from application_id channel content",
    "StatusCallback": "time event_time type to description message error_code carrier_name",
    "StatusCallbackMessage": (
        "id owner application_id time segment_count direction to var_from text tag media "
        "priority channel"
    ),
    "InboundCallback": "time type to description message carrier_name",
    "RbmActionBase": "type text postback_data",
    "SyncLookupRequest": "phone_numbers",
    "LookupResult": (
        "phone_number line_type messaging_provider voice_provider country_code_a3 "
        "deactivation_reporter deactivation_date deactivation_event "
        "latest_message_delivery_status initial_message_delivery_status_date "
        "latest_message_delivery_status_date rcs_enabled"
    ),
    "LookupErrorSchemaMeta": "phone_numbers message code",
    "CreateSyncLookupResponseData": "request_id status results",
    "VerificationRequest": (
        "business_address business_contact message_volume phone_numbers use_case "
        "use_case_summary production_message_content opt_in_workflow "
        "additional_information isv_reseller"
    ),
    "Address": "name addr1 addr2 city state zip url",
    "Contact": "first_name last_name email phone_number",
    "TfvStatus": (
        "phone_number status internal_ticket_number decline_reason_description "
        "resubmit_allowed created_date_time modified_date_time submission blocked "
        "blocked_reason"
    ),
    "WebhookSubscription": (
        "id account_id callback_url type basic_authentication created_date modified_date"
    ),
    "EndpointEvent": (
        "endpoint_id type status creation_timestamp expiration_timestamp tag event_time "
        "event_type device"
    ),
    "Device": "device_id device_name status creation_timestamp",
    "CreateWebRtcConnectionRequest": (
        "type direction event_callback_url event_fallback_url tag connection_metadata"
    ),
    "CreateEndpointResponseData": (
        "endpoint_id type status creation_timestamp expiration_timestamp token"
    ),
    "BlockedWebhook": (
        "account_id phone_number status internal_ticket_number blocked blocked_reason"
    ),
    # ``field`` is reserved by the generator, like ``from``: the wire name stays ``field``
    "BrtcErrorSource": "parameter var_field header reference",
    "ErrorSource": "parameter var_field header reference",
}


def test_the_official_list_is_143_modules() -> None:
    assert len(PAIRS) == len(set(PAIRS)) == 143


@pytest.mark.parametrize(("module", "name"), PAIRS)
def test_every_official_module_path_gives_its_class(module: str, name: str) -> None:
    cls = getattr(importlib.import_module(f"bandwidth.models.{module}"), name)
    assert getattr(bandwidth.models, name) is cls
    assert getattr(bandwidth, name) is cls
    assert name in bandwidth.__all__ and name in bandwidth.models.__all__


def test_the_generated_set_is_the_official_one_plus_the_spec_s_create_endpoint_request() -> None:
    assert GENERATED_MODELS - {name for _, name in PAIRS} == {"CreateEndpointRequest"}
    assert {name for _, name in PAIRS} <= GENERATED_MODELS


@pytest.mark.parametrize("name", sorted(OFFICIAL_FIELDS))
def test_official_field_names(name: str) -> None:
    fields = getattr(bandwidth.models, name).model_fields
    for field in OFFICIAL_FIELDS[name].split():
        assert field in fields, f"{name}.{field}"


def test_a_reserved_python_name_keeps_its_wire_name() -> None:
    source = bandwidth.models.BrtcErrorSource.from_dict({"field": "name", "header": "Accept"})
    assert source.var_field == "name"
    assert source.to_dict() == {"field": "name", "header": "Accept"}

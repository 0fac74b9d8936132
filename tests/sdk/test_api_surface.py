"""The API classes have the official SDK's names, parameters, orders and return types.

``OFFICIAL`` was recorded from ``bandwidth-sdk`` 23.3.1 (``inspect.signature``
of every public method): each operation's own parameters, in order, and its
return type. Every operation also has its two variants and takes the five
extras last, positionally, with the official defaults.
"""

from __future__ import annotations

import inspect
import re
import typing
from typing import Any, Dict, List, Tuple

import pytest

import bandwidth
from bandwidth import ApiResponse
from bandwidth._operation import OPTION_ORDER

#: class -> operation -> (its own parameters in order, the return type as officially written)
OFFICIAL: Dict[str, Dict[str, Tuple[Tuple[str, ...], str]]] = {
    "CallsApi": {
        "create_call": (("account_id", "create_call"), "CreateCallResponse"),
        "get_call_state": (("account_id", "call_id"), "CallState"),
        "list_calls": (
            (
                "account_id",
                "to",
                "var_from",
                "min_start_time",
                "max_start_time",
                "disconnect_cause",
                "page_size",
                "page_token",
            ),
            "List[CallState]",
        ),
        "update_call": (("account_id", "call_id", "update_call"), "None"),
        "update_call_bxml": (("account_id", "call_id", "body"), "None"),
    },
    "ConferencesApi": {
        "download_conference_recording": (
            ("account_id", "conference_id", "recording_id"),
            "bytearray",
        ),
        "get_conference": (("account_id", "conference_id"), "Conference"),
        "get_conference_member": (
            ("account_id", "conference_id", "member_id"),
            "ConferenceMember",
        ),
        "get_conference_recording": (
            ("account_id", "conference_id", "recording_id"),
            "ConferenceRecordingMetadata",
        ),
        "list_conference_recordings": (
            ("account_id", "conference_id"),
            "List[ConferenceRecordingMetadata]",
        ),
        "list_conferences": (
            (
                "account_id",
                "name",
                "min_created_time",
                "max_created_time",
                "page_size",
                "page_token",
            ),
            "List[Conference]",
        ),
        "update_conference": (("account_id", "conference_id", "update_conference"), "None"),
        "update_conference_bxml": (("account_id", "conference_id", "body"), "None"),
        "update_conference_member": (
            ("account_id", "conference_id", "member_id", "update_conference_member"),
            "None",
        ),
    },
    "EndpointsApi": {
        "create_endpoint": (("account_id", "body"), "CreateEndpointResponse"),
        "delete_endpoint": (("account_id", "endpoint_id"), "None"),
        "get_endpoint": (("account_id", "endpoint_id"), "EndpointResponse"),
        "list_endpoints": (
            ("account_id", "type", "status", "after_cursor", "limit"),
            "ListEndpointsResponse",
        ),
        "update_endpoint_bxml": (("account_id", "endpoint_id", "body"), "None"),
    },
    "MFAApi": {
        "generate_messaging_code": (("account_id", "code_request"), "MessagingCodeResponse"),
        "generate_voice_code": (("account_id", "code_request"), "VoiceCodeResponse"),
        "verify_code": (("account_id", "verify_code_request"), "VerifyCodeResponse"),
    },
    "PhoneNumberLookupApi": {
        "create_async_bulk_lookup": (
            ("account_id", "async_lookup_request"),
            "CreateAsyncBulkLookupResponse",
        ),
        "create_sync_lookup": (("account_id", "sync_lookup_request"), "CreateSyncLookupResponse"),
        "get_async_bulk_lookup": (("account_id", "request_id"), "GetAsyncBulkLookupResponse"),
    },
    "RecordingsApi": {
        "delete_recording": (("account_id", "call_id", "recording_id"), "None"),
        "delete_recording_media": (("account_id", "call_id", "recording_id"), "None"),
        "delete_recording_transcription": (("account_id", "call_id", "recording_id"), "None"),
        "download_call_recording": (("account_id", "call_id", "recording_id"), "bytearray"),
        "get_call_recording": (
            ("account_id", "call_id", "recording_id"),
            "CallRecordingMetadata",
        ),
        "get_recording_transcription": (
            ("account_id", "call_id", "recording_id"),
            "RecordingTranscriptions",
        ),
        "list_account_call_recordings": (
            ("account_id", "to", "var_from", "min_start_time", "max_start_time"),
            "List[CallRecordingMetadata]",
        ),
        "list_call_recordings": (("account_id", "call_id"), "List[CallRecordingMetadata]"),
        "transcribe_call_recording": (
            ("account_id", "call_id", "recording_id", "transcribe_recording"),
            "None",
        ),
        "update_call_recording_state": (
            ("account_id", "call_id", "update_call_recording"),
            "None",
        ),
    },
    "MediaApi": {
        "delete_media": (("account_id", "media_id"), "None"),
        "get_media": (("account_id", "media_id"), "bytearray"),
        "list_media": (("account_id", "continuation_token"), "List[Media]"),
        "upload_media": (
            ("account_id", "media_id", "body", "content_type", "cache_control"),
            "None",
        ),
    },
    "MessagesApi": {
        "create_message": (("account_id", "message_request"), "Message"),
        "list_messages": (
            (
                "account_id",
                "message_id",
                "source_tn",
                "destination_tn",
                "message_status",
                "message_direction",
                "carrier_name",
                "message_type",
                "error_code",
                "from_date_time",
                "to_date_time",
                "campaign_id",
                "from_bw_latency",
                "bw_queued",
                "product",
                "location",
                "carrier_queued",
                "from_carrier_latency",
                "calling_number_country_a3",
                "called_number_country_a3",
                "from_segment_count",
                "to_segment_count",
                "from_message_size",
                "to_message_size",
                "sort",
                "page_token",
                "limit",
                "limit_total_count",
            ),
            "MessagesList",
        ),
    },
    "MultiChannelApi": {
        "create_multi_channel_message": (
            ("account_id", "multi_channel_message_request"),
            "CreateMultiChannelMessageResponse",
        ),
    },
    "StatisticsApi": {"get_statistics": (("account_id",), "AccountStatistics")},
    "TollFreeVerificationApi": {
        "create_webhook_subscription": (
            ("account_id", "webhook_subscription_request_schema"),
            "WebhookSubscription",
        ),
        "delete_verification_request": (("account_id", "phone_number"), "None"),
        "delete_webhook_subscription": (("account_id", "id"), "None"),
        "get_toll_free_verification_status": (("account_id", "phone_number"), "TfvStatus"),
        "list_toll_free_use_cases": ((), "List[str]"),
        "list_webhook_subscriptions": (("account_id",), "WebhookSubscriptionsListBody"),
        "request_toll_free_verification": (("account_id", "verification_request"), "None"),
        "update_toll_free_verification_request": (
            ("account_id", "phone_number", "tfv_submission_wrapper"),
            "None",
        ),
        "update_webhook_subscription": (
            ("account_id", "id", "webhook_subscription_request_schema"),
            "WebhookSubscription",
        ),
    },
    "TranscriptionsApi": {
        "delete_real_time_transcription": (
            ("account_id", "call_id", "transcription_id"),
            "None",
        ),
        "get_real_time_transcription": (
            ("account_id", "call_id", "transcription_id"),
            "CallTranscriptionResponse",
        ),
        "list_real_time_transcriptions": (
            ("account_id", "call_id"),
            "List[CallTranscriptionMetadata]",
        ),
    },
}
#: Where we return something else than the official annotation says, and why (see
#: docs/compatibility.md): the official SDK annotates ``bytearray`` but returns ``bytes``.
RETURNS_INSTEAD = {"bytearray": "bytes"}
#: Methods of ours beyond the generated SDK's.
OURS = {
    "CallsApi": {"iter_calls"},
    "ConferencesApi": {"iter_conferences", "download_conference_recording_to"},
    "EndpointsApi": {"iter_endpoints"},
    "MediaApi": {"download_media_to", "iter_media"},
    "MessagesApi": {"iter_messages"},
    "MFAApi": set(),
    "MultiChannelApi": set(),
    "PhoneNumberLookupApi": set(),
    "RecordingsApi": {"download_call_recording_to"},
    "StatisticsApi": set(),
    "TollFreeVerificationApi": set(),
    "TranscriptionsApi": set(),
}
VARIANTS = ("", "_with_http_info", "_without_preload_content")

OPERATIONS = [(cls, op) for cls, ops in OFFICIAL.items() for op in ops]


def public_methods(cls: type) -> List[str]:
    return sorted(name for name in vars(cls) if not name.startswith("_"))


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_every_class_has_the_official_methods_and_no_others(name: str) -> None:
    cls = getattr(bandwidth, name)
    expected = {op + variant for op in OFFICIAL[name] for variant in VARIANTS} | OURS[name]
    assert public_methods(cls) == sorted(expected)
    module = re.sub(r"(?<=[a-z])(?=[A-Z])", "_", name[:-3]).lower()  # PhoneNumberLookup
    assert cls.__module__ == f"bandwidth.api.{module}_api"
    assert getattr(bandwidth.api, name) is cls
    assert inspect.signature(cls).parameters["api_client"].default is None


@pytest.mark.parametrize(("name", "operation"), OPERATIONS)
def test_parameters_order_defaults_and_returns(name: str, operation: str) -> None:
    cls = getattr(bandwidth, name)
    own, returns = OFFICIAL[name][operation]
    returns = RETURNS_INSTEAD.get(returns, returns)
    api = cls(bandwidth.ApiClient(bandwidth.Configuration(username="u", password="p")))
    for variant, shown in zip(VARIANTS, (returns, f"ApiResponse[{returns}]", "BaseHTTPResponse")):
        method = getattr(api, operation + variant)
        signature = inspect.signature(method)
        parameters = list(signature.parameters.values())
        assert tuple(p.name for p in parameters) == own + OPTION_ORDER
        assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in parameters)
        # the operation's optional parameters default to None; the extras as officially
        defaults = [p.default for p in parameters]
        assert defaults[len(own) :] == [None, None, None, None, 0]
        assert signature.return_annotation == shown
        hints = typing.get_type_hints(method)
        assert set(hints) == {p.name for p in parameters} | {"return"}
        if variant == "_with_http_info":
            assert typing.get_origin(hints["return"]) is ApiResponse
        assert method.__name__ == operation + variant
        assert method.__qualname__ == f"{name}.{operation}{variant}"
        doc = inspect.getdoc(method) or ""
        assert doc.startswith(inspect.getdoc(getattr(cls, operation)).split("\n")[0])  # type: ignore[union-attr]
        assert "``" in doc.split("\n")[0]  # names the HTTP request it sends


def test_a_misnamed_variant_is_refused_when_the_class_is_made() -> None:
    from typing_extensions import Final

    from bandwidth._operation import Call
    from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo

    # (Python < 3.12 wraps an error raised by __set_name__ in a RuntimeError)
    with pytest.raises((TypeError, RuntimeError)) as caught:

        class Wrong(ApiBase):
            @Endpoint
            def op(
                self,
                _request_timeout: Any = None,
                _request_auth: Any = None,
                _content_type: Any = None,
                _headers: Any = None,
                _host_index: Any = 0,
            ) -> Call[None]:
                raise AssertionError

            op_info: Final = WithHttpInfo(op)

    error = caught.value.__cause__ or caught.value
    assert "Wrong.op_info must be named op_with_http_info" in str(error)

    with pytest.raises(TypeError, match="must end with the parameters"):

        class NoExtras(ApiBase):
            @Endpoint
            def op(self, account_id: str) -> Call[None]:
                raise AssertionError

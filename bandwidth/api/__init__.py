"""The API classes, one per tag of the spec's paths, each loaded on first use."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Dict, List

from bandwidth._lazy import lazy_exports

__all__ = [
    "CallsApi",
    "ConferencesApi",
    "EndpointsApi",
    "MFAApi",
    "MediaApi",
    "MessagesApi",
    "MultiChannelApi",
    "PhoneNumberLookupApi",
    "RecordingsApi",
    "StatisticsApi",
    "TollFreeVerificationApi",
    "TranscriptionsApi",
]

if TYPE_CHECKING:
    from bandwidth.api.calls_api import CallsApi
    from bandwidth.api.conferences_api import ConferencesApi
    from bandwidth.api.endpoints_api import EndpointsApi
    from bandwidth.api.media_api import MediaApi
    from bandwidth.api.messages_api import MessagesApi
    from bandwidth.api.mfa_api import MFAApi
    from bandwidth.api.multi_channel_api import MultiChannelApi
    from bandwidth.api.phone_number_lookup_api import PhoneNumberLookupApi
    from bandwidth.api.recordings_api import RecordingsApi
    from bandwidth.api.statistics_api import StatisticsApi
    from bandwidth.api.toll_free_verification_api import TollFreeVerificationApi
    from bandwidth.api.transcriptions_api import TranscriptionsApi

#: public name -> its module: each class is imported the first time it is used
_MODULES: Dict[str, str] = {
    "CallsApi": "calls_api",
    "ConferencesApi": "conferences_api",
    "EndpointsApi": "endpoints_api",
    "MediaApi": "media_api",
    "MessagesApi": "messages_api",
    "MFAApi": "mfa_api",
    "MultiChannelApi": "multi_channel_api",
    "PhoneNumberLookupApi": "phone_number_lookup_api",
    "RecordingsApi": "recordings_api",
    "StatisticsApi": "statistics_api",
    "TollFreeVerificationApi": "toll_free_verification_api",
    "TranscriptionsApi": "transcriptions_api",
}

__getattr__: Callable[[str], Any]
__dir__: Callable[[], List[str]]
__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

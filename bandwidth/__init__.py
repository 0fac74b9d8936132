"""bandwidth: a Python SDK for the Bandwidth Voice API's Calls endpoints.

The generated-SDK names all work from here (``bandwidth.Configuration``,
``bandwidth.ApiClient``, ``bandwidth.CallsApi``, ``bandwidth.ApiResponse``,
every Voice model and callback model, every exception). They are imported on first use, so
``import bandwidth`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Dict, List

from bandwidth._lazy import lazy_exports

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS: Dict[str, str] = {
    "ApiClient": "bandwidth.api_client",
    "ApiResponse": "bandwidth.api_response",
    "CallsApi": "bandwidth.api.calls_api",
    "Configuration": "bandwidth.configuration",
    "RetryPolicy": "bandwidth.retry",
    # exceptions
    "OpenApiException": "bandwidth.exceptions",
    "ApiAttributeError": "bandwidth.exceptions",
    "ApiKeyError": "bandwidth.exceptions",
    "ApiTypeError": "bandwidth.exceptions",
    "ApiValueError": "bandwidth.exceptions",
    "ApiException": "bandwidth.exceptions",
    "ApiConnectionError": "bandwidth.exceptions",
    "ApiTimeoutError": "bandwidth.exceptions",
    "BadRequestException": "bandwidth.exceptions",
    "UnauthorizedException": "bandwidth.exceptions",
    "ForbiddenException": "bandwidth.exceptions",
    "NotFoundException": "bandwidth.exceptions",
    "MethodNotAllowedException": "bandwidth.exceptions",
    "ConflictException": "bandwidth.exceptions",
    "UnsupportedMediaTypeException": "bandwidth.exceptions",
    "UnprocessableEntityException": "bandwidth.exceptions",
    "TooManyRequestsException": "bandwidth.exceptions",
    "ServiceException": "bandwidth.exceptions",
    "InvalidResponseException": "bandwidth.exceptions",
    "RequestValidationError": "bandwidth.exceptions",
    # the app side: webhooks
    "parse_callback": "bandwidth.callbacks",
    "verify_basic_auth": "bandwidth.callbacks",
    "basic_auth_challenge": "bandwidth.callbacks",
}
# every model of bandwidth.models but the BXML roots (official: bandwidth.models.bxml only)
for _name in (
    "AnswerCallback",
    "BridgeCompleteCallback",
    "BridgeTargetCompleteCallback",
    "CallDirectionEnum",
    "CallState",
    "CallStateEnum",
    "CallbackMethodEnum",
    "ConferenceCompletedCallback",
    "ConferenceCreatedCallback",
    "ConferenceMemberExitCallback",
    "ConferenceMemberJoinCallback",
    "ConferenceRecordingAvailableCallback",
    "ConferenceRedirectCallback",
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
    "RedirectCallback",
    "RedirectMethodEnum",
    "ReferCallStatusEnum",
    "ReferCompleteCallback",
    "StirShaken",
    "Transcription",
    "TranscriptionAvailableCallback",
    "TransferAnswerCallback",
    "TransferCompleteCallback",
    "TransferDisconnectCallback",
    "UpdateCall",
    "VoiceApiError",
):
    _EXPORTS[_name] = "bandwidth.models"
del _name

__all__ = [
    "AnswerCallback",
    "ApiAttributeError",
    "ApiClient",
    "ApiConnectionError",
    "ApiException",
    "ApiKeyError",
    "ApiResponse",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "BadRequestException",
    "BridgeCompleteCallback",
    "BridgeTargetCompleteCallback",
    "CallDirectionEnum",
    "CallState",
    "CallStateEnum",
    "CallbackMethodEnum",
    "CallsApi",
    "ConferenceCompletedCallback",
    "ConferenceCreatedCallback",
    "ConferenceMemberExitCallback",
    "ConferenceMemberJoinCallback",
    "ConferenceRecordingAvailableCallback",
    "ConferenceRedirectCallback",
    "Configuration",
    "ConflictException",
    "CreateCall",
    "CreateCallResponse",
    "DisconnectCallback",
    "Diversion",
    "DtmfCallback",
    "FileFormatEnum",
    "ForbiddenException",
    "GatherCallback",
    "InitiateCallback",
    "InvalidResponseException",
    "MachineDetectionCompleteCallback",
    "MachineDetectionConfiguration",
    "MachineDetectionModeEnum",
    "MachineDetectionResult",
    "MethodNotAllowedException",
    "NotFoundException",
    "OpenApiException",
    "RecordingAvailableCallback",
    "RecordingCompleteCallback",
    "RedirectCallback",
    "RedirectMethodEnum",
    "ReferCallStatusEnum",
    "ReferCompleteCallback",
    "RequestValidationError",
    "RetryPolicy",
    "ServiceException",
    "StirShaken",
    "TooManyRequestsException",
    "Transcription",
    "TranscriptionAvailableCallback",
    "TransferAnswerCallback",
    "TransferCompleteCallback",
    "TransferDisconnectCallback",
    "UnauthorizedException",
    "UnprocessableEntityException",
    "UnsupportedMediaTypeException",
    "UpdateCall",
    "VoiceApiError",
    "__version__",
    "basic_auth_challenge",
    "parse_callback",
    "verify_basic_auth",
]

if TYPE_CHECKING:
    from bandwidth.api.calls_api import CallsApi
    from bandwidth.api_client import ApiClient
    from bandwidth.api_response import ApiResponse
    from bandwidth.callbacks import basic_auth_challenge, parse_callback, verify_basic_auth
    from bandwidth.configuration import Configuration
    from bandwidth.exceptions import (
        ApiAttributeError,
        ApiConnectionError,
        ApiException,
        ApiKeyError,
        ApiTimeoutError,
        ApiTypeError,
        ApiValueError,
        BadRequestException,
        ConflictException,
        ForbiddenException,
        InvalidResponseException,
        MethodNotAllowedException,
        NotFoundException,
        OpenApiException,
        RequestValidationError,
        ServiceException,
        TooManyRequestsException,
        UnauthorizedException,
        UnprocessableEntityException,
        UnsupportedMediaTypeException,
    )
    from bandwidth.models import (
        AnswerCallback,
        BridgeCompleteCallback,
        BridgeTargetCompleteCallback,
        CallbackMethodEnum,
        CallDirectionEnum,
        CallState,
        CallStateEnum,
        ConferenceCompletedCallback,
        ConferenceCreatedCallback,
        ConferenceMemberExitCallback,
        ConferenceMemberJoinCallback,
        ConferenceRecordingAvailableCallback,
        ConferenceRedirectCallback,
        CreateCall,
        CreateCallResponse,
        DisconnectCallback,
        Diversion,
        DtmfCallback,
        FileFormatEnum,
        GatherCallback,
        InitiateCallback,
        MachineDetectionCompleteCallback,
        MachineDetectionConfiguration,
        MachineDetectionModeEnum,
        MachineDetectionResult,
        RecordingAvailableCallback,
        RecordingCompleteCallback,
        RedirectCallback,
        RedirectMethodEnum,
        ReferCallStatusEnum,
        ReferCompleteCallback,
        StirShaken,
        Transcription,
        TranscriptionAvailableCallback,
        TransferAnswerCallback,
        TransferCompleteCallback,
        TransferDisconnectCallback,
        UpdateCall,
        VoiceApiError,
    )
    from bandwidth.retry import RetryPolicy

#: Subpackages the generated SDK imports eagerly, so that after ``import bandwidth``
#: code may reach ``bandwidth.models.X`` or ``bandwidth.exceptions.X``; here each is
#: imported the first time it is reached.
_SUBMODULES = frozenset(
    [
        "api",
        "api_client",
        "api_response",
        "callbacks",
        "configuration",
        "exceptions",
        "models",
        "rest",
    ]
)

_export, _names = lazy_exports(__name__, _EXPORTS, globals())


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    return _export(name)


def __dir__() -> List[str]:
    return sorted(set(_names()) | _SUBMODULES)

"""bandwidth: a Python SDK for the Bandwidth Voice API's Calls endpoints.

The generated-SDK names all work from here (``bandwidth.Configuration``,
``bandwidth.ApiClient``, ``bandwidth.CallsApi``, ``bandwidth.ApiResponse``,
every model, every exception). They are imported on first use, so
``import bandwidth`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict

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
    # the app side: webhooks
    "parse_callback": "bandwidth.callbacks",
    "verify_basic_auth": "bandwidth.callbacks",
    "basic_auth_challenge": "bandwidth.callbacks",
}
for _name in (
    "CallDirectionEnum",
    "CallState",
    "CallStateEnum",
    "CallbackMethodEnum",
    "CreateCall",
    "CreateCallResponse",
    "MachineDetectionConfiguration",
    "MachineDetectionModeEnum",
    "RedirectMethodEnum",
    "UpdateCall",
    "VoiceApiError",
):
    _EXPORTS[_name] = "bandwidth.models"
del _name

__all__ = [
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
    "CallDirectionEnum",
    "CallState",
    "CallStateEnum",
    "CallbackMethodEnum",
    "CallsApi",
    "Configuration",
    "ConflictException",
    "CreateCall",
    "CreateCallResponse",
    "ForbiddenException",
    "InvalidResponseException",
    "MachineDetectionConfiguration",
    "MachineDetectionModeEnum",
    "MethodNotAllowedException",
    "NotFoundException",
    "OpenApiException",
    "RedirectMethodEnum",
    "RetryPolicy",
    "ServiceException",
    "TooManyRequestsException",
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
        ServiceException,
        TooManyRequestsException,
        UnauthorizedException,
        UnprocessableEntityException,
        UnsupportedMediaTypeException,
    )
    from bandwidth.models import (
        CallbackMethodEnum,
        CallDirectionEnum,
        CallState,
        CallStateEnum,
        CreateCall,
        CreateCallResponse,
        MachineDetectionConfiguration,
        MachineDetectionModeEnum,
        RedirectMethodEnum,
        UpdateCall,
        VoiceApiError,
    )
    from bandwidth.retry import RetryPolicy


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())

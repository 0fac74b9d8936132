"""The official SDK's import paths work, and importing is lazy."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import bandwidth

MODEL_MODULES = {
    "call_direction_enum": "CallDirectionEnum",
    "call_state": "CallState",
    "call_state_enum": "CallStateEnum",
    "callback_method_enum": "CallbackMethodEnum",
    "create_call": "CreateCall",
    "create_call_response": "CreateCallResponse",
    "machine_detection_configuration": "MachineDetectionConfiguration",
    "machine_detection_mode_enum": "MachineDetectionModeEnum",
    "redirect_method_enum": "RedirectMethodEnum",
    "update_call": "UpdateCall",
    "voice_api_error": "VoiceApiError",
}

EXCEPTIONS = [
    "OpenApiException",
    "ApiTypeError",
    "ApiValueError",
    "ApiAttributeError",
    "ApiKeyError",
    "ApiException",
    "BadRequestException",
    "UnauthorizedException",
    "ForbiddenException",
    "NotFoundException",
    "ConflictException",
    "UnprocessableEntityException",
    "ServiceException",
    "MethodNotAllowedException",
    "UnsupportedMediaTypeException",
    "TooManyRequestsException",
    "ApiConnectionError",
    "ApiTimeoutError",
]


@pytest.mark.parametrize(("module", "name"), sorted(MODEL_MODULES.items()))
def test_model_paths(module: str, name: str) -> None:
    cls = getattr(importlib.import_module(f"bandwidth.models.{module}"), name)
    assert getattr(bandwidth, name) is cls
    assert getattr(importlib.import_module("bandwidth.models"), name) is cls


def test_api_and_client_paths() -> None:
    from bandwidth.api.calls_api import CallsApi
    from bandwidth.api_client import ApiClient
    from bandwidth.api_response import ApiResponse
    from bandwidth.configuration import Configuration

    assert bandwidth.CallsApi is CallsApi
    assert bandwidth.ApiClient is ApiClient
    assert bandwidth.ApiResponse is ApiResponse
    assert bandwidth.Configuration is Configuration
    from bandwidth.api import CallsApi as FromPackage

    assert FromPackage is CallsApi


@pytest.mark.parametrize("name", EXCEPTIONS)
def test_exception_paths(name: str) -> None:
    from bandwidth import exceptions

    cls = getattr(exceptions, name)
    assert getattr(bandwidth, name) is cls
    assert issubclass(cls, exceptions.OpenApiException)
    if (
        name.startswith("Api")
        and name.endswith(("Exception", "Error"))
        and name
        not in {
            "ApiTypeError",
            "ApiValueError",
            "ApiAttributeError",
            "ApiKeyError",
        }
    ):
        assert issubclass(cls, exceptions.ApiException)


def test_rest_reexports_api_exception() -> None:
    from bandwidth.exceptions import ApiException
    from bandwidth.rest import ApiException as RestApiException

    assert RestApiException is ApiException


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        bandwidth.NoSuchThing  # noqa: B018
    assert "CallsApi" in dir(bandwidth)


def _fresh(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out)


def test_import_bandwidth_loads_nothing_heavy() -> None:
    loaded = _fresh(
        "import sys, json; import bandwidth; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('bandwidth', 'pydantic', 'urllib3', 'dateutil'))))"
    )
    assert loaded == ["bandwidth", "bandwidth._lazy", "bandwidth._version"]


def test_calls_api_does_not_load_optional_parts() -> None:
    loaded = _fresh(
        "import sys, json; from bandwidth import CallsApi; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('bandwidth', 'dateutil'))))"
    )
    assert "dateutil" not in loaded
    assert not any(
        m.startswith(("bandwidth.testing", "bandwidth.callbacks", "bandwidth.models.bxml"))
        for m in loaded
    )
    assert "bandwidth.oauth" not in loaded

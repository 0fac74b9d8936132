"""The Calls API's models, one module per schema (``bandwidth.models.create_call.CreateCall``, …).

Names are imported on first use, so ``import bandwidth.models`` costs nothing
until a model is touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Dict

from bandwidth._lazy import lazy_exports

#: public name -> module (under ``bandwidth.models``) that defines it
_MODULES: Dict[str, str] = {
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
    # the BXML builder's roots (every verb is in bandwidth.models.bxml)
    "Bxml": "bxml",
    "Response": "bxml",
}

__all__ = [
    "Bxml",
    "CallDirectionEnum",
    "CallState",
    "CallStateEnum",
    "CallbackMethodEnum",
    "CreateCall",
    "CreateCallResponse",
    "MachineDetectionConfiguration",
    "MachineDetectionModeEnum",
    "RedirectMethodEnum",
    "Response",
    "UpdateCall",
    "VoiceApiError",
]

if TYPE_CHECKING:
    from bandwidth.models.bxml import Bxml, Response
    from bandwidth.models.call_direction_enum import CallDirectionEnum
    from bandwidth.models.call_state import CallState
    from bandwidth.models.call_state_enum import CallStateEnum
    from bandwidth.models.callback_method_enum import CallbackMethodEnum
    from bandwidth.models.create_call import CreateCall
    from bandwidth.models.create_call_response import CreateCallResponse
    from bandwidth.models.machine_detection_configuration import MachineDetectionConfiguration
    from bandwidth.models.machine_detection_mode_enum import MachineDetectionModeEnum
    from bandwidth.models.redirect_method_enum import RedirectMethodEnum
    from bandwidth.models.update_call import UpdateCall
    from bandwidth.models.voice_api_error import VoiceApiError


__getattr__, __dir__ = lazy_exports(__name__, _MODULES, globals())

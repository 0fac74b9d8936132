"""``parse_callback``: turn a webhook request body into the right callback model."""

from __future__ import annotations

import importlib
from typing import Any, Dict, Mapping, Optional, Tuple, Type, Union

from pydantic import ValidationError

from bandwidth.callbacks._body import (
    FORM,
    CallbackParseError,
    check_depth,
    decode_form,
    decode_json,
    decode_text,
    field_error,
    is_json,
    media_type,
)
from bandwidth.callbacks.base import Callback, UnknownCallback

__all__ = ["CallbackParseError", "callback_model_for", "parse_callback"]

#: eventType -> (module under bandwidth.callbacks, model name); models load on first use
_EVENTS: Dict[str, Tuple[str, str]] = {
    "initiate": ("call", "InitiateCallback"),
    "answer": ("call", "AnswerCallback"),
    "disconnect": ("call", "DisconnectCallback"),
    "redirect": ("call", "RedirectCallback"),
    "machineDetectionComplete": ("call", "MachineDetectionCompleteCallback"),
    "gather": ("call", "GatherCallback"),
    "dtmf": ("call", "DtmfCallback"),
    "transferAnswer": ("transfer", "TransferAnswerCallback"),
    "transferComplete": ("transfer", "TransferCompleteCallback"),
    "transferDisconnect": ("transfer", "TransferDisconnectCallback"),
    "bridgeComplete": ("transfer", "BridgeCompleteCallback"),
    "bridgeTargetComplete": ("transfer", "BridgeTargetCompleteCallback"),
    "referComplete": ("transfer", "ReferCompleteCallback"),
    "recordComplete": ("recording", "RecordingCompleteCallback"),
    "recordingComplete": ("recording", "RecordingCompleteCallback"),
    "recordingAvailable": ("recording", "RecordingAvailableCallback"),
    "transcriptionAvailable": ("recording", "TranscriptionAvailableCallback"),
    "conferenceCreated": ("conference", "ConferenceCreatedCallback"),
    "conferenceRedirect": ("conference", "ConferenceRedirectCallback"),
    "conferenceMemberJoin": ("conference", "ConferenceMemberJoinCallback"),
    "conferenceMemberExit": ("conference", "ConferenceMemberExitCallback"),
    "conferenceCompleted": ("conference", "ConferenceCompletedCallback"),
    "conferenceRecordingAvailable": ("conference", "ConferenceRecordingAvailableCallback"),
    "mediaStreamStarted": ("stream", "MediaStreamStartedCallback"),
    "mediaStreamRejected": ("stream", "MediaStreamRejectedCallback"),
    "mediaStreamStopped": ("stream", "MediaStreamStoppedCallback"),
    "realTimeTranscriptionStarted": ("stream", "RealTimeTranscriptionStartedCallback"),
    "realTimeTranscriptionRejected": ("stream", "RealTimeTranscriptionRejectedCallback"),
    "realTimeTranscriptionStopped": ("stream", "RealTimeTranscriptionStoppedCallback"),
    "realTimeTranscriptionAvailable": ("stream", "RealTimeTranscriptionAvailableCallback"),
}


def callback_model_for(event_type: Optional[str]) -> Type[Callback]:
    """The model class for an ``eventType`` value; :class:`UnknownCallback` for any other."""
    if not isinstance(event_type, str):
        return UnknownCallback
    target = _EVENTS.get(event_type)
    if target is None:
        return UnknownCallback
    module = importlib.import_module(f"bandwidth.callbacks.{target[0]}")
    model: Type[Callback] = getattr(module, target[1])
    return model


def parse_callback(
    body: Union[bytes, bytearray, memoryview, str, Mapping[str, Any]],
    content_type: Optional[str] = None,
) -> Callback:
    """Parse a webhook body into the model its ``eventType`` names.

    ``body`` is the raw request body (JSON bytes or text), an already-decoded
    dict, or the form-encoded/query-string shape of a GET callback (pass the
    URL's query string). ``content_type`` (the request's Content-Type header)
    picks the format; without it, a body that is JSON (an object, or an
    array or value, which are refused) is JSON and anything else is
    form-encoded. Both ``recordComplete`` and
    ``recordingComplete`` give a :class:`RecordingCompleteCallback`; an
    unknown or missing ``eventType`` gives an :class:`UnknownCallback`.

    Raises :class:`CallbackParseError` for a body that is neither a JSON
    object nor form data (``[]``, ``5``, ``null``, plain text), is larger
    than 1 MiB or nested more than 32 levels deep, or has a known field
    with an impossible value (such as a malformed ``eventTime``; its
    ``errors()`` name the field).
    """
    data = _decode(body, content_type)
    model = callback_model_for(data.get("eventType"))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise field_error(model.__name__, exc) from None
    except RecursionError:
        raise CallbackParseError("callback body is nested too deeply") from None


def _decode(
    body: Union[bytes, bytearray, memoryview, str, Mapping[str, Any]],
    content_type: Optional[str],
) -> Dict[str, Any]:
    if isinstance(body, Mapping):
        check_depth(body)
        return dict(body)
    text = decode_text(body, content_type)
    if media_type(content_type) != FORM and (is_json(content_type) or _looks_like_json(text)):
        data = decode_json(text)
        if not isinstance(data, dict):
            raise CallbackParseError("callback body must be a JSON object")
        return data
    if "=" not in text:  # "5", "hello", "": no field at all, so no form data either
        raise CallbackParseError("callback body is neither a JSON object nor form data")
    return decode_form(text)


def _looks_like_json(text: str) -> bool:
    """Whether a body without a JSON Content-Type is JSON: an object, an array, or a scalar."""
    start = text.lstrip()[:1]
    if start in ("{", "[", '"'):
        return True
    stripped = text.strip()
    return stripped in ("null", "true", "false") or _is_number(stripped)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return "=" not in text

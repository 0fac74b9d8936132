"""``parse_callback``: turn a webhook request body into the right callback model."""

from __future__ import annotations

import importlib
import json
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Type, Union
from urllib.parse import parse_qsl

from pydantic import ValidationError

from bandwidth.callbacks.base import Callback, UnknownCallback
from bandwidth.exceptions import ApiTypeError, ApiValueError

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

_FORM = "application/x-www-form-urlencoded"


class CallbackParseError(ApiValueError):
    """The body is not a callback: not JSON or form data, not an object, nested too
    deeply, or a known field holds an impossible value (such as a malformed ``eventTime``).

    An :class:`~bandwidth.exceptions.ApiValueError` (so also an
    ``OpenApiException`` and a ``ValueError``): a webhook handler needs one
    ``except`` to answer a bad body with a 400. For a bad field, :meth:`errors`
    lists each problem the way pydantic reports it (``loc``, ``msg``, ``type``);
    the values themselves are never echoed.
    """

    def __init__(
        self, msg: str, errors: Sequence[Mapping[str, Any]] = (), path_to_item: Any = None
    ) -> None:
        self._errors = [dict(error) for error in errors]
        super().__init__(msg, path_to_item)

    def errors(self) -> List[Dict[str, Any]]:
        """Each problem with a field: ``loc`` (wire names), ``msg`` and ``type``."""
        return [dict(error) for error in self._errors]


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
    picks the format; without it, a body starting with ``{`` is JSON and
    anything else is form-encoded. Both ``recordComplete`` and
    ``recordingComplete`` give a :class:`RecordingCompleteCallback`; an
    unknown or missing ``eventType`` gives an :class:`UnknownCallback`.

    Raises :class:`CallbackParseError` for a body that is neither JSON nor form
    data, is nested too deeply, or has a known field with an impossible value
    (such as a malformed ``eventTime``; its ``errors()`` name the field).
    """
    data = _decode(body, content_type)
    model = callback_model_for(data.get("eventType"))
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _field_error(model, exc) from None
    except RecursionError:
        raise CallbackParseError("callback body is nested too deeply") from None


def _field_error(model: Type[Callback], exc: ValidationError) -> CallbackParseError:
    """A :class:`CallbackParseError` naming each bad field (never its value)."""
    errors = [
        {"loc": error["loc"], "msg": error["msg"], "type": error["type"]}
        for error in exc.errors(include_url=False, include_input=False)
    ]
    where = "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or '(body)'}: {error['msg']}"
        for error in errors
    )
    return CallbackParseError(f"not a valid {model.__name__}: {where}", errors)


def _charset(content_type: Optional[str]) -> str:
    if content_type:
        for param in content_type.split(";")[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
    return "utf-8-sig"


def _decode(
    body: Union[bytes, bytearray, memoryview, str, Mapping[str, Any]],
    content_type: Optional[str],
) -> Dict[str, Any]:
    if isinstance(body, Mapping):
        return dict(body)
    if isinstance(body, (bytes, bytearray, memoryview)):
        try:
            text = bytes(body).decode(_charset(content_type))
        except (UnicodeDecodeError, LookupError) as exc:
            raise CallbackParseError(f"callback body is not valid text: {exc}") from None
    elif isinstance(body, str):
        text = body
    else:
        raise ApiTypeError(f"body must be bytes, str or a dict, not {type(body).__name__}")
    media = (content_type or "").split(";")[0].strip().lower()
    if media == _FORM:
        return _form(text)
    if media == "application/json" or media.endswith("+json") or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise CallbackParseError(f"callback body is not valid JSON: {exc}") from None
        except RecursionError:  # the decoder's own depth limit: far past any real callback
            raise CallbackParseError("callback body is nested too deeply") from None
        if not isinstance(data, dict):
            raise CallbackParseError("callback body must be a JSON object")
        return data
    return _form(text)


def _form(text: str) -> Dict[str, Any]:
    """Decode ``a=1&b=2``; ``x[y]=v`` and ``x.y=v`` become nested objects (a guess:
    how Bandwidth encodes nested fields in GET callbacks is undocumented)."""
    stripped = text.strip()
    if stripped.startswith("?"):
        stripped = stripped[1:]
    data: Dict[str, Any] = {}
    nested: Dict[str, Dict[str, str]] = {}
    try:
        pairs = parse_qsl(stripped, keep_blank_values=True, strict_parsing=False)
    except ValueError as exc:  # pragma: no cover - parse_qsl is lenient
        raise CallbackParseError(f"callback body is not form data: {exc}") from None
    for key, value in pairs:
        outer, inner = _split_key(key)
        if inner is None:
            data[key] = value
        else:
            nested.setdefault(outer, {})[inner] = value
    for outer, fields in nested.items():
        if outer not in data:
            data[outer] = fields
    return data


def _split_key(key: str) -> Tuple[str, Optional[str]]:
    if key.endswith("]") and "[" in key:
        outer, _, inner = key[:-1].partition("[")
        if outer and inner and "[" not in inner:
            return outer, inner
    if "." in key:
        outer, _, inner = key.partition(".")
        if outer and inner:
            return outer, inner
    return key, None

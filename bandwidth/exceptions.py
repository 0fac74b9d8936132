"""Every error this SDK raises.

``ApiException`` covers every failure of an API call: an HTTP error status, a
2xx body that does not decode, a transport failure or a timeout. Catch it to
handle them all; catch a subclass to handle one case. Each carries what the
server said (``status``, ``reason``, ``headers``, ``body``) and, when the body
is the product's error document (a :class:`~bandwidth.models.VoiceApiError` for
Voice), the decoded model as ``data``.

Bad input never reaches the wire: it raises :class:`ApiValueError` or
:class:`ApiTypeError` (also ``ValueError``/``TypeError``) naming the parameter.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Sequence, Type, Union

if TYPE_CHECKING:
    from urllib3 import BaseHTTPResponse, HTTPHeaderDict


__all__ = [
    "ApiAttributeError",
    "ApiConnectionError",
    "ApiException",
    "ApiKeyError",
    "ApiTimeoutError",
    "ApiTypeError",
    "ApiValueError",
    "BadRequestException",
    "ConflictException",
    "ForbiddenException",
    "InvalidResponseException",
    "MethodNotAllowedException",
    "NotFoundException",
    "OpenApiException",
    "RequestValidationError",
    "ServiceException",
    "TooManyRequestsException",
    "UnauthorizedException",
    "UnprocessableEntityException",
    "UnsupportedMediaTypeException",
]

PathType = Sequence[Union[str, int]]


class OpenApiException(Exception):
    """Base of every exception this SDK raises."""


class _InputError(OpenApiException):
    """Bad input, found before anything was sent; ``path_to_item`` locates it in nested data."""

    def __init__(self, msg: str, path_to_item: Optional[PathType] = None) -> None:
        self.path_to_item = path_to_item
        if path_to_item:
            where = "".join(f"[{p}]" if isinstance(p, int) else f"['{p}']" for p in path_to_item)
            msg = f"{msg} at {where}"
        super().__init__(msg)


class ApiTypeError(_InputError, TypeError):
    """An argument has the wrong type; raised before anything is sent."""

    def __init__(
        self,
        msg: str,
        path_to_item: Optional[PathType] = None,
        valid_classes: Optional[Any] = None,
        key_type: Optional[bool] = None,
    ) -> None:
        self.valid_classes = valid_classes
        self.key_type = key_type
        super().__init__(msg, path_to_item)


class ApiValueError(_InputError, ValueError):
    """An argument has a bad value; raised before anything is sent."""


class ApiAttributeError(_InputError, AttributeError):
    """An attribute that does not exist was requested."""


class ApiKeyError(_InputError, KeyError):
    """A key that does not exist was requested."""


#: Characters of a response body an exception keeps (and shows); the rest is cut.
ERROR_BODY_LIMIT = 4096


def bounded_body(body: Optional[str]) -> Optional[str]:
    """The first :data:`ERROR_BODY_LIMIT` characters of ``body``, noting how much was cut."""
    if body is None or len(body) <= ERROR_BODY_LIMIT:
        return body
    cut = len(body) - ERROR_BODY_LIMIT
    return f"{body[:ERROR_BODY_LIMIT]}... [{cut} more characters not kept]"


class ApiException(OpenApiException):
    """An API call failed. Carries the server's answer when there was one.

    Attributes:
        status: HTTP status code, or ``None`` when no response arrived.
        reason: HTTP reason phrase (or a short description of the failure).
        headers: response headers (case-insensitive, repeated headers kept).
        body: the response body as text (``None`` when there was none), at most
            its first :data:`ERROR_BODY_LIMIT` characters: a server cannot make
            an exception (or a log line showing it) arbitrarily large.
        data: the decoded error document of the operation's product (a
            :class:`~bandwidth.models.VoiceApiError` for Voice, ``TfvError``,
            ``BrtcErrorResponse``, ...), when the body is one.

    ``str()`` shows the status, the headers (``Authorization``, ``Cookie`` and
    ``Set-Cookie`` redacted) and the kept part of the body.
    """

    def __init__(
        self,
        status: Optional[int] = None,
        reason: Optional[str] = None,
        http_resp: Optional[BaseHTTPResponse] = None,
        *,
        body: Optional[str] = None,
        data: Optional[Any] = None,
        headers: Optional[HTTPHeaderDict] = None,
    ) -> None:
        self.status = status
        self.reason = reason
        self.body = bounded_body(body)
        self.data = data
        self.headers = headers
        if http_resp is not None:
            if self.status is None:
                self.status = http_resp.status
            if self.reason is None:
                self.reason = http_resp.reason
            if self.headers is None:
                self.headers = http_resp.headers
            if self.body is None:
                try:
                    self.body = bounded_body(http_resp.data.decode("utf-8", "replace"))
                except Exception:
                    self.body = None
        super().__init__(self.status, self.reason)

    @classmethod
    def from_response(
        cls,
        *,
        http_resp: BaseHTTPResponse,
        body: Optional[str],
        data: Optional[Any],
    ) -> ApiException:
        """Build the subclass that matches ``http_resp.status`` (generated-SDK entry point)."""
        exc_class = exception_class_for_status(http_resp.status)
        return exc_class(http_resp=http_resp, body=body, data=data)

    @property
    def description(self) -> Optional[str]:
        """The API's human-readable description of the error, when it sent one.

        Read from the error document's ``description`` (Voice, TFV), its
        ``error`` or ``message`` (MFA), or its first ``errors`` entry's
        ``description`` (Phone Number Lookup, BRTC endpoints).
        """
        data = self.data
        for name in ("description", "error", "message"):
            text = getattr(data, name, None)
            if isinstance(text, str) and text:
                return text
        entries = getattr(data, "errors", None)
        if isinstance(entries, list) and entries:
            text = getattr(entries[0], "description", None)
            if isinstance(text, str) and text:
                return text
        return None

    def summary(self) -> str:
        """One line: status, reason and, when present, the API's description."""
        parts = []
        if self.status is not None:
            parts.append(f"({self.status})")
        if self.reason:
            parts.append(str(self.reason))
        line = " ".join(parts) or type(self).__name__
        if self.description:
            line = f"{line}: {self.description}"
        return line

    def __str__(self) -> str:
        from bandwidth._redact import display_headers

        lines = [self.summary()]
        if self.headers:
            lines.append(f"HTTP response headers: {display_headers(self.headers)}")
        if self.body:
            lines.append(f"HTTP response body: {self.body}")
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status={self.status!r}, reason={self.reason!r})"


class BadRequestException(ApiException):
    """400: the API rejected the request as invalid."""


class UnauthorizedException(ApiException):
    """401: missing or wrong credentials (or a failed OAuth token request)."""


class ForbiddenException(ApiException):
    """403: the credentials are not allowed to do this."""


class NotFoundException(ApiException):
    """404: no such account or call (call records expire 7 days after hang-up)."""


class MethodNotAllowedException(ApiException):
    """405: the HTTP method is not allowed on this path."""


class ConflictException(ApiException):
    """409: the call cannot be changed in its current state (for example, it has ended)."""


class UnsupportedMediaTypeException(ApiException):
    """415: the request's content type is not accepted."""


class UnprocessableEntityException(ApiException):
    """422: the request was well-formed but could not be processed."""


class TooManyRequestsException(ApiException):
    """429: rate limited."""

    @cached_property
    def retry_after(self) -> Optional[float]:
        """Seconds the server asked to wait (``Retry-After``); ``None`` if absent or invalid."""
        from bandwidth._retry_after import parse_retry_after

        return parse_retry_after(self.headers.get("Retry-After") if self.headers else None)

    def summary(self) -> str:
        line = super().summary()
        wait = self.retry_after
        if wait is not None and wait < 1e15:
            line += f" (retry after {wait:g}s)"
        elif wait is not None:
            line += " (Retry-After beyond any limit)"
        return line


class ServiceException(ApiException):
    """5xx: the service failed. Safe to retry only for idempotent operations."""


class InvalidResponseException(ApiException):
    """A 2xx answer whose body is not what the API documents (bad JSON, wrong shape)."""


class ApiConnectionError(ApiException):
    """No usable response: the connection failed, was refused, or dropped.

    The underlying urllib3 error is the ``__cause__``.
    """


class ApiTimeoutError(ApiConnectionError):
    """The server did not connect or answer within the configured timeout."""


class RequestValidationError(BadRequestException, ApiValueError):
    """A request body failed the checks run before sending; nothing was sent.

    Raised by ``create_call``/``update_call`` (and ``model.check()``) where the
    server would answer 400, so ``except ApiException`` (``status`` 400,
    ``data`` a ``validation`` :class:`~bandwidth.models.VoiceApiError`),
    ``except ApiValueError`` and ``except ValueError`` all catch it.
    :meth:`errors` lists every problem: ``loc`` (the field, as written),
    ``msg`` and ``type``. Messages name fields, never their values.
    """

    def __init__(self, msg: str, errors: Sequence[Any] = (), *, data: Optional[Any] = None) -> None:
        # Both bases' __init__ expect their own arguments: set their attributes here.
        self.status: Optional[int] = 400
        self.reason: Optional[str] = "Bad Request"
        self.body: Optional[str] = None
        self.headers: Optional[HTTPHeaderDict] = None
        self.data = data
        self.message = msg
        self._errors = [dict(error) for error in errors]
        self.path_to_item: Optional[List[Any]] = (
            list(self._errors[0]["loc"]) if self._errors else None
        )
        Exception.__init__(self, msg)

    def errors(self) -> List[Dict[str, Any]]:
        """Every problem found: ``{"loc": (...), "msg": ..., "type": ...}``."""
        return [dict(error) for error in self._errors]

    def __str__(self) -> str:
        return self.message


_BY_STATUS: Dict[int, Type[ApiException]] = {
    400: BadRequestException,
    401: UnauthorizedException,
    403: ForbiddenException,
    404: NotFoundException,
    405: MethodNotAllowedException,
    409: ConflictException,
    415: UnsupportedMediaTypeException,
    422: UnprocessableEntityException,
    429: TooManyRequestsException,
}


def exception_class_for_status(status: int) -> Type[ApiException]:
    """The :class:`ApiException` subclass raised for an HTTP error ``status``."""
    exc_class = _BY_STATUS.get(status)
    if exc_class is not None:
        return exc_class
    if 500 <= status <= 599:
        return ServiceException
    return ApiException


class ErrorModels:
    """Which model an operation's error bodies decode into: one per status, else ``default``.

    Each product documents its own error document (``VoiceApiError``,
    ``TfvError``, ``BrtcErrorResponse``, ...), and MFA a different one for
    401 and 403; an :class:`~bandwidth._operation.Operation` names its
    product's. The models are given as ``"module:Class"`` under
    ``bandwidth.models`` and imported on the first error, so declaring an
    operation imports nothing.
    """

    __slots__ = ("_by_status", "_default", "_loaded")

    def __init__(self, default: str, by_status: Optional[Dict[int, str]] = None) -> None:
        self._default = default
        self._by_status = dict(by_status or {})
        self._loaded: Dict[str, Any] = {}

    def for_status(self, status: int) -> Any:
        """The model class for an error answer with this status."""
        name = self._by_status.get(status, self._default)
        model = self._loaded.get(name)
        if model is None:
            import importlib

            module, _, cls = name.partition(":")
            model = getattr(importlib.import_module(f"bandwidth.models.{module}"), cls)
            self._loaded[name] = model
        return model

    def __repr__(self) -> str:
        return f"ErrorModels({self._default!r}, {self._by_status!r})"


#: The Voice API's error document, for every status (the default of every operation).
VOICE_ERRORS = ErrorModels("voice_api_error:VoiceApiError")


def error_from_response(
    status: int,
    reason: Optional[str],
    headers: HTTPHeaderDict,
    raw: bytes,
    errors: ErrorModels = VOICE_ERRORS,
) -> ApiException:
    """Turn a non-2xx answer into the matching exception, decoding the product's error body."""
    body = raw.decode("utf-8", "replace") if raw else None
    data: Optional[Any] = None
    if raw and len(raw) <= ERROR_BODY_LIMIT * 16:  # an error document is a few hundred bytes
        data = _decode_error_body(raw, errors.for_status(status))
    exc_class = exception_class_for_status(status)
    return exc_class(status, reason, body=body, data=data, headers=headers)


def _decode_error_body(raw: bytes, model: Any) -> Optional[Any]:
    from pydantic import ValidationError

    try:
        return model.model_validate_json(raw)
    except (ValidationError, ValueError, RecursionError):  # not an error document
        return None

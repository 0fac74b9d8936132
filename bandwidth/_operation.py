"""What an API operation is (``Operation``) and one invocation of it (``Call``).

The API classes' methods only *describe* a request by building a
:class:`Call` (see :mod:`bandwidth.api._endpoint`);
:meth:`bandwidth.ApiClient.execute` is the one place that sends, retries and
decodes it (:mod:`bandwidth._decode` turns bodies into models). That keeps
every operation, and its three variants, on a single code path.
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import (
    Any,
    Dict,
    Generic,
    List,
    Mapping,
    Optional,
    Tuple,
    TypeVar,
    Union,
)

import urllib3
from typing_extensions import TypeAlias, TypedDict

from bandwidth._params import path_segment, path_segments
from bandwidth._servers import VOICE_SERVERS, Servers
from bandwidth._upload import Upload
from bandwidth.exceptions import VOICE_ERRORS, ApiTypeError, ApiValueError, ErrorModels

#: ``_request_timeout``: seconds (connect, each read and the whole attempt), a
#: ``(connect, read)`` pair, or a ``urllib3.Timeout``; ``None`` for the configured one.
RequestTimeout: TypeAlias = Union[float, Tuple[float, float], urllib3.Timeout, None]
#: ``_request_auth``: ``{"in": "header", "key": "Authorization", "value": "..."}``.
RequestAuth: TypeAlias = Optional[Dict[str, Any]]
#: ``_headers``: extra request headers for this call.
RequestHeaders: TypeAlias = Optional[Dict[str, Any]]
#: A request body: bytes, or a file read as it is sent (a media upload).
Body: TypeAlias = Union[bytes, Upload]


class RequestOptions(TypedDict, total=False):
    """The generated SDK's per-call extras, accepted by every operation.

    Every operation takes them as its last five parameters, in this order,
    positionally or by keyword (the ``iter_*`` helpers by keyword only):

    ``_request_timeout``: seconds, ``(connect, read)`` or a ``urllib3.Timeout``;
    ``_request_auth``: replaces the configured auth for this call;
    ``_content_type``: the request body's media type (must be the operation's);
    ``_headers``: extra request headers; ``_host_index``: which of the
    operation's servers (see :meth:`bandwidth.Configuration.operation_host`).
    """

    _request_timeout: RequestTimeout
    _request_auth: RequestAuth
    _content_type: Optional[str]
    _headers: RequestHeaders
    _host_index: Optional[int]


T = TypeVar("T")

#: The extras' names, in the order the operations take them.
OPTION_ORDER = ("_request_timeout", "_request_auth", "_content_type", "_headers", "_host_index")
OPTION_NAMES = frozenset(OPTION_ORDER)
#: The extras as a builder passes them on (``(_request_timeout, ..., _host_index)``).
Extras: TypeAlias = Tuple[RequestTimeout, RequestAuth, Optional[str], RequestHeaders, Optional[int]]
#: All five left at their defaults.
NO_EXTRAS: Extras = (None, None, None, None, 0)
_NO_OPTIONS: Mapping[str, Any] = MappingProxyType({})


class Operation(Generic[T]):
    """A static description of one API operation.

    Args:
        name: the SDK method name (``"create_call"``), used in errors and logs.
        method: HTTP method.
        path: path template under the host, e.g. ``/accounts/{accountId}/calls``.
        response_type: what a 2xx body decodes to (a model, ``List[Model]``),
            ``bytes`` for media (returned as received), or ``None`` when the
            operation returns no body.
        content_type: media type of the request body, if it has one.
        accept: the ``Accept`` header, when the answer is not JSON (media).
        servers: the product's servers from the spec (:mod:`bandwidth._servers`),
            default Voice's; used when the configuration has no explicit ``host``.
        errors: the models the product's error answers decode into (the
            exception's ``data``), default the Voice API's ``VoiceApiError``.
        slashed: path parameters whose values may hold ``/`` (kept, each part
            encoded; see :func:`bandwidth._params.path_segments`).
    """

    __slots__ = (
        "_format",
        "accept",
        "content_type",
        "errors",
        "method",
        "name",
        "operation_id",
        "parameters",
        "path",
        "response_type",
        "servers",
        "slashed",
    )

    def __init__(
        self,
        name: str,
        method: str,
        path: str,
        response_type: Any = None,
        content_type: Optional[str] = None,
        *,
        accept: Optional[str] = None,
        servers: Servers = VOICE_SERVERS,
        errors: ErrorModels = VOICE_ERRORS,
        slashed: Tuple[str, ...] = (),
    ) -> None:
        self.name: str = name
        #: The spec's ``operationId`` (``createMessage`` for ``create_message``).
        self.operation_id: str = re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), name)
        self.method: str = method
        self.path: str = path
        self.response_type: Any = response_type
        self.content_type: Optional[str] = content_type
        self.accept: Optional[str] = accept
        self.servers: Servers = servers
        self.errors: ErrorModels = errors
        self.slashed: Tuple[str, ...] = slashed
        #: The path parameters' Python names, in template order (``account_id``, ``call_id``).
        self.parameters: Tuple[str, ...] = tuple(map(_snake_case, _PLACEHOLDER.findall(path)))
        self._format = _PLACEHOLDER.sub("{}", path)

    def expand(self, *values: Any) -> str:
        """The path with these parameter values (in template order), each percent-encoded.

        A value that is not a non-empty ``str`` raises
        :class:`~bandwidth.exceptions.ApiTypeError` /
        :class:`~bandwidth.exceptions.ApiValueError` naming the parameter.
        """
        if self.slashed:
            return self._format.format(
                *(
                    (path_segments if name in self.slashed else path_segment)(name, value)
                    for name, value in zip(self.parameters, values)
                )
            )
        return self._format.format(*map(path_segment, self.parameters, values))

    def __repr__(self) -> str:
        return f"Operation({self.name!r}, {self.method} {self.path})"


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _snake_case(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Call(Generic[T]):
    """One invocation of an :class:`Operation`: its parameters, body and per-call options.

    ``extras`` are the five per-call extras as the operation's method received
    them (checked here, before anything is sent); ``options`` are ones already
    checked, carried over from an earlier call (the next page of a list).
    """

    __slots__ = ("body", "content_type", "operation", "options", "path", "query", "url")

    def __init__(
        self,
        operation: Operation[T],
        path: str,
        extras: Extras = NO_EXTRAS,
        *,
        query: Optional[List[Tuple[str, str]]] = None,
        body: Optional[Body] = None,
        options: Optional[Mapping[str, Any]] = None,
        url: Optional[str] = None,
    ) -> None:
        self.operation: Operation[T] = operation
        #: Path under the configured host (already percent-encoded).
        self.path: str = path
        #: Query parameters, not yet encoded.
        self.query: Optional[List[Tuple[str, str]]] = query
        #: An absolute URL to use instead of host + path (a pagination link
        #: the client has already checked points at the configured host).
        self.url: Optional[str] = url
        self.body: Optional[Body] = body
        if extras != NO_EXTRAS:
            options = {
                name: value
                for name, value in zip(OPTION_ORDER, extras)
                if value is not None and not (name == "_host_index" and value == 0)
            }
            check_options(operation, options)
        self.options: Mapping[str, Any] = options or _NO_OPTIONS
        self.content_type: Optional[str] = (
            self.options.get("_content_type") or operation.content_type
        )


def check_options(operation: Operation[Any], options: Mapping[str, Any]) -> None:
    """Reject invalid per-call options before anything is sent.

    ``_host_index`` is checked here for type; whether it selects one of the
    operation's servers depends on the configuration, and is checked when
    the URL is made (:meth:`bandwidth.Configuration.operation_host`).
    """
    for key in options:
        if key not in OPTION_NAMES:
            raise ApiTypeError(f"{operation.name}() got an unexpected keyword argument {key!r}")
    host_index = options.get("_host_index")
    if host_index is not None and (isinstance(host_index, bool) or not isinstance(host_index, int)):
        raise ApiTypeError(f"_host_index must be an int, not {type(host_index).__name__}")
    content_type = options.get("_content_type")
    if content_type is not None:
        expected = operation.content_type
        media_type = str(content_type).split(";", 1)[0].strip().lower()
        if expected is None or media_type != expected:
            raise ApiValueError(
                f"_content_type {content_type!r} is not accepted by {operation.name}; "
                f"it sends {expected or 'no body'}"
            )
    headers = options.get("_headers")
    if headers is not None:
        if not isinstance(headers, dict):
            raise ApiTypeError("_headers must be a dict of header names to values")
        for name, value in headers.items():
            check_header(f"_headers[{str(name)[:40]!r}]", name, value)
    auth = options.get("_request_auth")
    if auth is not None:
        if (
            not isinstance(auth, dict)
            or auth.get("in", "header") != "header"
            or not auth.get("value")
        ):
            raise ApiValueError(
                "_request_auth must be a dict like "
                "{'in': 'header', 'key': 'Authorization', 'type': 'basic', 'value': 'Basic ...'}"
            )
        check_header("_request_auth", auth.get("key") or "Authorization", auth["value"])


# A header name is an RFC 9110 token; a value has no control character but tab.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_VALUE_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def check_header(where: str, name: Any, value: Any) -> None:
    """Reject a header http.client would refuse (or a server split), never echoing its value."""
    if not isinstance(name, str) or not _TOKEN.fullmatch(name):
        raise ApiValueError(f"{where}: the header name is not a valid HTTP token")
    text = str(value)
    if _VALUE_CONTROL.search(text):
        raise ApiValueError(
            f"{where}: the header value contains a control character (a trailing newline?)"
        )
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        raise ApiValueError(f"{where}: the header value has a character outside Latin-1") from None

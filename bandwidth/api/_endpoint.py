"""How an API class declares an operation: one builder, three public methods.

An operation is written once, as a method with the generated SDK's full
signature (the operation's parameters, then the five per-call extras) that
checks its arguments and *describes* the request as a
:class:`~bandwidth._operation.Call`. Decorating it with :class:`Endpoint`
makes it the method that returns the decoded data; two more lines make the
other two variants::

    class StatisticsApi(ApiBase):
        @Endpoint
        def get_statistics(self, account_id: str, _request_timeout: ... = None, ...
                           ) -> Call[AccountStatistics]:
            \"\"\"Get the account's statistics (``GET /accounts/{accountId}/statistics``).\"\"\"
            return Call(GET_STATISTICS, GET_STATISTICS.expand(account_id), extras)

        get_statistics_with_http_info: Final = WithHttpInfo(get_statistics)
        get_statistics_without_preload_content: Final = WithoutPreloadContent(get_statistics)

* ``op(...)`` returns the decoded data (:meth:`bandwidth.ApiClient.execute`);
* ``op_with_http_info(...)`` returns an :class:`~bandwidth.ApiResponse`
  (data, status, headers);
* ``op_without_preload_content(...)`` returns the raw urllib3 response, unread
  and unchecked (:meth:`bandwidth.ApiClient.execute_raw`).

For type checkers, each of the three is a descriptor whose ``__get__`` gives
a callable with the builder's exact parameters (``ParamSpec``) and the
variant's return type, so a wrong argument is an error in the caller's code.
At run time each replaces itself, when the class is created, with a plain
function carrying the builder's signature and docstring: attribute access,
``inspect.signature`` and ``help()`` behave as for a hand-written method, at
the same speed.
"""

from __future__ import annotations

import functools
import inspect
from types import MethodType
from typing import Any, Callable, Dict, Generic, Optional, Tuple, TypeVar, Union, overload

from typing_extensions import Concatenate, ParamSpec, Self
from urllib3 import BaseHTTPResponse

from bandwidth._operation import OPTION_ORDER, Call
from bandwidth.api_client import ApiClient
from bandwidth.api_response import ApiResponse
from bandwidth.exceptions import ApiTypeError

__all__ = ["ApiBase", "Endpoint", "WithHttpInfo", "WithoutPreloadContent"]

P = ParamSpec("P")
T = TypeVar("T")


class ApiBase:
    """What every API class has: the :class:`~bandwidth.ApiClient` its requests go through."""

    def __init__(self, api_client: Optional[ApiClient] = None) -> None:
        #: The client every operation sends through (the shared default when none is given).
        self.api_client: ApiClient = (
            api_client if api_client is not None else ApiClient.get_default()
        )


class Endpoint(Generic[P, T]):
    """The data-returning method of an operation, made from its builder (a decorator).

    ``build`` is the operation's builder: a method with the generated SDK's
    signature that returns the :class:`~bandwidth._operation.Call` to send.
    The method made from it sends that call and returns its decoded data.
    """

    def __init__(self, build: Callable[Concatenate[Any, P], Call[T]]) -> None:
        _check_extras(build)
        describe = _checked(build)
        #: ``build(api, *args, **kwargs)``: the request ``op(...)`` sends, described, not sent
        #: (what ``iter_*`` and ``download_*_to`` start from).
        self.build: Callable[Concatenate[Any, P], Call[T]] = describe

        def method(self: ApiBase, /, *args: Any, **kwargs: Any) -> Any:
            return self.api_client.execute(describe(self, *args, **kwargs)).data

        self.function: Callable[..., Any] = _dress(
            method, build, "", _identity, "Returns the decoded data."
        )
        # In the finished class the method is this plain function: keep ``.build`` reachable.
        self.function.build = describe  # type: ignore[attr-defined]

    @overload
    def __get__(self, obj: None, owner: Optional[type] = None) -> Self: ...

    @overload
    def __get__(self, obj: object, owner: Optional[type] = None) -> Callable[P, T]: ...

    def __get__(
        self, obj: Optional[object], owner: Optional[type] = None
    ) -> Union[Self, Callable[P, T]]:
        # Reached only before __set_name__ replaced this descriptor, or outside a class.
        if obj is None:
            return self
        return MethodType(self.function, obj)

    def __call__(self, api: Any, /, *args: P.args, **kwargs: P.kwargs) -> T:
        """Call the method on ``api`` (``CallsApi.get_call_state(api, ...)``)."""
        return self.function(api, *args, **kwargs)  # type: ignore[no-any-return]

    def __set_name__(self, owner: type, name: str) -> None:
        _install(owner, name, self.function)


class WithHttpInfo(Generic[P, T]):
    """``op_with_http_info``: the operation's :class:`~bandwidth.ApiResponse` (data, status...).

    Declared in the class body as ``op_with_http_info: Final = WithHttpInfo(op)``.
    """

    def __init__(self, endpoint: Endpoint[P, T]) -> None:
        describe = endpoint.build

        def method(self: ApiBase, /, *args: Any, **kwargs: Any) -> Any:
            return self.api_client.execute(describe(self, *args, **kwargs))

        self.function: Callable[..., Any] = _dress(
            method,
            inspect.unwrap(describe),
            "_with_http_info",
            _with_http_info,
            "Returns an ApiResponse: data, status_code and headers (also unpacks as a tuple).",
        )

    @overload
    def __get__(self, obj: None, owner: Optional[type] = None) -> Self: ...

    @overload
    def __get__(self, obj: object, owner: Optional[type] = None) -> Callable[P, ApiResponse[T]]: ...

    def __get__(
        self, obj: Optional[object], owner: Optional[type] = None
    ) -> Union[Self, Callable[P, ApiResponse[T]]]:
        if obj is None:
            return self
        return MethodType(self.function, obj)

    def __set_name__(self, owner: type, name: str) -> None:
        _install(owner, name, self.function)


class WithoutPreloadContent(Generic[P, T]):
    """``op_without_preload_content``: the raw urllib3 response, unread; its status is not checked.

    Declared in the class body as
    ``op_without_preload_content: Final = WithoutPreloadContent(op)``.
    """

    def __init__(self, endpoint: Endpoint[P, T]) -> None:
        describe = endpoint.build

        def method(self: ApiBase, /, *args: Any, **kwargs: Any) -> Any:
            return self.api_client.execute_raw(describe(self, *args, **kwargs))

        self.function: Callable[..., Any] = _dress(
            method,
            inspect.unwrap(describe),
            "_without_preload_content",
            _raw,
            "Returns the raw urllib3 response, unread; its status is not checked."
            " Read it within the call's deadline and size limit, then release_conn().",
        )

    @overload
    def __get__(self, obj: None, owner: Optional[type] = None) -> Self: ...

    @overload
    def __get__(
        self, obj: object, owner: Optional[type] = None
    ) -> Callable[P, BaseHTTPResponse]: ...

    def __get__(
        self, obj: Optional[object], owner: Optional[type] = None
    ) -> Union[Self, Callable[P, BaseHTTPResponse]]:
        if obj is None:
            return self
        return MethodType(self.function, obj)

    def __set_name__(self, owner: type, name: str) -> None:
        _install(owner, name, self.function)


def _identity(data: Any, text: str) -> Tuple[Any, str]:
    return data, text


def _with_http_info(data: Any, text: str) -> Tuple[Any, str]:
    return ApiResponse[data], f"ApiResponse[{text}]"


def _raw(data: Any, text: str) -> Tuple[Any, str]:
    return BaseHTTPResponse, "BaseHTTPResponse"


def _checked(build: Callable[..., Call[T]]) -> Callable[..., Call[T]]:
    """``build``, raising ``ApiTypeError`` for a missing, surplus or misspelled argument.

    Python raises a plain ``TypeError`` for those; the SDK's own errors
    share one root (``OpenApiException``), so it becomes an ``ApiTypeError``
    (still a ``TypeError``) with Python's message.
    """

    @functools.wraps(build)
    def describe(api: Any, /, *args: Any, **kwargs: Any) -> Call[T]:
        try:
            return build(api, *args, **kwargs)
        except TypeError as exc:
            if isinstance(exc, ApiTypeError):
                raise
            raise ApiTypeError(str(exc)) from None

    return describe


def _check_extras(build: Callable[..., Any]) -> None:
    """Every operation ends with the generated SDK's five extras, in its order, with defaults."""
    parameters = list(inspect.signature(build).parameters.values())
    tail = parameters[-len(OPTION_ORDER) :]
    if [p.name for p in tail] != list(OPTION_ORDER) or any(
        p.default is inspect.Parameter.empty or p.kind is not p.POSITIONAL_OR_KEYWORD for p in tail
    ):
        raise TypeError(
            f"{build.__qualname__} must end with the parameters {', '.join(OPTION_ORDER)}"
            " (positional or keyword, with defaults)"
        )


def _dress(
    method: Callable[..., Any],
    build: Callable[..., Any],
    suffix: str,
    returns: Callable[[Any, str], Tuple[Any, str]],
    note: str,
) -> Callable[..., Any]:
    """Give ``method`` the builder's name (plus ``suffix``), signature and docstring.

    ``returns`` maps what the data variant returns (the type and its text) to
    what this one does (``X`` to ``ApiResponse[X]``). The signature shows the return type as
    text (``-> ApiResponse[CallState]``); ``__annotations__`` holds the type
    itself, so ``typing.get_type_hints`` resolves every variant.
    """
    signature = inspect.signature(build)
    annotation = signature.return_annotation
    text = str(annotation)
    if not (text.startswith("Call[") and text.endswith("]")):
        raise TypeError(f"{build.__qualname__} must be annotated to return Call[...]")
    data_text = text[len("Call[") : -1]
    try:  # the builder's module has imported what its annotations name
        data = eval(data_text, build.__globals__) if isinstance(annotation, str) else None
    except NameError:  # pragma: no cover - a name imported only for type checkers
        data = data_text
    returned, shown = returns(data, data_text)
    method.__name__ = build.__name__ + suffix
    method.__qualname__ = build.__qualname__ + suffix
    method.__module__ = build.__module__
    summary = inspect.cleandoc(build.__doc__ or "")
    method.__doc__ = f"{summary}\n\n{note}" if summary else note
    method.__signature__ = signature.replace(return_annotation=shown)  # type: ignore[attr-defined]
    annotations: Dict[str, Any] = dict(build.__annotations__)
    annotations["return"] = returned
    method.__annotations__ = annotations
    method.__wrapped__ = build  # type: ignore[attr-defined]
    return method


def _install(owner: type, name: str, function: Callable[..., Any]) -> None:
    """Put the plain function in the class in place of its descriptor (checking the name)."""
    if name != function.__name__:
        raise TypeError(
            f"{owner.__qualname__}.{name} must be named {function.__name__}: "
            "each variant is declared under its generated-SDK name"
        )
    setattr(owner, name, function)

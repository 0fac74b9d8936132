"""Request bodies and query strings, checked before anything is sent (one rule each)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any, List, Optional, Tuple, Type, Union

from typing_extensions import Protocol, TypeAlias

from bandwidth import _params
from bandwidth.exceptions import ApiTypeError, ApiValueError
from bandwidth.models._base import RequestModel
from bandwidth.models._checks import build_request, check_request

__all__ = ["BxmlBody", "Query", "SupportsBxml", "bxml_body", "json_body"]


class SupportsBxml(Protocol):
    """Anything that writes itself as a BXML document (:class:`bandwidth.models.bxml.Bxml`)."""

    def to_bxml(self) -> str:
        """The document as text."""
        ...


#: A BXML document: text, UTF-8 bytes, or a BXML object.
BxmlBody: TypeAlias = Union[str, bytes, SupportsBxml]
#: A time filter: a ``datetime`` (naive means UTC) or ISO 8601 text.
TimeFilter: TypeAlias = Union[datetime, str]


def json_body(parameter: str, value: Any, model: Type[RequestModel]) -> bytes:
    """Check a request model (or build one from a dict) and serialize it to wire JSON.

    Models are built without value checks, like the generated SDK's; the
    checks run here, before anything is sent, and every problem (bad values,
    rules between fields, unknown keywords or keys) raises one
    :class:`~bandwidth.exceptions.RequestValidationError`, which
    ``except ApiException`` catches as it would the server's 400.
    """
    body: RequestModel
    if isinstance(value, model):
        body = value
        check_request(body, parameter)
    elif isinstance(value, dict):
        body = build_request(model, value, parameter)
    else:
        raise ApiTypeError(
            f"{parameter} must be a {model.__name__} (or a dict of one), not {type(value).__name__}"
        )
    try:
        return body._wire_bytes()
    except (ValueError, TypeError):  # pydantic's serialization error, or UnicodeEncodeError
        where = _unencodable(body.model_dump(by_alias=True, exclude_unset=True), parameter)
        raise ApiValueError(
            f"{where or parameter} must be text UTF-8 can encode (it holds a lone surrogate)"
        ) from None


def _unencodable(value: Any, where: str) -> Optional[str]:
    """The wire path of the first string UTF-8 cannot encode in ``value`` (``None``: none)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where
        return None
    if isinstance(value, dict):
        items: Any = ((f"{where}.{key}", item) for key, item in value.items())
    elif isinstance(value, (list, tuple)):
        items = ((f"{where}[{index}]", item) for index, item in enumerate(value))
    else:
        return None
    for path, item in items:
        found = _unencodable(item, path)
        if found is not None:
            return found
    return None


def bxml_body(body: Any) -> bytes:
    """A BXML document as the UTF-8 bytes sent as ``application/xml``."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    elif hasattr(body, "to_bxml"):
        body = body.to_bxml()
        if isinstance(body, str):
            body = body.encode("utf-8")
    if not isinstance(body, (bytes, bytearray)):
        raise ApiTypeError(
            f"body must be BXML as str, bytes or a Bxml object, not {type(body).__name__}"
        )
    if not body.strip():
        raise ApiValueError("body must be a BXML document, got an empty string")
    return bytes(body)


class Query:
    """A query string under construction: each ``add_*`` checks one parameter, skipping ``None``."""

    __slots__ = ("pairs",)

    def __init__(self) -> None:
        self.pairs: List[Tuple[str, str]] = []

    def add_text(self, wire: str, name: str, value: Optional[str]) -> None:
        """A text filter (``name``, ``disconnectCause``, ``pageToken``)."""
        if value is not None:
            self.pairs.append((wire, _params.text(name, value)))

    def add_phone(self, wire: str, name: str, value: Optional[str]) -> None:
        """A ``to``/``from`` filter, plain or pre-encoded (sent encoded once)."""
        if value is not None:
            self.pairs.append((wire, _params.phone_filter(name, value)))

    def add_time(self, wire: str, name: str, value: Optional[TimeFilter]) -> None:
        """A time filter, sent as ISO 8601 (a ``datetime`` in UTC, ``Z``)."""
        if value is not None:
            self.pairs.append((wire, _params.timestamp(name, value)))

    def add_int(
        self, wire: str, name: str, value: Optional[int], low: int = -(2**63), high: int = 2**63 - 1
    ) -> None:
        """An integer within ``[low, high]`` (a page size), by default any 64-bit one."""
        if value is not None:
            self.pairs.append((wire, str(_params.int_in_range(name, value, low, high))))

    def add_bool(self, wire: str, name: str, value: Optional[bool]) -> None:
        """A boolean, sent as ``true`` / ``false``."""
        if value is not None:
            if not isinstance(value, bool):
                raise ApiTypeError(f"{name} must be a bool, not {type(value).__name__}")
            self.pairs.append((wire, "true" if value else "false"))

    def add_enum(self, wire: str, name: str, value: Optional[Union[Enum, str]]) -> None:
        """An enum filter: a member of the model's enum, or its wire text (a new value too)."""
        if value is not None:
            text = value.value if isinstance(value, Enum) else _params.text(name, value)
            if not isinstance(text, str) or not text:
                raise ApiValueError(f"{name} must not be empty")
            self.pairs.append((wire, text))

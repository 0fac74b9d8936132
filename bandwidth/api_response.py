"""``ApiResponse``: what a ``*_with_http_info`` call returns."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Iterator, Optional, TypeVar

from urllib3 import HTTPHeaderDict

__all__ = ["ApiResponse"]

T = TypeVar("T")


class ApiResponse(Generic[T]):
    """The decoded data of a response together with its status and headers.

    ``headers`` is case-insensitive and keeps repeated headers
    (``headers.getlist("Link")``). The object also unpacks like the tuple
    older generated SDKs returned::

        data, status, headers = api.get_call_state_with_http_info(account_id, call_id)
    """

    __slots__ = ("data", "headers", "raw_data", "status_code")

    def __init__(
        self,
        *,
        status_code: int,
        headers: Optional[HTTPHeaderDict] = None,
        data: T,
        raw_data: bytes = b"",
    ) -> None:
        self.status_code: int = status_code
        self.headers: HTTPHeaderDict = headers if headers is not None else HTTPHeaderDict()
        self.data: T = data
        self.raw_data: bytes = raw_data

    def __iter__(self) -> Iterator[Any]:
        return iter((self.data, self.status_code, self.headers))

    def __len__(self) -> int:
        return 3

    def __getitem__(self, index: int) -> Any:
        return (self.data, self.status_code, self.headers)[index]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ApiResponse):
            return NotImplemented
        return (self.status_code, dict(self.headers.items()), self.data, self.raw_data) == (
            other.status_code,
            dict(other.headers.items()),
            other.data,
            other.raw_data,
        )

    __hash__: ClassVar[None] = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return f"ApiResponse(status_code={self.status_code}, data={self.data!r})"

"""A request body sent from a file a chunk at a time, so an upload never sits in memory whole.

:func:`upload_body` turns what ``MediaApi.upload_media`` accepts into what
the transport sends: ``bytes`` as they are, or an :class:`Upload` that
urllib3 reads in blocks (``Content-Length`` set from its size, so it is
never sent chunked). An :class:`Upload` can be rewound, so a retry or the
OAuth replay sends the same bytes again; a file it opened itself (from a
path) is closed once the request is done.
"""

from __future__ import annotations

import io
import os
from typing import IO, Any, Optional, Union

from bandwidth.exceptions import ApiTypeError, ApiValueError

__all__ = ["Upload", "upload_body"]


class Upload:
    """``length`` bytes of a binary file from offset ``start``, read as they are sent.

    urllib3 reads it with ``read(blocksize)`` and, to retry, records
    ``tell()`` and calls ``seek()``. Reads stop at ``length`` even if the file
    grew; a file that shrank raises ``OSError`` (the request fails, typed by
    the transport) instead of leaving the server waiting for bytes.
    """

    __slots__ = ("_file", "_left", "_path", "length", "start")

    def __init__(
        self, file: Optional[IO[bytes]], start: int, length: int, path: Optional[str] = None
    ) -> None:
        self._file = file
        self._path = path
        self.start: int = start
        self.length: int = length
        self._left = length

    def __len__(self) -> int:
        return self.length

    def _opened(self) -> IO[bytes]:
        if self._file is None:
            if self._path is None:  # pragma: no cover - every Upload has a file or a path
                raise OSError("the upload has no file")
            self._file = open(self._path, "rb")  # noqa: SIM115 - closed by close()
            self._file.seek(self.start)
        return self._file

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` bytes (all that is left for ``-1``), never past ``length``."""
        if self._left <= 0:
            return b""
        wanted = self._left if size is None or size < 0 else min(size, self._left)
        data = self._opened().read(wanted)
        if not data:
            raise OSError(
                f"the file ended {self._left} bytes before the {self.length} bytes it had "
                "when the upload began"
            )
        self._left -= len(data)
        return data

    def tell(self) -> int:
        """The position within the body (urllib3 records it to rewind for a retry)."""
        return self.length - self._left

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Go back to ``offset`` within the body (only ``SEEK_SET`` is needed)."""
        if whence != io.SEEK_SET or not 0 <= offset <= self.length:
            raise OSError("an upload body can only be rewound to a position within it")
        self._opened().seek(self.start + offset)
        self._left = self.length - offset
        return offset

    def rewind(self) -> None:
        """Back to the first byte, to send the body again."""
        self.seek(0)

    def close(self) -> None:
        """Close the file if this body opened it (a caller's file object is left open)."""
        if self._path is not None and self._file is not None:
            self._file.close()
            self._file = None


def upload_body(name: str, body: Any, max_bytes: int) -> Union[bytes, Upload]:
    """What ``body`` sends: bytes, or an :class:`Upload` of a file; at most ``max_bytes``.

    Accepted, as the generated SDK accepts them: ``bytes`` (or ``bytearray``,
    ``memoryview``), a ``str`` or ``os.PathLike`` naming a file, a
    ``(filename, bytes)`` pair, and beyond it a binary file object (from its
    current position; a pipe is read, at most ``max_bytes + 1`` bytes). Too
    large, or a text file, raise before anything is sent, naming ``name``.
    """
    if isinstance(body, tuple) and len(body) == 2 and isinstance(body[0], str):
        body = body[1]
    if isinstance(body, (bytes, bytearray, memoryview)):
        data = bytes(body)
        _check_size(name, len(data), max_bytes)
        return data
    if isinstance(body, (str, os.PathLike)):
        path = os.fspath(body)
        if not isinstance(path, str) or not path:
            raise ApiValueError(f"{name} must name a file, got an empty path")
        try:
            size = os.stat(path).st_size
        except OSError as exc:
            raise ApiValueError(
                f"{name}: cannot read the file to upload ({exc.strerror or exc})"
            ) from None
        if not os.path.isfile(path):
            raise ApiValueError(f"{name} must name a regular file")
        _check_size(name, size, max_bytes)
        return Upload(None, 0, size, path=path)
    if callable(getattr(body, "read", None)):
        if isinstance(body, io.TextIOBase):
            raise ApiTypeError(f"{name} must be a binary file (opened 'rb'), not a text file")
        return _from_file(name, body, max_bytes)
    raise ApiTypeError(
        f"{name} must be bytes, a path, or a binary file object, not {type(body).__name__}"
    )


def _from_file(name: str, file: Any, max_bytes: int) -> Union[bytes, Upload]:
    size: Optional[int] = None
    start = 0
    try:
        start = file.tell()
        size = file.seek(0, io.SEEK_END) - start
        file.seek(start)
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        size = None
    if size is None or size < 0:  # not seekable (a pipe, a socket): bounded, read whole
        data = file.read(max_bytes + 1)
        if not isinstance(data, bytes):
            raise ApiTypeError(f"{name} must be a binary file (its read() gave no bytes)")
        _check_size(name, len(data), max_bytes)
        return data
    _check_size(name, size, max_bytes)
    return Upload(file, start, size)


def _check_size(name: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise ApiValueError(
            f"{name} is larger than the {max_bytes} bytes Bandwidth accepts for one media file"
        )

"""Streaming a recording's media to a file, in chunks, without holding it in memory.

``download_*_recording`` returns the media as ``bytes``, read within the
client's ``max_response_bytes`` (64 MiB by default) like any answer. The
``download_*_recording_to`` methods send the same request through
:meth:`bandwidth.ApiClient.stream` with limits of their own (``max_bytes``,
1 GiB by default, and ``deadline``, one hour) and write the body to a path
or a binary file object a chunk at a time: memory stays flat whatever the
size.

A path is written atomically: the body goes to a temporary file in the same
directory, renamed over the path only once complete, and removed on any
failure, so a path never holds a partial recording. A new file is readable
by its owner only (recordings are personal data); a replaced one keeps its
permissions. A file object is written
as the chunks arrive (on failure it holds what arrived; it is the caller's).

A failure while the body streams (a dropped connection, the deadline, more
than ``max_bytes``) is not retried: the request was answered, and the
caller decides whether to call again.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from typing import TYPE_CHECKING, Any, Union

from typing_extensions import Protocol, TypeAlias
from urllib3.exceptions import HTTPError

from bandwidth import _params
from bandwidth._bounded import ResponseTooLarge, declared_length
from bandwidth.api_response import ApiResponse
from bandwidth.exceptions import ApiException, ApiTypeError, ApiValueError
from bandwidth.rest import transport_error

if TYPE_CHECKING:
    from urllib3 import BaseHTTPResponse

    from bandwidth._operation import Call
    from bandwidth.api_client import ApiClient

__all__ = ["DOWNLOAD_DEADLINE", "DOWNLOAD_MAX_BYTES", "Destination", "SupportsWrite", "download"]

#: The largest media a ``download_*_to`` method writes unless told otherwise: 1 GiB
#: (a 4-hour two-channel WAV recording is about 460 MB).
DOWNLOAD_MAX_BYTES = 1024 * 1024 * 1024
#: Seconds a ``download_*_to`` attempt may take in all unless told otherwise.
DOWNLOAD_DEADLINE = 3600.0
#: Bytes read and written at a time.
CHUNK_BYTES = 256 * 1024
#: Room for the status line and headers on top of ``max_bytes`` (the media's own limit).
HEAD_ALLOWANCE = 64 * 1024


class SupportsWrite(Protocol):
    """A binary file object: anything with ``write(bytes)`` (opened ``"wb"``, a ``BytesIO``)."""

    def write(self, data: bytes, /) -> Any:
        """Write ``data``."""
        ...


#: Where media goes: a path (written atomically) or a binary file object.
Destination: TypeAlias = Union[str, "os.PathLike[str]", SupportsWrite]


def download(
    client: ApiClient,
    call: Call[bytes],
    destination: Destination,
    *,
    max_bytes: int,
    deadline: float,
) -> ApiResponse[int]:
    """Send ``call`` and write its body to ``destination``; ``data`` is the number of bytes written.

    Bad arguments (and a path whose directory cannot be written) raise
    before anything is sent.
    """
    max_bytes = _params.int_in_range("max_bytes", max_bytes, 1, 2**63)
    if isinstance(deadline, bool) or not isinstance(deadline, (int, float)):
        raise ApiTypeError(f"deadline must be seconds, not {type(deadline).__name__}")
    if not deadline > 0:
        raise ApiValueError(f"deadline must be more than 0 seconds, got {deadline!r}")
    if not isinstance(destination, (str, os.PathLike)):
        if not callable(getattr(destination, "write", None)):
            raise ApiTypeError(
                "destination must be a path or a binary file object, "
                f"not {type(destination).__name__}"
            )
        return _fetch(client, call, destination, max_bytes, float(deadline))
    path = os.fspath(destination)
    if not path:
        raise ApiValueError("destination must be a path or a binary file object, got ''")
    if os.path.isdir(path):
        raise IsADirectoryError(errno.EISDIR, "destination is a directory", path)
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".part"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            response = _fetch(client, call, file, max_bytes, float(deadline))
        with contextlib.suppress(OSError):  # a file replaced keeps its permissions
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return response


def _fetch(
    client: ApiClient, call: Call[bytes], file: SupportsWrite, max_bytes: int, deadline: float
) -> ApiResponse[int]:
    # The transport counts every byte it reads (status line and headers too);
    # ``max_bytes`` is the media's own limit, checked on the body as it is copied.
    response = client.stream(call, max_bytes=max_bytes + HEAD_ALLOWANCE, deadline=deadline)
    try:
        _check_length(response, max_bytes)
        written = _copy(response, file, max_bytes)
    except BaseException as exc:
        response.close()  # a half-read connection is never reused
        response.release_conn()
        if isinstance(exc, HTTPError):  # the transport failed: dropped, timed out, deadline
            url = client.url_for(call)
            raise transport_error(exc, call.operation.method, url, deadline) from exc
        if isinstance(exc, ApiException):
            client.redact_exception(exc, call)
        raise  # an ApiException, or the file's own error (disk full: an OSError)
    response.release_conn()
    return ApiResponse(status_code=response.status, headers=response.headers, data=written)


def _check_length(response: BaseHTTPResponse, max_bytes: int) -> None:
    """Refuse at once a ``Content-Length`` over ``max_bytes`` (nothing is written)."""
    declared = declared_length(response.headers.get("Content-Length"))
    if declared is not None and declared > max_bytes:
        raise ResponseTooLarge(
            response.status,
            f"the media is {declared} bytes, over max_bytes={max_bytes}; nothing was written",
            headers=response.headers,
        )


def _copy(response: BaseHTTPResponse, file: SupportsWrite, max_bytes: int) -> int:
    written = 0
    for chunk in response.stream(CHUNK_BYTES, decode_content=False):
        written += len(chunk)
        if written > max_bytes:
            raise ResponseTooLarge(
                response.status,
                f"the media is larger than max_bytes={max_bytes}; it was not read further",
                headers=response.headers,
            )
        file.write(chunk)
    return written

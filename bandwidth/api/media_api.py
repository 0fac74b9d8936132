"""``MediaApi``: media files hosted at Bandwidth for picture messages, and ``iter_media``.

Each operation is one builder method (see :mod:`bandwidth.api._endpoint`);
the three public variants are made from it. Uploads stream from a file
(:mod:`bandwidth._upload`); ``download_media_to`` streams to one
(:mod:`bandwidth.api._download`).
"""

from __future__ import annotations

import mimetypes
import os
from typing import IO, Any, Dict, Iterator, List, Optional, Tuple, Union

from typing_extensions import Final, TypeAlias, Unpack

from bandwidth._operation import (
    Call,
    Operation,
    RequestAuth,
    RequestHeaders,
    RequestOptions,
    RequestTimeout,
    check_header,
)
from bandwidth._upload import upload_body
from bandwidth.api._download import DOWNLOAD_DEADLINE, DOWNLOAD_MAX_BYTES, Destination, download
from bandwidth.api._endpoint import ApiBase, Endpoint, WithHttpInfo, WithoutPreloadContent
from bandwidth.api._messaging import MEDIA_MAX_BYTES, MESSAGING_ERRORS, MESSAGING_SERVERS
from bandwidth.api_response import ApiResponse
from bandwidth.exceptions import ApiTypeError, ApiValueError
from bandwidth.models.media import Media

__all__ = ["MediaApi", "MediaBody"]

_MEDIA = "/users/{accountId}/media"
_MEDIA_ITEM = "/users/{accountId}/media/{mediaId}"
#: What a media body is sent as when neither its type nor its file name says.
DEFAULT_MEDIA_TYPE = "application/octet-stream"

#: An upload: bytes, a path to a file, a ``(filename, bytes)`` pair, or a binary file object.
MediaBody: TypeAlias = Union[
    bytes, bytearray, str, "os.PathLike[str]", Tuple[str, bytes], IO[bytes]
]

LIST_MEDIA: Operation[List[Media]] = Operation(
    "list_media", "GET", _MEDIA, List[Media], servers=MESSAGING_SERVERS, errors=MESSAGING_ERRORS
)
GET_MEDIA: Operation[bytes] = Operation(
    "get_media",
    "GET",
    _MEDIA_ITEM,
    bytes,
    accept="*/*",
    servers=MESSAGING_SERVERS,
    errors=MESSAGING_ERRORS,
    slashed=("media_id",),
)
UPLOAD_MEDIA: Operation[None] = Operation(
    "upload_media",
    "PUT",
    _MEDIA_ITEM,
    None,
    DEFAULT_MEDIA_TYPE,
    servers=MESSAGING_SERVERS,
    errors=MESSAGING_ERRORS,
    slashed=("media_id",),
)
DELETE_MEDIA: Operation[None] = Operation(
    "delete_media",
    "DELETE",
    _MEDIA_ITEM,
    servers=MESSAGING_SERVERS,
    errors=MESSAGING_ERRORS,
    slashed=("media_id",),
)


class MediaApi(ApiBase):
    """The Media API: upload, download, list and delete the account's media files.

    A file uploaded here is referenced from a message's ``media`` by its URL
    (``https://messaging.bandwidth.com/api/v2/users/{accountId}/media/{mediaId}``);
    Bandwidth keeps it up to 48 hours. Inbound messages' media live here
    too, with ids like ``{messageId}/0/photo.jpg``: a ``media_id`` keeps its
    ``/`` (each part is encoded, none may be empty or a dot segment).
    Every operation comes in three variants and takes the per-call extras
    after its own parameters, as in :class:`~bandwidth.CallsApi`; errors
    decode into :class:`~bandwidth.models.MessagingRequestError`.
    """

    @Endpoint
    def delete_media(
        self,
        account_id: str,
        media_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Delete a media file (``DELETE /users/{accountId}/media/{mediaId}``).

        Make sure no message still to be sent uses it. The name can be
        uploaded again at once.

        Args:
            account_id: your Bandwidth account id.
            media_id: the file's name (may contain ``/``).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(DELETE_MEDIA, DELETE_MEDIA.expand(account_id, media_id), extras)

    delete_media_with_http_info: Final = WithHttpInfo(delete_media)
    delete_media_without_preload_content: Final = WithoutPreloadContent(delete_media)

    @Endpoint
    def get_media(
        self,
        account_id: str,
        media_id: str,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[bytes]:
        """Download a media file (``GET /users/{accountId}/media/{mediaId}``).

        Returns its bytes as stored (``Content-Type`` is the uploaded type),
        read within the client's ``max_response_bytes`` (64 MiB by default);
        :meth:`download_media_to` streams it to a file instead.

        Args:
            account_id: your Bandwidth account id.
            media_id: the file's name (may contain ``/``, as inbound media ids do).
        """
        extras = (_request_timeout, _request_auth, _content_type, _headers, _host_index)
        return Call(GET_MEDIA, GET_MEDIA.expand(account_id, media_id), extras)

    get_media_with_http_info: Final = WithHttpInfo(get_media)
    get_media_without_preload_content: Final = WithoutPreloadContent(get_media)

    @Endpoint
    def list_media(
        self,
        account_id: str,
        continuation_token: Optional[str] = None,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[List[Media]]:
        """List the account's media files (``GET /users/{accountId}/media``).

        At most 1000 per page; when more remain the answer has a
        ``Continuation-Token`` header (``op_with_http_info`` shows it) to send
        back as ``continuation_token``. :meth:`iter_media` follows it for you.

        Args:
            account_id: your Bandwidth account id.
            continuation_token: a previous page's ``Continuation-Token``.
        """
        headers = _headers
        if continuation_token is not None:
            if not isinstance(continuation_token, str):
                raise ApiTypeError(
                    f"continuation_token must be a str, not {type(continuation_token).__name__}"
                )
            check_header("continuation_token", "Continuation-Token", continuation_token)
            headers = {**(_headers or {}), "Continuation-Token": continuation_token}
        extras = (_request_timeout, _request_auth, _content_type, headers, _host_index)
        return Call(LIST_MEDIA, LIST_MEDIA.expand(account_id), extras)

    list_media_with_http_info: Final = WithHttpInfo(list_media)
    list_media_without_preload_content: Final = WithoutPreloadContent(list_media)

    @Endpoint
    def upload_media(
        self,
        account_id: str,
        media_id: str,
        body: MediaBody,
        content_type: Optional[str] = None,
        cache_control: Optional[str] = None,
        _request_timeout: RequestTimeout = None,
        _request_auth: RequestAuth = None,
        _content_type: Optional[str] = None,
        _headers: RequestHeaders = None,
        _host_index: Optional[int] = 0,
    ) -> Call[None]:
        """Upload a media file (``PUT /users/{accountId}/media/{mediaId}``), streaming it.

        A file (a path, or a binary file object from its current position)
        is sent a block at a time, never read whole into memory. An existing
        file of that name is replaced, so the upload is retried like any
        other idempotent request (the file is rewound). Bandwidth accepts up
        to 3.75 MB per file (checked before sending).

        Args:
            account_id: your Bandwidth account id.
            media_id: the file's name (may contain ``/``).
            body: ``bytes``, a path (``str`` or ``os.PathLike``) to a file,
                a ``(filename, bytes)`` pair, or a binary file object.
            content_type: the media type (``image/jpeg``); ``_content_type``
                works too. Otherwise guessed from the file's name, else
                ``application/octet-stream``.
            cache_control: a ``Cache-Control`` header to store with the file.
        """
        media_type = _media_type(content_type, _content_type, body)
        payload = upload_body("body", body, MEDIA_MAX_BYTES)
        headers = _headers
        if cache_control is not None:
            if not isinstance(cache_control, str):
                raise ApiTypeError(
                    f"cache_control must be a str, not {type(cache_control).__name__}"
                )
            check_header("cache_control", "Cache-Control", cache_control)
            headers = {**(_headers or {}), "Cache-Control": cache_control}
        # Any media type may be uploaded: it is checked here, not as the operation's one type.
        extras = (_request_timeout, _request_auth, None, headers, _host_index)
        call = Call(UPLOAD_MEDIA, UPLOAD_MEDIA.expand(account_id, media_id), extras, body=payload)
        call.content_type = media_type
        return call

    upload_media_with_http_info: Final = WithHttpInfo(upload_media)
    upload_media_without_preload_content: Final = WithoutPreloadContent(upload_media)

    # -- beyond the generated SDK ------------------------------------------

    def download_media_to(
        self,
        account_id: str,
        media_id: str,
        destination: Destination,
        *,
        max_bytes: int = DOWNLOAD_MAX_BYTES,
        deadline: float = DOWNLOAD_DEADLINE,
        **extras: Unpack[RequestOptions],
    ) -> ApiResponse[int]:
        """Stream a media file to a path or a binary file object, a chunk at a time.

        Like :meth:`~bandwidth.RecordingsApi.download_call_recording_to`: a
        path is written atomically (complete, or not at all); the media may
        be up to ``max_bytes`` long (1 GiB by default; a larger
        ``Content-Length`` is refused before anything is written) and must
        arrive within ``deadline`` seconds (one hour). Returns an
        :class:`~bandwidth.ApiResponse` whose ``data`` is the number of bytes
        written and whose headers say the media type. Takes the per-call
        extras by keyword.
        """
        call = MediaApi.get_media.build(self, account_id, media_id, **extras)
        return download(self.api_client, call, destination, max_bytes=max_bytes, deadline=deadline)

    def iter_media(
        self,
        account_id: str,
        *,
        max_pages: int = 10000,
        **extras: Unpack[RequestOptions],
    ) -> Iterator[Media]:
        """Yield every media file across all pages, fetching each page only when needed.

        Each next page is ``list_media`` again with the previous answer's
        ``Continuation-Token``. A token seen before raises
        :class:`~bandwidth.exceptions.InvalidResponseException` rather than
        yielding the same files again, and so does a server still announcing
        a next page after ``max_pages`` pages (default 10000). Takes the
        per-call extras by keyword.
        """
        from bandwidth.api._pagination import iterate_cursor_pages

        options: Dict[str, Any] = dict(extras)

        def page(cursor: Optional[str]) -> Call[List[Media]]:
            return MediaApi.list_media.build(self, account_id, cursor, **options)

        return iterate_cursor_pages(
            self.api_client,
            page,
            items=lambda files: files,
            next_cursor=lambda response: response.headers.get("Continuation-Token"),
            max_pages=max_pages,
        )


def _media_type(content_type: Any, override: Any, body: Any) -> str:
    """The upload's ``Content-Type``: given (once, or twice the same), guessed, or the default."""
    given = [value for value in (content_type, override) if value is not None]
    for name, value in zip(("content_type", "_content_type"), (content_type, override)):
        if value is not None:
            if not isinstance(value, str):
                raise ApiTypeError(f"{name} must be a str, not {type(value).__name__}")
            if "/" not in value.split(";", 1)[0]:
                raise ApiValueError(f"{name} must be a media type such as image/jpeg")
            check_header(name, "Content-Type", value)
    if len(given) == 2 and _essence(given[0]) != _essence(given[1]):
        raise ApiValueError("content_type and _content_type disagree; give one of them")
    if given:
        return str(given[0])
    return _guessed(body) or DEFAULT_MEDIA_TYPE


def _essence(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def _guessed(body: Any) -> Optional[str]:
    """The media type a file name says (``photo.jpg`` is ``image/jpeg``), if any."""
    name: Any = None
    if isinstance(body, (str, os.PathLike)):
        name = os.fspath(body)
    elif isinstance(body, tuple) and body and isinstance(body[0], str):
        name = body[0]
    else:
        name = getattr(body, "name", None)
    if not isinstance(name, str):
        return None
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed

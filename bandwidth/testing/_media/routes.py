"""The Media API's four operations: which request is which, and how each is answered.

:func:`route` maps ``/api/v2/users/{accountId}/media[/{mediaId}]`` (the id
may hold ``/``) to ``list_media``, ``get_media``, ``upload_media`` and
``delete_media``; any other path is not the Media API's (``None``), so
Messages and the rest of ``/users/...`` stay their products'. Each handler
reads the :class:`~.library.MediaLibrary`; the upload's route takes a body
up to 3.75 MB (the core answers a longer one 413 before reading it).
"""

from __future__ import annotations

import base64
import binascii
from typing import Callable, Dict, Mapping, Optional, Protocol, Tuple
from urllib.parse import unquote

from bandwidth.testing._core.handlers import InvalidRequest, Problem, Request, empty, json_answer
from bandwidth.testing._core.http_answers import MAX_BODY_BYTES, Response
from bandwidth.testing._core.products import Route
from bandwidth.testing._media.library import MediaLibrary, StoredMedia
from bandwidth.testing._media.media_rules import (
    API_PREFIX,
    MAX_FILE_BYTES,
    PAGE_SIZE,
    check_type,
    media_id_from_path,
    media_url,
)

__all__ = ["HANDLERS", "MEDIA_OPERATIONS", "SUCCESS", "MediaHost", "route"]

_USERS = API_PREFIX + "/users/"
#: Every Media operation's success status, by SDK method name.
SUCCESS: Mapping[str, int] = {
    "list_media": 200,
    "get_media": 200,
    "upload_media": 204,
    "delete_media": 204,
}
MEDIA_OPERATIONS: Tuple[str, ...] = tuple(SUCCESS)
_ITEM_METHODS = {"GET": "get_media", "PUT": "upload_media", "DELETE": "delete_media"}
_ITEM_ALLOW = ", ".join(sorted(_ITEM_METHODS))
_TOKEN_PREFIX = b"media:"


class MediaHost(Protocol):
    """What the handlers read: the library, and the simulator's base URL for file URLs."""

    library: MediaLibrary

    def api_base(self) -> str:
        """The API base URL file URLs are given under (the simulator's advertised one)."""


def route(method: str, path: str) -> Optional[Route]:
    """The Media route of ``path``; ``None`` for a path that is not the Media API's."""
    if not path.startswith(_USERS):
        return None
    account, _, rest = path[len(_USERS) :].partition("/")
    if not account:
        return None
    account_id = unquote(account)
    if rest == "media":
        params = {"accountId": account_id}
        return Route("list_media" if method == "GET" else None, account_id, params, "GET")
    if not rest.startswith("media/"):
        return None
    encoded = rest[len("media/") :]
    if not encoded:
        return Route(None)
    operation = _ITEM_METHODS.get(method)
    limit = MAX_FILE_BYTES if operation == "upload_media" else MAX_BODY_BYTES
    params = {"accountId": account_id, "mediaId": encoded}
    return Route(operation, account_id, params, _ITEM_ALLOW, max_body=limit)


def _media_id(request: Request) -> str:
    return media_id_from_path(request.params["mediaId"])


def _not_found(media_id: str) -> Problem:
    return Problem(404, f"Media {media_id} was not found.")


# -- the handlers -----------------------------------------------------------------------------


def upload_media(host: MediaHost, request: Request) -> Response:
    """``PUT``: store the raw body under the id with its ``Content-Type`` (replacing any)."""
    media_id = _media_id(request)
    content_type = check_type(request.headers.get("content-type"))
    host.library.put(media_id, request.body, content_type, request.headers.get("cache-control"))
    return empty(204)


def get_media(host: MediaHost, request: Request) -> Response:
    """``GET``: the stored bytes with the stored ``Content-Type`` (and ``Cache-Control``)."""
    media_id = _media_id(request)
    stored = host.library.get(media_id)
    if stored is None:
        raise _not_found(media_id)
    headers = [("Content-Type", stored.content_type)]
    if stored.cache_control:
        headers.append(("Cache-Control", stored.cache_control))
    return 200, headers, stored.content


def delete_media(host: MediaHost, request: Request) -> Response:
    """``DELETE``: forget the file (404 when there is none)."""
    media_id = _media_id(request)
    if not host.library.delete(media_id):
        raise _not_found(media_id)
    return empty(204)


def list_media(host: MediaHost, request: Request) -> Response:
    """``GET`` the list: 1000 files a page, in id order; ``Continuation-Token`` for the next."""
    token = request.headers.get("continuation-token")
    after = None if token is None else decode_continuation(token)
    files, more = host.library.page(after, PAGE_SIZE)
    base = host.api_base()
    account = request.params["accountId"]
    items = [item_form(base, account, stored) for stored in files]
    headers: Tuple[Tuple[str, str], ...] = ()
    if more and files:
        headers = (("Continuation-Token", encode_continuation(files[-1].media_id)),)
    return json_answer(items, 200, headers)


def item_form(base: str, account_id: str, stored: StoredMedia) -> Dict[str, object]:
    """A file as ``list_media`` lists it (the ``media`` schema)."""
    return {
        "content": media_url(base, account_id, stored.media_id),
        "contentLength": stored.size,
        "mediaName": stored.media_id,
    }


def encode_continuation(media_id: str) -> str:
    """The opaque token of the position after ``media_id``."""
    raw = _TOKEN_PREFIX + media_id.encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_continuation(token: str) -> str:
    """The media id a ``Continuation-Token`` encodes (400 for one the simulator did not make)."""
    try:
        raw = base64.urlsafe_b64decode(token.strip() + "=" * (-len(token.strip()) % 4))
        if not raw.startswith(_TOKEN_PREFIX):
            raise ValueError
        return raw[len(_TOKEN_PREFIX) :].decode("utf-8")
    except (ValueError, binascii.Error):
        raise InvalidRequest("Invalid Continuation-Token.") from None


Handler = Callable[[MediaHost, Request], Response]
HANDLERS: Dict[str, Handler] = {
    "list_media": list_media,
    "get_media": get_media,
    "upload_media": upload_media,
    "delete_media": delete_media,
}
if set(HANDLERS) != set(SUCCESS):  # pragma: no cover - caught by any test run
    raise AssertionError("every Media operation needs exactly one handler")

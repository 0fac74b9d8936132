"""The media control routes: seed and read the account's media over HTTP from another process.

Under ``/_control/media`` (beside voice's control routes, with the same
credentials; never faulted nor recorded), JSON in and out:

* ``GET /_control/media``: every file, in media-id order, without its bytes;
* ``GET /_control/media/{mediaId}``: one file, its bytes base64 in ``content``;
* ``PUT /_control/media/{mediaId}`` ``{"content": base64, "contentType", "cacheControl"}``:
  seed a file (201, the file without its bytes);
* ``DELETE /_control/media/{mediaId}``: delete one (204); ``DELETE /_control/media``: all.

A media id keeps its ``/`` here too. Refusals: 400 for a bad body or a file
the upload rules refuse, 404 for an unknown file. :class:`~bandwidth.testing.SimulatorControl`
reads a file back with :func:`media_from_json`, so the two sides cannot disagree.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Callable, Dict, Mapping, Optional, Tuple

from bandwidth.testing._core.clock import format_time, parse_time
from bandwidth.testing._core.handlers import (
    InvalidRequest,
    Problem,
    Request,
    empty,
    json_answer,
    parse_json_object,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._media.library import StoredMedia
from bandwidth.testing._media.media_access import MediaAccess
from bandwidth.testing._media.media_rules import media_id_from_path

__all__ = ["ControlHandler", "find", "media_from_json", "media_json", "respond"]

ControlHandler = Callable[[MediaAccess, Request], Response]
_ROOT = "/media"


def media_json(access: MediaAccess, stored: StoredMedia, *, content: bool) -> Dict[str, Any]:
    """A stored file as the control routes show it (its bytes base64 when ``content``)."""
    shown: Dict[str, Any] = {
        "mediaId": stored.media_id,
        "contentType": stored.content_type,
        "cacheControl": stored.cache_control,
        "contentLength": stored.size,
        "uploaded": format_time(stored.uploaded),
        "expires": format_time(stored.expires),
        "url": access.url_of(stored.media_id),
    }
    if content:
        shown["content"] = base64.b64encode(stored.content).decode("ascii")
    return shown


def media_from_json(data: Mapping[str, Any]) -> StoredMedia:
    """The :class:`StoredMedia` :func:`media_json` wrote with its ``content``."""
    return StoredMedia(
        media_id=data["mediaId"],
        content=base64.b64decode(data["content"], validate=True),
        content_type=data["contentType"],
        cache_control=data["cacheControl"],
        uploaded=parse_time(data["uploaded"]),
        expires=parse_time(data["expires"]),
    )


def _media_id(request: Request) -> str:
    return media_id_from_path(request.params["mediaId"])


def list_files(access: MediaAccess, request: Request) -> Response:
    """``GET /_control/media``."""
    return json_answer([media_json(access, s, content=False) for s in access.files()])


def clear_files(access: MediaAccess, request: Request) -> Response:
    """``DELETE /_control/media``."""
    access.library.clear()
    return empty(204)


def get_file(access: MediaAccess, request: Request) -> Response:
    """``GET /_control/media/{mediaId}``."""
    return json_answer(media_json(access, access.media(_media_id(request)), content=True))


def seed_file(access: MediaAccess, request: Request) -> Response:
    """``PUT /_control/media/{mediaId}``: answers 201 with the file (without its bytes)."""
    media_id = _media_id(request)
    body = parse_json_object(request.body)
    encoded, content_type, cache_control = (
        body.get("content"),
        body.get("contentType"),
        body.get("cacheControl"),
    )
    if not isinstance(encoded, str):
        raise InvalidRequest("content is required: the file's bytes, base64.")
    if not isinstance(content_type, str):
        raise InvalidRequest("contentType is required: the file's media type.")
    if cache_control is not None and not isinstance(cache_control, str):
        raise InvalidRequest("cacheControl must be a string.")
    try:
        content = base64.b64decode(encoded, validate=True)
    except (ValueError, binascii.Error):
        raise InvalidRequest("content must be base64.") from None
    try:
        access.seed(media_id, content, content_type, cache_control=cache_control)
    except ValueError as exc:
        raise InvalidRequest(str(exc)) from None
    return json_answer(media_json(access, access.media(media_id), content=False), 201)


def delete_file(access: MediaAccess, request: Request) -> Response:
    """``DELETE /_control/media/{mediaId}``."""
    access.remove(_media_id(request))
    return empty(204)


_LIST: Dict[str, ControlHandler] = {"GET": list_files, "DELETE": clear_files}
_ITEM: Dict[str, ControlHandler] = {"GET": get_file, "PUT": seed_file, "DELETE": delete_file}


def find(method: str, below: str) -> Optional[Tuple[Optional[ControlHandler], Dict[str, str], str]]:
    """The handler of a control path below ``/_control``, its parameters and allowed methods;
    ``None`` for a path that is not a media control route."""
    if below.rstrip("/") == _ROOT:
        return _LIST.get(method), {}, ", ".join(sorted(_LIST))
    if not below.startswith(_ROOT + "/"):
        return None
    encoded = below[len(_ROOT) + 1 :]
    if not encoded:
        return None
    return _ITEM.get(method), {"mediaId": encoded}, ", ".join(sorted(_ITEM))


def respond(access: MediaAccess, handler: ControlHandler, request: Request) -> Response:
    """Run a handler, an unknown file answering 404."""
    try:
        return handler(access, request)
    except KeyError as exc:
        raise Problem(404, f"Media {exc.args[0] if exc.args else ''} was not found.") from None

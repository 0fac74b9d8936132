"""The Media API's rules as the simulator applies them: types, sizes, retention, ids, URLs.

Facts from ``reference/messaging.md`` section 4: a file is at most 3.75 MB
(the SDK's own limit, :data:`bandwidth.api._messaging.MEDIA_MAX_BYTES`), one
of the 48 media types the spec lists, kept 48 hours, listed 1000 a page. A
media id is everything after ``/media/`` and may hold ``/`` (inbound media:
``{messageId}/0/photo.jpg``); each part is percent-decoded on its own. Where
the platform is silent (the longest id, what fills an account) the simulator
sets a bound, written here once.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Optional, Tuple
from urllib.parse import quote, unquote

from bandwidth.api._messaging import MEDIA_MAX_BYTES
from bandwidth.testing._core.handlers import InvalidRequest, Problem

__all__ = [
    "ACCEPTED_TYPES",
    "API_PREFIX",
    "DEFAULT_BUDGET_BYTES",
    "MAX_FILES",
    "MAX_FILE_BYTES",
    "MAX_ID_LENGTH",
    "PAGE_SIZE",
    "PUBLIC_BASE",
    "RETENTION",
    "check_media_id",
    "check_type",
    "media_id_from_path",
    "media_id_from_url",
    "media_url",
]

#: Where the Media API lives (the Messaging server's path): ``/api/v2/users/{accountId}/media``.
API_PREFIX = "/api/v2"
#: The platform's Media API base URL, as message media URLs name it.
PUBLIC_BASE = "https://messaging.bandwidth.com" + API_PREFIX
#: The largest file one upload may carry.
MAX_FILE_BYTES = MEDIA_MAX_BYTES
#: How long a file is kept after its (last) upload, on the simulated clock.
RETENTION = timedelta(hours=48)
#: The most files one ``list_media`` page holds.
PAGE_SIZE = 1000
#: The longest media id, in characters once decoded (the platform documents none).
MAX_ID_LENGTH = 1024
#: The bytes of media one simulated account may hold at once, by default (256 MiB):
#: the platform's count is unlimited, a test process's memory is not.
DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024
#: The most files one simulated account holds at once (empty files cost no budget bytes).
MAX_FILES = 100_000

#: The media types an upload may have (the spec's ``uploadMediaRequest``).
ACCEPTED_TYPES = frozenset(
    [
        *(
            f"application/{sub}"
            for sub in (
                "json",
                "ogg",
                "pdf",
                "rtf",
                "zip",
                "x-tar",
                "xml",
                "gzip",
                "x-bzip2",
                "x-gzip",
                "smil",
                "javascript",
            )
        ),
        *(f"audio/{sub}" for sub in ("mp4", "mpeg", "ogg", "flac", "webm", "wav", "amr", "3gpp")),
        *(
            f"image/{sub}"
            for sub in (
                "bmp",
                "gif",
                "heic",
                "heif",
                "jpeg",
                "pjpeg",
                "png",
                "svg+xml",
                "tiff",
                "webp",
                "x-icon",
            )
        ),
        *(
            f"text/{sub}"
            for sub in (
                "css",
                "csv",
                "calendar",
                "html",
                "plain",
                "javascript",
                "vcard",
                "vnd.wap.wml",
                "xml",
            )
        ),
        *(
            f"video/{sub}"
            for sub in ("avi", "mp4", "mpeg", "ogg", "quicktime", "webm", "x-ms-wmv", "x-flv")
        ),
    ]
)


def check_type(content_type: Optional[str]) -> str:
    """The upload's ``Content-Type`` as sent, when its type is one the platform takes (415)."""
    value = (content_type or "").strip()
    essence = value.split(";", 1)[0].strip().lower()
    if essence not in ACCEPTED_TYPES:
        shown = essence or "none"
        raise Problem(
            415,
            f"Content-Type {shown} is not a media type the Media API accepts "
            "(image/jpeg, image/png, video/mp4, audio/mpeg, text/plain, ...).",
        )
    return value


def check_media_id(media_id: str) -> str:
    """``media_id`` when it can name a file (``ValueError`` naming what is wrong otherwise).

    No ``/``-separated part may be empty, ``.`` or ``..``, and the id is at
    most :data:`MAX_ID_LENGTH` characters.
    """
    if not isinstance(media_id, str):
        raise ValueError(f"a media id is a str, not {type(media_id).__name__}")
    if any(part in ("", ".", "..") for part in media_id.split("/")):
        raise ValueError("Invalid mediaId: no part between slashes may be empty, '.' or '..'.")
    if len(media_id) > MAX_ID_LENGTH:
        raise ValueError(f"Invalid mediaId: longer than {MAX_ID_LENGTH} characters.")
    return media_id


def media_id_from_path(encoded: str) -> str:
    """The media id a request path carries after ``/media/`` (400 for one it cannot be).

    Each ``/``-separated part is decoded on its own; a ``%2F`` is refused
    (the platform reads ``/`` in an id only as it is: send it unescaped), and
    so is what :func:`check_media_id` refuses.
    """
    parts = encoded.split("/")
    decoded = [unquote(part) for part in parts]
    for raw, part in zip(parts, decoded):
        if "/" in part:
            raise InvalidRequest(
                f"Invalid mediaId: {raw!r} holds an encoded '/' (%2F); "
                "the Media API reads '/' in a media id only as it is."
            )
    try:
        return check_media_id("/".join(decoded))
    except ValueError as exc:
        raise InvalidRequest(str(exc)) from None


def media_url(base: str, account_id: str, media_id: str) -> str:
    """A file's URL below an API base URL (``{base}/users/{accountId}/media/{mediaId}``),
    each part of the id encoded, its ``/`` kept."""
    parts = "/".join(quote(part, safe="") for part in media_id.split("/"))
    return f"{base.rstrip('/')}/users/{quote(account_id, safe='')}/media/{parts}"


def media_id_from_url(url: str, account_id: str, bases: Tuple[str, ...]) -> Optional[str]:
    """The media id a file URL names, when it is one of the account's below one of ``bases``.

    ``bases`` are API base URLs (the simulator's, and :data:`PUBLIC_BASE`, as
    apps write message media URLs). ``None`` for any other URL.
    """
    text = url.strip()
    for base in bases:
        prefix = media_url(base, account_id, "x")[:-1]
        if text[: len(prefix)].lower() == prefix.lower() and len(text) > len(prefix):
            encoded = text[len(prefix) :].split("?", 1)[0].split("#", 1)[0]
            try:
                return media_id_from_path(encoded)
            except InvalidRequest:
                return None
    return None

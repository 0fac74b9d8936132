"""The test's side of the media library: seed files, read what the app uploaded, by id or URL.

:class:`MediaAccess` is what the simulator's test API (:mod:`.test_api`) and
the ``/_control/media`` routes both call, so the two cannot disagree. It also
answers the question the messaging side asks of an MMS media URL
(:meth:`MediaAccess.resolve`): which stored file, if any, it names.
"""

from __future__ import annotations

import contextlib
from typing import List, Optional, Protocol, Tuple, Union

from bandwidth.testing._core.handlers import Problem
from bandwidth.testing._media.library import MediaLibrary, MediaUsage, StoredMedia
from bandwidth.testing._media.media_rules import (
    PUBLIC_BASE,
    check_media_id,
    check_type,
    media_id_from_url,
    media_url,
)

__all__ = ["MediaAccess", "MediaSettings"]


class MediaSettings(Protocol):
    """What the media side reads of the simulator at each use (they may change)."""

    @property
    def account_id(self) -> str:
        """The one account served."""

    @property
    def url(self) -> str:
        """The API base URL the simulator serves (``http://127.0.0.1:port/api/v2``)."""

    @property
    def advertised_url(self) -> str:
        """The API base URL put in links (the URL, or a proxy's)."""


class MediaAccess:
    """Seed, read and resolve the account's media files, as a test does."""

    def __init__(self, library: MediaLibrary, settings: MediaSettings) -> None:
        self.library = library
        self._settings = settings

    def api_base(self) -> str:
        """The API base URL file URLs are given under (the simulator's advertised one)."""
        return self._settings.advertised_url

    def url_of(self, media_id: str) -> str:
        """The URL of a media file under the simulator's base URL (what ``list_media`` gives as
        ``content``, and what an MMS's ``media`` may name)."""
        account_id = self._settings.account_id
        return media_url(self.api_base(), account_id, check_media_id(media_id))

    def seed(
        self,
        media_id: str,
        content: Union[bytes, bytearray],
        content_type: str,
        *,
        cache_control: Optional[str] = None,
    ) -> str:
        """Store a media file as if uploaded now (replacing one of that id); returns its URL.

        The upload's rules apply: a media type the platform accepts, at most
        3.75 MB, within the account's budget (``ValueError`` otherwise).
        """
        check_media_id(media_id)
        if not isinstance(content, (bytes, bytearray)):
            raise TypeError(f"content must be bytes, not {type(content).__name__}")
        try:
            kept = check_type(content_type)
            self.library.put(media_id, bytes(content), kept, cache_control)
        except Problem as exc:
            raise ValueError(exc.description) from None
        return self.url_of(media_id)

    def media(self, media_id_or_url: str) -> StoredMedia:
        """The stored file of an id, or of its URL (``KeyError`` when there is none).

        A URL may be the simulator's (``list_media``'s ``content``) or the
        platform's (``https://messaging.bandwidth.com/api/v2/users/{accountId}/media/...``).
        """
        text = media_id_or_url
        if text.startswith(("http://", "https://")):
            media_id = self._id_of(text)
            if media_id is None:
                raise KeyError(text)
        else:
            media_id = check_media_id(text)
        stored = self.library.get(media_id)
        if stored is None:
            raise KeyError(media_id_or_url)
        return stored

    def resolve(self, url: str) -> Optional[StoredMedia]:
        """The stored file an MMS media URL names, ``None`` when it names none (or is not one)."""
        media_id = self._id_of(url)
        return None if media_id is None else self.library.get(media_id)

    def remove(self, media_id: str) -> None:
        """Delete a file (``KeyError`` when there is none)."""
        if not self.library.delete(check_media_id(media_id)):
            raise KeyError(media_id)

    def files(self) -> List[StoredMedia]:
        """Every stored file, in media-id order."""
        return self.library.files()

    def usage(self) -> MediaUsage:
        """How many files and bytes the account holds now, and the budget."""
        return self.library.usage()

    def _bases(self) -> Tuple[str, ...]:
        settings = self._settings
        bases = [PUBLIC_BASE]
        with contextlib.suppress(RuntimeError):  # not started: only the platform's URLs
            bases[:0] = [settings.advertised_url, settings.url]
        return tuple(bases)

    def _id_of(self, url: str) -> Optional[str]:
        return media_id_from_url(url, self._settings.account_id, self._bases())

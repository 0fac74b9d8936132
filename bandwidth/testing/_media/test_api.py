"""The simulator's public test API for media: what the app uploaded, seeding, the budget.

:class:`MediaTestApi` is a base of :class:`~bandwidth.testing.BandwidthSimulator`
beside the voice test API; it holds only the media part (a
:class:`~.media_access.MediaAccess`, set by :meth:`MediaTestApi._attach_media`).
"""

from __future__ import annotations

from typing import List, Optional, Union

from bandwidth.testing._media.library import MediaUsage, StoredMedia
from bandwidth.testing._media.media_access import MediaAccess

__all__ = ["MediaTestApi"]


class MediaTestApi:
    """The media methods of the simulator's test API."""

    def _attach_media(self, access: MediaAccess) -> None:
        self._media_access = access

    def media(self, media_id_or_url: str) -> StoredMedia:
        """The media file stored under an id, or at a URL, as the app uploaded it.

        ``.content`` is its bytes, ``.content_type`` and ``.cache_control`` the
        upload's headers. The URL may be the simulator's (``list_media``'s
        ``content``, :meth:`media_url`) or the platform's
        (``https://messaging.bandwidth.com/api/v2/users/{accountId}/media/...``),
        so an MMS's ``media`` entries resolve too. ``KeyError`` when there is no
        such file (never uploaded, deleted, or past its 48 hours).
        """
        return self._media_access.media(media_id_or_url)

    def media_url(self, media_id: str) -> str:
        """The URL of a media file under the simulator's base URL (the file need not exist)."""
        return self._media_access.url_of(media_id)

    def seed_media(
        self,
        media_id: str,
        content: Union[bytes, bytearray],
        content_type: str,
        *,
        cache_control: Optional[str] = None,
    ) -> str:
        """Store a media file as if uploaded now (an inbound MMS's, say); returns its URL.

        The upload's rules apply (a media type the platform accepts, at most
        3.75 MB, within :attr:`media_budget`); ``ValueError`` otherwise.
        """
        return self._media_access.seed(media_id, content, content_type, cache_control=cache_control)

    def remove_media(self, media_id: str) -> None:
        """Delete a media file (``KeyError`` when there is none)."""
        self._media_access.remove(media_id)

    def clear_media(self) -> None:
        """Forget every media file."""
        self._media_access.library.clear()

    @property
    def media_files(self) -> List[StoredMedia]:
        """Every media file the account holds now, in media-id order."""
        return self._media_access.files()

    @property
    def media_usage(self) -> MediaUsage:
        """How many media files and bytes the account holds now, and :attr:`media_budget`."""
        return self._media_access.usage()

    @property
    def media_budget(self) -> int:
        """The bytes of media the account may hold at once (default 256 MiB).

        An upload that would pass it is answered 507 ``insufficient-storage``;
        expired and deleted files give their bytes back.
        """
        return self._media_access.library.budget

    @media_budget.setter
    def media_budget(self, value: int) -> None:
        self._media_access.library.budget = value

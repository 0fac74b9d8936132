"""The account's media files: the one writer of what the simulated Media API holds.

:class:`MediaLibrary` keeps each file (:class:`StoredMedia`) until it is
deleted or its 48 hours on the simulated clock are over, and never more
bytes than its budget. Expiry is exact at every read (a file past its time
is gone, whoever asks), and memory is given back on the clock too: one
timer on the simulator's shared queue, at the earliest expiry, drops what is
due. Every method takes the simulator's one lock itself; the timer's action
runs under it already.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, List, Optional, Tuple

from bandwidth.testing._core.handlers import Problem
from bandwidth.testing._core.timers import Timers
from bandwidth.testing._media.media_rules import (
    DEFAULT_BUDGET_BYTES,
    MAX_FILE_BYTES,
    MAX_FILES,
    RETENTION,
)

__all__ = ["MediaLibrary", "MediaUsage", "StoredMedia"]


@dataclass(frozen=True)
class StoredMedia:
    """One media file as the simulator holds it: what the app uploaded, and until when.

    ``content_type`` and ``cache_control`` are the upload's headers as sent
    (``get_media`` answers with them); ``expires`` is ``uploaded`` plus 48 hours.
    """

    media_id: str
    content: bytes
    content_type: str
    cache_control: Optional[str]
    uploaded: datetime
    expires: datetime

    @property
    def size(self) -> int:
        """Its length in bytes (``contentLength`` in ``list_media``)."""
        return len(self.content)

    def __repr__(self) -> str:  # the bytes would flood a failing assertion
        return (
            f"StoredMedia(media_id={self.media_id!r}, content_type={self.content_type!r}, "
            f"size={self.size}, cache_control={self.cache_control!r}, "
            f"uploaded={self.uploaded!r}, expires={self.expires!r})"
        )


@dataclass(frozen=True)
class MediaUsage:
    """What the account's media take now: ``files``, their total ``bytes``, and the budget."""

    files: int
    bytes: int
    budget: int


class MediaLibrary:
    """The media files of the simulator's account, by media id."""

    def __init__(
        self,
        lock: threading.Lock,
        timers: Timers,
        now: Callable[[], datetime],
        budget: int = DEFAULT_BUDGET_BYTES,
    ) -> None:
        self.lock = lock
        self._timers = timers
        self._now = now
        self._budget = budget
        #: every file, oldest upload first (so the first expires first: one retention for all)
        self._files: OrderedDict[str, StoredMedia] = OrderedDict()
        #: every media id, sorted (``list_media`` pages in this order)
        self._names: List[str] = []
        self._held = 0
        self._sweep_at: Optional[datetime] = None

    # -- settings ----------------------------------------------------------------------------

    @property
    def budget(self) -> int:
        """The bytes of media the account may hold at once; an upload past it gets 507."""
        return self._budget

    @budget.setter
    def budget(self, value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValueError("the media budget must be a non-negative number of bytes")
        self._budget = value

    # -- the writer --------------------------------------------------------------------------

    def put(
        self,
        media_id: str,
        content: bytes,
        content_type: str,
        cache_control: Optional[str] = None,
    ) -> StoredMedia:
        """Store (or replace) a file; 413 past 3.75 MB, 507 past the budget or 100,000 files."""
        if len(content) > MAX_FILE_BYTES:
            raise Problem(413, f"A media file may be at most {MAX_FILE_BYTES} bytes (3.75 MB).")
        with self.lock:
            now = self._now()
            self._expire(now)
            old = self._files.get(media_id)
            held = self._held - (old.size if old is not None else 0) + len(content)
            if held > self._budget:
                raise Problem(
                    507,
                    f"The account's media would take {held} bytes, past the simulator's "
                    f"budget of {self._budget} (delete some, or raise sim.media_budget).",
                )
            if old is None and len(self._files) >= MAX_FILES:
                raise Problem(
                    507, f"The account holds {MAX_FILES} media files, the simulator's most."
                )
            stored = StoredMedia(
                media_id, bytes(content), content_type, cache_control, now, now + RETENTION
            )
            if old is None:
                bisect.insort(self._names, media_id)
            else:
                del self._files[media_id]
            self._files[media_id] = stored
            self._held = held
            self._schedule(now)
            return stored

    def delete(self, media_id: str) -> bool:
        """Delete a file; ``False`` when there is none of that id."""
        with self.lock:
            self._expire(self._now())
            if media_id not in self._files:
                return False
            self._drop(media_id)
            return True

    def clear(self) -> None:
        """Forget every file."""
        with self.lock:
            self._files.clear()
            self._names.clear()
            self._held = 0

    # -- readers -----------------------------------------------------------------------------

    def get(self, media_id: str) -> Optional[StoredMedia]:
        """The file of that id, ``None`` when there is none (or its time is over)."""
        with self.lock:
            self._expire(self._now())
            return self._files.get(media_id)

    def page(self, after: Optional[str], size: int) -> Tuple[List[StoredMedia], bool]:
        """Up to ``size`` files in media-id order after ``after``, and whether more follow."""
        with self.lock:
            self._expire(self._now())
            start = 0 if after is None else bisect.bisect_right(self._names, after)
            names = self._names[start : start + size]
            more = start + size < len(self._names)
            return [self._files[name] for name in names], more

    def files(self) -> List[StoredMedia]:
        """Every file, in media-id order."""
        with self.lock:
            self._expire(self._now())
            return [self._files[name] for name in self._names]

    def usage(self) -> MediaUsage:
        """How many files, and bytes, the account holds now."""
        with self.lock:
            self._expire(self._now())
            return MediaUsage(len(self._files), self._held, self._budget)

    # -- expiry (under the lock) -------------------------------------------------------------

    def _drop(self, media_id: str) -> None:
        stored = self._files.pop(media_id)
        del self._names[bisect.bisect_left(self._names, media_id)]
        self._held -= stored.size

    def _expire(self, now: datetime) -> None:
        """Drop every file whose time is over by ``now`` (the oldest come first)."""
        files = self._files
        while files:
            first = next(iter(files.values()))
            if first.expires > now:
                return
            self._drop(first.media_id)

    def _schedule(self, now: datetime) -> None:
        """Keep one timer at the earliest expiry (a lost or early one is harmless)."""
        if not self._files:
            return
        if self._sweep_at is not None and now < self._sweep_at:
            return
        due = next(iter(self._files.values())).expires
        self._sweep_at = due
        self._timers.add(due, self._on_timer)

    def _on_timer(self, when: datetime) -> None:
        """The timer: drop what is due, and wait for the next expiry."""
        self._sweep_at = None
        self._expire(when)
        self._schedule(when)

"""Overall deadlines for one webhook answer, over a socket and in-process.

A socket timeout bounds each read, not the answer: an app dripping a byte a
second never trips it. :data:`WATCHDOG` (one daemon thread for the whole
process) shuts a socket down when its deadline passes, which wakes the read
blocked on it. In-process, a WSGI app's body is pulled only until its
:class:`Deadline` and an answer after it counts as timed out
(``in_process_apps``); an ASGI app's task is cancelled at it.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time
from typing import Iterator, List, Optional, Tuple

__all__ = ["WATCHDOG", "Deadline", "Watchdog", "timed_out"]


def timed_out(url: str) -> str:
    """Why a delivery failed when the answer did not come in time (its ``callbackTimeout``)."""
    return f"timed out waiting for {url}"


class Deadline:
    """A point in (monotonic) time; ``remaining()`` seconds until it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.at = time.monotonic() + seconds

    def remaining(self) -> float:
        """Seconds left (0 once past)."""
        return max(0.0, self.at - time.monotonic())

    def passed(self) -> bool:
        """Whether the deadline is past."""
        return time.monotonic() >= self.at


class _Guard:
    def __init__(self) -> None:
        self.fired = False
        #: the block has ended: the socket is no longer the watchdog's
        self.done = False


class Watchdog:
    """Shuts sockets down at their deadline, from one lazily started daemon thread.

    A guard that ends is only marked done; the thread drops it when it comes
    to the top of the heap. So a request that finishes in time costs a heap
    push and a flag, and wakes the thread only when its deadline is the
    earliest of all (the first request in a while), not every time.
    """

    #: above this many entries (most of them done), the heap is rebuilt without the done ones
    COMPACT_AT = 4096

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._heap: List[Tuple[float, int, socket.socket, _Guard]] = []
        self._order = itertools.count()
        self._thread: Optional[threading.Thread] = None

    @contextlib.contextmanager
    def guard(self, sock: socket.socket, deadline: Deadline) -> Iterator[_Guard]:
        """Within the block, ``sock`` is shut down at ``deadline`` (``guard.fired`` then)."""
        guard = _Guard()
        entry = (deadline.at, next(self._order), sock, guard)
        with self._condition:
            if len(self._heap) >= self.COMPACT_AT:
                self._heap = [item for item in self._heap if not item[3].done]
                heapq.heapify(self._heap)
            heapq.heappush(self._heap, entry)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="VoiceSimulator:deadlines", daemon=True
                )
                self._thread.start()
            elif self._heap[0] is entry:
                self._condition.notify()
        try:
            yield guard
        finally:
            with self._condition:
                guard.done = True

    def _run(self) -> None:
        while True:
            with self._condition:
                heap = self._heap
                while heap and heap[0][3].done:
                    heapq.heappop(heap)
                if not heap:
                    self._condition.wait()
                    continue
                at, _, sock, guard = heap[0]
                wait = at - time.monotonic()
                if wait > 0:
                    self._condition.wait(wait)
                    continue
                heapq.heappop(heap)
                guard.fired = True
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


#: The process's one watchdog.
WATCHDOG = Watchdog()

"""Overall deadlines for one webhook answer, over a socket and in-process.

A socket timeout bounds each read, not the answer: an app dripping a byte a
second never trips it. :data:`WATCHDOG` (one daemon thread for the whole
process) shuts a socket down when its deadline passes, which wakes the read
blocked on it. An in-process app is called on a :class:`Worker` thread; the
caller stops waiting at the deadline. Python cannot stop a thread, so an app
that never returns keeps that worker (it is abandoned, and the next request
gets a new one); an app that returns late finds nobody waiting.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import queue
import socket
import threading
import time
from typing import Callable, Dict, Iterator, List, Optional, Tuple, TypeVar

__all__ = ["WATCHDOG", "Deadline", "Watchdog", "Worker", "acting_for", "timed_out"]

_T = TypeVar("_T")


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


class Watchdog:
    """Shuts sockets down at their deadline, from one lazily started daemon thread."""

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
            with self._condition, contextlib.suppress(ValueError):
                self._heap.remove(entry)
                heapq.heapify(self._heap)

    def _run(self) -> None:
        while True:
            with self._condition:
                while not self._heap:
                    self._condition.wait()
                at, _, sock, guard = self._heap[0]
                wait = at - time.monotonic()
                if wait > 0:
                    self._condition.wait(wait)
                    continue
                heapq.heappop(self._heap)
                guard.fired = True
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


#: The process's one watchdog.
WATCHDOG = Watchdog()

#: worker thread ident -> the thread that is waiting for it (see :func:`acting_for`)
_ON_BEHALF: Dict[int, int] = {}


def acting_for(ident: int) -> Optional[int]:
    """The thread a worker thread ``ident`` runs an app call for, ``None`` if it is not one."""
    return _ON_BEHALF.get(ident)


class _Job:
    def __init__(self, call: Callable[[], object], caller: int) -> None:
        self.call = call
        self.caller = caller
        self.done = threading.Event()
        self.result: object = None
        self.error: Optional[BaseException] = None


class Worker:
    """Runs one call at a time on a daemon thread; the caller waits until a deadline."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._jobs: Optional[queue.SimpleQueue[Optional[_Job]]] = None

    def run(self, call: Callable[[], _T], deadline: Deadline) -> Tuple[bool, Optional[_T]]:
        """``(True, result)``, or ``(False, None)`` when ``deadline`` passed first.

        What ``call`` raises is raised here. A call still running at the
        deadline keeps its thread, which is abandoned.
        """
        job = _Job(call, threading.get_ident())
        with self._lock:
            jobs = self._jobs
            if jobs is None:
                jobs = self._jobs = queue.SimpleQueue()
                threading.Thread(
                    target=self._serve, args=(jobs,), name=self.name, daemon=True
                ).start()
        jobs.put(job)
        if not job.done.wait(deadline.remaining()):
            with self._lock:
                if self._jobs is jobs:
                    self._jobs = None  # this thread is the app's now; the next call gets another
            jobs.put(None)  # it stops once the app returns
            return False, None
        if job.error is not None:
            raise job.error
        return True, job.result  # type: ignore[return-value]

    def stop(self) -> None:
        """Let the worker thread end (it is started again on the next call)."""
        with self._lock:
            jobs, self._jobs = self._jobs, None
        if jobs is not None:
            jobs.put(None)

    @staticmethod
    def _serve(jobs: queue.SimpleQueue[Optional[_Job]]) -> None:
        me = threading.get_ident()
        while True:
            job = jobs.get()
            if job is None:
                return
            _ON_BEHALF[me] = job.caller
            try:
                job.result = job.call()
            except BaseException as exc:
                job.error = exc
            finally:
                _ON_BEHALF.pop(me, None)
                job.done.set()

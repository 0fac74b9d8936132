"""Ctrl-C and SIGTERM as events a loop waits for, not exceptions that unwind it."""

from __future__ import annotations

import contextlib
import select
import signal
import socket
import threading
import time
from types import FrameType
from typing import Any, Dict, Optional

__all__ = ["STOP_SIGNALS", "StopSignals"]

#: The signals that stop a foreground command: Ctrl-C and ``kill``'s default.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class StopSignals:
    """Record SIGINT and SIGTERM while in use, and wake :meth:`wait` when one arrives.

    The handler only records the signal. A handler runs in the main thread
    between two bytecodes, so one that took a lock (``threading.Event.set``)
    could find that very thread holding it inside ``Event.wait`` and deadlock,
    and one that raised (``KeyboardInterrupt``) could unwind through
    ``Condition.wait`` half-way. The wake-up file descriptor makes a waiting
    ``select`` return at once whichever thread the kernel delivered the signal to.

    Both signals are handled even if the process started with SIGINT ignored: a
    background job of a non-interactive shell inherits SIG_IGN for it, and the
    command promises to stop on Ctrl-C and on ``kill -INT`` from the script that
    started it. Outside the main thread, where handlers cannot be set, nothing
    is installed and :meth:`wait` just sleeps.
    """

    def __init__(self) -> None:
        self.received: Optional[int] = None
        self._reader: Optional[socket.socket] = None
        self._writer: Optional[socket.socket] = None
        self._previous: Dict[int, Any] = {}
        self._previous_fd = -1

    def _on_signal(self, signum: int, frame: Optional[FrameType]) -> None:
        self.received = signum

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is not threading.main_thread():
            return self
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        for signum in STOP_SIGNALS:
            self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()
        if self._reader is not None and self._writer is not None:
            signal.set_wakeup_fd(self._previous_fd)
            self._reader.close()
            self._writer.close()
            self._reader = self._writer = None

    def wait(self, timeout: float) -> None:
        """Return when a signal arrives, or after ``timeout`` seconds."""
        if self._reader is None:
            time.sleep(timeout)
            return
        ready, _, _ = select.select([self._reader], [], [], timeout)
        if ready:
            with contextlib.suppress(OSError):
                self._reader.recv(4096)  # drain: another signal's byte must not spin the loop

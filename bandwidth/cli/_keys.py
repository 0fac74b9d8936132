"""The caller's keypad for ``bandwidth phone``: keys or lines from stdin, on a thread.

Two ways to type:

* **single keys** (stdin is a terminal and the call runs in real time): the
  terminal is put in cbreak mode (no echo, no line editing; Ctrl-C still
  interrupts) and each key is pressed as it is typed, as on a phone's
  keypad. Ctrl-D hangs up. The terminal's settings are restored on close.
* **lines** (a pipe, a file, or ``--fast``): each line answers one
  ``<Gather>``. End of input hangs up.

A daemon thread reads, so the call keeps running while nobody types; the
phone takes what was typed with :meth:`Keypad.take`.
"""

from __future__ import annotations

import contextlib
import os
import queue
import sys
import threading
from typing import Any, List, Optional, Union

__all__ = ["END", "Keypad", "stdin_is_terminal"]


class _End:
    """The caller is done typing: end of input, or Ctrl-D on the keypad."""

    def __repr__(self) -> str:
        return "END"


END = _End()
#: What :meth:`Keypad.take` returns: a key, a line, or :data:`END`.
Typed = Union[str, _End]
_CTRL_D = "\x04"
#: A line is read this far at most (the rest comes as the next line).
MAX_LINE = 4096


class Keypad:
    """Reads stdin on a daemon thread into a queue: single keys or whole lines."""

    def __init__(self, stream: Any, *, single_keys: bool) -> None:
        self._stream = stream
        self.single_keys = single_keys
        self._typed: queue.Queue[Typed] = queue.Queue()
        self._saved: Optional[List[Any]] = None
        self._fd = -1
        self._closed = False

    def __enter__(self) -> Keypad:
        if self.single_keys:
            import termios
            import tty

            self._fd = self._stream.fileno()
            self._saved = termios.tcgetattr(self._fd)
            tty.setcbreak(self._fd)
            target = self._read_keys
        else:
            target = self._read_lines
        threading.Thread(target=target, name="bandwidth-phone-keypad", daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._closed = True
        if self._saved is not None:
            import termios

            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(self._fd, termios.TCSADRAIN, self._saved)
            self._saved = None

    def take(self, timeout: Optional[float] = None) -> Optional[Typed]:
        """The next key or line typed, :data:`END`, or ``None`` if nothing came in ``timeout``.

        ``timeout=0`` does not wait; ``None`` waits until something comes.
        """
        try:
            if timeout is not None and timeout <= 0:
                return self._typed.get_nowait()
            return self._typed.get(timeout=timeout)
        except queue.Empty:
            return None

    # -- the reading thread --------------------------------------------------------------

    def _read_keys(self) -> None:
        while not self._closed:
            try:
                chunk = os.read(self._fd, 64)
            except OSError:
                chunk = b""
            if not chunk:
                self._typed.put(END)
                return
            for key in chunk.decode("utf-8", errors="replace"):
                self._typed.put(END if key == _CTRL_D else key)

    def _read_lines(self) -> None:
        stream = getattr(self._stream, "buffer", self._stream)
        while not self._closed:
            try:
                line = stream.readline(MAX_LINE + 1)
            except (OSError, ValueError):  # closed underneath us
                line = b""
            if not line:
                self._typed.put(END)
                return
            if isinstance(line, bytes):
                line = line.decode("utf-8", errors="replace")
            self._typed.put(line.rstrip("\r\n"))


def stdin_is_terminal() -> bool:
    """Whether stdin is a terminal whose keys can be read one by one (POSIX)."""
    isatty = getattr(sys.stdin, "isatty", None)
    if isatty is None or not isatty():
        return False
    try:
        import termios  # noqa: F401
    except ImportError:  # Windows: lines only
        return False
    return True

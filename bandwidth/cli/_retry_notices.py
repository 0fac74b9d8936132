"""``retrying (2/4) in 1.2 s: 503`` on a terminal, while an API command waits to retry.

The SDK logs each retry at INFO on the ``bandwidth`` logger (``bandwidth.retry``);
the command line, an application, shows those lines on stderr when it is a
terminal, so a slow retry loop is never silent. Only for the command's duration:
the logger's level and handlers are restored after it.
"""

from __future__ import annotations

import contextlib
import logging
from typing import IO, Any, Iterator

__all__ = ["retry_notices"]


class _RetryNotice(logging.Handler):
    def __init__(self, stream: IO[str]) -> None:
        super().__init__(logging.INFO)
        self._stream = stream

    def emit(self, record: logging.LogRecord) -> None:
        retry: Any = getattr(record, "bandwidth_retry", None)
        if not isinstance(retry, dict):
            return
        try:
            self._stream.write(
                f"retrying ({retry['attempt']}) in {retry['wait']:.1f} s: {retry['cause']}\n"
            )
            self._stream.flush()
        except (OSError, ValueError, KeyError):  # a closed terminal is no reason to fail
            pass


@contextlib.contextmanager
def retry_notices(stream: IO[str]) -> Iterator[None]:
    """Show retry notices on ``stream`` while the block runs (when it is a terminal)."""
    isatty = getattr(stream, "isatty", None)
    if not (callable(isatty) and isatty()):
        yield
        return
    logger = logging.getLogger("bandwidth")
    handler = _RetryNotice(stream)
    level = logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)

"""Saving media: ``recordings download``, ``conferences download``, ``media download|get``.

The media is streamed by the SDK's ``download_*_to``, a chunk at a time, so
memory stays flat whatever its size:

* to a file (``-o FILE``, or a name from the id here by default:
  ``RECORDING_ID.wav``/``.mp3``, the media's own name): written atomically,
  so the file is complete or not there at all;
* to stdout (``-o -``), only when stdout is not a terminal (audio would
  garble it). A failure midway leaves what arrived in the pipe, and exit 1.

Everything that can be checked locally (the destination, the id as a file
name) is checked before anything is sent.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from typing import Any, Callable, Dict, Iterator, Optional

from bandwidth._bounded import ResponseTooLarge
from bandwidth.api._download import DOWNLOAD_MAX_BYTES
from bandwidth.cli._output import printable
from bandwidth.cli._parser import CliError, UsageError

__all__ = ["check_output", "recording_file_name", "save_media"]

#: An id that is safe as a file name in the current directory.
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")
#: A file format the server names that is safe as a file name extension.
_EXTENSION = re.compile(r"[a-z0-9]{1,8}")

#: ``download_*_to`` bound to the media: (destination, limits) -> ApiResponse[int].
DownloadTo = Callable[..., Any]


def check_output(
    args: argparse.Namespace, prog: str, name: Optional[str] = None, label: str = "RECORDING_ID"
) -> None:
    """Refuse, before anything is sent, a destination the media cannot go to.

    ``name`` is what the default file is named after (``args.recording_id``
    unless given), ``label`` how the command line calls it.
    """
    output: Optional[str] = args.output
    if output == "-":
        isatty = getattr(sys.stdout, "isatty", None)
        if isatty is not None and isatty():
            raise UsageError(
                "-o -: stdout is a terminal; give -o FILE, or redirect stdout to a file or pipe",
                prog,
            )
        if getattr(sys.stdout, "buffer", None) is None:
            raise UsageError("-o -: stdout takes no bytes here; give -o FILE", prog)
        return
    if output is None:
        name = args.recording_id if name is None else name
        if not _PLAIN_NAME.fullmatch(name):
            raise UsageError(
                f"{label} {printable(name)!r} is not a plain file name; give -o FILE", prog
            )
        return
    if output == "":
        raise UsageError("-o: give a file name, or '-' for stdout", prog)
    if os.path.isdir(output):
        raise UsageError(f"-o {output!r} is a directory; give a file name", prog)
    directory = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(directory):
        raise UsageError(f"-o {output!r}: no such directory {directory!r}", prog)


def save_media(
    args: argparse.Namespace, download_to: DownloadTo, default_name: Callable[[], str]
) -> None:
    """Stream the media where ``args.output`` says; a note on stderr names a file written.

    ``default_name()`` names the file without ``-o`` (it may ask the API: a
    recording's ``fileFormat``); it is called only then.
    """
    limits: Dict[str, Any] = {}
    for name in ("max_bytes", "deadline"):
        if hasattr(args, name):
            limits[name] = getattr(args, name)
    if args.output == "-":
        sys.stdout.flush()
        stream = sys.stdout.buffer
        try:
            with _too_large(limits, ""):
                download_to(stream, **limits)
            stream.flush()
        except BrokenPipeError:
            raise  # the reader went away (``| head -c 44``): main() stops quietly
        except OSError as exc:  # a full disk behind a redirection
            raise CliError(f"cannot write to stdout: {exc.strerror or exc}", 1) from None
        return
    path = args.output if args.output is not None else default_name()
    try:
        with _too_large(limits, "; nothing was saved"):
            response = download_to(path, **limits)
    except OSError as exc:  # the file's own failure: permissions, a full disk
        raise CliError(f"cannot write {path!r}: {exc.strerror or exc}", 1) from None
    kind = printable(response.headers.get("Content-Type") or "unknown type")
    sys.stderr.write(f"saved {printable(path)} ({response.data} bytes, {kind})\n")


@contextlib.contextmanager
def _too_large(limits: Dict[str, Any], outcome: str) -> Iterator[None]:
    """Say which limit the media went over in the user's terms (``--max-bytes``)."""
    try:
        yield
    except ResponseTooLarge:
        limit = limits.get("max_bytes")
        flag = (
            f"--max-bytes {limit}" if limit else f"--max-bytes {DOWNLOAD_MAX_BYTES} (the default)"
        )
        raise CliError(f"the media is larger than {flag}{outcome}", 1) from None


def recording_file_name(recording_id: str, metadata: Callable[[], Any]) -> Callable[[], str]:
    """``RECORDING_ID.EXT``, EXT the ``fileFormat`` (``wav``, ``mp3``) ``metadata()`` reads."""

    def name() -> str:
        file_format = getattr(metadata(), "file_format", None)
        extension = getattr(file_format, "value", file_format)
        if isinstance(extension, str) and _EXTENSION.fullmatch(extension):
            return recording_id + "." + extension
        return recording_id

    return name

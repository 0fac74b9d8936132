"""``bandwidth media upload|list|get|download|delete``: the account's media files.

An upload streams the file (the SDK reads it a chunk at a time); a download
streams the media to a file or stdout (see :mod:`bandwidth.cli._download`).
Imported only when a ``media`` command runs.
"""

from __future__ import annotations

import argparse
import functools
import os
import stat
import sys
from typing import Mapping, Optional

from bandwidth import MediaApi
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._download import check_output, save_media
from bandwidth.cli._output import note_next_page, printable, write_json_array
from bandwidth.cli._parser import CliError, UsageError

__all__ = ["run_media"]

_NAMES = {"content_type": "--content-type", "cache_control": "--cache-control"}


def run_media(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``media`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth media {operation}"
    prepare(args, prog)
    # Everything the user typed is checked before anything is sent.
    media_id: str = getattr(args, "media_id", None) or ""
    if operation == "upload":
        media_id = _upload_name(args, prog)
    elif operation == "get":
        args.output = "-"
        check_output(args, prog)
    elif operation == "download":
        check_output(args, prog, _file_name(media_id), "MEDIA_ID")
    with session(args, env, prog, _NAMES) as (client, account_id):
        api = MediaApi(client)
        if operation == "upload":
            # A path: the SDK opens it and sends it a block at a time (stdin: read, bounded).
            body = sys.stdin.buffer if args.file == "-" else args.file
            try:
                api.upload_media(
                    account_id,
                    media_id,
                    body,
                    content_type=args.content_type,
                    cache_control=args.cache_control,
                )
            except OSError as exc:  # the file went away or cannot be read midway
                message = exc.strerror or str(exc)
                raise CliError(f"cannot read {printable(args.file)!r}: {message}", 1) from None
        elif operation == "list" and args.all:
            write_json_array(api.iter_media(account_id))
        elif operation == "list":
            response = api.list_media_with_http_info(account_id, args.continuation_token)
            write_json_array(response.data or [])
            token = response.headers.get("Continuation-Token")
            if token:
                note_next_page("media", "--continuation-token", token)
        elif operation in ("get", "download"):
            save_media(
                args,
                functools.partial(api.download_media_to, account_id, media_id),
                lambda: _file_name(media_id),
            )
        elif operation == "delete":
            api.delete_media(account_id, media_id)
        else:  # pragma: no cover - argparse only allows the five above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0


def _upload_name(args: argparse.Namespace, prog: str) -> str:
    """The media id of an upload (FILE's name by default), once FILE is known to be readable."""
    if args.file == "-":
        if args.media_id is None or args.content_type is None:
            raise UsageError("FILE '-' (stdin) needs --media-id and --content-type", prog)
        return str(args.media_id)
    try:
        mode = os.stat(args.file).st_mode
    except OSError as exc:
        message = f"FILE: cannot read {printable(args.file)!r}: {exc.strerror or exc}"
        raise UsageError(message, prog) from None
    if not stat.S_ISREG(mode):
        raise UsageError(f"FILE {printable(args.file)!r} is not a regular file", prog)
    return os.path.basename(args.file) if args.media_id is None else str(args.media_id)


def _file_name(media_id: str) -> str:
    """The default file name: the media id's last part (``MESSAGE_ID/0/photo.png`` -> photo.png)."""
    return media_id.rstrip("/").rsplit("/", 1)[-1]

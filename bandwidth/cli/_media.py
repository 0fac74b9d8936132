"""``bandwidth media upload|list|get|download|delete``: the account's media files.

An upload streams the file (the SDK reads it a chunk at a time); a download
streams the media to a file or stdout (see :mod:`bandwidth.cli._download`).
Imported only when a ``media`` command runs.
"""

from __future__ import annotations

import argparse
import functools
import mimetypes
import os
import stat
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
    content_type: Optional[str] = None
    if operation == "upload":
        _check_file(args.file, prog)
        media_id = os.path.basename(args.file) if args.media_id is None else args.media_id
        content_type = args.content_type or mimetypes.guess_type(args.file)[0]
        if content_type is None:
            raise UsageError(
                f"cannot tell the media type of {printable(args.file)!r} from its name; "
                "give --content-type",
                prog,
            )
    elif operation == "get":
        args.output = "-"
        check_output(args, prog)
    elif operation == "download":
        check_output(args, prog, _file_name(media_id), "MEDIA_ID")
    with session(args, env, prog, _NAMES) as (client, account_id):
        api = MediaApi(client)
        if operation == "upload":
            try:
                with open(args.file, "rb") as body:
                    api.upload_media(
                        account_id,
                        media_id,
                        body,
                        content_type=content_type,
                        cache_control=args.cache_control,
                    )
            except OSError as exc:  # the file went away or cannot be read midway
                message = exc.strerror or str(exc)
                raise CliError(f"cannot read {printable(args.file)!r}: {message}", 1) from None
        elif operation == "list":
            response = api.list_media_with_http_info(
                account_id, continuation_token=args.continuation_token
            )
            write_json_array(response.data or [])
            token = response.headers.get("Continuation-Token")
            if token:
                note_next_page("media", "--continuation-token", token, all_pages=False)
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


def _check_file(path: str, prog: str) -> None:
    """Refuse, before anything is sent, a FILE that is not a readable regular file."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        message = f"FILE: cannot read {printable(path)!r}: {exc.strerror or exc}"
        raise UsageError(message, prog) from None
    if not stat.S_ISREG(mode):
        raise UsageError(f"FILE {printable(path)!r} is not a regular file", prog)
    if not os.access(path, os.R_OK):
        raise UsageError(f"FILE: cannot read {printable(path)!r}: Permission denied", prog)


def _file_name(media_id: str) -> str:
    """The default file name: the media id's last part (``MESSAGE_ID/0/photo.png`` -> photo.png)."""
    return media_id.rstrip("/").rsplit("/", 1)[-1]

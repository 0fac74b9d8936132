"""The Messaging commands' command lines: ``messages`` and ``media`` (no SDK imports)."""

from __future__ import annotations

from typing import Any

from bandwidth.cli._messaging_fields import MEDIA_LIST_FLAGS, MESSAGE_FLAGS, MESSAGE_LIST_FLAGS
from bandwidth.cli._parser import (
    add_command,
    add_download_flags,
    add_field_flags,
    add_json,
    add_list_flags,
    add_operation,
)
from bandwidth.cli._products import MESSAGING

__all__ = ["add_messaging_commands"]

_MEDIA_ID = "the media's name on Bandwidth (may contain '/': 'MESSAGE_ID/0/photo.png')"


def add_messaging_commands(commands: Any) -> None:
    """Add ``messages`` and ``media`` to the ``bandwidth`` subcommands."""
    _add_messages(commands)
    _add_media(commands)


def _add_messages(commands: Any) -> None:
    ops = add_command(
        commands,
        "messages",
        "send SMS/MMS messages and search the account's messages",
        "The Messages operations. Output is JSON in the API's wire format.",
        MESSAGING,
    )
    send = add_operation(
        ops,
        "send",
        "send a message (POST /users/{accountId}/messages)",
        "Send an SMS (text) or MMS (--media) and print the message Bandwidth accepted (202): "
        "its id, segment count, time. What became of it comes later, in the application's "
        "callbacks. --to, --from and --application-id are required (or their keys in --json). "
        "Never retried once it may have reached Bandwidth: a retry could send it twice.",
    )
    add_json(send, "messageRequest")
    add_field_flags(send, MESSAGE_FLAGS)

    listing = add_operation(
        ops,
        "list",
        "search the account's messages (GET /users/{accountId}/messages)",
        "Print one page of the messages that match (metadata only: Bandwidth keeps no text) "
        "as a JSON array (with --all, every page, as one array). Give at least one filter. "
        "When more pages remain, a note on stderr gives the next --page-token.",
    )
    add_list_flags(listing, MESSAGE_LIST_FLAGS)


def _add_media(commands: Any) -> None:
    ops = add_command(
        commands,
        "media",
        "upload, list, download and delete media (MMS attachments)",
        "The Media operations: files Bandwidth keeps for you (up to 48 hours) to attach to "
        "MMS messages by URL, and the media of messages you received. Output is JSON in the "
        "API's wire format.",
        MESSAGING,
    )
    upload = add_operation(
        ops,
        "upload",
        "upload a file (PUT /users/{accountId}/media/{mediaId})",
        "Stream FILE (at most 3.75 MB) to Bandwidth, a chunk at a time (it is never read "
        "whole), as MEDIA_ID (default: FILE's name), replacing any media of that name. "
        "Prints nothing on success; 'bandwidth media list' shows its URL, to send with "
        "'messages send --media'.",
    )
    upload.add_argument(
        "file",
        metavar="FILE",
        help="the file to upload, or '-' for stdin (with --media-id and --content-type)",
    )
    upload.add_argument(
        "--media-id",
        default=None,
        metavar="MEDIA_ID",
        help="its name on Bandwidth (default: FILE's name)",
    )
    upload.add_argument(
        "--content-type",
        default=None,
        metavar="TYPE",
        help="its media type (default: from FILE's name, image/png for a .png, else "
        "application/octet-stream)",
    )
    upload.add_argument(
        "--cache-control",
        default=None,
        metavar="VALUE",
        help="a Cache-Control header to store with it (no-cache, max-age=3600, ...)",
    )

    listing = add_operation(
        ops,
        "list",
        "list the account's media (GET /users/{accountId}/media)",
        "Print the media as a JSON array (mediaName, contentLength, content: its URL), at "
        "most 1000 at a time (with --all, every page, as one array). When more remain, a note "
        "on stderr gives the next --continuation-token.",
    )
    add_list_flags(listing, MEDIA_LIST_FLAGS)

    get = add_operation(
        ops,
        "get",
        "write a media file to stdout (GET /users/{accountId}/media/{mediaId})",
        "Stream the media to stdout, which must not be a terminal (a pipe or a redirection): "
        "the same as 'download MEDIA_ID -o -'.",
    )
    get.add_argument("media_id", metavar="MEDIA_ID", help=_MEDIA_ID)

    download = add_operation(
        ops,
        "download",
        "save a media file (GET /users/{accountId}/media/{mediaId})",
        "Stream the media to a file, a chunk at a time. A file is complete or not there at "
        "all: a failed download leaves none behind.",
    )
    download.add_argument("media_id", metavar="MEDIA_ID", help=_MEDIA_ID)
    add_download_flags(download, "the last part of MEDIA_ID, here")

    delete = add_operation(
        ops,
        "delete",
        "delete a media file (DELETE /users/{accountId}/media/{mediaId})",
        "Delete the media. Prints nothing on success.",
    )
    delete.add_argument("media_id", metavar="MEDIA_ID", help=_MEDIA_ID)

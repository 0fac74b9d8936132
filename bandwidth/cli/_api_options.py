"""The Voice API commands' command lines (no SDK imports).

``calls``, ``recordings``, ``conferences``, ``transcriptions`` and ``statistics``.

Each is ``bandwidth COMMAND OPERATION [ARGS] [FLAGS]``; the connection flags
go after the command or after the operation. Body fields follow
:mod:`bandwidth.cli._fields`.
"""

from __future__ import annotations

import argparse
from typing import Any

from bandwidth.cli._fields import (
    CONFERENCE_LIST_FLAGS,
    CONFERENCE_UPDATE_FLAGS,
    CREATE_FLAGS,
    LIST_FLAGS,
    MEMBER_FLAGS,
    RECORDING_LIST_FLAGS,
    UPDATE_FLAGS,
)
from bandwidth.cli._parser import (
    add_command,
    add_download_flags,
    add_field_flags,
    add_json,
    add_list_flags,
    add_operation,
)

__all__ = ["add_api_commands"]

_CALL_ID = "the call's id (c-...)"
_CONF_ID = "the conference's id (conf-...)"
_RECORDING_ID = "the recording's id (r-...)"
_TRANSCRIPTION_ID = "the transcription's id (t-...)"


def add_api_commands(commands: Any) -> None:
    """Add the API commands (Voice's, then the other products') to the ``bandwidth`` subcommands."""
    from bandwidth.cli._identity_options import add_identity_commands
    from bandwidth.cli._messaging_options import add_messaging_commands

    _add_calls(commands)
    _add_recordings(commands)
    _add_conferences(commands)
    _add_transcriptions(commands)
    _add_statistics(commands)
    add_messaging_commands(commands)
    add_identity_commands(commands)


def _bxml_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a BXML document, or '-' to read stdin")


def _add_calls(commands: Any) -> None:
    ops = add_command(
        commands,
        "calls",
        "create, get, list, update calls and replace their BXML",
        "The five Calls operations. Output is JSON in the API's wire format.",
    )
    create = add_operation(
        ops,
        "create",
        "place an outbound call (POST /calls)",
        "Place an outbound call and print the createCallResponse. --to, --from, "
        "--application-id and --answer-url are required (or their keys in --json).",
        webhook_password=True,
    )
    add_json(create, "createCall")
    add_field_flags(create, CREATE_FLAGS)

    get = add_operation(
        ops, "get", "print a call's state (GET /calls/{callId})", "Print the call's callState."
    )
    get.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)

    listing = add_operation(
        ops,
        "list",
        "list calls, oldest first (GET /calls)",
        "Print one page of calls as a JSON array (with --all, every page, as one array). "
        "When more pages remain, a note on stderr gives the next --page-token.",
    )
    add_list_flags(listing, LIST_FLAGS)

    update = add_operation(
        ops,
        "update",
        "redirect or hang up a call (POST /calls/{callId})",
        "Redirect a live call (--redirect-url) or hang it up (--state completed). "
        "Prints nothing on success.",
        webhook_password=True,
    )
    update.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)
    add_json(update, "updateCall")
    add_field_flags(update, UPDATE_FLAGS)

    bxml = add_operation(
        ops,
        "bxml",
        "replace a live call's BXML (PUT /calls/{callId}/bxml)",
        "Send FILE (BXML, '-' for stdin) as the call's new BXML. Prints nothing on success.",
    )
    bxml.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)
    _bxml_file(bxml)


def _add_recordings(commands: Any) -> None:
    ops = add_command(
        commands,
        "recordings",
        "list, read and download call recordings",
        "Call recordings: list them, read their metadata, download their media. Output is "
        "JSON in the API's wire format. A conference's recordings: 'bandwidth conferences "
        "recordings' and 'bandwidth conferences download'.",
    )
    listing = add_operation(
        ops,
        "list",
        "list a call's or the account's recordings (GET .../recordings)",
        "Print recordings' metadata as a JSON array: with --call-id, that call's; otherwise "
        "the account's (at most 1000, not paginated: narrow them with the filters).",
    )
    listing.add_argument(
        "--call-id", default=None, metavar="CALL_ID", help="only this call's recordings"
    )
    add_list_flags(listing, RECORDING_LIST_FLAGS)

    get = add_operation(
        ops,
        "get",
        "print a recording's metadata (GET .../recordings/{recordingId})",
        "Print the recording's callRecordingMetadata.",
    )
    get.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)
    get.add_argument("recording_id", metavar="RECORDING_ID", help=_RECORDING_ID)

    download = add_operation(
        ops,
        "download",
        "save a recording's media (GET .../recordings/{recordingId}/media)",
        "Stream the recording's media (WAV or MP3) to a file, a chunk at a time. A file is "
        "complete or not there at all: a failed download leaves none behind.",
    )
    download.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)
    download.add_argument("recording_id", metavar="RECORDING_ID", help=_RECORDING_ID)
    add_download_flags(download)


def _add_conferences(commands: Any) -> None:
    ops = add_command(
        commands,
        "conferences",
        "list, get, update conferences and their members; their recordings",
        "The Conferences operations. Conferences are made by the <Conference> verb; these "
        "read them, redirect or end them, mute or hold members, and fetch recordings. "
        "Output is JSON in the API's wire format.",
    )
    listing = add_operation(
        ops,
        "list",
        "list conferences, oldest first (GET /conferences)",
        "Print one page of conferences as a JSON array (with --all, every page, as one "
        "array). When more pages remain, a note on stderr gives the next --page-token.",
    )
    add_list_flags(listing, CONFERENCE_LIST_FLAGS)

    get = add_operation(
        ops,
        "get",
        "print a conference (GET /conferences/{conferenceId})",
        "Print the conference, with its active members.",
    )
    get.add_argument("conference_id", metavar="CONF_ID", help=_CONF_ID)

    update = add_operation(
        ops,
        "update",
        "redirect or end a conference (POST /conferences/{conferenceId})",
        "Redirect a conference to new BXML (--redirect-url) or end it (--status completed). "
        "Prints nothing on success.",
        webhook_password=True,
    )
    update.add_argument("conference_id", metavar="CONF_ID", help=_CONF_ID)
    add_json(update, "updateConference")
    add_field_flags(update, CONFERENCE_UPDATE_FLAGS)

    bxml = add_operation(
        ops,
        "bxml",
        "replace a conference's BXML (PUT /conferences/{conferenceId}/bxml)",
        "Send FILE (BXML, '-' for stdin) as the conference's new BXML. Prints nothing on success.",
    )
    bxml.add_argument("conference_id", metavar="CONF_ID", help=_CONF_ID)
    _bxml_file(bxml)

    member = add_operation(
        ops,
        "member",
        "print or change a member (GET|PUT /conferences/{conferenceId}/members/{memberId})",
        "Without flags, print the member. With --mute/--no-mute, --hold/--no-hold, "
        "--call-ids-to-coach or --json, change it (only what is given) and print nothing.",
    )
    member.add_argument("conference_id", metavar="CONF_ID", help=_CONF_ID)
    member.add_argument("member_id", metavar="MEMBER_ID", help="the member's call id (c-...)")
    add_json(member, "updateConferenceMember")
    add_field_flags(member, MEMBER_FLAGS)

    recordings = add_operation(
        ops,
        "recordings",
        "list a conference's recordings, or print one (GET .../recordings[/{recordingId}])",
        "Without RECORDING_ID, print the conference's recordings as a JSON array; with it, "
        "that recording's conferenceRecordingMetadata.",
    )
    recordings.add_argument("conference_id", metavar="CONF_ID", help=_CONF_ID)
    recordings.add_argument("recording_id", nargs="?", metavar="RECORDING_ID", help=_RECORDING_ID)

    download = add_operation(
        ops,
        "download",
        "save a conference recording's media (GET .../recordings/{recordingId}/media)",
        "Stream the recording's media (WAV or MP3) to a file, a chunk at a time. A file is "
        "complete or not there at all: a failed download leaves none behind.",
    )
    download.add_argument("conference_id", metavar="CONF_ID", help=_CONF_ID)
    download.add_argument("recording_id", metavar="RECORDING_ID", help=_RECORDING_ID)
    add_download_flags(download)


def _add_transcriptions(commands: Any) -> None:
    ops = add_command(
        commands,
        "transcriptions",
        "list, read and delete a call's real-time transcriptions",
        "A call's real-time transcriptions, made by <StartTranscription>: list them, print "
        "one with its text, delete one. Output is JSON in the API's wire format.",
    )
    listing = add_operation(
        ops,
        "list",
        "list a call's transcriptions (GET /calls/{callId}/transcriptions)",
        "Print the call's transcriptions' metadata as a JSON array.",
    )
    listing.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)

    get = add_operation(
        ops,
        "get",
        "print a transcription (GET .../transcriptions/{transcriptionId})",
        "Print the transcription: its tracks and what was said on each.",
    )
    get.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)
    get.add_argument("transcription_id", metavar="TRANSCRIPTION_ID", help=_TRANSCRIPTION_ID)

    delete = add_operation(
        ops,
        "delete",
        "delete a transcription (DELETE .../transcriptions/{transcriptionId})",
        "Delete the transcription for good. Prints nothing on success.",
    )
    delete.add_argument("call_id", metavar="CALL_ID", help=_CALL_ID)
    delete.add_argument("transcription_id", metavar="TRANSCRIPTION_ID", help=_TRANSCRIPTION_ID)


def _add_statistics(commands: Any) -> None:
    ops = add_command(
        commands,
        "statistics",
        "print the account's call queue: its size now and its limit",
        "The Statistics operation. Output is JSON in the API's wire format.",
    )
    add_operation(
        ops,
        "get",
        "print the account's statistics (GET /statistics)",
        "Print currentCallQueueSize (calls waiting to be placed now) and maxCallQueueSize.",
    )

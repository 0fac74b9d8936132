"""``bandwidth conferences ...``: conferences, their members and their recordings.

Imported only when a ``conferences`` command runs, so ``bandwidth --help``
does not load pydantic or urllib3.
"""

from __future__ import annotations

import argparse
import functools
import os
from typing import Any, Mapping, Optional

from bandwidth import ConferencesApi
from bandwidth.cli._body import build_body, read_bxml
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._download import check_output, recording_file_name, save_media
from bandwidth.cli._fields import CONFERENCE_LIST_FLAGS, CONFERENCE_UPDATE_FLAGS, MEMBER_FLAGS
from bandwidth.cli._output import print_json, write_json_array, write_page
from bandwidth.cli._parser import UsageError
from bandwidth.models import UpdateConference, UpdateConferenceMember

__all__ = ["run_conferences"]


def run_conferences(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``conferences`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth conferences {operation}"
    prepare(args, prog, CONFERENCE_UPDATE_FLAGS if operation == "update" else ())
    # Everything the user typed is checked before anything is sent.
    request: Any = None
    if operation == "update":
        request = build_body(args, UpdateConference, CONFERENCE_UPDATE_FLAGS, prog, env)
        if not request.to_dict():
            raise UsageError(
                "nothing to update: give --status, --redirect-url, ... or --json", prog
            )
    elif operation == "member" and _changes_member(args):
        request = build_body(args, UpdateConferenceMember, MEMBER_FLAGS, prog, env)
        if not request.to_dict():
            raise UsageError("nothing to change: give --mute, --hold, ... or a --json body", prog)
    elif operation == "bxml":
        request = read_bxml(args.file, prog)
    elif operation == "download":
        check_output(args, prog)
    with session(args, env, prog) as (client, account_id):
        api = ConferencesApi(client)
        conference_id: str = getattr(args, "conference_id", "")
        if operation == "list":
            _list(api, account_id, args)
        elif operation == "get":
            print_json(api.get_conference(account_id, conference_id))
        elif operation == "update":
            api.update_conference(account_id, conference_id, request)
        elif operation == "bxml":
            api.update_conference_bxml(account_id, conference_id, request)
        elif operation == "member" and request is not None:
            api.update_conference_member(account_id, conference_id, args.member_id, request)
        elif operation == "member":
            print_json(api.get_conference_member(account_id, conference_id, args.member_id))
        elif operation == "recordings" and args.recording_id is None:
            write_json_array(api.list_conference_recordings(account_id, conference_id))
        elif operation == "recordings":
            print_json(api.get_conference_recording(account_id, conference_id, args.recording_id))
        elif operation == "download":
            ids = (account_id, conference_id, args.recording_id)
            save_media(
                args,
                functools.partial(api.download_conference_recording_to, *ids),
                recording_file_name(
                    args.recording_id, functools.partial(api.get_conference_recording, *ids)
                ),
            )
        else:  # pragma: no cover - argparse only allows the operations above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0


def _changes_member(args: argparse.Namespace) -> bool:
    """Whether ``member`` was given a change (a flag or ``--json``), else it only reads."""
    return args.json is not None or any(hasattr(args, field.dest) for field in MEMBER_FLAGS)


def _list(api: ConferencesApi, account_id: str, args: argparse.Namespace) -> None:
    filters: Any = {
        flag.parameter: getattr(args, flag.parameter)
        for flag in CONFERENCE_LIST_FLAGS
        if flag.parameter != "page_token"
    }
    if args.all:
        write_json_array(api.iter_conferences(account_id, **filters))
        return
    response = api.list_conferences_with_http_info(
        account_id, page_token=args.page_token, **filters
    )
    write_page(response, "conferences")

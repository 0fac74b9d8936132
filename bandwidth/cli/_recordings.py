"""``bandwidth recordings ...``: list, read and download call recordings.

A conference's recordings are ``bandwidth conferences recordings|download``
(the SDK's ``ConferencesApi``), as the API files them under the conference.
Imported only when a ``recordings`` command runs.
"""

from __future__ import annotations

import argparse
import functools
import os
from typing import Any, Dict, Mapping, Optional

from bandwidth import RecordingsApi
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._download import check_output, recording_file_name, save_media
from bandwidth.cli._fields import RECORDING_LIST_FLAGS
from bandwidth.cli._output import print_json, write_json_array
from bandwidth.cli._parser import UsageError

__all__ = ["run_recordings"]


def run_recordings(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``recordings`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth recordings {operation}"
    prepare(args, prog)
    names: Dict[str, str] = {}
    filters: Dict[str, Any] = {}
    if operation == "list":
        names["call_id"] = "--call-id"
        filters = {flag.parameter: getattr(args, flag.parameter) for flag in RECORDING_LIST_FLAGS}
        given = [flag.flag for flag in RECORDING_LIST_FLAGS if filters[flag.parameter] is not None]
        if args.call_id is not None and given:
            raise UsageError(
                f"the filters {', '.join(given)} apply to the account's recordings only, "
                "not with --call-id",
                prog,
            )
    elif operation == "download":
        check_output(args, prog)
    with session(args, env, prog, names) as (client, account_id):
        api = RecordingsApi(client)
        if operation == "list":
            if args.call_id is not None:
                write_json_array(api.list_call_recordings(account_id, args.call_id))
            else:
                write_json_array(api.list_account_call_recordings(account_id, **filters))
        elif operation == "get":
            print_json(api.get_call_recording(account_id, args.call_id, args.recording_id))
        elif operation == "download":
            ids = (account_id, args.call_id, args.recording_id)
            save_media(
                args,
                functools.partial(api.download_call_recording_to, *ids),
                recording_file_name(
                    args.recording_id, functools.partial(api.get_call_recording, *ids)
                ),
            )
        else:  # pragma: no cover - argparse only allows the three above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0

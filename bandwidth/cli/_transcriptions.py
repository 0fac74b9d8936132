"""``bandwidth transcriptions ...``: a call's real-time transcriptions.

``<StartTranscription>`` makes them while a call runs; these list, read and
delete them. Imported only when a ``transcriptions`` command runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Mapping, Optional

from bandwidth import TranscriptionsApi
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._output import print_json, write_json_array
from bandwidth.cli._parser import UsageError

__all__ = ["run_transcriptions"]


def run_transcriptions(
    args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None
) -> int:
    """Run one ``transcriptions`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth transcriptions {operation}"
    prepare(args, prog)
    with session(args, env, prog) as (client, account_id):
        api = TranscriptionsApi(client)
        if operation == "list":
            write_json_array(api.list_real_time_transcriptions(account_id, args.call_id))
        elif operation == "get":
            ids = (account_id, args.call_id, args.transcription_id)
            print_json(api.get_real_time_transcription(*ids))
        elif operation == "delete":
            api.delete_real_time_transcription(account_id, args.call_id, args.transcription_id)
        else:  # pragma: no cover - argparse only allows the three above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0

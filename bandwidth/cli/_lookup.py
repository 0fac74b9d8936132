"""``bandwidth lookup NUMBER...``, ``lookup bulk NUMBER...``, ``lookup status REQUEST_ID``.

One command line for the three Phone Number Lookup operations: the first
argument says which (numbers never spell ``bulk`` or ``status``). Imported
only when a ``lookup`` command runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, List, Mapping, Optional

from bandwidth import PhoneNumberLookupApi
from bandwidth.cli._body import build_body, read_input
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._identity_fields import LOOKUP_FLAGS
from bandwidth.cli._output import print_json
from bandwidth.cli._parser import UsageError
from bandwidth.models import AsyncLookupRequest, SyncLookupRequest

__all__ = ["run_lookup"]

#: The most numbers one synchronous lookup takes (the spec's ``syncLookupRequest``).
SYNC_MOST = 100

_NUMBERS, _RCS_AGENT = LOOKUP_FLAGS


def run_lookup(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one lookup operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    words: List[str] = list(args.words)
    operation = words.pop(0) if words and words[0] in ("bulk", "status") else "sync"
    prog = "bandwidth lookup" + ("" if operation == "sync" else f" {operation}")
    prepare(args, prog)
    # Everything the user typed is checked before anything is sent.
    request_id = ""
    request: Any = None
    if operation == "status":
        if len(words) != 1 or args.numbers_from is not None or args.rcs_agent is not None:
            raise UsageError("status takes one REQUEST_ID and no numbers", prog)
        request_id = words[0]
    else:
        numbers = words + _numbers_from(args.numbers_from, prog)
        if not numbers:
            raise UsageError("give at least one NUMBER (or --numbers-from FILE)", prog)
        if operation == "sync" and len(numbers) > SYNC_MOST:
            raise UsageError(
                f"{len(numbers)} numbers: a lookup takes at most {SYNC_MOST}; "
                "'bandwidth lookup bulk' takes up to 15,000",
                prog,
            )
        if operation == "bulk" and args.rcs_agent is not None:
            raise UsageError("--rcs-agent applies to a lookup of up to 100, not to bulk", prog)
        setattr(args, _NUMBERS.dest, numbers)
        if args.rcs_agent is not None:
            setattr(args, _RCS_AGENT.dest, args.rcs_agent)
        model = SyncLookupRequest if operation == "sync" else AsyncLookupRequest
        request = build_body(args, model, LOOKUP_FLAGS, prog, env)
    with session(args, env, prog) as (client, account_id):
        api = PhoneNumberLookupApi(client)
        if operation == "sync":
            print_json(api.create_sync_lookup(account_id, request))
        elif operation == "bulk":
            print_json(api.create_async_bulk_lookup(account_id, request))
        else:
            print_json(api.get_async_bulk_lookup(account_id, request_id))
    return 0


def _numbers_from(path: Optional[str], prog: str) -> List[str]:
    """The numbers in ``--numbers-from FILE``: one a line; blank lines and ``#`` lines skipped."""
    if path is None:
        return []
    try:
        text = read_input(path, "--numbers-from", prog).decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("--numbers-from: the file is not UTF-8 text", prog) from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]

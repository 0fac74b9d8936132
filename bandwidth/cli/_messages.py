"""``bandwidth messages send|list``: send a message, search the account's messages.

Imported only when a ``messages`` command runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, Dict, Mapping, Optional

from bandwidth import MessagesApi
from bandwidth.cli._body import build_body
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._messaging_fields import MESSAGE_FLAGS, MESSAGE_LIST_FLAGS
from bandwidth.cli._output import note_next_page, print_json
from bandwidth.cli._parser import UsageError
from bandwidth.models import MessageRequest

__all__ = ["run_messages"]

#: ``list_messages``' parameters as the command line names them.
_NAMES = {flag.parameter: flag.flag for flag in MESSAGE_LIST_FLAGS}


def run_messages(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``messages`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth messages {operation}"
    prepare(args, prog, MESSAGE_FLAGS if operation == "send" else ())
    # Everything the user typed is checked before anything is sent.
    request: Any = None
    if operation == "send":
        request = build_body(args, MessageRequest, MESSAGE_FLAGS, prog, env)
    with session(args, env, prog, _NAMES) as (client, account_id):
        api = MessagesApi(client)
        if operation == "send":
            print_json(api.create_message(account_id, request))
        elif operation == "list":
            filters: Dict[str, Any] = {
                flag.parameter: getattr(args, flag.parameter) for flag in MESSAGE_LIST_FLAGS
            }
            page = api.list_messages(account_id, **filters)
            print_json(page)
            token = getattr(getattr(page, "page_info", None), "next_page_token", None)
            if isinstance(token, str) and token:
                note_next_page("messages", "--page-token", token, all_pages=False)
        else:  # pragma: no cover - argparse only allows the two above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0

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
from bandwidth.cli._output import note_next_page, print_json, write_json_array
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
            _list(api, account_id, args)
        else:  # pragma: no cover - argparse only allows the two above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0


def _list(api: MessagesApi, account_id: str, args: argparse.Namespace) -> None:
    filters: Dict[str, Any] = {
        flag.parameter: getattr(args, flag.parameter)
        for flag in MESSAGE_LIST_FLAGS
        if flag.kind != "cursor"
    }
    if args.all:
        write_json_array(api.iter_messages(account_id, **filters))
        return
    page = api.list_messages(account_id, page_token=args.page_token, **filters)
    write_json_array(page.messages or [])
    token = page.page_info.next_page_token if page.page_info is not None else None
    if token:
        note_next_page("messages", "--page-token", token)

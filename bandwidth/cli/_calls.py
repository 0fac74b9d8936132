"""``bandwidth calls ...``: the five Calls operations from the command line.

Imported only when a ``calls`` command runs, so ``bandwidth --help`` does not
load pydantic or urllib3.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, Mapping, Optional

from bandwidth import CallsApi
from bandwidth.cli._body import build_body, read_bxml
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._fields import CREATE_FLAGS, UPDATE_FLAGS
from bandwidth.cli._output import print_json, write_json_array, write_page
from bandwidth.cli._parser import UsageError
from bandwidth.models import CreateCall, UpdateCall

__all__ = ["run_calls"]


def run_calls(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``calls`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth calls {operation}"
    prepare(args, prog, CREATE_FLAGS if operation == "create" else UPDATE_FLAGS)
    # Everything the user typed is checked before anything is sent.
    request: Any = None
    if operation == "create":
        request = build_body(args, CreateCall, CREATE_FLAGS, prog, env)
    elif operation == "update":
        request = build_body(args, UpdateCall, UPDATE_FLAGS, prog, env)
        if not request.to_dict():
            raise UsageError("nothing to update: give --state, --redirect-url, ... or --json", prog)
    elif operation == "bxml":
        request = read_bxml(args.file, prog)
    with session(args, env, prog) as (client, account_id):
        api = CallsApi(client)
        if operation == "create":
            print_json(api.create_call(account_id, request))
        elif operation == "get":
            print_json(api.get_call_state(account_id, args.call_id))
        elif operation == "list":
            _list(api, account_id, args)
        elif operation == "update":
            api.update_call(account_id, args.call_id, request)
        elif operation == "bxml":
            api.update_call_bxml(account_id, args.call_id, request)
        else:  # pragma: no cover - argparse only allows the five above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0


def _list(api: CallsApi, account_id: str, args: argparse.Namespace) -> None:
    filters: Any = {
        "to": args.to,
        "var_from": args.var_from,
        "min_start_time": args.min_start_time,
        "max_start_time": args.max_start_time,
        "disconnect_cause": args.disconnect_cause,
        "page_size": args.page_size,
    }
    if args.all:
        write_json_array(api.iter_calls(account_id, **filters))
        return
    response = api.list_calls_with_http_info(account_id, page_token=args.page_token, **filters)
    write_page(response, "calls")

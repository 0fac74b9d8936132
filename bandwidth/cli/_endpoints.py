"""``bandwidth endpoints create|get|list|delete|bxml``: WebRTC endpoints.

Imported only when an ``endpoints`` command runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Any, Dict, Mapping, Optional
from urllib.parse import parse_qs, urlsplit

from bandwidth import EndpointsApi
from bandwidth.cli._body import build_body, read_bxml
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._identity_fields import ENDPOINT_FLAGS, ENDPOINT_LIST_FLAGS, ENDPOINT_TYPES
from bandwidth.cli._output import note_next_page, print_json, write_json_array
from bandwidth.cli._parser import UsageError
from bandwidth.models import CreateWebRtcConnectionRequest

__all__ = ["run_endpoints"]

_NAMES = {flag.parameter: flag.flag for flag in ENDPOINT_LIST_FLAGS}


def run_endpoints(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``endpoints`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth endpoints {operation}"
    prepare(args, prog, ENDPOINT_FLAGS if operation == "create" else ())
    # Everything the user typed is checked before anything is sent.
    request: Any = None
    if operation == "create":
        defaults = {"type": ENDPOINT_TYPES[0]}
        request = build_body(
            args, CreateWebRtcConnectionRequest, ENDPOINT_FLAGS, prog, env, defaults
        )
    elif operation == "bxml":
        request = read_bxml(args.file, prog)
    with session(args, env, prog, _NAMES) as (client, account_id):
        api = EndpointsApi(client)
        endpoint_id: str = getattr(args, "endpoint_id", "")
        if operation == "create":
            print_json(api.create_endpoint(account_id, request))
        elif operation == "get":
            print_json(api.get_endpoint(account_id, endpoint_id))
        elif operation == "list":
            _list(api, account_id, args)
        elif operation == "delete":
            api.delete_endpoint(account_id, endpoint_id)
        elif operation == "bxml":
            api.update_endpoint_bxml(account_id, endpoint_id, request)
        else:  # pragma: no cover - argparse only allows the five above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0


def _list(api: EndpointsApi, account_id: str, args: argparse.Namespace) -> None:
    filters: Dict[str, Any] = {
        flag.parameter: getattr(args, flag.parameter)
        for flag in ENDPOINT_LIST_FLAGS
        if flag.kind != "cursor"
    }
    if args.all:
        write_json_array(api.iter_endpoints(account_id, **filters))
        return
    page = api.list_endpoints(account_id, after_cursor=args.after_cursor, **filters)
    write_json_array(page.data or [])
    cursor = _next_cursor(page)
    if cursor:
        note_next_page("endpoints", "--after-cursor", cursor)


def _next_cursor(page: Any) -> Optional[str]:
    """The ``afterCursor`` of the page's ``rel="next"`` link, if it has one."""
    for link in page.links or ():
        if link is not None and link.rel == "next" and link.href:
            cursors = parse_qs(urlsplit(link.href).query).get("afterCursor")
            return cursors[0] if cursors else None
    return None

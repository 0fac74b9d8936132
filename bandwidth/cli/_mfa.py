"""``bandwidth mfa voice|messaging|verify``: send a one-time code, and check one.

Imported only when an ``mfa`` command runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Mapping, Optional

from bandwidth import MFAApi
from bandwidth.cli._body import build_body
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._identity_fields import CODE_DEFAULTS, CODE_FLAGS, VERIFY_FLAGS
from bandwidth.cli._output import print_json
from bandwidth.cli._parser import UsageError
from bandwidth.models import CodeRequest, VerifyCodeRequest

__all__ = ["run_mfa"]


def run_mfa(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``mfa`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth mfa {operation}"
    flags = VERIFY_FLAGS if operation == "verify" else CODE_FLAGS
    prepare(args, prog, flags)
    # Everything the user typed is checked before anything is sent.
    if operation == "verify":
        request = build_body(args, VerifyCodeRequest, flags, prog, env)
    else:
        request = build_body(args, CodeRequest, flags, prog, env, CODE_DEFAULTS)
    with session(args, env, prog) as (client, account_id):
        api = MFAApi(client)
        if operation == "voice":
            print_json(api.generate_voice_code(account_id, request))
        elif operation == "messaging":
            print_json(api.generate_messaging_code(account_id, request))
        elif operation == "verify":
            print_json(api.verify_code(account_id, request))
        else:  # pragma: no cover - argparse only allows the three above
            raise UsageError(f"unknown operation {operation!r}", prog)
    return 0

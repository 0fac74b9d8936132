"""``bandwidth statistics get``: the account's call queue (its size now, and its limit).

Imported only when a ``statistics`` command runs.
"""

from __future__ import annotations

import argparse
import os
from typing import Mapping, Optional

from bandwidth import StatisticsApi
from bandwidth.cli._connect import prepare, session
from bandwidth.cli._output import print_json

__all__ = ["run_statistics"]


def run_statistics(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run ``statistics get``; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    prog = f"bandwidth statistics {args.operation}"
    prepare(args, prog)
    with session(args, env, prog) as (client, account_id):
        print_json(StatisticsApi(client).get_statistics(account_id))
    return 0

"""The ``bandwidth`` command line (also ``python -m bandwidth``).

``bandwidth COMMAND OPERATION`` runs an API operation: Voice's ``calls``,
``recordings``, ``conferences``, ``transcriptions`` and ``statistics``;
``messages`` and ``media``; ``mfa``; ``lookup``; ``endpoints``; ``tfv``.
``bandwidth simulator`` serves the local Voice API simulator, ``bandwidth
phone`` calls your voice app through it from the terminal, and ``bandwidth
demo`` walks one call through its life. See ``docs/cli.md``.

The SDK is imported only by the command that needs it, so ``bandwidth
--help`` is fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from bandwidth.cli._parser import CliError, UsageError, build_parser

__all__ = ["CliError", "UsageError", "main"]

#: Each API command's runner: (module, function), imported only when that command runs.
_API_COMMANDS: Dict[str, Tuple[str, str]] = {
    "calls": ("bandwidth.cli._calls", "run_calls"),
    "recordings": ("bandwidth.cli._recordings", "run_recordings"),
    "conferences": ("bandwidth.cli._conferences", "run_conferences"),
    "transcriptions": ("bandwidth.cli._transcriptions", "run_transcriptions"),
    "statistics": ("bandwidth.cli._statistics", "run_statistics"),
    "messages": ("bandwidth.cli._messages", "run_messages"),
    "media": ("bandwidth.cli._media", "run_media"),
    "mfa": ("bandwidth.cli._mfa", "run_mfa"),
    "lookup": ("bandwidth.cli._lookup", "run_lookup"),
    "endpoints": ("bandwidth.cli._endpoints", "run_endpoints"),
    "tfv": ("bandwidth.cli._tfv", "run_tfv"),
}


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit status.

    0: success; 1: an API or connection error; 2: a bad command line or bad
    input (nothing was sent); 130: interrupted. Expected failures print one
    ``error: ...`` line on stderr, never a traceback.
    """
    arguments: List[str] = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            return _run(arguments)
        finally:
            sys.stdout.flush()
    except CliError as exc:
        _error(exc)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``bandwidth calls list --all | head``): stop quietly.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # stdout without a file descriptor (captured)
            pass
        return 141


def _run(arguments: List[str]) -> int:
    parser = build_parser()
    try:
        args, unknown = parser.parse_known_args(arguments)
    except SystemExit as exc:  # --help and --version exit through argparse
        return exc.code if isinstance(exc.code, int) else 0
    if unknown:
        # Name the subcommand whose --help lists the flags (argparse names the top level).
        operation = getattr(args, "operation", None)
        prog = " ".join(["bandwidth", args.command] + ([operation] if operation else []))
        raise UsageError(f"unrecognized arguments: {' '.join(unknown)}", prog)
    runner = _API_COMMANDS.get(args.command)
    if runner is not None:
        module, function = runner
        run: Callable[[argparse.Namespace], int] = getattr(
            importlib.import_module(module), function
        )
        from bandwidth.cli._retry_notices import retry_notices

        with retry_notices(sys.stderr):
            return run(args)
    if args.command == "simulator":
        from bandwidth.cli._serve import run_simulator

        return run_simulator(args)
    if args.command == "phone":
        from bandwidth.cli._phone import run_phone

        return run_phone(args)
    from bandwidth.cli._demo import run_demo

    return run_demo()


def _error(exc: CliError) -> None:
    from bandwidth.cli._output import printable

    # The message may quote the server (an API error's description): one safe line.
    message = printable(" ".join(str(exc).split())) or type(exc).__name__
    line = f"error: {message}"
    prog = getattr(exc, "prog", None)
    if isinstance(exc, UsageError) and prog:
        line += f" (see '{prog} --help')"
    sys.stderr.write(line + "\n")
    sys.stderr.flush()

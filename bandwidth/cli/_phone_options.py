"""The ``bandwidth phone`` command line (standard library only, no SDK imports)."""

from __future__ import annotations

import argparse
from typing import Any

from bandwidth.cli._parser import _choice_type, _Formatter, _number, _seconds

__all__ = ["PHONE_HELP", "add_phone_command"]

PHONE_HELP = """\
environment:
  BW_WEBHOOK_USERNAME, BW_WEBHOOK_PASSWORD   the webhook credentials; the flags win.
                             With a user and no password, a terminal prompts for it.

keys: without --press, each line of stdin answers one Gather (empty: none); on a terminal in
real time, each key is pressed as typed. End of input (Ctrl-D) or Ctrl-C hangs up.

exit status: 0 the call ended (hang-up, either side), 1 it ended because the app failed
(callback-error, invalid-bxml, ...), 2 bad command line
"""


def _callback_timeout(text: str) -> float:
    value = _number(text)
    if not 1 <= value <= 25:
        raise argparse.ArgumentTypeError(f"must be between 1 and 25 seconds, got {text!r}")
    return float(value)


def _speed(text: str) -> float:
    value = _number(text)
    if not 0.1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"must be between 0.1 and 1000, got {text!r}")
    return float(value)


def add_phone_command(commands: Any) -> None:
    """Add ``phone`` to the ``bandwidth`` subcommands (``commands``, argparse's subparsers)."""
    phone = commands.add_parser(
        "phone",
        help="call your voice app from the terminal, through the simulator",
        description="Place an inbound call to your voice app through a private simulator: "
        "print what the caller hears as it plays, answer each Gather with keys, show the "
        "webhooks (--verbose), and print a timeline when the call ends. Ctrl-C hangs up. "
        "URL is the app's answer URL, reached over HTTP; --app calls a WSGI or ASGI app "
        "in-process instead.",
        epilog=PHONE_HELP,
        formatter_class=_Formatter,
    )
    phone.add_argument(
        "url",
        nargs="?",
        metavar="URL",
        help="the app's answer URL (the initiate webhook goes there); with --app, a path "
        "(default /)",
    )
    phone.add_argument(
        "--app",
        metavar="MODULE:ATTR",
        help="a WSGI or ASGI app to call in-process, importable from the current directory",
    )
    call = phone.add_argument_group("the call")
    call.add_argument(
        "--to", default="+19195551234", metavar="NUMBER", help="the number called (your app's)"
    )
    call.add_argument(
        "--from",
        dest="from_",
        default="+19195554321",
        metavar="NUMBER",
        help="the caller's number",
    )
    call.add_argument(
        "--answer-method",
        type=_choice_type(("GET", "POST")),
        choices=("GET", "POST"),
        default="POST",
        help="how the initiate webhook is sent (default POST)",
    )
    call.add_argument(
        "--disconnect-url",
        metavar="URL",
        help="where the disconnect webhook goes, absolute or relative to URL (default: URL)",
    )
    call.add_argument(
        "--callback-timeout",
        type=_callback_timeout,
        default=15.0,
        metavar="SECONDS",
        help="how long the app may take to answer a webhook, 1..25 (default 15)",
    )
    auth = phone.add_argument_group(
        "webhook credentials (HTTP Basic, sent when the app challenges with a 401)"
    )
    auth.add_argument("--username", metavar="USER", help="webhook user ($BW_WEBHOOK_USERNAME)")
    auth.add_argument(
        "--password",
        metavar="PASS",
        help="webhook password (visible to others in ps: prefer $BW_WEBHOOK_PASSWORD, the "
        "prompt or --password-stdin)",
    )
    auth.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the webhook password from the first line of stdin",
    )
    keys = phone.add_argument_group("the caller")
    keys.add_argument(
        "--press",
        action="append",
        metavar="KEYS",
        help="the keys pressed at the next Gather, once its prompts have played (repeat: one "
        "per Gather, in order; '' presses none). Stdin is not read",
    )
    pace = keys.add_mutually_exclusive_group()
    pace.add_argument(
        "--fast",
        dest="fast",
        action="store_true",
        default=None,
        help="do not wait in real time: jump from one step to the next (default with --press)",
    )
    pace.add_argument(
        "--real-time",
        dest="fast",
        action="store_false",
        help="play the call in real time (default without --press)",
    )
    keys.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        metavar="FACTOR",
        help="in real time, play this many times faster (default 1; 2 halves every wait)",
    )
    keys.add_argument(
        "--hangup-after",
        type=_seconds,
        default=3600.0,
        metavar="SECONDS",
        help="the caller hangs up after this many seconds of call (default 3600)",
    )
    output = phone.add_argument_group("output")
    output.add_argument(
        "--json",
        action="store_true",
        help="print the timeline as JSON on stdout (the live lines go to stderr)",
    )
    output.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="show every webhook with the app's reply, and every verb, as they happen",
    )

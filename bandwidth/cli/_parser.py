"""The ``bandwidth`` argument parser (standard library only, no SDK imports)."""

from __future__ import annotations

import argparse
import math
import textwrap
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, NoReturn, Optional, Tuple

from bandwidth.cli._fields import WEBHOOK_PASSWORD_FLAG, FieldFlag, ListFlag
from bandwidth.cli._products import VOICE, Product

__all__ = [
    "ENV_HELP",
    "CliError",
    "Operations",
    "UsageError",
    "add_command",
    "add_download_flags",
    "add_field_flags",
    "add_json",
    "add_list_flags",
    "add_operation",
    "add_operations",
    "add_single_command",
    "build_parser",
    "env_help",
]


def env_help(product: Product = VOICE) -> str:
    """The epilog of a command of ``product``: its environment variables and exit statuses."""
    return f"""\
environment:
  BW_USERNAME, BW_PASSWORD   API credentials (HTTP Basic); --username/--password win.
                             Without a password, a terminal prompts for it.
  BW_ACCOUNT_ID              your account id; --account-id wins
  {product.variable:<26} {product.name} base URL; --host wins
                             (default {product.default}).
                             No user:password@ in it: use BW_USERNAME/BW_PASSWORD.

exit status: 0 ok, 1 API or connection error, 2 bad command line or input, 130 interrupted
"""


#: The top-level epilog (the Voice commands' environment).
ENV_HELP = env_help()

WEBHOOK_ENV_HELP = """\
webhook password (for --webhook-username): --webhook-password (visible in ps),
--webhook-password-stdin, the password in --json, else BW_WEBHOOK_PASSWORD, else a terminal
prompts for it.

"""


class CliError(Exception):
    """An expected failure: printed as one ``error: ...`` line, exit status ``code``."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


class UsageError(CliError):
    """A bad command line or bad input (exit status 2); nothing was sent."""

    def __init__(self, message: str, prog: Optional[str] = None) -> None:
        super().__init__(message, 2)
        self.prog = prog


class _Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose errors are one line, raised instead of printed."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message, self.prog)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help at a fixed width; the description is wrapped here, the epilog kept as written."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=34, width=100)

    def add_text(self, text: Optional[str]) -> None:
        if text and text is not argparse.SUPPRESS and "\n" not in text:
            text = textwrap.fill(text, 96)
        super().add_text(text)


def _number(text: str) -> Any:
    """A JSON number: ``30`` stays an int, ``1.5`` is a float; nan/inf are refused."""
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"not a finite number: {text!r}")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def _page_size(most: int) -> Callable[[str], int]:
    def page_size(text: str) -> int:
        value = _integer(text)
        if not 1 <= value <= most:
            raise argparse.ArgumentTypeError(f"must be between 1 and {most}, got {value}")
        return value

    return page_size


def _positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def _seconds(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be more than 0 seconds, got {text!r}")
    return float(value)


def _retries(text: str) -> int:
    value = _integer(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


def _port(text: str) -> int:
    value = _integer(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be between 0 and 65535, got {value}")
    return value


def _user(text: str) -> Tuple[str, str]:
    """``NAME:PASSWORD`` for the simulator's extra users (the password may hold ':')."""
    name, colon, password = text.partition(":")
    if not name or not colon:
        raise argparse.ArgumentTypeError("expected NAME:PASSWORD")
    return name, password


def _basic_name(text: str) -> str:
    """A user name or client id HTTP Basic can carry: not empty, no ':'."""
    if not text or ":" in text:
        raise argparse.ArgumentTypeError("must be non-empty and without ':'")
    return text


def _choice_type(choices: Iterable[str]) -> Callable[[str], str]:
    """Normalise case so ``--answer-method get`` means ``GET``."""
    by_folded = {c.casefold(): c for c in choices}

    def choice(text: str) -> str:
        return by_folded.get(text.casefold(), text)

    return choice


def _add_connection_options(parser: argparse.ArgumentParser, product: Product) -> None:
    parser.set_defaults(host_variable=product.variable)
    group = parser.add_argument_group("connection (flags win over the environment)")
    s = argparse.SUPPRESS
    group.add_argument("--username", default=s, metavar="USER", help="API user ($BW_USERNAME)")
    group.add_argument(
        "--password",
        default=s,
        metavar="PASS",
        help="API password (visible to others in ps: prefer $BW_PASSWORD, the prompt "
        "or --password-stdin)",
    )
    group.add_argument(
        "--password-stdin",
        action="store_true",
        default=s,
        help="read the API password from the first line of stdin (for scripts)",
    )
    group.add_argument(
        "--account-id", default=s, metavar="ID", help="your account id ($BW_ACCOUNT_ID)"
    )
    group.add_argument(
        "--host",
        default=s,
        metavar="URL",
        help=f"{product.name} base URL (${product.variable}; default {product.default})",
    )
    group.add_argument(
        "--timeout",
        default=s,
        type=_seconds,
        metavar="SECONDS",
        help="connect and read timeout per request (default 10 s connect, 30 s read)",
    )
    group.add_argument(
        "--retries",
        default=s,
        type=_retries,
        metavar="N",
        help="retries for failures that are safe to retry (default 3; 0 turns them off)",
    )


def add_field_flags(parser: argparse.ArgumentParser, flags: Iterable[FieldFlag]) -> None:
    """One flag per body field (see :mod:`bandwidth.cli._fields`); only those given are sent."""
    group = parser.add_argument_group("request body fields (only the flags you give are sent)")
    for field in flags:
        kwargs: Dict[str, Any] = {"dest": field.dest, "default": argparse.SUPPRESS}
        help_text = f"{field.help} [{'.'.join(field.wire)}]"
        if field.kind == "bool":
            group.add_argument(
                field.flag, action=argparse.BooleanOptionalAction, help=help_text, **kwargs
            )
            continue
        if field.kind == "list":
            kwargs["nargs"] = "*"
        elif field.kind == "number":
            kwargs["type"] = _number
        elif field.kind == "int":
            kwargs["type"] = _integer
        elif field.kind == "choice":
            kwargs["type"] = _choice_type(field.choices)
            kwargs["choices"] = field.choices
        if field.metavar:
            kwargs["metavar"] = field.metavar
        group.add_argument(field.flag, help=help_text, **kwargs)
        if field.flag == WEBHOOK_PASSWORD_FLAG:
            group.add_argument(
                "--webhook-password-stdin",
                action="store_true",
                default=argparse.SUPPRESS,
                help="read --webhook-password from the first line of stdin",
            )


def add_json(parser: argparse.ArgumentParser, model: str) -> None:
    """``--json FILE|-``: a whole request body, which the flags given override."""
    parser.add_argument(
        "--json",
        metavar="FILE",
        default=None,
        help=f"a full {model} body in wire format (JSON) from FILE, or '-' for stdin; "
        "flags given as well override its keys",
    )


def add_list_flags(
    parser: argparse.ArgumentParser, flags: Iterable[ListFlag], *, all_pages: bool = True
) -> None:
    """A list command's filters; its cursor flag (``--page-token``) and ``--all`` (if
    ``all_pages``) exclude each other."""
    filters = parser.add_argument_group("filters and paging")
    for flag in flags:
        kwargs: Dict[str, Any] = {"dest": flag.parameter, "default": None, "help": flag.help}
        if flag.metavar:
            kwargs["metavar"] = flag.metavar
        if flag.kind == "page_size":
            kwargs["type"] = _page_size(flag.most)
        elif flag.kind == "int":
            kwargs["type"] = _integer
        elif flag.kind == "bool":
            kwargs["action"] = argparse.BooleanOptionalAction
        elif flag.kind == "choice":
            kwargs["type"] = _choice_type(flag.choices)
            kwargs["choices"] = flag.choices
        if flag.kind != "cursor" or not all_pages:
            filters.add_argument(flag.flag, **kwargs)
            continue
        paging = filters.add_mutually_exclusive_group()
        paging.add_argument(flag.flag, **kwargs)
        paging.add_argument(
            "--all", dest="all", action="store_true", help="follow every next page into one array"
        )


def add_download_flags(
    parser: argparse.ArgumentParser, default_name: str = "RECORDING_ID.wav or .mp3 here"
) -> None:
    """Where the media goes (``default_name`` without ``-o``), and the download's own limits."""
    group = parser.add_argument_group("output")
    group.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=None,
        help="write the media to FILE, atomically (complete or not at all); '-' writes it "
        f"to stdout, which must not be a terminal (default: {default_name})",
    )
    group.add_argument(
        "--max-bytes",
        type=_positive,
        default=argparse.SUPPRESS,
        metavar="N",
        help="refuse media longer than N bytes (default 1 GiB)",
    )
    group.add_argument(
        "--deadline",
        type=_seconds,
        default=argparse.SUPPRESS,
        metavar="SECONDS",
        help="give up when the download takes longer (default 3600)",
    )


@dataclass(frozen=True)
class Operations:
    """What :func:`add_operation` adds to: a command's subparsers, and its product."""

    subparsers: argparse._SubParsersAction[Any]
    product: Product


def add_command(
    commands: Any, name: str, help_text: str, description: str, product: Product = VOICE
) -> Operations:
    """An API command (``calls``, ...) with the connection flags; returns its operations."""
    command = add_single_command(commands, name, help_text, description, product)
    return add_operations(command, product)


def add_operations(
    parser: argparse.ArgumentParser, product: Product, dest: str = "operation"
) -> Operations:
    """Operations under ``parser`` (a command, or an operation with its own: ``tfv
    subscriptions``), their name in ``args.<dest>``."""
    subparsers: argparse._SubParsersAction[Any] = parser.add_subparsers(
        dest=dest, metavar=dest.upper(), required=True
    )
    return Operations(subparsers, product)


def add_single_command(
    commands: Any, name: str, help_text: str, description: str, product: Product = VOICE
) -> argparse.ArgumentParser:
    """An API command with the connection flags and no operations of its own (``lookup``)."""
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=env_help(product),
        formatter_class=_Formatter,
    )
    _add_connection_options(command, product)
    return command


def add_operation(
    ops: Operations,
    name: str,
    help_text: str,
    description: str,
    *,
    webhook_password: bool = False,
) -> argparse.ArgumentParser:
    """One operation of an API command, with the connection flags (they go here too)."""
    product = ops.product
    sub: argparse.ArgumentParser = ops.subparsers.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=(WEBHOOK_ENV_HELP if webhook_password else "") + env_help(product),
        formatter_class=_Formatter,
    )
    _add_connection_options(sub, product)
    return sub


def build_parser() -> argparse.ArgumentParser:
    """The ``bandwidth`` parser: API commands, ``simulator``, ``phone`` and ``demo``."""
    from bandwidth._version import __version__
    from bandwidth.cli._api_options import add_api_commands

    parser = _Parser(
        prog="bandwidth",
        description="Bandwidth's APIs from the command line (Voice, Messaging, MFA, Phone "
        "Number Lookup, WebRTC endpoints, Toll-Free Verification), a local Voice simulator, "
        "a phone to call your voice app with, and a demo.",
        epilog=ENV_HELP,
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"bandwidth {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    add_api_commands(commands)

    # -- simulator -----------------------------------------------------------------------
    sim = commands.add_parser(
        "simulator",
        help="run the local simulator of every Bandwidth product in the foreground",
        description="Serve the Voice API on this machine (bandwidth.testing.VoiceSimulator) "
        "until Ctrl-C or SIGTERM. Prints its URL, account and credentials, and the "
        "export lines that point this CLI at it. Calls ring at once and are answered "
        "after 1 s unless --no-auto-progress. Tests in other processes drive calls through "
        "its control routes under /_control (same credentials). Of the environment it "
        "reads only BW_SIMULATOR_PASSWORD and BW_SIMULATOR_CLIENT_SECRET (not the API "
        "commands' BW_* variables).",
        formatter_class=_Formatter,
    )
    sim.add_argument("--port", type=_port, default=0, help="port to listen on (default: any free)")
    sim.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDRESS",
        help="address to listen on (default 127.0.0.1; any other warns: the "
        "credentials are public by default)",
    )
    sim.add_argument(
        "--account-id",
        default="9900000",
        metavar="ID",
        help="the one account it serves (default 9900000)",
    )
    sim.add_argument(
        "--username",
        type=_basic_name,
        default="username",
        metavar="USER",
        help="API user it accepts (default username)",
    )
    sim.add_argument(
        "--password",
        metavar="PASS",
        help="API password it accepts (default password; visible in ps: prefer "
        "BW_SIMULATOR_PASSWORD or --password-stdin)",
    )
    sim.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the API password from the first line of stdin",
    )
    sim.add_argument(
        "--access-token",
        metavar="TOKEN",
        help="a static bearer token it accepts too (default: none)",
    )
    sim.add_argument(
        "--client-id",
        type=_basic_name,
        default="client-id",
        metavar="ID",
        help="OAuth client that gets tokens at /api/v1/oauth2/token (default client-id)",
    )
    sim.add_argument(
        "--client-secret",
        metavar="SECRET",
        help="that client's secret (default client-secret; visible in ps: prefer "
        "BW_SIMULATOR_CLIENT_SECRET or --client-secret-stdin)",
    )
    sim.add_argument(
        "--client-secret-stdin",
        action="store_true",
        help="read the client secret from the first line of stdin",
    )
    sim.add_argument(
        "--user",
        type=_user,
        action="append",
        default=[],
        metavar="NAME:PASSWORD",
        help="another API user it accepts (repeatable)",
    )
    sim.add_argument(
        "--forbidden-user",
        type=_user,
        action="append",
        default=[],
        metavar="NAME:PASSWORD",
        help="a user without Voice access: 403 on every operation (repeatable)",
    )
    sim.add_argument(
        "--auto-progress",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="move calls queued -> initiated -> answered (after 1 s) on their own",
    )
    sim.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="do not print a line per request (method, path, status, time)",
    )
    sim.add_argument(
        "--deliver-webhooks",
        action="store_true",
        help="run call flows: send webhooks over HTTP to the URLs calls give, run the BXML "
        "your app answers (needed for POST /_control/inbound)",
    )
    sim.add_argument(
        "--manual-clock",
        action="store_true",
        help="time stands still until POST /_control/advance moves it (deterministic tests "
        "from another process)",
    )
    sim.add_argument(
        "--record-requests",
        action="store_true",
        help="keep every request for GET /_control/requests (memory grows with traffic)",
    )

    # -- phone ---------------------------------------------------------------------------
    from bandwidth.cli._phone_options import add_phone_command

    add_phone_command(commands)

    # -- demo ----------------------------------------------------------------------------
    commands.add_parser(
        "demo",
        help="walk one call through its whole life on a built-in simulator",
        description="Start a private simulator on 127.0.0.1 and, with the SDK, create a "
        "call, read its state, list calls, replace its BXML, redirect it, hang it up, "
        "and show what the simulator received. Needs no account and no network.",
        formatter_class=_Formatter,
    )
    return parser

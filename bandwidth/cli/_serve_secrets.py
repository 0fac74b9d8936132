"""Where ``bandwidth simulator`` takes its password and client secret from, and a bind warning.

As for the API commands (``_secrets``): a flag still works but warns (``ps``
shows it to every user); ``--password-stdin`` / ``--client-secret-stdin``
read the first line of stdin, and ``BW_SIMULATOR_PASSWORD`` /
``BW_SIMULATOR_CLIENT_SECRET`` are read from the environment. Without any of
them the public defaults apply, which is why listening beyond loopback warns.
"""

from __future__ import annotations

import argparse
import ipaddress
import sys
from typing import Mapping, Optional, Tuple

from bandwidth.cli._parser import UsageError
from bandwidth.cli._secrets import password_from_stdin, warn_visible

__all__ = ["DEFAULT_CLIENT_SECRET", "DEFAULT_PASSWORD", "simulator_secrets", "warn_if_exposed"]

DEFAULT_PASSWORD = "password"
DEFAULT_CLIENT_SECRET = "client-secret"
PROG = "bandwidth simulator"


def _secret(
    given: Optional[str],
    from_stdin: bool,
    flag: str,
    env: Mapping[str, str],
    variable: str,
    default: str,
) -> str:
    if given is not None and from_stdin:
        raise UsageError(f"give {flag} or {flag}-stdin, not both", PROG)
    if given is not None:
        warn_visible(flag, f"use {variable} or {flag}-stdin")
        return given
    if from_stdin:
        return password_from_stdin(PROG, f"{flag}-stdin")
    return env.get(variable) or default


def simulator_secrets(args: argparse.Namespace, env: Mapping[str, str]) -> Tuple[str, str]:
    """The simulator's API password and OAuth client secret: flag, stdin, environment, default."""
    password_stdin = bool(getattr(args, "password_stdin", False))
    secret_stdin = bool(getattr(args, "client_secret_stdin", False))
    if password_stdin and secret_stdin:
        raise UsageError("--password-stdin and --client-secret-stdin cannot both read stdin", PROG)
    password = _secret(
        args.password, password_stdin, "--password", env, "BW_SIMULATOR_PASSWORD", DEFAULT_PASSWORD
    )
    secret = _secret(
        args.client_secret,
        secret_stdin,
        "--client-secret",
        env,
        "BW_SIMULATOR_CLIENT_SECRET",
        DEFAULT_CLIENT_SECRET,
    )
    return password, secret


def _loopback(address: str) -> bool:
    if address.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def warn_if_exposed(address: str) -> None:
    """Warn on stderr (one line) when ``--bind`` listens beyond this machine."""
    if not _loopback(address):
        sys.stderr.write(
            f"warning: --bind {address} is reachable from other machines, and anyone who "
            "reaches it can use the credentials this prints (the defaults are public); "
            "bind 127.0.0.1 unless you mean to share it\n"
        )

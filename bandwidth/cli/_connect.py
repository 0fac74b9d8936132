"""Connecting an API command: its settings, the API password, and its failures as CLI errors.

Shared by ``calls``, ``recordings`` and ``conferences``. Every setting comes
from a flag or a ``BW_*`` variable (the flag wins); the password also from
``--password-stdin`` or a terminal prompt. Imported only when an API command
runs (it loads the SDK).
"""

from __future__ import annotations

import argparse
import contextlib
import re
from typing import Any, Dict, Iterable, Iterator, Mapping, Optional, Tuple

from bandwidth import ApiClient, Configuration
from bandwidth.cli._body import warn_about_body_password_flags
from bandwidth.cli._fields import FieldFlag
from bandwidth.cli._parser import CliError, UsageError
from bandwidth.cli._secrets import interactive, password_from_stdin, prompt_password, warn_visible
from bandwidth.exceptions import ApiException, ApiTypeError, ApiValueError

__all__ = [
    "api_errors",
    "check_stdin_readers",
    "connection",
    "prepare",
    "session",
    "warn_about_password_flag",
]

#: SDK parameter names (as ApiValueError/ApiTypeError name them) -> what the user typed.
PARAMETER_NAMES: Dict[str, str] = {
    "account_id": "--account-id",
    "call_id": "CALL_ID",
    "conference_id": "CONF_ID",
    "member_id": "MEMBER_ID",
    "recording_id": "RECORDING_ID",
    "transcription_id": "TRANSCRIPTION_ID",
    "media_id": "MEDIA_ID",
    "endpoint_id": "ENDPOINT_ID",
    "phone_number": "NUMBER",
    "request_id": "REQUEST_ID",
    "id": "ID",
    "to": "--to",
    "var_from": "--from",
    "name": "--name",
    "min_start_time": "--min-start-time",
    "max_start_time": "--max-start-time",
    "min_created_time": "--min-created-time",
    "max_created_time": "--max-created-time",
    "disconnect_cause": "--disconnect-cause",
    "page_size": "--page-size",
    "page_token": "--page-token",
    "max_bytes": "--max-bytes",
    "deadline": "--deadline",
    "body": "FILE",
    "host": "--host",
}


@contextlib.contextmanager
def api_errors(prog: str, names: Optional[Mapping[str, str]] = None) -> Iterator[None]:
    """Turn the SDK's errors into CLI errors: bad values exit 2, the API's answers exit 1.

    ``names`` overrides :data:`PARAMETER_NAMES` for this command (``call_id``
    is ``--call-id`` in ``recordings list``).
    """
    try:
        yield
    except (ApiValueError, ApiTypeError) as exc:
        raise UsageError(_rename_parameter(str(exc), names or {}), prog) from None
    except ApiException as exc:
        raise CliError(exc.summary(), 1) from None


def prepare(args: argparse.Namespace, prog: str, body_flags: Iterable[FieldFlag] = ()) -> None:
    """What every API command does first: warn about secrets given as flags (``--password``
    and those of ``body_flags``), and check that at most one argument reads stdin."""
    warn_about_password_flag(args)
    warn_about_body_password_flags(args, body_flags)
    check_stdin_readers(args, prog)


@contextlib.contextmanager
def session(
    args: argparse.Namespace,
    env: Mapping[str, str],
    prog: str,
    names: Optional[Mapping[str, str]] = None,
    *,
    account: bool = True,
) -> Iterator[Tuple[ApiClient, str]]:
    """A client and the account id, with the SDK's errors as CLI errors (:func:`api_errors`).

    Enter it after everything else the user typed was checked: it may prompt
    for the password. ``account=False`` for an operation under no account
    (``tfv use-cases``): the account id is then ``""`` unless given.
    """
    configuration, account_id = connection(args, env, prog, account=account)
    with api_errors(prog, names), ApiClient(configuration) as client:
        yield client, account_id


def _rename_parameter(message: str, names: Mapping[str, str]) -> str:
    first, _, rest = message.partition(" ")
    name = names.get(first, PARAMETER_NAMES.get(first))
    return f"{name} {rest}" if name is not None and rest else message


# -- settings --------------------------------------------------------------------------


def _setting(
    args: argparse.Namespace, name: str, env: Mapping[str, str], variable: str
) -> Tuple[Optional[str], str]:
    """A setting from its flag, else from the environment; with where it came from."""
    value = getattr(args, name, None)
    if value is not None:
        return value, "--" + name.replace("_", "-")
    value = env.get(variable) or None
    return value, variable


def connection(
    args: argparse.Namespace, env: Mapping[str, str], prog: str, *, account: bool = True
) -> Tuple[Configuration, str]:
    """The SDK configuration and account id from the flags and ``BW_*`` variables.

    Call it after everything else the user typed was checked: it may prompt
    for the password. With ``account=False`` a missing account id is ``""``.
    """
    username, _ = _setting(args, "username", env, "BW_USERNAME")
    account_id, _ = _setting(args, "account_id", env, "BW_ACCOUNT_ID")
    variable: str = getattr(args, "host_variable", "BW_VOICE_HOST")
    host, host_source = _setting(args, "host", env, variable)
    if host is not None:
        _refuse_credentials_in(host, host_source, prog)
    password = _password(args, env, prog)
    missing = [
        what
        for value, what in (
            (username, "--username or BW_USERNAME"),
            (password, "BW_PASSWORD or --password-stdin"),
            (account_id if account else "", "--account-id or BW_ACCOUNT_ID"),
        )
        if value is None
    ]
    if missing == ["BW_PASSWORD or --password-stdin"] and interactive():
        password = prompt_password("API", username or "", prog)
    elif missing:
        raise UsageError("missing " + ", ".join(missing), prog)
    options: Dict[str, Any] = {"username": username, "password": password}
    if getattr(args, "timeout", None) is not None:
        options["timeout"] = args.timeout
    if getattr(args, "retries", None) is not None:
        options["retries"] = args.retries
    try:
        configuration = Configuration(host=host, **options)
    except (ApiValueError, ApiTypeError) as exc:
        message = str(exc)
        if message.startswith("host "):
            message = f"{host_source}: {message[len('host ') :]}"
        raise UsageError(message, prog) from None
    return configuration, account_id or ""


def _refuse_credentials_in(host: str, source: str, prog: str) -> None:
    """Refuse ``user:password@`` in the base URL, without repeating any of it.

    Credentials belong in BW_USERNAME/BW_PASSWORD, where nothing prints them;
    a URL gets printed (errors, logs, ``ps``) and its userinfo is not how the
    SDK authenticates.
    """
    # By hand, not urlsplit: that raises on some malformed URLs, and they must be refused too.
    after_scheme = re.sub(r"^[A-Za-z][A-Za-z0-9+.-]*:", "", host, count=1)
    authority = re.split(r"[/?#]", after_scheme.lstrip("/"), maxsplit=1)[0]
    if "@" in authority:
        raise UsageError(
            f"{source} must not contain a user or password (user:password@host); "
            "give them with BW_USERNAME and BW_PASSWORD instead",
            prog,
        )


# -- the API password ------------------------------------------------------------------


def warn_about_password_flag(args: argparse.Namespace) -> None:
    """Warn on stderr when the API password is a flag: other users see it in ``ps``.

    The flag keeps working, so existing scripts do; the warning says where
    the secret can come from instead.
    """
    if getattr(args, "password", None) is not None:
        warn_visible("--password", "use BW_PASSWORD, the prompt or --password-stdin")


def _stdin_readers(args: argparse.Namespace) -> Dict[str, bool]:
    """Each argument that may read stdin, and whether it does."""
    return {
        "--password-stdin": bool(getattr(args, "password_stdin", False)),
        "--webhook-password-stdin": bool(getattr(args, "webhook_password_stdin", False)),
        "--json -": getattr(args, "json", None) == "-",
        "FILE '-'": getattr(args, "file", None) == "-",
        "--numbers-from -": getattr(args, "numbers_from", None) == "-",
    }


def check_stdin_readers(args: argparse.Namespace, prog: str) -> None:
    """Refuse two arguments reading stdin, and ``--password`` with ``--password-stdin``."""
    if getattr(args, "password_stdin", False) and getattr(args, "password", None) is not None:
        raise UsageError("give --password or --password-stdin, not both", prog)
    readers = [name for name, reads in _stdin_readers(args).items() if reads]
    if len(readers) > 1:
        raise UsageError(f"{readers[0]} and {readers[1]} cannot both read stdin", prog)


def _password(args: argparse.Namespace, env: Mapping[str, str], prog: str) -> Optional[str]:
    """The password from --password, else --password-stdin, else BW_PASSWORD (or None)."""
    given: Optional[str] = getattr(args, "password", None)
    if given is not None:
        return given
    if getattr(args, "password_stdin", False):
        return password_from_stdin(prog)
    return env.get("BW_PASSWORD") or None

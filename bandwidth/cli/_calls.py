"""``bandwidth calls ...``: the five Calls operations from the command line.

Imported only when a ``calls`` command runs, so ``bandwidth --help`` does not
load pydantic or urllib3.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple, Type, Union
from urllib.parse import parse_qs, urlsplit

from pydantic import ValidationError

from bandwidth import ApiClient, CallsApi, Configuration
from bandwidth.cli._fields import CREATE_FLAGS, UPDATE_FLAGS, FieldFlag
from bandwidth.cli._output import print_json, printable, write_json_array
from bandwidth.cli._parser import CliError, UsageError
from bandwidth.cli._secrets import interactive, password_from_stdin, prompt_password, warn_visible
from bandwidth.exceptions import ApiException, ApiTypeError, ApiValueError, RequestValidationError
from bandwidth.models import CreateCall, UpdateCall
from bandwidth.models._base import RequestModel

__all__ = ["run_calls"]

#: SDK parameter names (as they appear in ApiValueError/ApiTypeError) -> what the user typed.
_PARAMETER_NAMES = {
    "account_id": "--account-id",
    "call_id": "CALL_ID",
    "to": "--to",
    "var_from": "--from",
    "min_start_time": "--min-start-time",
    "max_start_time": "--max-start-time",
    "disconnect_cause": "--disconnect-cause",
    "page_size": "--page-size",
    "page_token": "--page-token",
    "body": "FILE",
    "host": "--host",
}


def run_calls(args: argparse.Namespace, environ: Optional[Mapping[str, str]] = None) -> int:
    """Run one ``calls`` operation; raises :class:`CliError` for expected failures."""
    env = os.environ if environ is None else environ
    operation: str = args.operation
    prog = f"bandwidth calls {operation}"
    _warn_about_secret_flags(args)
    _check_password_stdin(args, prog)
    # Everything the user typed is checked before anything is sent.
    request: Any = None
    if operation == "create":
        request = _build_body(args, CreateCall, CREATE_FLAGS, prog)
    elif operation == "update":
        request = _build_body(args, UpdateCall, UPDATE_FLAGS, prog)
        if not request.to_dict():
            raise UsageError("nothing to update: give --state, --redirect-url, ... or --json", prog)
    elif operation == "bxml":
        request = _read_input(args.file, "FILE", prog)
        if not request.strip():
            raise UsageError(f"FILE {args.file!r} is empty: expected a BXML document", prog)
    configuration, account_id = _connection(args, env, prog)

    try:
        with ApiClient(configuration) as client:
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
    except (ApiValueError, ApiTypeError) as exc:
        raise UsageError(_rename_parameter(str(exc)), prog) from None
    except ApiException as exc:
        raise CliError(exc.summary(), 1) from None
    return 0


# -- connection ------------------------------------------------------------------------


def _setting(
    args: argparse.Namespace, name: str, env: Mapping[str, str], variable: str
) -> Tuple[Optional[str], str]:
    """A setting from its flag, else from the environment; with where it came from."""
    value = getattr(args, name, None)
    if value is not None:
        return value, "--" + name.replace("_", "-")
    value = env.get(variable) or None
    return value, variable


def _connection(
    args: argparse.Namespace, env: Mapping[str, str], prog: str
) -> Tuple[Configuration, str]:
    username, _ = _setting(args, "username", env, "BW_USERNAME")
    account_id, _ = _setting(args, "account_id", env, "BW_ACCOUNT_ID")
    host, host_source = _setting(args, "host", env, "BW_VOICE_HOST")
    if host is not None:
        _refuse_credentials_in(host, host_source, prog)
    password = _password(args, env, prog)
    missing = [
        what
        for value, what in (
            (username, "--username or BW_USERNAME"),
            (password, "BW_PASSWORD or --password-stdin"),
            (account_id, "--account-id or BW_ACCOUNT_ID"),
        )
        if value is None
    ]
    if missing == ["BW_PASSWORD or --password-stdin"] and interactive():
        password = prompt_password("API", username or "", prog)
    elif missing:
        raise UsageError("missing " + ", ".join(missing), prog)
    assert account_id is not None
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
    return configuration, account_id


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


# -- the password ----------------------------------------------------------------------


def _warn_about_secret_flags(args: argparse.Namespace) -> None:
    """Warn on stderr for each password given as a flag: other users see it in ``ps``.

    The flags keep working, so existing scripts do; the warning says where
    the secret can come from instead.
    """
    if getattr(args, "password", None) is not None:
        warn_visible("--password", "use BW_PASSWORD, the prompt or --password-stdin")
    fields = CREATE_FLAGS if args.operation == "create" else UPDATE_FLAGS
    for field in fields:
        if "password" in field.wire[-1].lower() and hasattr(args, field.dest):
            warn_visible(field.flag, "put it in the --json file instead")


def _reads_stdin(args: argparse.Namespace) -> Optional[str]:
    """The argument that reads stdin (``--json -``, ``FILE`` as ``-``), if any."""
    if getattr(args, "json", None) == "-":
        return "--json -"
    if args.operation == "bxml" and args.file == "-":
        return "FILE '-'"
    return None


def _check_password_stdin(args: argparse.Namespace, prog: str) -> None:
    if not getattr(args, "password_stdin", False):
        return
    if getattr(args, "password", None) is not None:
        raise UsageError("give --password or --password-stdin, not both", prog)
    other = _reads_stdin(args)
    if other is not None:
        raise UsageError(f"--password-stdin and {other} cannot both read stdin", prog)


def _password(args: argparse.Namespace, env: Mapping[str, str], prog: str) -> Optional[str]:
    """The password from --password, else --password-stdin, else BW_PASSWORD (or None)."""
    given: Optional[str] = getattr(args, "password", None)
    if given is not None:
        return given
    if getattr(args, "password_stdin", False):
        return password_from_stdin(prog)
    return env.get("BW_PASSWORD") or None


# -- request bodies --------------------------------------------------------------------


def _read_input(path: str, what: str, prog: str) -> bytes:
    """The bytes of ``path``, or of stdin for ``-``."""
    if path == "-":
        stream = sys.stdin
        buffer = getattr(stream, "buffer", None)
        return buffer.read() if buffer is not None else stream.read().encode("utf-8")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise UsageError(f"{what}: cannot read {path!r}: {exc.strerror or exc}", prog) from None


def _build_body(
    args: argparse.Namespace,
    model: Type[RequestModel],
    flags: Iterable[FieldFlag],
    prog: str,
) -> Any:
    """The request model from ``--json`` (if given) overlaid with the flags given."""
    flags = tuple(flags)
    body: Dict[str, Any] = {}
    json_path: Optional[str] = args.json
    if json_path is not None:
        raw = _read_input(json_path, "--json", prog)
        try:
            loaded = json.loads(raw)
        except ValueError as exc:
            raise UsageError(f"--json: not valid JSON ({exc})", prog) from None
        if not isinstance(loaded, dict):
            raise UsageError("--json: expected a JSON object", prog)
        body = loaded
    given: Set[Tuple[str, ...]] = set()
    for field in flags:
        if not hasattr(args, field.dest):
            continue
        value = getattr(args, field.dest)
        target = body
        for key in field.wire[:-1]:
            inner = target.get(key)
            if inner is None:
                inner = target[key] = {}
            elif not isinstance(inner, dict):
                raise UsageError(
                    f"--json: {key} must be an object to combine with {field.flag}", prog
                )
            target = inner
        target[field.wire[-1]] = value
        given.add(field.wire)
    try:
        # check=True: the value checks create_call/update_call would run, now, all at once
        return model.from_dict(body, check=True)
    except (ValidationError, RequestValidationError) as exc:
        raise UsageError(
            _describe(exc, flags, given, from_json=json_path is not None), prog
        ) from None


def _describe(
    exc: Union[ValidationError, RequestValidationError],
    flags: Tuple[FieldFlag, ...],
    given: Set[Tuple[str, ...]],
    *,
    from_json: bool,
) -> str:
    """One line naming the flag (or ``--json`` key) behind each validation error."""
    by_wire = {field.wire: field for field in flags}
    parts: List[str] = []
    for error in exc.errors():
        loc = tuple(str(p) for p in error["loc"])
        message = str(error["msg"])
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        field = by_wire.get(loc)
        if error["type"] == "missing":
            name = field.flag if field is not None else ".".join(loc)
            hint = f' (or "{".".join(loc)}" in --json)' if from_json else ""
            parts.append(f"{name} is required{hint}")
        elif not loc:
            if not from_json:
                message = _wire_names_to_flags(message, flags)
            parts.append(message)
        elif field is not None and (loc in given or not from_json):
            parts.append(f"{field.flag}: {message}")
        else:
            parts.append(f"--json: {'.'.join(loc)}: {message}")
    return "; ".join(parts)


def _wire_names_to_flags(message: str, flags: Tuple[FieldFlag, ...]) -> str:
    names = {field.wire[0]: field.flag for field in flags if len(field.wire) == 1}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    return pattern.sub(lambda m: names[m.group(1)], message)


def _rename_parameter(message: str) -> str:
    first, _, rest = message.partition(" ")
    name = _PARAMETER_NAMES.get(first)
    return f"{name} {rest}" if name is not None and rest else message


# -- list ------------------------------------------------------------------------------


def _list(api: CallsApi, account_id: str, args: argparse.Namespace) -> None:
    filters: Dict[str, Any] = {
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
    write_json_array(response.data or [])
    token = _next_page_token(response.headers.getlist("Link"))
    if token is not None:
        token = printable(token)  # from the server's Link header
        sys.stderr.write(f"more calls: add --page-token {token} for the next page, or --all\n")


def _next_page_token(links: List[str]) -> Optional[str]:
    from bandwidth._links import next_link

    link = next_link(links, "http://placeholder/")
    if link is None:
        return None
    tokens = parse_qs(urlsplit(link).query).get("pageToken")
    return tokens[0] if tokens else None

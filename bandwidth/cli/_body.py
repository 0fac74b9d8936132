"""Request bodies from ``--json`` and the field flags, checked by the SDK's models.

A body is ``--json``'s object (if given) overlaid with the flags given, then
checked as strictly as the SDK checks it before sending; every problem is
reported on one line naming the flag or ``--json`` key at fault, values not
echoed.

The webhook password (``--webhook-password``: the body's ``password``, or
``basicAuthentication.password`` of a toll-free verification subscription,
which Bandwidth sends with the webhook user to your webhooks) has the API
password's ways in too, so it need not be visible in ``ps``:
``--webhook-password-stdin``, then ``BW_WEBHOOK_PASSWORD`` or a terminal
prompt when a webhook user is given without one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any, Dict, Iterable, List, Mapping, Optional, Set, Tuple, Type, Union

from pydantic import ValidationError

from bandwidth.cli._fields import WEBHOOK_PASSWORD_FLAG, WEBHOOK_USER_FLAG, FieldFlag
from bandwidth.cli._parser import UsageError
from bandwidth.cli._secrets import interactive, password_from_stdin, prompt_password, warn_visible
from bandwidth.exceptions import RequestValidationError
from bandwidth.models._base import RequestModel

__all__ = [
    "build_body",
    "is_secret_field",
    "read_bxml",
    "read_input",
    "warn_about_body_password_flags",
]

_ABSENT = object()


def is_secret_field(field: FieldFlag) -> bool:
    """Whether the field holds a secret (a password, a shared secret): never a visible flag."""
    name = field.wire[-1].lower()
    return "password" in name or "secret" in name


def read_input(path: str, what: str, prog: str) -> bytes:
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


def read_bxml(path: str, prog: str) -> bytes:
    """The BXML document in FILE (``-``: stdin), sent byte for byte; empty is refused."""
    document = read_input(path, "FILE", prog)
    if not document.strip():
        raise UsageError(f"FILE {path!r} is empty: expected a BXML document", prog)
    return document


def warn_about_body_password_flags(args: argparse.Namespace, flags: Iterable[FieldFlag]) -> None:
    """Warn on stderr for each body password given as a flag (visible in ``ps``)."""
    for field in flags:
        if not is_secret_field(field) or not hasattr(args, field.dest):
            continue
        if field.flag == WEBHOOK_PASSWORD_FLAG:
            advice = (
                "use BW_WEBHOOK_PASSWORD, the prompt or --webhook-password-stdin, "
                "or put it in the --json file instead"
            )
        else:
            advice = "put it in the --json file instead"
        warn_visible(field.flag, advice)


def build_body(
    args: argparse.Namespace,
    model: Type[RequestModel],
    flags: Iterable[FieldFlag],
    prog: str,
    env: Mapping[str, str],
    defaults: Optional[Mapping[str, Any]] = None,
) -> Any:
    """The request model from ``--json`` (if given) overlaid with the flags given.

    ``defaults`` fills top-level wire fields that neither gave (the CLI's own
    defaults, such as ``mfa``'s ``digits``).
    """
    flags = tuple(flags)
    body: Dict[str, Any] = {}
    json_path = getattr(args, "json", None)
    if json_path is not None:
        raw = read_input(json_path, "--json", prog)
        try:
            loaded = json.loads(raw)
        except ValueError as exc:
            raise UsageError(f"--json: not valid JSON ({exc})", prog) from None
        if not isinstance(loaded, dict):
            raise UsageError("--json: expected a JSON object", prog)
        body = loaded
    given: Set[Tuple[str, ...]] = set()
    for field in flags:
        if hasattr(args, field.dest):
            _put(body, field.wire, field.flag, getattr(args, field.dest), prog)
            given.add(field.wire)
    for key, value in (defaults or {}).items():
        body.setdefault(key, value)
    sources: Dict[Tuple[str, ...], str] = {}
    by_flag = {field.flag: field for field in flags}
    password = by_flag.get(WEBHOOK_PASSWORD_FLAG)
    if password is not None:
        user = by_flag[WEBHOOK_USER_FLAG]
        source = _add_webhook_password(args, body, user.wire, password, given, env, prog)
        if source is not None:
            sources[password.wire] = source
    try:
        # check=True: the value checks the SDK runs before sending, now, all at once
        return model.from_dict(body, check=True)
    except (ValidationError, RequestValidationError) as exc:
        described = _describe(exc, flags, given, sources, from_json=json_path is not None)
        raise UsageError(described, prog) from None


def _put(body: Dict[str, Any], wire: Tuple[str, ...], flag: str, value: Any, prog: str) -> None:
    target = body
    for key in wire[:-1]:
        inner = target.get(key)
        if inner is None:
            inner = target[key] = {}
        elif not isinstance(inner, dict):
            raise UsageError(f"--json: {key} must be an object to combine with {flag}", prog)
        target = inner
    target[wire[-1]] = value


def _get(body: Mapping[str, Any], wire: Tuple[str, ...], absent: Any = None) -> Any:
    """The value at ``wire`` in ``body``, or ``absent`` when it (or an object on the way) is not
    there."""
    value: Any = body
    for key in wire:
        if not isinstance(value, Mapping) or key not in value:
            return absent
        value = value[key]
    return value


def _add_webhook_password(
    args: argparse.Namespace,
    body: Dict[str, Any],
    user_wire: Tuple[str, ...],
    password: FieldFlag,
    given: Set[Tuple[str, ...]],
    env: Mapping[str, str],
    prog: str,
) -> Optional[str]:
    """Fill the webhook password from stdin, ``BW_WEBHOOK_PASSWORD`` or a prompt.

    ``--webhook-password-stdin`` is a flag like ``--webhook-password`` (it
    overrides ``--json``). The environment and the prompt only fill a
    password nothing else gave, for a webhook user that is given. Returns
    where the password came from (for errors), or ``None`` if from none of these.
    """
    if getattr(args, "webhook_password_stdin", False):
        if password.wire in given:
            raise UsageError("give --webhook-password or --webhook-password-stdin, not both", prog)
        secret = password_from_stdin(prog, "--webhook-password-stdin")
        _put(body, password.wire, password.flag, secret, prog)
        return "--webhook-password-stdin"
    user = _get(body, user_wire)
    if _get(body, password.wire, _ABSENT) is not _ABSENT or not isinstance(user, str) or not user:
        return None
    from_env = env.get("BW_WEBHOOK_PASSWORD") or None
    if from_env is not None:
        _put(body, password.wire, password.flag, from_env, prog)
        return "BW_WEBHOOK_PASSWORD"
    if interactive():
        _put(body, password.wire, password.flag, prompt_password("webhook", user, prog), prog)
        return "the webhook password"
    return None


def _describe(
    exc: Union[ValidationError, RequestValidationError],
    flags: Tuple[FieldFlag, ...],
    given: Set[Tuple[str, ...]],
    sources: Mapping[Tuple[str, ...], str],
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
        item = _list_item(loc, message, by_wire)
        if item is not None:
            field, position, message = item
            if field.wire in given or not from_json:
                parts.append(f"{field.flag} (value {position}): {message}")
                continue
        if error["type"] == "missing":
            name = field.flag if field is not None else ".".join(loc)
            hint = f' (or "{".".join(loc)}" in --json)' if from_json else ""
            parts.append(f"{name} is required{hint}")
        elif loc in sources:
            parts.append(f"{sources[loc]}: {message}")
        elif not loc:
            if not from_json:
                message = _wire_names_to_flags(message, flags)
            parts.append(message)
        elif field is not None and (loc in given or not from_json):
            parts.append(f"{field.flag}: {message}")
        else:
            parts.append(f"--json: {'.'.join(loc)}: {message}")
    return "; ".join(parts)


#: How the models name a list's value at fault: ``item 0: ...`` (counted from 0).
_ITEM = re.compile(r"item (\d+): (.*)", re.DOTALL)


def _list_item(
    loc: Tuple[str, ...], message: str, by_wire: Mapping[Tuple[str, ...], FieldFlag]
) -> Optional[Tuple[FieldFlag, int, str]]:
    """The list flag, the 1-based position of the value an error is about (``--to``'s 2nd)
    and the message without the position, or ``None`` when the error is not about one value.

    pydantic puts the index in ``loc`` (``("to", 1)``), the models' value checks at
    the start of the message (``item 1: ...``).
    """
    field = by_wire.get(loc)
    matched = _ITEM.fullmatch(message)
    if field is not None and field.kind == "list" and matched is not None:
        return field, int(matched.group(1)) + 1, matched.group(2)
    field = by_wire.get(loc[:-1])
    if field is not None and field.kind == "list" and loc[-1].isdigit():
        return field, int(loc[-1]) + 1, message
    return None


def _wire_names_to_flags(message: str, flags: Tuple[FieldFlag, ...]) -> str:
    names = {field.wire[0]: field.flag for field in flags if len(field.wire) == 1}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    return pattern.sub(lambda m: names[m.group(1)], message)

"""Where the CLI's passwords come from: the environment, a prompt, or the first line of stdin.

A password given as a flag is visible to every user of the machine (``ps``),
so the flags still work but warn; the environment, a terminal prompt (not
echoed) and ``--password-stdin`` do not show it anywhere.
"""

from __future__ import annotations

import sys

from bandwidth.cli._output import printable
from bandwidth.cli._parser import UsageError

__all__ = ["MAX_PASSWORD", "interactive", "password_from_stdin", "prompt_password", "warn_visible"]

#: Longest password line --password-stdin reads (a bound on what it buffers).
MAX_PASSWORD = 4096


def warn_visible(flag: str, advice: str) -> None:
    """Warn on stderr that ``flag``'s value is visible to other users (``ps``)."""
    sys.stderr.write(f"warning: {flag} is visible to other users of this machine (ps); {advice}\n")


def password_from_stdin(prog: str, flag: str = "--password-stdin") -> str:
    """The first line of stdin, without its line ending (``printf '%s\\n' "$PW" | ...``).

    ``flag`` is the option that asked for it, named in the errors.
    """
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    raw = buffer.readline(MAX_PASSWORD + 2) if buffer is not None else None
    line = raw if raw is not None else stream.readline(MAX_PASSWORD + 2).encode("utf-8")
    password = line.removesuffix(b"\n").removesuffix(b"\r")
    if len(password) > MAX_PASSWORD:
        raise UsageError(f"{flag}: longer than {MAX_PASSWORD} bytes", prog)
    if not password:
        raise UsageError(f"{flag}: the first line of stdin is empty", prog)
    try:
        return password.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{flag}: the password is not UTF-8", prog) from None


def interactive() -> bool:
    """Whether a person is there to type (stdin is a terminal)."""
    isatty = getattr(sys.stdin, "isatty", None)
    return bool(isatty is not None and isatty())


def prompt_password(what: str, username: str, prog: str) -> str:
    """Ask the terminal for ``what`` password of ``username`` (not echoed); empty is refused."""
    import getpass

    try:
        password = getpass.getpass(f"{what} password for {printable(username)}: ")
    except EOFError:
        password = ""
    if not password:
        raise UsageError("no password given", prog)
    return password

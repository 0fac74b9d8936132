"""What the CLI prints: JSON in the API's wire format with secrets masked, and safe text.

Text that came from a server reaches a terminal, so no character that a
terminal acts on is printed as it is: control characters (C0, DEL, C1, of
which ESC and CSI start escape sequences) and the bidirectional-text controls
that can reorder what is shown. JSON keeps them losslessly as ``\\uXXXX``
escapes; a line of text (an error, a note) drops them.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any, Iterable, List, Optional
from urllib.parse import parse_qs, urlsplit

__all__ = [
    "note_next_page",
    "print_data",
    "print_json",
    "printable",
    "wire",
    "write_json_array",
    "write_page",
]

#: Characters a terminal may act on besides C0 (U+0000-U+001F): DEL, C1, bidi controls.
_CONTROLS = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: In JSON, ``json.dumps`` has already escaped C0 inside strings (and the layout uses ``\n``).
_UNSAFE_IN_JSON = re.compile(f"[{_CONTROLS}]")
_UNSAFE_IN_TEXT = re.compile(rf"[\x00-\x1f{_CONTROLS}]")

#: How the API itself masks passwords it echoes back.
_MASK = "*****"


def _secret(key: Any) -> bool:
    """A ``...password...`` or ``...secret...`` key (``sharedSecretKey``).

    Not ``...token...``: the tokens the API answers with (an endpoint's
    token, a next page's token) are what the command is run for.
    """
    return isinstance(key, str) and ("password" in key.lower() or "secret" in key.lower())


def _mask(value: Any) -> Any:
    """``value`` with every non-null secret key masked, recursively."""
    if isinstance(value, dict):
        return {
            key: _MASK if item is not None and _secret(key) else _mask(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_mask(item) for item in value]
    return value


def wire(model: Any) -> Any:
    """A model as plain JSON data in wire format (exactly what ``to_json()`` writes), masked."""
    return _mask(json.loads(model.to_json()))


def printable(text: str) -> str:
    """``text`` without the characters a terminal would act on (see the module docstring)."""
    return _UNSAFE_IN_TEXT.sub("", text)


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _dumps(value: Any) -> str:
    """Indented JSON; non-ASCII text stays readable, terminal controls become ``\\uXXXX``."""
    # Outside its strings JSON text is ASCII, so every match is inside a string.
    return _UNSAFE_IN_JSON.sub(_escape, json.dumps(value, indent=2, ensure_ascii=False))


def print_json(model: Any) -> None:
    """Print one model as indented wire-format JSON on stdout."""
    print_data(wire(model))


def print_data(value: Any) -> None:
    """Print plain JSON data (masked) on stdout, indented, terminal controls escaped."""
    sys.stdout.write(_dumps(_mask(value)) + "\n")


def write_json_array(models: Iterable[Any]) -> None:
    """Stream models as one indented JSON array, item by item.

    The text is identical to :func:`print_json`'s for the whole list. Nothing is
    written until the first item (or the end) arrives, so a failing first
    request leaves stdout empty.
    """
    out = sys.stdout
    count = 0
    for model in models:
        item = _dumps(wire(model)).replace("\n", "\n  ")
        out.write(("[\n  " if count == 0 else ",\n  ") + item)
        count += 1
    out.write("\n]\n" if count else "[]\n")


def write_page(response: Any, what: str) -> None:
    """Print one page of a list (an ``ApiResponse``) as a JSON array, and the next-page note.

    When the page's ``Link`` header has a next page, one line on stderr gives
    its ``pageToken``: ``more WHAT: add --page-token TOKEN for the next page, or --all``.
    """
    write_json_array(response.data or [])
    token = _next_page_token(response.headers.getlist("Link"))
    if token is not None:
        note_next_page(what, "--page-token", token)


def note_next_page(what: str, flag: str, token: str, *, all_pages: bool = True) -> None:
    """One line on stderr: ``more WHAT: add FLAG TOKEN for the next page[, or --all]``.

    ``token`` came from the server, so what a terminal would act on is left out.
    """
    tail = ", or --all" if all_pages else ""
    sys.stderr.write(f"more {what}: add {flag} {printable(token)} for the next page{tail}\n")


def _next_page_token(links: List[str]) -> Optional[str]:
    from bandwidth._links import next_link

    link = next_link(links, "http://placeholder/")
    if link is None:
        return None
    tokens = parse_qs(urlsplit(link).query).get("pageToken")
    return tokens[0] if tokens else None

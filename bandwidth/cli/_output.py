"""JSON output in the API's wire format, with secrets masked."""

from __future__ import annotations

import json
import sys
from typing import Any, Iterable

__all__ = ["print_json", "wire", "write_json_array"]

#: How the API itself masks passwords it echoes back.
_MASK = "*****"


def _mask(value: Any) -> Any:
    """``value`` with every non-null ``...password...`` key masked, recursively."""
    if isinstance(value, dict):
        return {
            key: _MASK
            if item is not None and isinstance(key, str) and "password" in key.lower()
            else _mask(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_mask(item) for item in value]
    return value


def wire(model: Any) -> Any:
    """A model as plain JSON data in wire format (exactly what ``to_json()`` writes), masked."""
    return _mask(json.loads(model.to_json()))


def _dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def print_json(model: Any) -> None:
    """Print one model as indented wire-format JSON on stdout."""
    sys.stdout.write(_dumps(wire(model)) + "\n")


def write_json_array(models: Iterable[Any]) -> None:
    """Stream models as one indented JSON array, item by item.

    The text is identical to ``json.dumps(list, indent=2)``. Nothing is
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

"""The spec's own webhook examples (``components/examples``), read from ``spec/bandwidth.yml``."""

from __future__ import annotations

import copy
import functools
from pathlib import Path
from typing import Any, Dict

import yaml

SPEC = Path(__file__).resolve().parents[2] / "spec" / "bandwidth.yml"


@functools.cache
def _examples() -> Dict[str, Any]:
    examples: Dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["components"][
        "examples"
    ]
    return examples


def spec_example(name: str) -> Dict[str, Any]:
    """A fresh copy of ``components/examples/{name}``'s ``value``."""
    value: Dict[str, Any] = copy.deepcopy(_examples()[name]["value"])
    return value

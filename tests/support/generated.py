"""The models ``tools/generate_models.py`` writes (every API's but Voice's), by their header."""

from __future__ import annotations

from pathlib import Path
from typing import FrozenSet

import bandwidth.models

#: the first line of every generated module
HEADER = "# Generated from spec/bandwidth.yml"


def _generated() -> FrozenSet[str]:
    folder = Path(bandwidth.models.__file__).parent
    names = set()
    for name, module in bandwidth.models._MODULES.items():
        path = folder / f"{module}.py"
        if path.exists() and path.read_text(encoding="utf-8").startswith(HEADER):
            names.add(name)
    return frozenset(names)


#: class names of the generated models
GENERATED_MODELS = _generated()

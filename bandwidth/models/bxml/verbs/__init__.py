"""The verb classes, one module per family (audio, gather, transfer, ...).

Import them from :mod:`bandwidth.models.bxml` (``from
bandwidth.models.bxml.verbs import SpeakSentence`` works too, as in the
official SDK). Each module loads on first use, so using one verb stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any, List

#: every module defining verbs (``_parse`` loads them all to know every element)
VERB_MODULES = (
    "audio",
    "conference",
    "connect",
    "control",
    "gather",
    "recording",
    "stream",
    "transfer",
)


def __getattr__(name: str) -> Any:
    package = importlib.import_module("bandwidth.models.bxml")
    module = package._MODULES.get(name, "")
    if not module.startswith(__name__ + "."):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(package, name)


def __dir__() -> List[str]:
    package = importlib.import_module("bandwidth.models.bxml")
    names = [n for n, m in package._MODULES.items() if m.startswith(__name__ + ".")]
    return sorted(set(globals()) | set(names))

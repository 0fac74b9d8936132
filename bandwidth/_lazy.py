"""Lazy package exports (PEP 562): a public name's module is imported on first use.

Every package of the SDK exposes its names this way, so ``import bandwidth``
costs almost nothing and using ``CallsApi`` never loads the simulator, the
BXML builder or the callbacks.
"""

from __future__ import annotations

import importlib
from typing import Any, Callable, Dict, List, Mapping, Tuple


def lazy_exports(
    package: str, modules: Mapping[str, str], namespace: Dict[str, Any]
) -> Tuple[Callable[[str], Any], Callable[[], List[str]]]:
    """``(__getattr__, __dir__)`` for ``package``, whose ``modules`` map names to modules.

    A module is given in full (``bandwidth.models.call_state``) or relative to
    the package (``call_state``). A value, once imported, is cached in the
    package's ``namespace`` so later lookups are plain attribute reads.
    """

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        if not module.startswith("bandwidth"):
            module = f"{package}.{module}"
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> List[str]:
        return sorted(set(namespace) | set(namespace.get("__all__", ())))

    return __getattr__, __dir__

"""Every lazily exporting package says the same thing three ways, and this test holds them equal.

A package that imports its names on first use (``bandwidth._lazy``) keeps a
table of name -> module for run time, a literal ``__all__`` for linters and
``import *``, and ``if TYPE_CHECKING:`` imports for type checkers. The three
must list the same names, the type checkers must be told the module the name
really comes from, and every name must resolve at run time to the object its
module defines.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

import bandwidth

ROOT = Path(bandwidth.__file__).resolve().parent


def _lazy_packages() -> List[str]:
    found = []
    for info in pkgutil.walk_packages([str(ROOT)], prefix="bandwidth."):
        if info.ispkg:
            source = ROOT.joinpath(*info.name.split(".")[1:], "__init__.py")
            if "lazy_exports(" in source.read_text(encoding="utf-8"):
                found.append(info.name)
    if "lazy_exports(" in (ROOT / "__init__.py").read_text(encoding="utf-8"):
        found.insert(0, "bandwidth")
    return found


PACKAGES = _lazy_packages()


def _table(package: str) -> Dict[str, str]:
    """The run-time table: public name -> defining module (absolute)."""
    module = importlib.import_module(package)
    table = getattr(module, "_MODULES", None) or module._EXPORTS
    return {
        name: target if target.startswith("bandwidth") else f"{package}.{target}"
        for name, target in table.items()
    }


def _type_checking_imports(package: str) -> Dict[str, Tuple[str, str]]:
    """Names the ``if TYPE_CHECKING:`` block imports: name -> (module, original name)."""
    path = ROOT.joinpath(*package.split(".")[1:], "__init__.py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: Dict[str, Tuple[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in ast.walk(node):
                if isinstance(statement, ast.ImportFrom) and statement.module:
                    for alias in statement.names:
                        names[alias.asname or alias.name] = (statement.module, alias.name)
    return names


def test_the_lazy_packages_are_found() -> None:
    assert {"bandwidth", "bandwidth.models", "bandwidth.models.bxml"} <= set(PACKAGES)
    assert {"bandwidth.callbacks", "bandwidth.testing"} <= set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_table_all_and_type_checking_imports_name_the_same_things(package: str) -> None:
    table = _table(package)
    declared = importlib.import_module(package).__all__
    assert len(declared) == len(set(declared)), f"{package}.__all__ repeats a name"
    eager = {name for name in declared if name.startswith("__")}  # __version__, defined in place
    assert set(declared) - eager == set(table), f"{package}: __all__ and the lazy table differ"
    assert set(_type_checking_imports(package)) == set(table), (
        f"{package}: the TYPE_CHECKING imports and the lazy table differ"
    )


@pytest.mark.parametrize("package", PACKAGES)
def test_each_name_resolves_to_what_type_checkers_are_told(package: str) -> None:
    module = importlib.import_module(package)
    imports = _type_checking_imports(package)
    for name, target in _table(package).items():
        value = getattr(module, name)
        assert getattr(importlib.import_module(target), name) is value, (package, name)
        source, original = imports[name]
        assert getattr(importlib.import_module(source), original) is value, (package, name)


@pytest.mark.parametrize("package", PACKAGES)
def test_every_public_exception_shares_the_sdk_root(package: str) -> None:
    from bandwidth.exceptions import OpenApiException

    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert issubclass(value, OpenApiException), f"{package}.{name}"

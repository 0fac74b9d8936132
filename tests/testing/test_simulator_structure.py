"""The simulator's house keeps its shape: no import tangles, small modules, unique names.

Read from the source with ``ast`` (nothing is imported), counting every
import: module level, under ``TYPE_CHECKING`` and inside functions. The
rooms and who may call whom are described in ``docs/simulator.md``
("Architecture").
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import bandwidth

PACKAGE = Path(bandwidth.__file__).resolve().parent
HOUSE = PACKAGE / "testing"
DOTTED = "bandwidth.testing"
MAX_LINES = 500


def _modules() -> Dict[str, Path]:
    found = {}
    for path in sorted(HOUSE.rglob("*.py")):
        parts = [p for p in path.relative_to(HOUSE).with_suffix("").parts if p != "__init__"]
        found[".".join([DOTTED, *parts])] = path
    return found


def _imported(module: str, path: Path, known: Dict[str, Path]) -> Iterator[str]:
    """Every module of the house that ``module`` imports, however and wherever it does."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: List[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        for name in names:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != module:
                yield name


def _graph() -> Dict[str, Set[str]]:
    known = _modules()
    return {module: set(_imported(module, path, known)) for module, path in known.items()}


def _cycles(graph: Dict[str, Set[str]]) -> List[List[str]]:
    """The strongly connected groups of more than one module (Tarjan, without recursion)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    groups: List[List[str]] = []
    counter = 0
    for root in graph:
        if root in index:
            continue
        work: List[Tuple[str, Iterator[str]]] = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_the_checker_sees_a_cycle_through_a_function_level_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    found = dict(_graph())
    assert "bandwidth.testing._voice.interpreter" in found["bandwidth.testing._voice.verbs.gather"]


def test_no_import_cycle_is_larger_than_a_pair_in_one_room() -> None:
    for group in _cycles(_graph()):
        rooms = {member.rpartition(".")[0] for member in group}
        assert len(group) <= 2 and len(rooms) == 1, f"import cycle: {group}"


def test_the_core_knows_no_product_and_no_room_imports_the_facade() -> None:
    upper = {
        f"{DOTTED}.{name}" for name in ("simulator", "_facade", "_composition", "_control_client")
    }
    for module, imported in _graph().items():
        if module.startswith(f"{DOTTED}._core"):
            products = {m for m in imported if not m.startswith(f"{DOTTED}._core")}
            assert not products, f"{module} imports {sorted(products)}"
        if module.startswith((f"{DOTTED}._core", f"{DOTTED}._voice")):
            assert not imported & upper, f"{module} imports {sorted(imported & upper)}"


def test_no_module_of_the_simulator_is_long() -> None:
    long = {
        str(path.relative_to(HOUSE)): lines
        for path in _modules().values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_class_of_the_simulator_shares_its_name_with_another_class_of_the_package() -> None:
    where: Dict[str, List[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                where.setdefault(node.name, []).append(str(path.relative_to(PACKAGE)))
    shared = {
        name: places
        for name, places in where.items()
        if len(places) > 1 and any(place.startswith("testing") for place in places)
    }
    assert shared == {}

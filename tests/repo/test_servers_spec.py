"""The server constants (bandwidth/_servers.py) and every operation's servers match the spec."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml

import bandwidth.api
from bandwidth._operation import Operation
from bandwidth._servers import PRODUCTS

SPEC = Path(__file__).resolve().parents[2] / "spec" / "bandwidth.yml"
PATHS: Dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["paths"]


def _spec_servers(path: str, method: str) -> List[Tuple[str, str]]:
    item = PATHS[path]
    servers = item[method.lower()].get("servers") or item.get("servers")
    return [(server["url"], server.get("description", "")) for server in servers]


def _operations() -> List[Operation[Any]]:
    found = []
    for module in pkgutil.iter_modules(bandwidth.api.__path__):
        if not module.name.endswith("_api"):
            continue
        loaded = importlib.import_module(f"bandwidth.api.{module.name}")
        found.extend(value for value in vars(loaded).values() if isinstance(value, Operation))
    return found


def test_every_operation_declares_the_servers_its_path_has_in_the_spec() -> None:
    operations = _operations()
    assert len(operations) >= 28
    for operation in operations:
        assert operation.path in PATHS, operation
        ours = [(server.url, server.description) for server in operation.servers.entries]
        assert ours == _spec_servers(operation.path, operation.method), operation


def test_every_server_the_spec_declares_is_one_products_constant() -> None:
    declared = {
        (server["url"], server.get("description", ""))
        for item in PATHS.values()
        for server in item.get("servers", ())
    }
    ours = {
        (server.url, server.description)
        for servers in PRODUCTS.values()
        for server in servers.entries
    }
    assert declared == ours

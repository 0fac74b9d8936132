"""API classes, one per tag of the spec (``bandwidth.api.calls_api.CallsApi``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["CallsApi"]

if TYPE_CHECKING:
    from bandwidth.api.calls_api import CallsApi


def __getattr__(name: str) -> Any:
    if name == "CallsApi":
        from bandwidth.api.calls_api import CallsApi

        return CallsApi
    raise AttributeError(f"module 'bandwidth.api' has no attribute {name!r}")

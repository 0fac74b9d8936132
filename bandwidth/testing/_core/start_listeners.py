"""Who wants to hear of every simulator that starts (the pytest plugin, for failure reports).

A module of its own, importing nothing, so the plugin can register without
loading the simulator.
"""

from __future__ import annotations

from typing import Any, Callable, List

__all__ = ["STARTED_LISTENERS"]

#: Each is called with a simulator as it starts.
STARTED_LISTENERS: List[Callable[[Any], None]] = []

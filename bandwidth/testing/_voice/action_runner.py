"""How a test's action on voice runs: catch up, change under the lock, run what it set off.

Every test-API method that changes calls (``answer``, ``press``, seeding a
conference, ``speak``, ...) goes through :meth:`ActionRunner.act`, so the
flow engine has run everything due before the change and runs what the
change set off (webhooks included) before the method returns; an exception
an in-process app raised meanwhile is re-raised as
:class:`~bandwidth.testing.WebhookAppError` unless the simulator was made
with ``raise_app_errors=False``.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Callable, TypeVar

from bandwidth.testing._core.app_errors import WebhookAppError
from bandwidth.testing._voice.flow_engine import FlowEngine

__all__ = ["ActionRunner"]

_T = TypeVar("_T")


class ActionRunner:
    """The one way test-API methods change voice state (see the module docstring)."""

    def __init__(
        self,
        engine: FlowEngine,
        lock: threading.Lock,
        now: Callable[[], datetime],
        raise_app_errors: Callable[[], bool],
    ) -> None:
        self.engine = engine
        self.lock = lock
        self.now = now
        self._raising = raise_app_errors

    def act(self, change: Callable[[datetime], _T]) -> _T:
        """Catch up, make one change under the lock, then run what it set off."""
        engine = self.engine
        engine.run()
        with self.lock:
            result = change(self.now())
        engine.run()
        self.raise_app_error()
        return result

    def raise_app_error(self) -> None:
        """Re-raise the first exception an in-process app raised (unless told not to)."""
        errors = self.engine.app_errors
        if errors and self._raising() and not self.engine.inside_run():
            with self.lock:
                error = errors[0] if errors else None
                errors.clear()
            if error is not None:
                raise WebhookAppError(
                    f"the app raised {type(error).__name__} while handling a webhook "
                    "(see sim.timeline(); raise_app_errors=False records it only)"
                ) from error

    def not_inside_webhook(self, name: str) -> None:
        """``RuntimeError`` when called from a webhook the simulator is delivering."""
        if self.engine.inside_run():
            raise RuntimeError(
                f"{name}() cannot be called from inside a webhook the simulator is delivering"
            )

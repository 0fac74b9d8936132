"""The error an in-process app's exception reaches the test as.

A module of its own (it imports nothing of the simulator), so the facade
that raises it and the control routes that answer it share one class.
"""

from __future__ import annotations

from bandwidth.exceptions import OpenApiException

__all__ = ["WebhookAppError"]


class WebhookAppError(OpenApiException, RuntimeError):
    """An in-process app raised while handling a webhook; the app's exception is the cause."""

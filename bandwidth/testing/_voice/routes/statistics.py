"""The Statistics operation: the account's call queue, from the simulated calls."""

from __future__ import annotations

from bandwidth.testing._core.handlers import Request, json_answer
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._voice.calls import QUEUED
from bandwidth.testing._voice.routes.common import RouteHost, locked

__all__ = ["HANDLERS"]


def get_statistics(host: RouteHost, request: Request) -> Response:
    """``currentCallQueueSize``: the calls queued now; ``maxCallQueueSize``: the store's setting."""
    store = host.store
    with locked(host):
        queued = sum(1 for call in store.order if call.state == QUEUED)
        payload = {"currentCallQueueSize": queued, "maxCallQueueSize": store.max_call_queue_size}
    return json_answer(payload)


HANDLERS = {"get_statistics": get_statistics}

"""``build_numbers``: the numbers products' parts, built for the composition root.

They share the simulator's one lock, its timer queue and its flow engine
(which runs the queue and delivers their webhooks through the core); each
product is a :class:`~bandwidth.testing._core.products.ProductService` of
its own, for its paths and its error body.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass
from typing import Callable, Tuple

from bandwidth.testing._core.products import ProductService
from bandwidth.testing._core.timers import Timers
from bandwidth.testing._numbers import connect_verb
from bandwidth.testing._numbers.control import NumbersControlTarget
from bandwidth.testing._numbers.endpoint_book import EndpointBook
from bandwidth.testing._numbers.endpoint_service import ENDPOINT_SUCCESS, EndpointService
from bandwidth.testing._numbers.platform_events import PlatformEvents
from bandwidth.testing._numbers.tfv_book import VerificationBook
from bandwidth.testing._numbers.tfv_service import TFV_SUCCESS, NumbersSettings, TollFreeService
from bandwidth.testing._voice.action_runner import ActionRunner
from bandwidth.testing._voice.flow_engine import FlowEngine
from bandwidth.testing._voice.interpreter import VerbFamily

__all__ = ["NUMBERS_OPERATIONS", "Numbers", "NumbersState", "build_numbers", "build_numbers_state"]

#: The SDK method names of the numbers operations (for faults and recorded requests).
NUMBERS_OPERATIONS: Tuple[str, ...] = (*TFV_SUCCESS, *ENDPOINT_SUCCESS)


@dataclass(frozen=True)
class NumbersState:
    """The numbers products' state, built before voice (whose ``<Connect>`` reads endpoints)."""

    events: PlatformEvents
    verifications: VerificationBook
    endpoints: EndpointBook

    def connect_verbs(self) -> VerbFamily:
        """The ``<Connect><Endpoint>`` runner over these endpoints, for voice's verb table."""
        return connect_verb.family(self.endpoints)


def build_numbers_state(settings: NumbersSettings, timers: Timers, webhooks: bool) -> NumbersState:
    """The books, their webhooks queued on the shared ``timers`` (when ``webhooks`` go out)."""
    events = PlatformEvents(timers.group("numbers"), webhooks)  # sim.clear_calls() keeps them
    account = functools.partial(getattr, settings, "account_id")
    return NumbersState(events, VerificationBook(account, events), EndpointBook(account, events))


@dataclass(frozen=True)
class Numbers:
    """The numbers products' parts, as the composition root and the test API use them."""

    lock: threading.Lock
    events: PlatformEvents
    verifications: VerificationBook
    tfv: TollFreeService
    endpoints: EndpointBook
    endpoint_service: EndpointService
    actions: ActionRunner

    def control_with(self, target: NumbersControlTarget) -> None:
        """The test API the control routes drive (the facade, once it is built)."""
        self.tfv.control_target = target
        self.endpoint_service.control_target = target

    @property
    def services(self) -> Tuple[ProductService, ...]:
        """Their services, for the REST service's product list."""
        return (self.tfv, self.endpoint_service)


def build_numbers(
    settings: NumbersSettings,
    lock: threading.Lock,
    state: NumbersState,
    engine: FlowEngine,
    raise_app_errors: Callable[[], bool],
) -> Numbers:
    """Toll-free verification and endpoints over the shared lock, their state and the engine."""
    events, verifications, endpoints = state.events, state.verifications, state.endpoints

    def run() -> None:
        engine.run(wait=False)

    tfv = TollFreeService(settings, lock, verifications, run)
    endpoint_service = EndpointService(settings, lock, endpoints, run)
    actions = ActionRunner(engine, lock, settings.now, raise_app_errors)
    return Numbers(lock, events, verifications, tfv, endpoints, endpoint_service, actions)

"""pytest plugin (entry point ``pytest11``): fixtures for testing code that uses this SDK.

* ``voice_simulator``: a started :class:`~bandwidth.testing.VoiceSimulator`,
  stopped after the test. Configure it per test with
  ``@pytest.mark.voice_simulator(auto_progress=True, ...)`` (any constructor
  keyword, ``app=`` included).
* ``voice_simulator_app``: the webhook app ``voice_simulator`` delivers to
  in-process (``None``: no app, so webhooks go over real HTTP to the URLs
  the calls give; mark a test ``voice_simulator(deliver_webhooks=False)``
  for the REST API alone). Override it in a ``conftest.py`` to test your
  app's call flows in every test of a directory.
* ``calls_api``: a ``bandwidth.CallsApi`` bound to that simulator.
* ``bandwidth_simulator``: the same simulator as ``voice_simulator`` (it
  serves every product: texts too), under the name the other products use;
  ``messages_api``: a ``bandwidth.MessagesApi`` bound to it.
* ``mfa_api`` and ``phone_number_lookup_api``: a ``bandwidth.MFAApi`` and a
  ``bandwidth.PhoneNumberLookupApi`` bound to ``bandwidth_simulator``.
* ``toll_free_verification_api``, ``endpoints_api``: a
  ``bandwidth.TollFreeVerificationApi`` and a ``bandwidth.EndpointsApi`` bound
  to it (decide reviews and connect devices with the simulator's test API).
* ``media_api``: a ``bandwidth.MediaApi`` bound to it (``voice_simulator.media(...)``
  reads back what the code under test uploaded).

While ``voice_simulator`` runs, ``BW_BASE_URL`` names its origin (restored after
the test), so an app that builds its ``Configuration`` without a host reaches it.

When a test fails, the timeline of every simulator it started (webhooks,
replies, what was heard, digits pressed) is added to its report.

Loaded by every pytest run, so it imports nothing heavy until a fixture is used.
"""

from __future__ import annotations

import contextlib
import os
from typing import TYPE_CHECKING, Any, Generator, Iterator, List, Optional

import pytest

if TYPE_CHECKING:
    from bandwidth import (
        CallsApi,
        EndpointsApi,
        MediaApi,
        MessagesApi,
        MFAApi,
        PhoneNumberLookupApi,
        TollFreeVerificationApi,
    )
    from bandwidth.testing import VoiceSimulator

_STARTED = pytest.StashKey[List["VoiceSimulator"]]()
_SECTION = "voice simulator timeline"


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``voice_simulator`` marker so ``--strict-markers`` accepts it."""
    config.addinivalue_line(
        "markers",
        "voice_simulator(**kwargs): keyword arguments for the voice_simulator fixture's "
        "VoiceSimulator(...)",
    )


@pytest.fixture
def voice_simulator_app() -> Any:
    """The WSGI or ASGI app ``voice_simulator`` delivers webhooks to; override it to set one.

    ``None`` (the default) means no app: the simulator sends webhooks over
    real HTTP to the URLs the calls give.
    """
    return None


@pytest.fixture
def voice_simulator(
    request: pytest.FixtureRequest, voice_simulator_app: Any
) -> Iterator[VoiceSimulator]:
    """A running local Bandwidth platform; ``sim.configuration()`` points an SDK client at it.

    The marker's ``app=`` wins over the ``voice_simulator_app`` fixture. For the
    test's duration ``BW_BASE_URL`` names the simulator's origin, so code that
    builds a ``Configuration`` with no host (an unmodified app) reaches it too;
    the variable is restored afterwards.
    """
    from bandwidth.testing import VoiceSimulator

    marker = request.node.get_closest_marker("voice_simulator")
    options: Any = dict(marker.kwargs) if marker is not None else {}
    if "app" not in options and voice_simulator_app is not None:
        options["app"] = voice_simulator_app
    with VoiceSimulator(**options) as sim, _base_url(sim.origin):
        yield sim


@contextlib.contextmanager
def _base_url(origin: str) -> Iterator[None]:
    """``BW_BASE_URL`` set to ``origin`` while the block runs, then as it was."""
    before = os.environ.get("BW_BASE_URL")
    os.environ["BW_BASE_URL"] = origin
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("BW_BASE_URL", None)
        else:
            os.environ["BW_BASE_URL"] = before


@pytest.fixture
def calls_api(voice_simulator: VoiceSimulator) -> Iterator[CallsApi]:
    """A ``CallsApi`` whose client talks to ``voice_simulator`` (closed after the test)."""
    from bandwidth import ApiClient, CallsApi

    with ApiClient(voice_simulator.configuration()) as client:
        yield CallsApi(client)


# -- every product: the same simulator, and messaging's API ---------------------------------


@pytest.fixture
def bandwidth_simulator(voice_simulator: VoiceSimulator) -> VoiceSimulator:
    """The running simulator of every product (the ``voice_simulator`` fixture's, so
    ``@pytest.mark.voice_simulator(...)`` and ``voice_simulator_app`` configure it)."""
    return voice_simulator


@pytest.fixture
def messages_api(bandwidth_simulator: VoiceSimulator) -> Iterator[MessagesApi]:
    """A ``MessagesApi`` whose client talks to ``bandwidth_simulator`` (closed after the test)."""
    from bandwidth import ApiClient, MessagesApi

    with ApiClient(bandwidth_simulator.configuration()) as client:
        yield MessagesApi(client)


# -- identity: MFA and number lookup --------------------------------------------------------


@pytest.fixture
def mfa_api(bandwidth_simulator: VoiceSimulator) -> Iterator[MFAApi]:
    """An ``MFAApi`` whose client talks to ``bandwidth_simulator`` (closed after the test)."""
    from bandwidth import ApiClient, MFAApi

    with ApiClient(bandwidth_simulator.configuration()) as client:
        yield MFAApi(client)


@pytest.fixture
def phone_number_lookup_api(bandwidth_simulator: VoiceSimulator) -> Iterator[PhoneNumberLookupApi]:
    """A ``PhoneNumberLookupApi`` whose client talks to ``bandwidth_simulator`` (closed after)."""
    from bandwidth import ApiClient, PhoneNumberLookupApi

    with ApiClient(bandwidth_simulator.configuration()) as client:
        yield PhoneNumberLookupApi(client)


@pytest.fixture
def media_api(voice_simulator: VoiceSimulator) -> Iterator[MediaApi]:
    """A ``MediaApi`` whose client talks to ``voice_simulator`` (closed after the test)."""
    from bandwidth import ApiClient, MediaApi

    with ApiClient(voice_simulator.configuration()) as client:
        yield MediaApi(client)


@pytest.fixture
def toll_free_verification_api(
    voice_simulator: VoiceSimulator,
) -> Iterator[TollFreeVerificationApi]:
    """A ``TollFreeVerificationApi`` talking to ``voice_simulator`` (closed after the test)."""
    from bandwidth import ApiClient, TollFreeVerificationApi

    with ApiClient(voice_simulator.configuration()) as client:
        yield TollFreeVerificationApi(client)


@pytest.fixture
def endpoints_api(voice_simulator: VoiceSimulator) -> Iterator[EndpointsApi]:
    """An ``EndpointsApi`` talking to ``voice_simulator`` (closed after the test)."""
    from bandwidth import ApiClient, EndpointsApi

    with ApiClient(voice_simulator.configuration()) as client:
        yield EndpointsApi(client)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(
    item: pytest.Item, nextitem: Optional[pytest.Item]
) -> Generator[None, None, None]:
    """Note every simulator the test starts (in its fixtures or its body)."""
    started: List[VoiceSimulator] = []
    item.stash[_STARTED] = started

    def note(sim: VoiceSimulator) -> None:
        started.append(sim)

    from bandwidth.testing._core.start_listeners import STARTED_LISTENERS

    STARTED_LISTENERS.append(note)
    try:
        yield
    finally:
        STARTED_LISTENERS.remove(note)
        started.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, Any, None]:
    """Add the simulators' timelines to the report of a failed test."""
    outcome = yield
    report = outcome.get_result()
    if report.when != "call" or not report.failed:
        return
    timelines = []
    for sim in item.stash.get(_STARTED, []):
        try:
            text = sim.timeline()
        except Exception as exc:  # the report must not fail on a broken simulator
            text = f"(no timeline: {type(exc).__name__}: {exc})"
        if text:
            timelines.append(text)
    if timelines:
        report.sections.append((_SECTION, "\n\n".join(timelines)))

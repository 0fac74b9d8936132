"""The opt-in GC filing of large pages (bandwidth._gc), and that it is off unless asked for.

The tests check what a program can observe (is the collector enabled, which
generation holds a decoded model, are its frozen objects still frozen), not
interpreter internals such as ``gc.get_freeze_count()``: on Python 3.12 it is
not zero at start-up, and every full collection moves immortal objects into
the permanent generation.
"""

from __future__ import annotations

import gc
import json
import os
import threading
import weakref
from typing import Any, Iterator, List

import pytest

from bandwidth import ApiClient, CallsApi, Configuration, _gc
from bandwidth.exceptions import InvalidResponseException
from bandwidth.testing import VoiceSimulator
from tests.support.wire import ACCOUNT, CALL_STATE, Wire

PAGE = json.dumps([{**CALL_STATE, "callId": f"c-{i}"} for i in range(600)]).encode()


@pytest.fixture(autouse=True)
def gc_left_as_found() -> Iterator[None]:
    assert gc.isenabled()
    yield
    assert _gc._depth == 0
    assert gc.isenabled()
    gc.enable()


@pytest.fixture
def api(configuration: Configuration) -> Iterator[CallsApi]:
    """A client that opted in to the GC filing."""
    configuration.gc_tuning = True
    with ApiClient(configuration) as client:
        yield CallsApi(client)


def test_by_default_the_sdk_never_calls_into_the_gc(
    wire: Wire, configuration: Configuration, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: List[str] = []
    for name in ("disable", "enable", "collect", "freeze", "unfreeze"):
        monkeypatch.setattr(gc, name, lambda *args, name=name: calls.append(name))
    wire.answer(200, body=PAGE, content_type="application/json")
    with ApiClient(configuration) as client:
        assert configuration.gc_tuning is False
        assert len(CallsApi(client).list_calls(ACCOUNT)) == 600
    assert calls == []


def generation_of(obj: Any) -> int:
    for generation in (0, 1, 2):
        if any(o is obj for o in gc.get_objects(generation=generation)):
            return generation
    raise AssertionError("not tracked by the GC")


def test_decoded_models_are_filed_in_the_oldest_generation(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, body=PAGE, content_type="application/json")
    calls = api.list_calls(ACCOUNT)
    assert len(calls) == 600 and gc.isenabled()
    assert generation_of(calls[0]) == generation_of(calls[-1]) == 2
    assert gc.get_count()[0] < 200  # no pending young collection of 600 models


def test_gc_tuning_off_leaves_the_models_young(wire: Wire, api: CallsApi) -> None:
    api.api_client.configuration.gc_tuning = False
    wire.answer(200, body=PAGE, content_type="application/json")
    thresholds = gc.get_threshold()
    gc.set_threshold(10**6)  # no automatic collection: what stays young is visible
    try:
        gc.collect()
        calls = api.list_calls(ACCOUNT)
        assert generation_of(calls[0]) == generation_of(calls[-1]) == 0
    finally:
        gc.set_threshold(*thresholds)


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_young_garbage_is_collected_first_not_filed(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, body=PAGE, content_type="application/json")
    thresholds = gc.get_threshold()
    gc.set_threshold(10**6)  # no automatic collection before the decode starts
    try:
        gc.collect()
        garbage = Cycle()
        dead = weakref.ref(garbage)
        del garbage
        api.list_calls(ACCOUNT)
        assert dead() is None  # only the cyclic GC can free it: it ran, first
    finally:
        gc.set_threshold(*thresholds)


def test_a_programs_frozen_objects_stay_frozen(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, body=PAGE, content_type="application/json")
    keep = Cycle()
    gc.freeze()
    try:
        calls = api.list_calls(ACCOUNT)
        # Still frozen: in no generation (unfreezing would have put it in the oldest).
        assert not any(o is keep for g in (0, 1, 2) for o in gc.get_objects(generation=g))
        # Filed all the same, by collecting the young generations instead of unfreezing.
        assert generation_of(calls[0]) == generation_of(calls[-1]) == 2
    finally:
        gc.unfreeze()


def test_a_disabled_gc_is_left_alone(wire: Wire, api: CallsApi) -> None:
    wire.answer(200, body=PAGE, content_type="application/json")
    gc.collect()
    gc.disable()
    try:
        calls = api.list_calls(ACCOUNT)
        assert not gc.isenabled()
        assert generation_of(calls[-1]) == 0
    finally:
        gc.enable()


def test_a_failed_decode_files_nothing_and_resumes_the_gc(wire: Wire, api: CallsApi) -> None:
    items = json.loads(PAGE)
    items[599]["startTime"] = "yesterday"
    wire.answer(200, body=json.dumps(items).encode(), content_type="application/json")
    with pytest.raises(InvalidResponseException) as caught:
        api.list_calls(ACCOUNT)
    assert gc.isenabled()
    # The validation error was raised inside the paused block: it was not filed away.
    assert generation_of(caught.value.__cause__) < 2


def test_threads_decoding_at_once_resume_the_gc_once(voice_simulator: VoiceSimulator) -> None:
    voice_simulator.bulk_create(700, state="disconnected")
    errors: List[BaseException] = []
    sizes: List[int] = []

    def fetch(api: CallsApi) -> None:
        try:
            for _ in range(5):
                sizes.append(len(api.list_calls(ACCOUNT, page_size=1000)))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    configuration = voice_simulator.configuration()
    configuration.gc_tuning = True
    with ApiClient(configuration) as client:
        api = CallsApi(client)
        threads = [threading.Thread(target=fetch, args=(api,)) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert errors == []
    assert sizes == [700] * 20
    assert gc.isenabled() and _gc._depth == 0


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_a_child_forked_during_a_decode_has_its_gc_enabled() -> None:
    inside = threading.Event()
    release = threading.Event()

    def decode() -> None:
        with _gc.acyclic_allocations():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=decode)
    thread.start()
    try:
        assert inside.wait(10) and not gc.isenabled()
        pid = os.fork()
        if pid == 0:  # the child: the decoding thread does not exist here
            code = 0 if gc.isenabled() and _gc._depth == 0 else 1
            with _gc.acyclic_allocations():  # and the lock is not held by a ghost
                code |= 0 if not gc.isenabled() else 2
            code |= 0 if gc.isenabled() else 4
            os._exit(code)
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    finally:
        release.set()
        thread.join()
    assert gc.isenabled()

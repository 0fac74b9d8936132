"""Media memory stays flat: what the simulator holds after many uploads, replacements, deletes
and expiries, counted through the public API (``sim.media_usage``, ``sim.next_due``) and by
``tracemalloc``; no timing is asserted."""

from __future__ import annotations

import gc
import threading
import tracemalloc
from typing import Iterator, List

import pytest

import bandwidth
from bandwidth.exceptions import ServiceException
from bandwidth.testing import VoiceSimulator

CHUNK = bytes(range(256)) * 16  # 4 KiB


@pytest.fixture
def quiet_sim() -> Iterator[VoiceSimulator]:
    # Recorded requests keep every upload's body: a long run turns recording off.
    with VoiceSimulator(deliver_webhooks=False, record_requests=False) as simulator:
        yield simulator


@pytest.fixture
def media(quiet_sim: VoiceSimulator) -> Iterator[bandwidth.MediaApi]:
    with bandwidth.ApiClient(quiet_sim.configuration()) as client:
        yield bandwidth.MediaApi(client)


def _churn(sim: VoiceSimulator, media: bandwidth.MediaApi, rounds: int) -> None:
    """Upload, replace and delete: each round ends with nothing held."""
    for n in range(rounds):
        name = f"churn/{n}/photo.png"
        media.upload_media(sim.account_id, name, CHUNK, content_type="image/png")
        media.upload_media(sim.account_id, name, CHUNK * 2, content_type="image/png")
        assert media.get_media(sim.account_id, name) == CHUNK * 2
        media.delete_media(sim.account_id, name)


def test_uploads_and_deletes_leave_nothing_held(
    quiet_sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    _churn(quiet_sim, media, 50)  # warm up: the client's pool, the server's threads, imports
    tracemalloc.start()
    try:
        gc.collect()  # what is left is held, not garbage waiting for a collection
        before = tracemalloc.get_traced_memory()[0]
        _churn(quiet_sim, media, 400)  # 400 * 12 KiB = 4.7 MiB went through
        gc.collect()
        after = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    usage = quiet_sim.media_usage
    assert (usage.files, usage.bytes) == (0, 0)
    # Flat: measured about 2.5 KiB. A few dozen bytes kept per request would be 40 KiB or more.
    assert after - before < 32 * 1024


def test_expired_media_gives_its_bytes_back_on_the_clock(
    quiet_sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    for day in range(5):
        for n in range(200):
            quiet_sim.seed_media(f"day{day}/{n}.png", CHUNK, "image/png")
        media.upload_media(
            quiet_sim.account_id, f"day{day}/app.png", CHUNK, content_type="image/png"
        )
        assert quiet_sim.media_usage.files == 201
        assert quiet_sim.next_due() is not None  # one sweep waits on the shared timer queue
        quiet_sim.advance(48 * 3600)
        usage = quiet_sim.media_usage
        assert (usage.files, usage.bytes) == (0, 0)
        assert quiet_sim.next_due() is None  # no timer left behind
    assert media.list_media(quiet_sim.account_id) == []


def test_concurrent_clients_keep_the_count_exact(quiet_sim: VoiceSimulator) -> None:
    errors: List[BaseException] = []

    def worker(index: int) -> None:
        try:
            with bandwidth.ApiClient(quiet_sim.configuration()) as client:
                api = bandwidth.MediaApi(client)
                for n in range(40):
                    name = f"w{index}/{n}.jpg"
                    api.upload_media(quiet_sim.account_id, name, CHUNK, content_type="image/jpeg")
                    if n % 2:
                        api.delete_media(quiet_sim.account_id, name)
        except BaseException as exc:  # re-raised below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    usage = quiet_sim.media_usage
    assert (usage.files, usage.bytes) == (6 * 20, 6 * 20 * len(CHUNK))
    assert sorted(f.media_id for f in quiet_sim.media_files) == sorted(
        f"w{i}/{n}.jpg" for i in range(6) for n in range(0, 40, 2)
    )


def test_the_file_count_is_bounded_too(
    quiet_sim: VoiceSimulator, media: bandwidth.MediaApi
) -> None:
    # Empty files cost no budget bytes, but each is held: 100,000 at most.
    for n in range(100_000):
        quiet_sim.seed_media(f"e/{n}", b"", "text/plain")
    with pytest.raises(ServiceException) as caught:
        media.upload_media(quiet_sim.account_id, "one-more", b"", content_type="text/plain")
    assert caught.value.status == 507
    media.upload_media(quiet_sim.account_id, "e/7", b"replaced", content_type="text/plain")
    media.delete_media(quiet_sim.account_id, "e/8")
    media.upload_media(quiet_sim.account_id, "one-more", b"", content_type="text/plain")
    assert quiet_sim.media_usage.files == 100_000

"""Real-time transcriptions and account statistics in the simulator, over raw HTTP."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterator

import pytest

from bandwidth.models import AccountStatistics, CallTranscriptionMetadata, CallTranscriptionResponse
from bandwidth.testing import AutoProgress, ManualClock, VoiceSimulator
from tests.support.raw import ACCOUNT, CALLS, Raw

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
STATISTICS = f"/api/v2/accounts/{ACCOUNT}/statistics"


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(clock=ManualClock(START), deliver_webhooks=False) as simulator:
        yield simulator


def test_list_and_get_real_time_transcriptions(sim: VoiceSimulator, raw: Raw) -> None:
    call_id, other = sim.bulk_create(2, state="answered")
    first = sim.add_transcription(call_id, "I need help with my bill", name="live")
    sim.add_transcription(other, "elsewhere")
    second = sim.add_transcription(
        call_id,
        {"outbound": "How can I help?", "inbound": "Hola"},
        language="es-US",
        confidence=0.75,
    )
    reply = raw.send("GET", f"{CALLS}/{call_id}/transcriptions")
    assert reply.status == 200
    base = f"{sim.url}/accounts/{ACCOUNT}/calls/{call_id}/transcriptions/"
    assert reply.json() == [
        {"transcriptionId": first, "transcriptionName": "live", "transcriptionUrl": base + first},
        {"transcriptionId": second, "transcriptionName": second, "transcriptionUrl": base + second},
    ]
    listed = [CallTranscriptionMetadata.from_dict(item) for item in reply.json()]
    assert [m.transcription_id for m in listed if m] == [first, second]

    got = raw.send("GET", f"{CALLS}/{call_id}/transcriptions/{second}")
    assert got.status == 200
    assert got.json() == {
        "accountId": ACCOUNT,
        "callId": call_id,
        "transcriptionId": second,
        "tracks": [
            {
                "detectedLanguage": "es-US",
                "track": "inbound",
                "transcript": "Hola",
                "confidence": 0.75,
            },
            {
                "detectedLanguage": "es-US",
                "track": "outbound",
                "transcript": "How can I help?",
                "confidence": 0.75,
            },
        ],
    }
    model = CallTranscriptionResponse.from_json(got.body)
    assert model is not None and [t.track for t in model.tracks or []] == ["inbound", "outbound"]


def test_delete_real_time_transcription_answers_200_without_a_body(
    sim: VoiceSimulator, raw: Raw
) -> None:
    call_id = sim.add_call(state="answered")
    t_id = sim.add_transcription(call_id, "words")
    path = f"{CALLS}/{call_id}/transcriptions/{t_id}"
    reply = raw.send("DELETE", path)
    assert (reply.status, reply.body) == (200, b"")
    assert raw.send("GET", path).status == 404
    assert raw.send("DELETE", path).status == 404
    assert raw.send("GET", f"{CALLS}/{call_id}/transcriptions").json() == []
    assert sim.transcription(t_id).deleted


def test_transcriptions_are_404_when_unknown_or_under_another_call(
    sim: VoiceSimulator, raw: Raw
) -> None:
    call_id, other = sim.bulk_create(2, state="answered")
    t_id = sim.add_transcription(call_id, "words")
    assert raw.send("GET", f"{CALLS}/{other}/transcriptions/{t_id}").status == 404
    assert raw.send("GET", f"{CALLS}/{call_id}/transcriptions/t-unknown").status == 404
    assert raw.send("GET", f"{CALLS}/{other}/transcriptions").json() == []
    unknown = raw.send("GET", f"{CALLS}/c-unknown/transcriptions")
    assert unknown.status == 404
    assert unknown.expect_error()["type"] == "not-found"


def test_a_running_transcription_shows_once_stopped_by_the_call_ending(
    sim: VoiceSimulator, raw: Raw
) -> None:
    call_id = sim.add_call(state="answered")
    with sim._store.lock:  # as <StartTranscription> will
        store = sim._store
        running = store.transcriptions.start(store.get(call_id), sim.now(), name="live")
        store.transcriptions.hear(running, "inbound", "first")
        store.transcriptions.hear(running, "inbound", "second")
    assert raw.send("GET", f"{CALLS}/{call_id}/transcriptions").json() == []
    sim.advance(3)
    sim.hangup(call_id)
    assert sim.transcription(running.transcription_id).end_time == sim.now()
    got = raw.send("GET", f"{CALLS}/{call_id}/transcriptions/{running.transcription_id}")
    assert got.json()["tracks"][0]["transcript"] == "first second"


def test_add_transcription_checks_its_arguments(sim: VoiceSimulator) -> None:
    call_id = sim.add_call(state="answered")
    with pytest.raises(KeyError):
        sim.add_transcription("c-unknown", "x")
    with pytest.raises(ValueError, match="mapping of"):
        sim.add_transcription(call_id, {"both": "x"})
    with pytest.raises(ValueError, match="language"):
        sim.add_transcription(call_id, "x", language="de-DE")
    with pytest.raises(ValueError, match="confidence"):
        sim.add_transcription(call_id, "x", confidence=1.5)
    assert sim.transcriptions == []


# -- statistics ----------------------------------------------------------------------------


def test_statistics_count_the_queued_calls(sim: VoiceSimulator, raw: Raw) -> None:
    def expect_statistics() -> AccountStatistics:
        reply = raw.send("GET", STATISTICS)
        assert reply.status == 200
        assert reply.headers["Content-Type"] == "application/json"
        model = AccountStatistics.from_json(reply.body)
        assert model is not None
        return model

    assert expect_statistics().to_dict() == {"currentCallQueueSize": 0, "maxCallQueueSize": 900}
    queued = [raw.expect_created() for _ in range(3)]
    sim.bulk_create(2, state="answered")
    assert expect_statistics().current_call_queue_size == 3
    sim.initiate(queued[0])
    sim.hangup(queued[1])
    assert expect_statistics().current_call_queue_size == 1
    sim.max_call_queue_size = 50
    assert expect_statistics().max_call_queue_size == 50
    with pytest.raises(ValueError):
        sim.max_call_queue_size = -1


def test_statistics_follow_auto_progress_on_the_clock() -> None:
    with VoiceSimulator(
        clock=ManualClock(START),
        auto_progress=AutoProgress(initiate_after=5),
        deliver_webhooks=False,
    ) as sim:
        client = Raw(sim)
        try:
            client.expect_created()
            assert client.send("GET", STATISTICS).json()["currentCallQueueSize"] == 1
            sim.advance(5)
            assert client.send("GET", STATISTICS).json()["currentCallQueueSize"] == 0
        finally:
            client.close()

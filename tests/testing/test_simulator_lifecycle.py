"""Call lifecycle in the simulator: manual moves, auto-progress on a manual clock, retention."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Iterator, Tuple

import pytest

from bandwidth.testing import AutoProgress, ManualClock, SimulatedCall, VoiceSimulator
from bandwidth.testing._core.clock import format_time, parse_time
from tests.support.raw import Raw

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)


def at(seconds: float) -> str:
    return format_time(START + timedelta(seconds=seconds))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


def test_manual_clock_starts_now_and_only_moves_when_told() -> None:
    clock = ManualClock()
    first = clock.now()
    assert abs((datetime.now(timezone.utc) - first).total_seconds()) < 60
    assert first.microsecond % 1000 == 0
    assert clock.now() == first
    assert clock.advance(2.5) == first + timedelta(seconds=2.5)
    with pytest.raises(ValueError):
        clock.advance(-1)


def test_naive_start_means_utc() -> None:
    assert ManualClock(datetime(2024, 1, 1)).now() == datetime(2024, 1, 1, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-06-21T19:13:21Z", datetime(2022, 6, 21, 19, 13, 21, tzinfo=timezone.utc)),
        ("2022-06-21", datetime(2022, 6, 21, tzinfo=timezone.utc)),
        ("2022-06-21T21:13:21.5+02:00", datetime(2022, 6, 21, 19, 13, 21, 500000, timezone.utc)),
        ("2022-06-21 19:13", datetime(2022, 6, 21, 19, 13, tzinfo=timezone.utc)),
    ],
)
def test_parse_time(text: str, expected: datetime) -> None:
    assert parse_time(text) == expected


def test_format_time_is_the_api_style() -> None:
    assert format_time(datetime(2022, 6, 16, 13, 15, 7, 160999, timezone.utc)) == (
        "2022-06-16T13:15:07.160Z"
    )


def test_full_manual_lifecycle_sets_every_timestamp(clock: ManualClock) -> None:
    with VoiceSimulator(clock=clock, deliver_webhooks=False) as sim:
        raw = Raw(sim)
        call_id = raw.expect_created()
        sim.advance(1)
        sim.initiate(call_id)
        sim.advance(2)
        sim.answer(call_id)
        sim.advance(30)
        sim.hangup(call_id, cause="busy", error_message="boom", error_id="e-1")
        state = raw.get(call_id).json()
        raw.close()
    assert state["state"] == "disconnected"
    assert state["enqueuedTime"] == at(0)
    assert state["startTime"] == at(1)
    assert state["answerTime"] == at(3)
    assert state["endTime"] == at(33)
    assert state["lastUpdate"] == at(33)
    assert state["disconnectCause"] == "busy"
    assert (state["errorMessage"], state["errorId"]) == ("boom", "e-1")


def test_answering_a_queued_call_also_starts_it(clock: ManualClock) -> None:
    with VoiceSimulator(clock=clock, deliver_webhooks=False) as sim:
        call_id = sim.add_call()
        sim.advance(4)
        sim.answer(call_id)
        call = sim.call(call_id)
    assert call.state == "answered"
    assert call.start_time == call.answer_time == START + timedelta(seconds=4)


def test_invalid_manual_moves_raise(voice_simulator: VoiceSimulator) -> None:
    sim = voice_simulator
    call_id = sim.add_call(state="answered")
    with pytest.raises(ValueError):
        sim.initiate(call_id)
    with pytest.raises(ValueError):
        sim.answer(call_id)
    sim.hangup(call_id)
    with pytest.raises(ValueError):
        sim.hangup(call_id)
    with pytest.raises(KeyError):
        sim.answer("c-unknown")
    with pytest.raises(KeyError):
        sim.call("c-unknown")


def test_advance_needs_a_manual_clock() -> None:
    sim = VoiceSimulator(clock=lambda: START, deliver_webhooks=False)
    assert sim.now() == START
    with pytest.raises(TypeError):
        sim.advance(1)


def test_no_auto_progress_by_default(clock: ManualClock) -> None:
    with VoiceSimulator(clock=clock, deliver_webhooks=False) as sim:
        call_id = sim.add_call()
        sim.advance(3600)
        assert sim.call(call_id).state == "queued"


def test_auto_progress_walks_a_call_on_the_clock(clock: ManualClock) -> None:
    auto = AutoProgress(initiate_after=1, answer_after=2, hangup_after=10, hangup_cause="hangup")
    with VoiceSimulator(clock=clock, auto_progress=auto, deliver_webhooks=False) as sim:
        raw = Raw(sim)
        call_id = raw.expect_created()
        seen = [raw.get(call_id).json()["state"]]
        for step in (1, 2, 10):
            sim.advance(step)
            seen.append(raw.get(call_id).json()["state"])
        state = raw.get(call_id).json()
        raw.close()
    assert seen == ["queued", "initiated", "answered", "disconnected"]
    assert (state["startTime"], state["answerTime"], state["endTime"]) == (at(1), at(3), at(13))
    assert state["disconnectCause"] == "hangup"


def test_one_big_advance_applies_every_step_at_its_own_time(clock: ManualClock) -> None:
    auto = AutoProgress(initiate_after=1, answer_after=2, hangup_after=10, hangup_cause="error")
    with VoiceSimulator(clock=clock, auto_progress=auto, deliver_webhooks=False) as sim:
        call_id = sim.add_call()
        sim.advance(100)
        call = sim.call(call_id)
    assert call.state == "disconnected"
    assert call.start_time == START + timedelta(seconds=1)
    assert call.answer_time == START + timedelta(seconds=3)
    assert call.end_time == call.last_update == START + timedelta(seconds=13)
    assert call.disconnect_cause == "error"


def test_auto_progress_true_uses_the_defaults(clock: ManualClock) -> None:
    with VoiceSimulator(clock=clock, auto_progress=True, deliver_webhooks=False) as sim:
        assert sim.auto_progress == AutoProgress()
        call_id = sim.add_call()
        assert sim.call(call_id).state == "initiated"  # initiate_after=0: due at once
        sim.advance(1)
        assert sim.call(call_id).state == "answered"
        sim.advance(86400)
        assert sim.call(call_id).state == "answered"  # hangup_after=None: stays up


def test_unanswered_call_times_out_after_its_call_timeout(clock: ManualClock) -> None:
    auto = AutoProgress(initiate_after=0, answer_after=None)
    with VoiceSimulator(clock=clock, auto_progress=auto, deliver_webhooks=False) as sim:
        raw = Raw(sim)
        short = raw.expect_created(callTimeout=5)
        default = raw.expect_created()
        sim.advance(5)
        assert sim.call(short).disconnect_cause == "timeout"
        assert sim.call(short).end_time == START + timedelta(seconds=5)
        assert sim.call(default).state == "initiated"
        sim.advance(25)
        assert sim.call(default).disconnect_cause == "timeout"
        raw.close()


def test_answer_slower_than_call_timeout_times_out(clock: ManualClock) -> None:
    with VoiceSimulator(
        clock=clock, auto_progress=AutoProgress(answer_after=10), deliver_webhooks=False
    ) as sim:
        raw = Raw(sim)
        call_id = raw.expect_created(callTimeout=3)
        sim.advance(60)
        raw.close()
        assert sim.call(call_id).disconnect_cause == "timeout"


def test_manual_moves_mix_with_auto_progress(clock: ManualClock) -> None:
    auto = AutoProgress(initiate_after=None, answer_after=1, hangup_after=5)
    with VoiceSimulator(clock=clock, auto_progress=auto, deliver_webhooks=False) as sim:
        call_id = sim.add_call()
        sim.advance(100)
        assert sim.call(call_id).state == "queued"  # initiate_after=None
        sim.initiate(call_id)
        sim.advance(1)
        assert sim.call(call_id).state == "answered"
        sim.hangup(call_id, cause="rejected")
        sim.advance(10)  # the pending auto hangup must not overwrite the manual one
        call = sim.call(call_id)
    assert call.disconnect_cause == "rejected"
    assert call.end_time == START + timedelta(seconds=101)


def test_completed_update_stops_auto_progress(clock: ManualClock) -> None:
    with VoiceSimulator(
        clock=clock, auto_progress=AutoProgress(answer_after=5), deliver_webhooks=False
    ) as sim:
        raw = Raw(sim)
        call_id = raw.expect_created()
        assert raw.update(call_id, {"state": "completed"}).status == 200
        sim.advance(10)
        raw.close()
        call = sim.call(call_id)
    assert (call.state, call.disconnect_cause) == ("disconnected", "cancel")


def test_real_time_clock_progresses_lazily() -> None:
    now = [START]
    with VoiceSimulator(
        clock=lambda: now[0], auto_progress=AutoProgress(answer_after=2), deliver_webhooks=False
    ) as sim:
        call_id = sim.add_call()
        now[0] = START + timedelta(seconds=2)
        assert sim.call(call_id).state == "answered"


def test_calls_are_kept_seven_days_after_hangup(clock: ManualClock) -> None:
    with VoiceSimulator(clock=clock, deliver_webhooks=False) as sim:
        raw = Raw(sim)
        ended = raw.expect_created()
        live = raw.expect_created()
        sim.hangup(ended)
        sim.advance(7 * 86400)
        assert raw.get(ended).status == 200
        assert len(raw.list().json()) == 2
        sim.advance(1)
        assert raw.get(ended).status == 404
        assert raw.update(ended, {"state": "completed"}).status == 404
        assert [c["callId"] for c in raw.list().json()] == [live]
        assert raw.get(live).status == 200
        raw.close()


def test_snapshots_are_independent_copies(voice_simulator: VoiceSimulator) -> None:
    sim = voice_simulator
    call_id = sim.add_call(state="answered", stir_shaken={"verstat": "TN-Validation-Passed"})
    snapshot = sim.call(call_id)
    snapshot.state = "mutated"
    snapshot.bxml.append("<Bxml/>")
    assert snapshot.stir_shaken is not None
    snapshot.stir_shaken["verstat"] = "changed"
    fresh = sim.call(call_id)
    assert fresh.state == "answered"
    assert fresh.bxml == []
    assert fresh.stir_shaken == {"verstat": "TN-Validation-Passed"}
    assert isinstance(fresh, SimulatedCall)


def test_bulk_create_seeds_consistent_calls(clock: ManualClock) -> None:
    with VoiceSimulator(clock=clock, deliver_webhooks=False) as sim:
        ids = sim.bulk_create(
            3,
            state="disconnected",
            direction="inbound",
            spacing=10,
            to="sip:alice@example.com",
            from_="+15555550100",
            disconnect_cause="busy",
            parent_call_id="c-parent",
            identity="eyJhbGciOi...",
            tag="seeded",
        )
        raw = Raw(sim)
        states = [raw.get(i).json() for i in ids]
        raw.close()
        assert [c.call_id for c in sim.calls] == ids
    assert [s["enqueuedTime"] for s in states] == [at(-20), at(-10), at(0)]
    for state in states:
        assert state["direction"] == "inbound"
        assert state["to"] == "sip:alice@example.com"
        assert state["from"] == "+15555550100"
        assert state["disconnectCause"] == "busy"
        assert state["answerTime"] is None  # a busy call was never answered
        assert state["startTime"] == state["endTime"] == state["enqueuedTime"]
        assert state["parentCallId"] == "c-parent"
        assert state["identity"] == "eyJhbGciOi..."


def test_bulk_create_rejects_typos_and_bad_states(voice_simulator: VoiceSimulator) -> None:
    with pytest.raises(TypeError):
        voice_simulator.bulk_create(1, answer_ulr="https://typo.example")
    with pytest.raises(ValueError):
        voice_simulator.bulk_create(1, state="ringing")
    with pytest.raises(ValueError):
        voice_simulator.bulk_create(1, direction="sideways")
    assert voice_simulator.calls == []


def test_clear_calls(voice_simulator: VoiceSimulator) -> None:
    voice_simulator.bulk_create(5)
    voice_simulator.clear_calls()
    assert voice_simulator.calls == []


@pytest.fixture
def shared_clock_sims(clock: ManualClock) -> Iterator[Tuple[VoiceSimulator, VoiceSimulator]]:
    with (
        VoiceSimulator(clock=clock, deliver_webhooks=False) as a,
        VoiceSimulator(clock=clock, deliver_webhooks=False) as b,
    ):
        yield a, b


def test_two_simulators_can_share_a_clock(
    shared_clock_sims: Tuple[VoiceSimulator, VoiceSimulator], clock: ManualClock
) -> None:
    a, b = shared_clock_sims
    a.advance(5)
    assert b.now() == a.now() == clock.now() == START + timedelta(seconds=5)

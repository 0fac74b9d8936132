"""The reminder sample app (``examples/machine_detection_app.py``), end to end.

Every case runs in both detection modes (``sync``: the answer waits for the
result; ``async``: a ``machineDetectionComplete`` webhook and a redirect),
with the app in-process and over HTTP.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any, Iterator, List, Tuple

import pytest

from bandwidth.testing import AnsweredBy, VoiceSimulator
from tests.examples.harness import MODES, Harness, load_example

BW_NUMBER, PATIENT = "+19195550000", "+15555550100"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example("machine_detection_app")


@pytest.fixture(params=[(m, d) for m in MODES for d in ("async", "sync")], ids=str)
def harness(request: pytest.FixtureRequest, example: ModuleType) -> Iterator[Harness]:
    mode, detection = request.param

    def build(sim: VoiceSimulator, base: str) -> Any:
        settings = example.Settings(
            account_id=sim.account_id,
            application_id="reminders",
            bw_number=BW_NUMBER,
            base_url=base,
            mode=detection,
        )
        return example.create_app(sim.configuration(), settings)

    running = Harness(mode).start(build)
    running.detection = detection  # type: ignore[attr-defined]
    yield running
    running.stop()


def remind(harness: Harness) -> str:
    status, body = harness.request("POST", "/reminders", {"to": PATIENT})
    assert status == 201, body
    return str(body["callId"])


def outcome(harness: Harness, call_id: str) -> Tuple[int, Any]:
    return harness.request("GET", f"/reminders/{call_id}")


def kinds(sim: VoiceSimulator) -> List[str]:
    return [w.event_type for w in sim.webhooks]


def test_a_person_confirms_the_appointment(harness: Harness, example: ModuleType) -> None:
    sim = harness.sim
    sim.callee(PATIENT, answer_after=4, answered_by=AnsweredBy.human(1.0))
    call_id = remind(harness)
    assert outcome(harness, call_id) == (200, {"callId": call_id, "outcome": "calling"})
    sim.advance(4 + 6.4)  # ringing, then "Hello?" (0.5 s in, 1 s) and 5 s of silence
    assert sim.call(call_id).heard == []
    sim.advance(0.1)
    assert sim.call(call_id).heard == [example.REMINDER]
    sim.advance(10)
    sim.press(call_id, "1")
    sim.advance(10)
    call = sim.call(call_id)
    assert call.heard[-1] == "Thank you. See you tomorrow."
    assert call.disconnect_cause == "hangup"
    assert outcome(harness, call_id)[1]["outcome"] == "confirmed"
    if harness.detection == "async":  # type: ignore[attr-defined]
        assert kinds(sim) == [
            "answer",
            "machineDetectionComplete",
            "redirect",
            "gather",
            "disconnect",
        ]
    else:
        assert kinds(sim) == ["answer", "gather", "disconnect"]
        result = sim.webhooks[0].payload["machineDetectionResult"]
        assert result == {"value": "human", "duration": "PT6.5S"}
    assert all(w.ok for w in sim.webhooks)


def test_an_answering_machine_gets_the_message_after_its_beep(
    harness: Harness, example: ModuleType
) -> None:
    sim = harness.sim
    sim.callee(PATIENT, answer_after=2, answered_by=AnsweredBy.machine(greeting=14))
    call_id = remind(harness)
    sim.advance(2 + 14.4)  # the greeting plays until 14.5 s after the answer
    assert sim.call(call_id).heard == []
    sim.advance(0.1)  # the beep: delayResult's answering-machine result comes now
    assert sim.call(call_id).heard == [example.VOICEMAIL]
    sim.advance(60)
    assert sim.call(call_id).disconnect_cause == "hangup"
    assert outcome(harness, call_id)[1]["outcome"] == "voicemail"


def test_silence_is_hung_up_on(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(PATIENT, answer_after=1, answered_by="silence")
    call_id = remind(harness)
    sim.advance(1 + 10)
    call = sim.call(call_id)
    assert (call.state, call.heard) == ("disconnected", [])
    assert outcome(harness, call_id)[1]["outcome"] == "nobody"


def test_a_busy_line_is_recorded(harness: Harness) -> None:
    sim = harness.sim
    sim.callee(PATIENT, busy=True)
    call_id = remind(harness)
    sim.advance(1)
    assert sim.call(call_id).disconnect_cause == "busy"
    assert kinds(sim) == ["disconnect"]
    assert outcome(harness, call_id)[1]["outcome"] == "no-answer"


def test_the_app_answers_for_unknown_reminders_and_bad_requests(harness: Harness) -> None:
    assert harness.request("GET", "/reminders/c-nobody")[0] == 404
    status, body = harness.request("POST", "/reminders", {"to": "not a number"})
    assert status == 400 and "to" in body["error"]


def test_the_app_says_what_to_set(
    example: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("BW_USERNAME", "BW_PASSWORD", "BASE_CALLBACK_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BW_ACCOUNT_ID", "9900000")
    assert example.main() == 2
    err = capsys.readouterr().err
    assert "BW_USERNAME" in err and "BASE_CALLBACK_URL" in err and "BW_ACCOUNT_ID" not in err

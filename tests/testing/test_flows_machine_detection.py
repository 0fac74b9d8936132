"""Answering-machine detection: what answered, when the detector knows, and where it says so."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Dict, List

import pytest

from bandwidth.models import MachineDetectionConfiguration
from bandwidth.testing import AnsweredBy, VoiceSimulator
from bandwidth.testing._voice.machine_detection import DetectionSettings, detect, iso_duration
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.testing.events import assert_event

TO = "+19195551234"
MD = "https://app.example/amd"
HELLO = bxml("<SpeakSentence>Hello there.</SpeakSentence><Pause duration='600'/>")


@pytest.mark.parametrize(
    ("heard", "settings", "expected"),
    [
        # a person says hello (0.5 s in, 1.5 s), then speechEndThreshold (5 s) of silence
        (AnsweredBy.human(), {}, ("human", 7.0)),
        # a greeting reaches speechThreshold (10 s) 10.5 s in
        (AnsweredBy.machine(), {}, ("answering-machine", 10.5)),
        # a person talking as long is taken for a machine: the threshold is all it hears
        (AnsweredBy.human(11), {}, ("answering-machine", 10.5)),
        (AnsweredBy.silence(), {}, ("silence", 10.0)),
        (AnsweredBy.human(speech_start=12), {}, ("silence", 10.0)),
        # a beep decides before the threshold
        (AnsweredBy.machine(5), {}, ("answering-machine", 5.5)),
        # delayResult: until the beep (12.5 s), the end of speech, or detectionTimeout
        (AnsweredBy.machine(), {"delay_result": True}, ("answering-machine", 12.5)),
        (AnsweredBy.machine(beep=False), {"delay_result": True}, ("answering-machine", 15.0)),
        (
            AnsweredBy.machine(beep=False),
            {"delay_result": True, "machine_speech_end_threshold": 1},
            ("answering-machine", 13.5),
        ),
        (AnsweredBy.human(), {"delay_result": True}, ("human", 7.0)),
        # nothing decided within detectionTimeout
        (AnsweredBy.silence(), {"silence_timeout": 20}, ("timeout", 15.0)),
        (AnsweredBy.machine(12, beep=False), {"speech_threshold": 20}, ("timeout", 15.0)),
        (AnsweredBy.human(), {"detection_timeout": 5}, ("timeout", 5.0)),
        (AnsweredBy.human(), {"speech_end_threshold": 1}, ("human", 3.0)),
    ],
)
def test_the_detector_decides_as_the_settings_describe(
    heard: AnsweredBy, settings: Dict[str, Any], expected: Any
) -> None:
    assert detect(heard, DetectionSettings(**settings)) == expected


def test_settings_come_from_the_request_with_the_spec_defaults() -> None:
    assert DetectionSettings.of({}) == DetectionSettings()
    assert DetectionSettings.of({"detectionTimeout": None, "speechThreshold": 4}) == (
        DetectionSettings(speech_threshold=4)
    )
    assert iso_duration(7) == "PT7S" and iso_duration(10.5) == "PT10.5S"
    assert iso_duration(1 / 3) == "PT0.333S"


def call_with(sim: VoiceSimulator, **config: Any) -> str:
    return outbound_call(
        sim,
        disconnect_url="https://app.example/bye",
        machine_detection=MachineDetectionConfiguration(**config),
    )


def test_async_the_answer_goes_at_once_and_machine_detection_complete_follows() -> None:
    app = ScriptedApp({"/answer": HELLO})
    with VoiceSimulator(app=app) as sim:
        sim.callee(TO, answer_after=2, answered_by="machine")
        call_id = call_with(
            sim, callback_url=MD, username="amd", password="secret", callback_method="POST"
        )
        sim.advance(2)
        assert [h.event_type for h in sim.webhooks] == ["answer"]
        assert sim.call(call_id).heard == ["Hello there."]  # the BXML runs meanwhile
        answered = sim.now()
        sim.advance(20)
        hooks = sim.webhooks
    assert [h.event_type for h in hooks] == ["answer", "machineDetectionComplete"]
    assert_event(hooks[0].payload, extra=frozenset({"enqueuedTime"}))  # no result in async
    done = assert_event(hooks[1].payload, extra=frozenset({"enqueuedTime"}))
    assert done.machine_detection_result is not None
    assert (done.machine_detection_result.value, done.machine_detection_result.duration) == (
        "answering-machine",
        "PT10.5S",
    )
    assert hooks[1].time == answered + timedelta(seconds=10.5)
    assert hooks[1].url == MD
    assert app.requests[1]["path"] == "/amd"


def test_sync_the_answer_waits_and_carries_the_result() -> None:
    app = ScriptedApp({"/answer": HELLO})
    with VoiceSimulator(app=app) as sim:
        sim.callee(TO, answer_after=1, answered_by=AnsweredBy.human(2))
        call_id = call_with(sim, mode="sync", callback_url=MD)
        sim.advance(1)
        answered = sim.now()
        assert sim.call(call_id).state == "answered" and sim.webhooks == []
        sim.advance(7.4)
        assert sim.webhooks == []
        sim.advance(0.1)
        hooks, call = sim.webhooks, sim.call(call_id)
    assert [h.event_type for h in hooks] == ["answer"]  # no machineDetectionComplete in sync
    answer = assert_event(
        hooks[0].payload, extra=frozenset({"enqueuedTime", "machineDetectionResult"})
    )
    assert answer.machine_detection_result is not None
    assert answer.machine_detection_result.value == "human"
    assert answer.machine_detection_result.duration == "PT7.5S"  # 0.5 + 2 + 5
    assert hooks[0].time == answered + timedelta(seconds=7.5)
    assert answer.answer_time == answered  # answered then; the webhook waited
    assert call.heard == ["Hello there."]


def test_an_unscripted_callee_is_a_human() -> None:
    app = ScriptedApp({"/answer": HELLO})
    with VoiceSimulator(app=app) as sim:
        call_id = call_with(sim, callback_url=MD)
        sim.answer(call_id)
        sim.advance(10)
        result = sim.webhooks[-1].payload["machineDetectionResult"]
    assert result == {"value": "human", "duration": "PT7S"}


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_call_ending_before_the_result_sends_none(mode: str) -> None:
    app = ScriptedApp({"/answer": HELLO})
    with VoiceSimulator(app=app) as sim:
        sim.callee(TO, answer_after=0, hang_up_after=3, answered_by="silence")
        call_with(sim, mode=mode, callback_url=MD)
        sim.advance(30)
        kinds = [h.event_type for h in sim.webhooks]
    assert kinds == (["answer", "disconnect"] if mode == "async" else ["disconnect"])


def test_async_without_a_callback_url_sends_nothing() -> None:
    app = ScriptedApp({"/answer": HELLO})
    with VoiceSimulator(app=app) as sim:
        call_id = call_with(sim)
        sim.answer(call_id)
        sim.advance(30)
        assert [h.event_type for h in sim.webhooks] == ["answer"]
        assert "no callbackUrl, so no machineDetectionComplete" in sim.call(call_id).timeline()


def test_the_result_follows_the_delivery_rules() -> None:
    seen: List[Dict[str, Any]] = []

    def app(environ: Dict[str, Any], start_response: Any) -> List[bytes]:
        path = environ["PATH_INFO"]
        seen.append({"path": path, "auth": environ.get("HTTP_AUTHORIZATION")})
        if path == "/amd" and not environ.get("HTTP_AUTHORIZATION"):
            start_response("401 Unauthorized", [("WWW-Authenticate", "Basic")])
            return []
        if path == "/amd":
            start_response("503 Busy", [])
            return []
        start_response("200 OK", [])
        return [HELLO.encode()]

    with VoiceSimulator(app=app) as sim:
        call_id = call_with(
            sim,
            callback_url=MD,
            username="amd",
            password="secret",
            fallback_url="https://backup.example/amd-fallback",
            fallback_method="GET",
            fallback_username="fb",
            fallback_password="fb-secret",
        )
        sim.answer(call_id)
        sim.advance(10)
        hook = sim.webhooks[-1]
        call = sim.call(call_id)
    assert [s["path"] for s in seen] == ["/answer", "/amd", "/amd", "/amd-fallback"]
    assert seen[2]["auth"] is not None and seen[3]["auth"] is None
    assert (hook.method, hook.status) == ("GET", 200)
    assert call.state == "answered"  # its reply is ignored, whatever it holds


def test_transfer_legs_and_inbound_calls_are_not_detected() -> None:
    app = ScriptedApp({"/initiate": HELLO})
    with VoiceSimulator(app=app) as sim:
        sim.inbound_call(
            "+19195550000",
            "+19195550001",
            answer_url="https://app.example/initiate",
            machine_detection={"mode": "async", "callbackUrl": MD},
        )
        sim.advance(30)
        assert [h.event_type for h in sim.webhooks] == ["initiate"]

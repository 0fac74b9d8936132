"""The voicemail example, end to end against the simulator: in-process and over real HTTP.

A caller reaches the app, hears the greeting and the tone, talks, and
presses ``#`` (or goes silent); the app saves the recording to a file through
the SDK (``RecordingsApi.download_call_recording_to``) and files it with its
transcript.
"""

from __future__ import annotations

import io
import json
import wave
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, Iterator

import pytest

from bandwidth import Configuration
from bandwidth.testing import VoiceSimulator
from tests.examples.flask_server import LateApp, load_example, serving

CALLER = "+19195550100"
NUMBER = "+19195551234"


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return load_example("voicemail_app")


@pytest.fixture(params=["in-process", "over-http"])
def flow(
    request: pytest.FixtureRequest, example: ModuleType, tmp_path: Path
) -> Iterator[Dict[str, Any]]:
    """A simulator wired to the voicemail app, its mailbox, and the app's base URL."""
    mailbox = example.Mailbox(tmp_path / "voicemail")
    if request.param == "in-process":
        late = LateApp()  # the app needs the started simulator's URL for its API calls
        with VoiceSimulator(app=late) as sim:
            late.app = example.create_app(sim.configuration(), sim.account_id, mailbox)
            yield {"sim": sim, "base": "https://voicemail.example", "mailbox": mailbox}
        return
    with VoiceSimulator(deliver_webhooks=True) as sim:
        application = example.create_app(sim.configuration(), sim.account_id, mailbox)
        with serving(application) as base:
            yield {"sim": sim, "base": base, "mailbox": mailbox}


def call_in(flow: Dict[str, Any]) -> str:
    sim: VoiceSimulator = flow["sim"]
    return sim.inbound_call(
        NUMBER,
        CALLER,
        answer_url=f"{flow['base']}/callbacks/callInitiated",
        disconnect_url=f"{flow['base']}/callbacks/status",
    )


def test_a_caller_leaves_a_message(flow: Dict[str, Any], example: ModuleType) -> None:
    sim: VoiceSimulator = flow["sim"]
    call_id = call_in(flow)
    sim.advance(11)  # greeting and instructions: 26 words, 10.4 s; then the tone (3 s)
    call = sim.call(call_id)
    assert call.heard == [example.GREETING, example.INSTRUCTIONS, f"{flow['base']}/tone.wav"]
    sim.advance(3)  # the tone is over: recording since 13.4 s
    sim.speak(call_id, "Hi it is Jerry about the latex order please call me back")
    sim.advance(5)
    sim.press(call_id, "#")
    sim.advance(10)

    call = sim.call(call_id)
    assert call.heard[-1] == example.THANKS
    assert (call.state, call.disconnect_cause) == ("disconnected", "hangup")
    events = [w.event_type for w in call.webhooks]
    assert events[:4] == [
        "initiate",
        "recordComplete",
        "recordingAvailable",
        "transcriptionAvailable",
    ]
    assert events[-1] == "disconnect"
    assert all(w.ok for w in call.webhooks)

    (message,) = flow["mailbox"].messages
    (rec,) = sim.recordings
    assert message.recording_id == rec.recording_id and message.caller == CALLER
    assert message.transcript == "Hi it is Jerry about the latex order please call me back"
    # saved where the mailbox keeps its audio, named by the recording
    assert message.path == flow["mailbox"].directory / f"{rec.recording_id}.wav"
    with wave.open(str(message.path)) as audio:  # real bytes, of the recorded length
        assert audio.getnframes() / audio.getframerate() == rec.seconds
    assert message.duration == f"PT{rec.seconds:g}S"
    assert [p.name for p in flow["mailbox"].directory.iterdir()] == [message.path.name]
    downloads = sim.requests_for("download_call_recording")
    assert len(downloads) == 1 and downloads[0].headers["authorization"].startswith("Basic ")
    assert downloads[0].path.endswith(f"/calls/{call_id}/recordings/{rec.recording_id}/media")


def test_silence_ends_the_message(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    call_id = call_in(flow)
    sim.advance(14)
    sim.speak(call_id, "short one")
    sim.advance(30)  # no "#": 5 s of silence end it
    (rec,) = sim.recordings
    assert rec.speech == ("short one",)
    assert rec.seconds == pytest.approx(0.6 + 0.8 + 5)  # 13.4 s to 14 s, the words, 5 s silence
    assert sim.call(call_id).state == "disconnected"
    assert flow["mailbox"].messages[0].transcript == "short one"


def test_a_caller_hanging_up_still_leaves_the_message(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    call_id = call_in(flow)
    sim.advance(14)
    sim.speak(call_id, "bye", seconds=1)
    sim.advance(2)
    sim.hangup(call_id)
    sim.advance(1)
    assert "recordComplete" not in [w.event_type for w in sim.webhooks]
    (message,) = flow["mailbox"].messages
    assert message.transcript == "bye" and message.path.read_bytes()[:4] == b"RIFF"


def test_a_failed_download_keeps_the_message(flow: Dict[str, Any]) -> None:
    sim: VoiceSimulator = flow["sim"]
    sim.fail_next("download_call_recording", 404)
    call_id = call_in(flow)
    sim.advance(14)
    sim.speak(call_id, "are you there")
    sim.advance(30)
    (message,) = flow["mailbox"].messages
    (rec,) = sim.recordings
    assert (message.recording_id, message.path) == (rec.recording_id, None)
    assert message.transcript == "are you there"
    assert list(flow["mailbox"].directory.iterdir()) == []  # no partial file either
    assert all(w.ok for w in sim.webhooks)  # the app answered every webhook


@pytest.mark.parametrize("recording_id", ["../../escape", "r-1/../../x", "", "r-" + "a" * 200])
def test_an_id_that_is_no_file_name_is_refused(
    example: ModuleType, tmp_path: Path, recording_id: str
) -> None:
    mailbox = example.Mailbox(tmp_path / "voicemail")
    configuration = Configuration(host="http://127.0.0.1:9", username="u", password="p")
    client = example.create_app(configuration, "9900000", mailbox).test_client()
    event = {
        "eventType": "recordingAvailable",
        "callId": "c-1234",
        "recordingId": recording_id,
        "fileFormat": "wav",
    }
    response = client.post(
        "/callbacks/recordingAvailable", data=json.dumps(event), content_type="application/json"
    )
    assert response.status_code == 400
    assert mailbox.messages == [] and not (tmp_path / "voicemail").exists()


def test_the_tone_is_a_real_wav(example: ModuleType) -> None:
    with wave.open(io.BytesIO(example.tone_wav())) as audio:
        assert (audio.getframerate(), audio.getnchannels(), audio.getnframes()) == (8000, 1, 4000)

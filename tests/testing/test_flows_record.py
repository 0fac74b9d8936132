"""Recording in call flows: ``<Record>`` and ``<StartRecording>`` with their events.

The far end talks with ``sim.speak`` (silence otherwise), presses keys with
``sim.press``, and the clock decides what ends a ``<Record>``. What a flow
records is then a recording the REST API lists, gets, downloads (real audio
of the recorded length), transcribes and deletes.
"""

from __future__ import annotations

import io
import wave
from typing import Any, Dict, Iterator, List
from urllib.parse import urlsplit

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.support.raw import ACCOUNT, Raw
from tests.testing.media_checks import assert_event_matches_spec

RECORD = (
    '<Record recordCompleteUrl="/done" recordingAvailableUrl="/available"'
    ' transcribe="true" transcriptionAvailableUrl="/transcribed" {attrs}/>'
)


@pytest.fixture
def app() -> ScriptedApp:
    return ScriptedApp({"/done": bxml("<SpeakSentence>Thank you.</SpeakSentence>")})


@pytest.fixture
def sim(app: ScriptedApp) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=app) as simulator:
        yield simulator


@pytest.fixture
def raw(sim: VoiceSimulator) -> Iterator[Raw]:
    client = Raw(sim)
    yield client
    client.close()


def run(sim: VoiceSimulator, app: ScriptedApp, document: str, **fields: Any) -> str:
    app.routes["/answer"] = document
    call_id = outbound_call(sim, disconnect_url="https://app.example/bye", **fields)
    sim.answer(call_id)
    return call_id


def events(sim: VoiceSimulator) -> List[str]:
    return [w.event_type for w in sim.webhooks]


def recording_path(call_id: str, recording_id: str = "") -> str:
    path = f"/api/v2/accounts/{ACCOUNT}/calls/{call_id}/recordings"
    return f"{path}/{recording_id}" if recording_id else path


# -- what ends a <Record> ------------------------------------------------------------------


def test_a_terminating_digit_ends_the_record(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs="")))
    sim.speak(call_id, "Hi it is Bob call me back")  # 7 words: 2.8 s
    sim.advance(4)
    sim.press(call_id, "#")
    sim.advance(5)
    assert events(sim) == [
        "answer",
        "recordComplete",
        "recordingAvailable",
        "transcriptionAvailable",
        "disconnect",
    ]
    done = sim.webhooks[1].payload
    assert done["duration"] == "PT4S" and done["channels"] == 1 and done["fileFormat"] == "wav"
    transcribed = sim.webhooks[3].payload["transcription"]
    assert transcribed == {"speaker": 0, "text": "Hi it is Bob call me back", "confidence": 0.9}
    call = sim.call(call_id)
    assert call.heard == ["Thank you."]  # the recordComplete reply ran next
    (rec,) = sim.recordings
    assert (rec.seconds, rec.status, rec.speech) == (
        4.0,
        "complete",
        ("Hi it is Bob call me back",),
    )


def test_other_digits_do_not_end_it_and_an_empty_terminator_disables_it(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs='terminatingDigits="" maxDuration="10"')))
    sim.press(call_id, "1#")
    sim.advance(9)
    assert events(sim) == ["answer"]
    sim.advance(1)  # maxDuration
    assert events(sim)[1] == "recordComplete"
    assert sim.webhooks[1].payload["duration"] == "PT10S"


def test_max_duration_cuts_the_words(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs='maxDuration="2"')))
    sim.speak(call_id, "one two three four five six seven eight", seconds=4)  # a word each 0.5 s
    sim.advance(10)
    (rec,) = sim.recordings
    assert rec.seconds == 2.0
    assert rec.speech == ("one two three four",)
    assert sim.webhooks[3].payload["transcription"]["text"] == "one two three four"


def test_silence_timeout_counts_from_the_end_of_the_speech(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs='silenceTimeout="3"')))
    sim.advance(2)
    sim.speak(call_id, "hello", seconds=2)  # talks from 2 s to 4 s
    sim.advance(4.9)  # 6.9 s: silent for 2.9 s only
    assert events(sim) == ["answer"]
    sim.speak(call_id, "", seconds=1)  # sound without words, 6.9 s to 7.9 s
    sim.advance(2.9)  # 9.8 s
    assert events(sim) == ["answer"]
    sim.advance(1.1)  # 10.9 s: 3 s after the sound
    assert events(sim)[1] == "recordComplete"
    assert sim.recordings[0].seconds == pytest.approx(10.9)


def test_silence_from_the_start_ends_it_too(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs='silenceTimeout="2.5"')))
    sim.advance(2.4)
    assert events(sim) == ["answer"]
    sim.advance(0.1)
    assert events(sim)[1:3] == ["recordComplete", "recordingAvailable"]
    assert sim.recordings[0].speech == ("",)
    sim.advance(1)
    assert sim.call(call_id).heard == ["Thank you."]


def test_a_hang_up_ends_it_without_record_complete(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs="")))
    sim.advance(3)
    sim.hangup(call_id)
    assert events(sim) == ["answer", "recordingAvailable", "transcriptionAvailable", "disconnect"]
    assert sim.recordings[0].seconds == 3.0


def test_without_record_complete_url_the_document_goes_on(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(
        sim,
        app,
        bxml(
            '<Record maxDuration="5" tag="voicemail"/>',
            "<SpeakSentence>Goodbye.</SpeakSentence>",
        ),
    )
    sim.advance(10)
    call = sim.call(call_id)
    assert call.heard == ["Goodbye."]
    assert events(sim) == ["answer", "disconnect"]
    assert sim.webhooks[-1].payload["tag"] == "voicemail"  # Record's tag applies from its start


def test_a_redirect_ends_the_record_without_record_complete(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    app.routes["/moved"] = bxml("<SpeakSentence>Moved.</SpeakSentence>")
    call_id = run(sim, app, bxml(RECORD.format(attrs="")))
    sim.advance(2)
    reply = raw.update(call_id, {"redirectUrl": "https://app.example/moved"})
    assert reply.status == 200
    sim.advance(5)
    assert events(sim) == [
        "answer",
        "redirect",  # the update's, before the recording's events
        "recordingAvailable",
        "transcriptionAvailable",
        "disconnect",
    ]
    assert sim.recordings[0].seconds == 2.0


def test_record_answers_an_inbound_call_and_takes_mp3(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    app.routes["/initiate"] = bxml('<Record fileFormat="mp3" maxDuration="3"/>')
    call_id = sim.inbound_call(
        "+19195550000", "+19195550001", answer_url="https://app.example/initiate"
    )
    sim.advance(5)
    call = sim.call(call_id)
    assert call.answer_time is not None
    (rec,) = sim.recordings
    assert (rec.file_format, rec.seconds) == ("mp3", 3.0)


# -- what the REST API shows ---------------------------------------------------------------


def test_the_recording_is_listed_downloaded_transcribed_and_deleted(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs='maxDuration="6"')))
    sim.speak(call_id, "please call me back")
    sim.advance(10)
    listed = raw.send("GET", recording_path(call_id))
    assert listed.status == 200
    (item,) = listed.json()
    recording_id = item["recordingId"]
    assert (item["duration"], item["status"], item["callId"]) == ("PT6S", "complete", call_id)
    assert item["transcription"]["status"] == "available"
    media_url = sim.webhooks[2].payload["mediaUrl"]  # recordingAvailable's
    assert media_url == item["mediaUrl"]
    media = raw.send("GET", urlsplit(media_url).path)
    assert media.status == 200 and media.headers["Content-Type"] == "audio/vnd.wave"
    with wave.open(io.BytesIO(media.body)) as audio:
        assert audio.getnframes() / audio.getframerate() == 6.0
    transcript = raw.send("GET", recording_path(call_id, recording_id) + "/transcription")
    assert transcript.json()["transcripts"][0]["text"] == "please call me back"
    assert raw.send("DELETE", recording_path(call_id, recording_id)).status == 204
    assert raw.send("GET", recording_path(call_id, recording_id)).status == 404


def test_transcribe_call_recording_sends_transcription_available(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    call_id = run(sim, app, bxml('<Record maxDuration="4"/>'))
    sim.speak(call_id, "call me")
    sim.advance(10)
    (rec,) = sim.recordings
    path = recording_path(call_id, rec.recording_id) + "/transcription"
    body = {
        "callbackUrl": "https://app.example/ondemand",
        "tag": "on-demand",
        "username": "u",
        "password": "p",
    }
    assert raw.send("POST", path, body).status == 204
    hook = sim.webhooks[-1]
    assert (hook.event_type, hook.url) == ("transcriptionAvailable", "https://app.example/ondemand")
    assert hook.payload["tag"] == "on-demand"
    assert hook.payload["transcription"]["text"] == "call me"
    assert_event_matches_spec(hook)


# -- <StartRecording> ----------------------------------------------------------------------

BACKGROUND = (
    '<StartRecording recordingAvailableUrl="/available" {attrs}/>'
    "<SpeakSentence>Your call is recorded.</SpeakSentence>"  # 4 words: 1.6 s
    '<Pause duration="4"/>'
)


def test_start_recording_runs_beside_the_verbs_until_the_call_ends(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(sim, app, bxml(BACKGROUND.format(attrs="")))
    sim.advance(1)
    sim.speak(call_id, "hello there", seconds=1)
    sim.advance(10)
    assert events(sim) == ["answer", "recordingAvailable", "disconnect"]
    (rec,) = sim.recordings
    assert rec.seconds == pytest.approx(5.6)
    assert rec.speech == ("Your call is hello recorded. there",)  # both sides, as said in time


def test_multi_channel_keeps_each_side_on_its_channel(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(sim, app, bxml(BACKGROUND.format(attrs='multiChannel="true"')))
    sim.speak(call_id, "hello there", seconds=1)
    sim.advance(10)
    (rec,) = sim.recordings
    assert rec.channels == 2
    assert rec.speech == ("hello there", "Your call is recorded.")
    assert sim.webhooks[1].payload["channels"] == 2


def test_pause_resume_and_stop(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim,
        app,
        bxml(
            '<StartRecording recordingAvailableUrl="/available"/>',
            '<Pause duration="2"/><PauseRecording/><Pause duration="3"/>',
            '<PauseRecording/><ResumeRecording/><Pause duration="1"/><StopRecording/>',
            "<StopRecording/><ResumeRecording/>",  # nothing to act on: no effect
            '<Pause duration="2"/>',
        ),
    )
    sim.speak(call_id, "one two three four five six", seconds=6)  # a word a second
    sim.advance(10)
    (rec,) = sim.recordings
    assert (rec.seconds, rec.paused_seconds) == (3.0, 3.0)
    assert rec.speech == ("one two six",)
    assert sim.webhooks[1].payload["duration"] == "PT3S"
    timeline = sim.call(call_id).timeline()
    assert "<StopRecording> has nothing to act on" in timeline
    assert "<PauseRecording> " in timeline and "nothing to change" in timeline


def test_a_second_start_recording_is_ignored(sim: VoiceSimulator, app: ScriptedApp) -> None:
    run(sim, app, bxml("<StartRecording/>", '<Pause duration="1"/>', "<StartRecording/>"))
    sim.advance(5)
    assert len(sim.recordings) == 1


def test_the_rest_api_pauses_a_flow_recording(
    sim: VoiceSimulator, app: ScriptedApp, raw: Raw
) -> None:
    call_id = run(sim, app, bxml("<StartRecording/>", '<Pause duration="10"/>'))
    sim.speak(call_id, "a b c d e f g h i j", seconds=10)
    sim.advance(3)
    path = f"/api/v2/accounts/{ACCOUNT}/calls/{call_id}/recording"
    assert raw.send("PUT", path, {"state": "paused"}).status == 200
    sim.advance(4)
    assert raw.send("PUT", path, {"state": "recording"}).status == 200
    sim.advance(5)
    (rec,) = sim.recordings
    assert (rec.seconds, rec.speech) == (6.0, ("a b c h i j",))
    assert "paused (update_call_recording_state)" in sim.call(call_id).timeline()


def test_transcription_of_a_too_short_recording_reads_no_words(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(sim, app, bxml(RECORD.format(attrs="")))
    sim.press(call_id, "#")  # at once: a 0-second recording
    sim.advance(5)
    (hook,) = [w for w in sim.webhooks if w.event_type == "transcriptionAvailable"]
    assert hook.payload["transcription"] == {"speaker": 0, "text": "", "confidence": 0.0}
    assert sim.recordings[0].transcription.status == "file-size-too-small"  # type: ignore[union-attr]


def test_every_recording_event_matches_its_model_and_the_spec(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    app.routes["/initiate"] = bxml(RECORD.format(attrs='tag="inbound" maxDuration="2"'))
    run(sim, app, bxml(RECORD.format(attrs='maxDuration="2" fileFormat="mp3"')), tag="t")
    sim.inbound_call("+19195550000", "+19195550001", answer_url="https://app.example/initiate")
    sim.advance(5)
    seen: Dict[str, int] = {}
    for hook in sim.webhooks:
        if hook.event_type in ("answer", "initiate", "disconnect"):
            continue
        assert_event_matches_spec(hook)
        seen[hook.event_type] = seen.get(hook.event_type, 0) + 1
    assert seen == {"recordComplete": 2, "recordingAvailable": 2, "transcriptionAvailable": 2}
    done = next(w.payload for w in sim.webhooks if w.event_type == "recordComplete")
    assert set(done) == {
        "eventType", "eventTime", "accountId", "applicationId", "from", "to", "direction",
        "callId", "callUrl", "enqueuedTime", "startTime", "answerTime", "tag", "recordingId",
        "mediaUrl", "endTime", "duration", "fileFormat", "channels",
    }  # fmt: skip
    available = next(w.payload for w in sim.webhooks if w.event_type == "recordingAvailable")
    assert "answerTime" not in available and available["status"] == "complete"

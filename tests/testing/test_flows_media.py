"""Background media in call flows: ``<StartGather>``, streams and real-time transcription.

No WebSocket is opened: the test plays the socket's server
(``sim.close_stream``, ``sim.fail_websocket``) and the far end's voice
(``sim.speak``), and checks the events, what the store holds, and what the
REST API serves.
"""

from __future__ import annotations

from typing import Any, Iterator, List

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call
from tests.support.raw import ACCOUNT, Raw
from tests.testing.media_checks import assert_event_matches_spec


@pytest.fixture
def app() -> ScriptedApp:
    return ScriptedApp()


@pytest.fixture
def sim(app: ScriptedApp) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=app) as simulator:
        yield simulator


def run(sim: VoiceSimulator, app: ScriptedApp, *verbs: str, **fields: Any) -> str:
    app.routes["/answer"] = bxml(*verbs)
    call_id = outbound_call(sim, disconnect_url="https://app.example/bye", **fields)
    sim.answer(call_id)
    return call_id


def payloads(sim: VoiceSimulator, event_type: str) -> List[Any]:
    return [w.payload for w in sim.webhooks if w.event_type == event_type]


# -- <StartGather> -------------------------------------------------------------------------


def test_start_gather_sends_each_digit_until_stop_gather(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(
        sim,
        app,
        '<StartGather dtmfUrl="/dtmf" tag="menu"/>',
        '<Pause duration="5"/>',
        "<StopGather/>",
        '<Pause duration="5"/>',
    )
    sim.press(call_id, "12")
    sim.advance(6)
    sim.press(call_id, "3")
    digits = [p["digit"] for p in payloads(sim, "dtmf")]
    assert digits == ["1", "2"]
    assert payloads(sim, "dtmf")[0]["tag"] == "menu"
    assert "digit 3 not collected" in sim.call(call_id).timeline()


def test_a_gather_pauses_start_gather(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim,
        app,
        '<StartGather dtmfUrl="/dtmf"/>',
        '<Gather maxDigits="1" firstDigitTimeout="10"/>',
        '<Pause duration="5"/>',
    )
    sim.press(call_id, "45")  # 4 ends the Gather; 5 goes to StartGather
    assert [p["digit"] for p in payloads(sim, "dtmf")] == ["5"]


def test_digits_in_a_conference_and_a_record_reach_start_gather(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(
        sim,
        app,
        '<StartGather dtmfUrl="/dtmf"/>',
        "<Conference>room</Conference>",
    )
    sim.press(call_id, "9")
    app.routes["/rec"] = bxml('<StartGather dtmfUrl="/dtmf2"/><Record maxDuration="5"/>')
    other = outbound_call(sim, answer_url="https://app.example/rec")
    sim.answer(other)
    sim.press(other, "7#")
    hooks = [w for w in sim.webhooks if w.event_type == "dtmf"]
    assert [(w.url, w.payload["digit"]) for w in hooks] == [
        ("https://app.example/dtmf", "9"),
        ("https://app.example/dtmf2", "7"),
        ("https://app.example/dtmf2", "#"),
    ]
    assert sim.recordings[0].seconds == 0.0  # "#" ended the Record too


# -- streams -------------------------------------------------------------------------------

STREAM = (
    '<StartStream name="live" destination="wss://ai.example/socket" tracks="both"'
    ' streamEventUrl="/stream"><StreamParam name="customer" value="42"/></StartStream>'
)


def test_a_stream_starts_and_stops(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, STREAM, '<Pause duration="3"/>', '<StopStream name="live"/>')
    sim.advance(5)
    started, stopped = payloads(sim, "mediaStreamStarted"), payloads(sim, "mediaStreamStopped")
    assert started[0]["mediaStream"]["tracks"] == ["inbound", "outbound"]
    assert started[0]["mediaStream"]["type"] == "WebSocket"
    assert stopped[0]["cause"] == "closed" and stopped[0]["mediaStream"]["duration"] == "PT3S"
    (stream,) = sim.streams
    assert (stream.name, stream.status, stream.params) == ("live", "stopped", {"customer": "42"})
    assert stream.call_id == call_id


def test_the_call_ending_stops_its_streams(sim: VoiceSimulator, app: ScriptedApp) -> None:
    run(sim, app, STREAM)  # the last verb: the call ends at once, and the stream with it
    assert [w.event_type for w in sim.webhooks] == [
        "answer",
        "mediaStreamStarted",
        "mediaStreamStopped",
        "disconnect",
    ]


def test_streams_are_rejected_for_a_taken_name_or_too_many_tracks(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    run(
        sim,
        app,
        STREAM,
        STREAM,  # the name is taken
        '<StartStream destination="wss://b.example" tracks="both" streamEventUrl="/stream"/>',
        '<StartStream destination="wss://c.example" streamEventUrl="/stream"/>',  # a 5th track
        '<Pause duration="1"/>',
    )
    rejected = payloads(sim, "mediaStreamRejected")
    assert [(p["cause"], "originalMediaStream" in p) for p in rejected] == [
        ("duplicate", True),
        ("track-limit", False),
    ]
    assert rejected[0]["originalMediaStream"]["name"] == "live"
    assert [s.status for s in sim.streams] == ["streaming", "rejected", "streaming", "rejected"]


def test_a_failing_socket_rejects_the_stream(sim: VoiceSimulator, app: ScriptedApp) -> None:
    sim.fail_websocket("wss://ai.example/socket")
    run(sim, app, STREAM, '<Pause duration="1"/>')
    (rejected,) = payloads(sim, "mediaStreamRejected")
    assert rejected["cause"] == "connection-error"
    assert rejected["errorMessage"] == "Could not connect to wss://ai.example/socket."


def test_stop_stream_wait_holds_until_the_server_closes(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(
        sim,
        app,
        STREAM.replace('tracks="both"', 'mode="bidirectional"'),
        '<StopStream name="live" wait="true"/>',
        "<SpeakSentence>Stream over.</SpeakSentence>",
    )
    sim.advance(60)
    assert sim.call(call_id).heard == []
    sim.close_stream(call_id, "live", cause="error", error_message="socket broke")
    assert sim.call(call_id).heard == ["Stream over."]
    (stopped,) = payloads(sim, "mediaStreamStopped")
    assert (stopped["cause"], stopped["errorMessage"]) == ("error", "socket broke")
    with pytest.raises(ValueError, match="no stream 'live' is running"):
        sim.close_stream(call_id, "live")


# -- real-time transcription ---------------------------------------------------------------

TRANSCRIBE = (
    '<StartTranscription name="live" tracks="both" transcriptionEventUrl="/transcription"'
    ' destination="wss://stt.example" stabilized="false">'
    '<CustomParam name="ticket" value="7"/></StartTranscription>'
)


def test_a_transcription_holds_both_sides(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim,
        app,
        TRANSCRIBE,
        "<SpeakSentence>How can I help?</SpeakSentence>",  # 4 words: 1.6 s
        '<Pause duration="4"/>',
        '<StopTranscription name="live"/>',
        '<Pause duration="1"/>',
    )
    sim.advance(2)
    sim.speak(call_id, "I need help with my bill")
    sim.advance(10)
    assert [w.event_type for w in sim.webhooks if "Transcription" in w.event_type] == [
        "realTimeTranscriptionStarted",
        "realTimeTranscriptionStopped",
        "realTimeTranscriptionAvailable",
    ]
    (transcription,) = sim.transcriptions
    texts = {track: t.texts for track, t in transcription.tracks.items()}
    assert texts == {"inbound": ["I need help with my bill"], "outbound": ["How can I help?"]}
    available = payloads(sim, "realTimeTranscriptionAvailable")[0]["realTimeTranscription"]
    assert available["status"] == "available"
    raw = Raw(sim)
    try:
        path = f"/api/v2/accounts/{ACCOUNT}/calls/{call_id}/transcriptions"
        (listed,) = raw.send("GET", path).json()
        assert listed["transcriptionUrl"] == available["url"]
        got = raw.send("GET", f"{path}/{transcription.transcription_id}").json()
        assert [t["transcript"] for t in got["tracks"]] == [
            "I need help with my bill",
            "How can I help?",
        ]
    finally:
        raw.close()


def test_the_call_ending_stops_transcriptions(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, TRANSCRIBE, '<Pause duration="10"/>')
    sim.speak(call_id, "goodbye")
    sim.advance(1)
    sim.hangup(call_id)
    assert [w.event_type for w in sim.webhooks][-3:] == [
        "realTimeTranscriptionStopped",
        "realTimeTranscriptionAvailable",
        "disconnect",
    ]
    assert sim.transcriptions[0].tracks["inbound"].texts == ["goodbye"]


def test_stop_transcription_without_a_name_stops_them_all(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    run(
        sim,
        app,
        '<StartTranscription name="a"/><StartTranscription name="b" tracks="outbound"/>',
        '<Pause duration="1"/><StopTranscription/><Pause duration="1"/>',
    )
    sim.advance(1.5)
    assert [t.end_time is not None for t in sim.transcriptions] == [True, True]


def test_transcriptions_are_rejected_like_streams(sim: VoiceSimulator, app: ScriptedApp) -> None:
    sim.fail_websocket("wss://down.example", cause="error")
    run(
        sim,
        app,
        TRANSCRIBE,
        TRANSCRIBE,  # duplicate
        '<StartTranscription destination="wss://down.example"'
        ' transcriptionEventUrl="/transcription"/>',
        '<StartTranscription tracks="both" transcriptionEventUrl="/transcription"/>',  # 4 tracks
        '<StartTranscription transcriptionEventUrl="/transcription"/>',  # a 5th
        '<Pause duration="1"/>',
    )
    causes = [p["cause"] for p in payloads(sim, "realTimeTranscriptionRejected")]
    assert causes == ["duplicate", "error", "track-limit"]
    assert len(sim.transcriptions) == 2


def test_every_media_event_matches_its_model(sim: VoiceSimulator, app: ScriptedApp) -> None:
    sim.fail_websocket("wss://down.example")
    call_id = run(
        sim,
        app,
        '<StartGather dtmfUrl="/dtmf"/>',
        STREAM,
        STREAM,
        TRANSCRIBE,
        TRANSCRIBE,
        '<Pause duration="2"/>',
        '<StopStream name="live"/><StopTranscription/>',
        '<Pause duration="2"/>',
        tag="checked",
    )
    sim.press(call_id, "1")
    sim.speak(call_id, "hello")
    sim.advance(5)
    seen = set()
    for hook in sim.webhooks:
        if hook.event_type not in ("answer", "disconnect"):
            assert_event_matches_spec(hook)
            seen.add(hook.event_type)
            assert hook.payload["tag"] == "checked"
    assert seen == {
        "dtmf",
        "mediaStreamStarted",
        "mediaStreamRejected",
        "mediaStreamStopped",
        "realTimeTranscriptionStarted",
        "realTimeTranscriptionRejected",
        "realTimeTranscriptionStopped",
        "realTimeTranscriptionAvailable",
    }


def test_speak_checks_its_arguments(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, '<Pause duration="5"/>')
    with pytest.raises(ValueError, match="give text, or seconds"):
        sim.speak(call_id)
    with pytest.raises(ValueError, match="positive"):
        sim.speak(call_id, "hi", seconds=0)
    with pytest.raises(KeyError):
        sim.speak("c-unknown", "hi")
    sim.advance(10)
    with pytest.raises(ValueError, match="only an answered call talks"):
        sim.speak(call_id, "too late")
    with pytest.raises(ValueError, match="cause must be one of"):
        sim.fail_websocket("wss://x.example", cause="closed")

"""The simulator's Recordings operations (and conference recordings) over raw HTTP.

Recordings are seeded through the test API (``sim.add_recording``,
``sim.start_recording``), which writes through the same store the
``<Record>`` and ``<StartRecording>`` verbs will. Media downloads are real
audio files; every JSON body also decodes with the SDK's models.
"""

from __future__ import annotations

import io
import json
import wave
from datetime import datetime, timedelta, timezone
from typing import Iterator
from urllib.parse import quote

import pytest

from bandwidth.models import (
    CallRecordingMetadata,
    ConferenceRecordingMetadata,
    RecordingTranscriptions,
    TranscribeRecording,
    UpdateCallRecording,
)
from bandwidth.testing import ManualClock, VoiceSimulator
from tests.support.raw import ACCOUNT, CALLS, Raw
from tests.testing.contract import wire

START = datetime(2024, 3, 1, 12, 0, 0, tzinfo=timezone.utc)
ACCOUNT_RECORDINGS = f"/api/v2/accounts/{ACCOUNT}/recordings"
CONFERENCES = f"/api/v2/accounts/{ACCOUNT}/conferences"


@pytest.fixture
def sim() -> Iterator[VoiceSimulator]:
    with VoiceSimulator(clock=ManualClock(START), deliver_webhooks=False) as simulator:
        yield simulator


def recording_path(call_id: str, recording_id: str, suffix: str = "") -> str:
    return f"{CALLS}/{call_id}/recordings/{recording_id}{suffix}"


# -- metadata ------------------------------------------------------------------------------


def test_get_call_recording_shows_the_call_and_the_recording(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered", to="+15550001111", parent_call_id="c-parent")
    rec_id = sim.add_recording(
        call_id,
        duration=13.67,
        channels=2,
        name="greeting",
        transfer_caller_id="+15550002222",
        transfer_to="+15550003333",
    )
    reply = raw.send("GET", recording_path(call_id, rec_id))
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "application/json"
    base = f"{sim.url}/accounts/{ACCOUNT}/calls/{call_id}/recordings/{rec_id}"
    assert reply.json() == {
        "applicationId": "04e88489-df02-4e34-a0ee-27a91849555f",
        "accountId": ACCOUNT,
        "callId": call_id,
        "parentCallId": "c-parent",
        "recordingId": rec_id,
        "to": "+15550001111",
        "from": "+19195554321",
        "transferCallerId": "+15550002222",
        "transferTo": "+15550003333",
        "duration": "PT13.67S",
        "direction": "outbound",
        "channels": 2,
        "startTime": "2024-03-01T11:59:46.330Z",
        "endTime": "2024-03-01T12:00:00.000Z",
        "fileFormat": "wav",
        "status": "complete",
        "mediaUrl": base + "/media",
        "transcription": None,
        "recordingName": "greeting",
    }
    model = CallRecordingMetadata.from_json(reply.body)
    assert model is not None and model.recording_id == rec_id and rec_id.startswith("r-")
    assert model.end_time == START


def test_keys_the_spec_types_as_strings_are_left_out_when_unset(
    sim: VoiceSimulator, raw: Raw
) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id)
    body = raw.send("GET", recording_path(call_id, rec_id)).json()
    for key in ("parentCallId", "transferCallerId", "transferTo", "recordingName"):
        assert key not in body


def test_list_call_recordings(sim: VoiceSimulator, raw: Raw) -> None:
    call_id, other = sim.bulk_create(2, state="answered")
    first = sim.add_recording(call_id, duration=2)
    sim.add_recording(other)
    sim.advance(10)
    second = sim.add_recording(call_id, duration=3, file_format="mp3")
    reply = raw.send("GET", f"{CALLS}/{call_id}/recordings")
    assert reply.status == 200
    listed = [CallRecordingMetadata.from_dict(item) for item in reply.json()]
    assert [(r.recording_id, r.file_format) for r in listed if r] == [
        (first, "wav"),
        (second, "mp3"),
    ]


def test_list_call_recordings_of_a_call_without_any_or_unknown_is_empty(
    sim: VoiceSimulator, raw: Raw
) -> None:
    call_id = sim.add_call()
    assert raw.send("GET", f"{CALLS}/{call_id}/recordings").json() == []
    # Bandwidth's smoke test for the official SDK: the real API answers 200 [] here
    unknown = raw.send("GET", f"{CALLS}/c-unknown/recordings")
    assert (unknown.status, unknown.json()) == (200, [])


def test_a_recording_outlives_its_call_record_for_30_days(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="disconnected")
    rec_id = sim.add_recording(call_id)
    sim.advance(8 * 86400)
    assert raw.get(call_id).status == 404  # the call is past its 7 days
    assert raw.send("GET", recording_path(call_id, rec_id)).status == 200
    assert len(raw.send("GET", f"{CALLS}/{call_id}/recordings").json()) == 1
    sim.advance(23 * 86400)
    assert raw.send("GET", recording_path(call_id, rec_id)).status == 404
    assert raw.send("GET", f"{CALLS}/{call_id}/recordings").json() == []


def test_a_recording_is_only_found_under_its_own_call(sim: VoiceSimulator, raw: Raw) -> None:
    call_id, other = sim.bulk_create(2, state="answered")
    rec_id = sim.add_recording(call_id)
    for method in ("GET", "DELETE"):
        reply = raw.send(method, recording_path(other, rec_id))
        assert reply.status == 404
    assert raw.send("GET", recording_path(other, rec_id, "/media")).status == 404
    assert raw.send("GET", recording_path(call_id, "r-unknown")).status == 404


# -- the account's recordings --------------------------------------------------------------


def test_list_account_call_recordings_filters(sim: VoiceSimulator, raw: Raw) -> None:
    a = sim.add_call(state="answered", to="+15550000001")
    b = sim.add_call(state="answered", to="+15550000002", from_="+15550000009")
    r1 = sim.add_recording(a, duration=1)  # started 11:59:59
    sim.advance(60)
    r2 = sim.add_recording(b, duration=1)  # started 12:00:59
    conf = sim.add_conference("room")
    sim.add_conference_recording(conf)  # not a call recording: never listed here
    listed = raw.send("GET", ACCOUNT_RECORDINGS)
    assert listed.status == 200
    assert [r["recordingId"] for r in listed.json()] == [r1, r2]

    def ids(query: str) -> list:
        return [r["recordingId"] for r in raw.send("GET", f"{ACCOUNT_RECORDINGS}?{query}").json()]

    assert ids("to=%2B15550000002") == [r2]
    assert ids("from=%2B15550000009") == [r2]
    assert ids("from=%2B19195554321&to=%2B15550000001") == [r1]
    assert ids("minStartTime=2024-03-01T12:00:00Z") == [r2]
    assert ids("minStartTime=2024-03-01T12:00:59Z") == [r2]  # inclusive
    assert ids("maxStartTime=2024-03-01T12:00:59Z") == [r1]  # before
    assert ids(f"maxStartTime={quote('2024-03-01T12:01:00+00:00')}") == [r1, r2]
    bad = raw.send("GET", f"{ACCOUNT_RECORDINGS}?minStartTime=soon")
    assert bad.status == 400


def test_list_account_call_recordings_is_capped_at_1000(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    for _ in range(1001):
        sim.add_recording(call_id, duration=1)
    reply = raw.send("GET", ACCOUNT_RECORDINGS)
    assert len(reply.json()) == 1000
    assert "Link" not in reply.headers


# -- media ---------------------------------------------------------------------------------


def test_download_gives_a_wav_file_of_the_recordings_length(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, duration=2.5, channels=2)
    reply = raw.send("GET", recording_path(call_id, rec_id, "/media"))
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "audio/vnd.wave"
    with wave.open(io.BytesIO(reply.body)) as audio:
        assert audio.getnchannels() == 2
        assert audio.getsampwidth() == 2
        assert audio.getnframes() / audio.getframerate() == 2.5
        frames = audio.readframes(audio.getnframes())
    assert any(frames), "a tone, not silence"


def test_download_gives_mp3_frames_for_an_mp3_recording(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, duration=1.0, file_format="mp3")
    reply = raw.send("GET", recording_path(call_id, rec_id, "/media"))
    assert reply.status == 200
    assert reply.headers["Content-Type"] == "audio/mpeg"
    body = reply.body
    frame = 144  # MPEG-1 Layer III, 32 kbit/s at 32 kHz
    assert len(body) % frame == 0
    assert len(body) // frame == 28  # ceil(1 s * 32000 / 1152)
    assert all(body[i : i + 2] == b"\xff\xfb" for i in range(0, len(body), frame))


def test_media_is_capped_at_thirty_seconds(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, duration=3600)
    body = raw.send("GET", recording_path(call_id, rec_id, "/media")).body
    with wave.open(io.BytesIO(body)) as audio:
        assert audio.getnframes() / audio.getframerate() == 30.0
    assert raw.send("GET", recording_path(call_id, rec_id)).json()["duration"] == "PT3600S"


@pytest.mark.parametrize("status", ["processing", "error"])
def test_media_of_a_recording_processing_or_in_error_is_not_available(
    sim: VoiceSimulator, raw: Raw, status: str
) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, status=status)
    body = raw.send("GET", recording_path(call_id, rec_id)).json()
    assert (body["status"], body["mediaUrl"]) == (status, None)
    reply = raw.send("GET", recording_path(call_id, rec_id, "/media"))
    assert reply.status == 404
    assert f"is not available ({status})" in reply.expect_error()["description"]
    assert raw.send("POST", recording_path(call_id, rec_id, "/transcription"), {}).status == 404
    partial = sim.add_recording(call_id, status="partial")
    assert raw.send("GET", recording_path(call_id, partial, "/media")).status == 200


def test_delete_media_keeps_the_metadata_as_deleted(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id)
    media = recording_path(call_id, rec_id, "/media")
    reply = raw.send("DELETE", media)
    assert (reply.status, reply.body) == (204, b"")
    assert raw.send("GET", media).status == 404
    assert raw.send("DELETE", media).status == 404
    body = raw.send("GET", recording_path(call_id, rec_id)).json()
    assert (body["status"], body["mediaUrl"]) == ("deleted", None)
    assert sim.recording(rec_id).status == "deleted"


def test_delete_recording_removes_metadata_media_and_transcription(
    sim: VoiceSimulator, raw: Raw
) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, transcript="hello")
    reply = raw.send("DELETE", recording_path(call_id, rec_id))
    assert (reply.status, reply.body) == (204, b"")
    for suffix in ("", "/media", "/transcription"):
        assert raw.send("GET", recording_path(call_id, rec_id, suffix)).status == 404
    assert raw.send("GET", f"{CALLS}/{call_id}/recordings").json() == []
    assert raw.send("DELETE", recording_path(call_id, rec_id)).status == 404
    kept = sim.recording(rec_id)  # the test still sees it, marked
    assert kept.deleted and kept.transcription is None


# -- the live recording: pause and resume --------------------------------------------------


def test_pause_and_resume_a_recording_in_progress(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.start_recording(call_id)
    path = f"{CALLS}/{call_id}/recording"
    assert raw.send("GET", f"{CALLS}/{call_id}/recordings").json() == []  # not ended yet
    assert raw.send("GET", recording_path(call_id, rec_id)).status == 404
    sim.advance(4)
    reply = raw.send("PUT", path, wire(UpdateCallRecording(state="paused")))
    assert (reply.status, reply.body) == (200, b"")
    assert sim.recording(rec_id).status == "paused"
    sim.advance(10)
    assert raw.send("PUT", path, {"state": "paused"}).status == 200  # already: no change
    assert raw.send("PUT", path, {"state": "recording"}).status == 200
    assert sim.recording(rec_id).status == "recording"
    sim.advance(3)
    sim.hangup(call_id)  # the call ending ends the recording
    rec = sim.recording(rec_id)
    assert (rec.status, rec.seconds, rec.paused_seconds) == ("complete", 7.0, 10.0)
    body = raw.send("GET", recording_path(call_id, rec_id)).json()
    assert body["duration"] == "PT7S"
    assert body["endTime"] == "2024-03-01T12:00:17.000Z"
    assert raw.send("PUT", path, {"state": "recording"}).status == 404  # the call has ended


def test_update_recording_state_without_a_recording_is_404(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    reply = raw.send("PUT", f"{CALLS}/{call_id}/recording", {"state": "paused"})
    assert reply.status == 404
    assert "no recording in progress" in reply.expect_error()["description"]
    assert raw.send("PUT", f"{CALLS}/c-unknown/recording", {"state": "paused"}).status == 404


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({}, 400),
        ({"state": None}, 400),
        ({"state": "stopped"}, 400),
        ({"state": 1}, 400),
        ("state=paused", 415),
    ],
)
def test_update_recording_state_refuses_bad_bodies(
    sim: VoiceSimulator, raw: Raw, body: object, status: int
) -> None:
    call_id = sim.add_call(state="answered")
    sim.start_recording(call_id)
    path = f"{CALLS}/{call_id}/recording"
    if isinstance(body, str):
        reply = raw.send("PUT", path, body, content_type="application/x-www-form-urlencoded")
    else:
        reply = raw.send("PUT", path, json.dumps(body), content_type="application/json")
    assert reply.status == status


def test_stop_recording_ends_it_now(sim: VoiceSimulator) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.start_recording(call_id, file_format="mp3")
    with pytest.raises(ValueError, match="recording already"):
        sim.start_recording(call_id)
    sim.advance(2)
    sim.stop_recording(rec_id)
    assert sim.recording(rec_id).seconds == 2.0
    with pytest.raises(ValueError, match="has ended"):
        sim.stop_recording(rec_id)
    with pytest.raises(ValueError, match="only an answered call"):
        sim.start_recording(sim.add_call())


# -- a recording's transcription -----------------------------------------------------------


def test_a_seeded_transcript_is_the_recordings_transcription(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, duration=4, channels=2, transcript=["Hi there", "Hello"])
    meta = raw.send("GET", recording_path(call_id, rec_id)).json()["transcription"]
    assert meta["status"] == "available"
    assert meta["completedTime"] == "2024-03-01T12:00:00.000Z"
    assert (
        meta["url"]
        == f"{sim.url}/accounts/{ACCOUNT}/calls/{call_id}/recordings/{rec_id}/transcription"
    )
    assert meta["id"].startswith("t-")
    reply = raw.send("GET", recording_path(call_id, rec_id, "/transcription"))
    assert reply.status == 200
    model = RecordingTranscriptions.from_json(reply.body)
    assert model is not None
    assert [(t.speaker, t.text) for t in model.transcripts or []] == [(0, "Hi there"), (1, "Hello")]
    assert [(c.start_time_seconds, c.end_time_seconds) for c in model.clips or []] == [
        (0.0, 4.0),
        (0.0, 4.0),
    ]


def test_request_a_transcription_then_delete_it(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, duration=3)
    path = recording_path(call_id, rec_id, "/transcription")
    assert raw.send("GET", path).status == 404  # not transcribed yet
    assert raw.send("DELETE", path).status == 404
    sim.advance(5)
    request = wire(
        TranscribeRecording(
            callback_url="https://myServer.example/transcriptionAvailable",
            tag="t",
            detect_language=True,
        )
    )
    reply = raw.send("POST", path, request)
    assert (reply.status, reply.body) == (204, b"")
    transcript = sim.recording(rec_id).transcription
    assert transcript is not None and transcript.request == request
    body = raw.send("GET", path).json()
    assert body["transcripts"] == [{"speaker": 0, "text": "", "confidence": 0.9}]  # silence
    meta = raw.send("GET", recording_path(call_id, rec_id)).json()["transcription"]
    assert meta["completedTime"] == "2024-03-01T12:00:05.000Z"
    deleted = raw.send("DELETE", path)
    assert (deleted.status, deleted.body) == (204, b"")
    assert raw.send("GET", path).status == 404
    assert raw.send("GET", recording_path(call_id, rec_id)).json()["transcription"] is None


@pytest.mark.parametrize(
    ("seconds", "status"), [(0.5, "file-size-too-small"), (14400, "file-size-too-big")]
)
def test_a_recording_too_short_or_too_long_is_not_transcribed(
    sim: VoiceSimulator, raw: Raw, seconds: float, status: str
) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id, duration=seconds, transcript="words")
    meta = raw.send("GET", recording_path(call_id, rec_id)).json()["transcription"]
    assert meta["status"] == status
    reply = raw.send("GET", recording_path(call_id, rec_id, "/transcription"))
    assert reply.status == 404
    assert status in reply.expect_error()["description"]


@pytest.mark.parametrize(
    "body",
    [
        {"callbackUrl": "ftp://x.example/t"},
        {"callbackMethod": "PUT"},
        {"callbackTimeout": 30},
        {"detectLanguage": "yes"},
        {"username": "u" * 1025},
    ],
)
def test_transcription_requests_are_validated(sim: VoiceSimulator, raw: Raw, body: dict) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id)
    reply = raw.send("POST", recording_path(call_id, rec_id, "/transcription"), body)
    assert reply.status == 400
    assert sim.recording(rec_id).transcription is None


def test_media_deleted_cannot_be_transcribed(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    rec_id = sim.add_recording(call_id)
    raw.send("DELETE", recording_path(call_id, rec_id, "/media"))
    reply = raw.send("POST", recording_path(call_id, rec_id, "/transcription"), {})
    assert reply.status == 404


# -- conference recordings -----------------------------------------------------------------


def test_conference_recordings_list_get_and_download(sim: VoiceSimulator, raw: Raw) -> None:
    conf_id = sim.add_conference("room", sim.bulk_create(2, state="answered"))
    rec_id = sim.add_conference_recording(conf_id, duration=1.5, name="minutes")
    base = f"{CONFERENCES}/{conf_id}/recordings"
    listed = raw.send("GET", base)
    assert listed.status == 200
    assert [r["recordingId"] for r in listed.json()] == [rec_id]
    reply = raw.send("GET", f"{base}/{rec_id}")
    assert reply.status == 200
    assert reply.json() == {
        "accountId": ACCOUNT,
        "conferenceId": conf_id,
        "name": "room",
        "recordingId": rec_id,
        "duration": "PT1.5S",
        "channels": 1,
        "startTime": "2024-03-01T11:59:58.500Z",
        "endTime": "2024-03-01T12:00:00.000Z",
        "fileFormat": "wav",
        "status": "complete",
        "mediaUrl": f"{sim.url}/accounts/{ACCOUNT}/conferences/{conf_id}/recordings/{rec_id}/media",
        "recordingName": "minutes",
    }
    model = ConferenceRecordingMetadata.from_json(reply.body)
    assert model is not None and model.conference_id == conf_id
    media = raw.send("GET", f"{base}/{rec_id}/media")
    assert media.headers["Content-Type"] == "audio/vnd.wave"
    with wave.open(io.BytesIO(media.body)) as audio:
        assert (audio.getnchannels(), audio.getnframes()) == (1, 12000)
    assert raw.send("GET", f"{base}/r-unknown").status == 404
    assert raw.send("GET", f"{base}/r-unknown/media").status == 404


def test_a_conference_recording_in_progress_ends_with_the_conference(
    sim: VoiceSimulator, raw: Raw
) -> None:
    calls = sim.bulk_create(2, state="answered")
    conf_id = sim.add_conference("room", calls)
    with sim._store.lock:  # as <StartRecording> in the conference will
        store = sim._store
        rec = store.recordings.start(store.conferences.get(conf_id), sim.now(), channels=2)
    assert rec.channels == 1  # always one on a conference
    sim.advance(6)
    for call_id in calls:
        sim.hangup(call_id)  # the last member leaving completes the conference
    body = raw.send("GET", f"{CONFERENCES}/{conf_id}/recordings/{rec.recording_id}").json()
    assert (body["duration"], body["status"]) == ("PT6S", "complete")
    assert raw.send("GET", f"{CALLS}/{calls[0]}/recordings").json() == []


def test_a_call_recording_is_not_found_under_a_conference(sim: VoiceSimulator, raw: Raw) -> None:
    call_id = sim.add_call(state="answered")
    conf_id = sim.add_conference("room", [call_id])
    rec_id = sim.add_recording(call_id)
    assert raw.send("GET", f"{CONFERENCES}/{conf_id}/recordings/{rec_id}").status == 404
    assert raw.send("GET", f"{CONFERENCES}/{conf_id}/recordings").json() == []


# -- the seeding API -----------------------------------------------------------------------


def test_add_recording_checks_its_arguments(sim: VoiceSimulator) -> None:
    call_id = sim.add_call(state="answered")
    with pytest.raises(KeyError):
        sim.add_recording("c-unknown")
    for bad in (
        {"file_format": "ogg"},
        {"channels": 3},
        {"duration": -1},
        {"status": "recording"},
        {"transcript": ["one", "two"]},  # one channel, two texts
        {"start_time": datetime(2024, 1, 1)},  # naive
    ):
        with pytest.raises(ValueError):
            sim.add_recording(call_id, **bad)  # type: ignore[arg-type]
    assert sim.recordings == []


def test_add_recording_at_a_given_start_time(sim: VoiceSimulator) -> None:
    call_id = sim.add_call(state="answered")
    start = START - timedelta(hours=1)
    rec = sim.recording(sim.add_recording(call_id, duration=10, start_time=start))
    assert (rec.start_time, rec.end_time) == (start, start + timedelta(seconds=10))


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("POST", f"{CALLS}/c-1/recordings", "GET"),
        ("PATCH", f"{CALLS}/c-1/recordings/r-1", "DELETE, GET"),
        ("PUT", f"{CALLS}/c-1/recordings/r-1/transcription", "DELETE, GET, POST"),
        ("GET", f"{CALLS}/c-1/recording", "PUT"),
        ("DELETE", f"{CONFERENCES}/conf-1", "GET, POST"),
        ("POST", ACCOUNT_RECORDINGS, "GET"),
    ],
)
def test_a_method_the_path_does_not_take_is_405_with_allow(
    sim: VoiceSimulator, raw: Raw, method: str, path: str, allow: str
) -> None:
    reply = raw.send(method, path)
    assert (reply.status, reply.headers["Allow"]) == (405, allow)
    assert reply.expect_error()["type"] == "method-not-allowed"
    assert sim.requests[-1].operation is None

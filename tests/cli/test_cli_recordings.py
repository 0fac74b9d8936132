"""``bandwidth recordings list|get|download``, in-process against a VoiceSimulator.

Each test runs ``bandwidth.cli.main(argv)`` with credentials in the
environment and checks the exit status, what was printed, what reached the
simulator (``sim.requests``) and, for downloads, the files left behind.
"""

from __future__ import annotations

import io
import os
import re
import sys
import wave
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, List, Tuple

import pytest

from bandwidth.testing import VoiceSimulator

TO = "+19195551234"
OTHER = "+19195550000"
FROM = "+19195554321"
#: When the first of ``_two_recordings`` started (recent: the API keeps recordings 30 days).
FIRST_START = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(days=1)


def _iso(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _answered(sim: VoiceSimulator, to: str = TO) -> str:
    call_id = sim.add_call(to=to, from_=FROM)
    sim.answer(call_id)
    return call_id


def _two_recordings(sim: VoiceSimulator) -> Tuple[str, str, str, str]:
    first_call, second_call = _answered(sim), _answered(sim, OTHER)
    first = sim.add_recording(first_call, duration=2.0, start_time=FIRST_START)
    second = sim.add_recording(
        second_call, duration=1.0, file_format="mp3", start_time=FIRST_START + timedelta(hours=1)
    )
    return first_call, first, second_call, second


def _wav(data: bytes) -> Tuple[int, int, float]:
    """Channels, sample rate and seconds of a WAV file; raises unless the header is valid."""
    with wave.open(io.BytesIO(data)) as audio:
        frames = audio.getnframes()
        assert len(data) == 44 + frames * audio.getsampwidth() * audio.getnchannels()
        return audio.getnchannels(), audio.getframerate(), frames / audio.getframerate()


def _files(directory: Path) -> List[str]:
    return sorted(os.listdir(directory))


# -- list ------------------------------------------------------------------------------


def test_list_prints_the_accounts_recordings_in_wire_format(sim: VoiceSimulator, cli: Any) -> None:
    first_call, first, second_call, second = _two_recordings(sim)
    result = cli("recordings", "list")
    assert (result.code, result.err) == (0, "")
    printed = result.json()
    assert [(r["callId"], r["recordingId"]) for r in printed] == [
        (first_call, first),
        (second_call, second),
    ]
    assert printed[1]["fileFormat"] == "mp3" and printed[0]["from"] == FROM
    assert "recording_id" not in printed[0]  # wire names, not Python ones
    (request,) = sim.requests_for("list_account_call_recordings")
    assert request.query == {}


def test_list_sends_every_filter(sim: VoiceSimulator, cli: Any) -> None:
    _, first, _, _ = _two_recordings(sim)
    window = [_iso(FIRST_START - timedelta(minutes=30)), _iso(FIRST_START + timedelta(minutes=30))]
    result = cli(
        "recordings", "list", "--to", TO, "--from", FROM,
        "--min-start-time", window[0], "--max-start-time", window[1],
    )  # fmt: skip
    assert result.code == 0, result.err
    assert [r["recordingId"] for r in result.json()] == [first]
    (request,) = sim.requests_for("list_account_call_recordings")
    assert request.query == {
        "to": [TO],
        "from": [FROM],
        "minStartTime": [window[0]],
        "maxStartTime": [window[1]],
    }
    # Each filter filters: the window alone leaves out the second recording, --to alone too.
    assert len(cli("recordings", "list", "--max-start-time", window[1]).json()) == 1
    assert len(cli("recordings", "list", "--to", OTHER).json()) == 1
    assert len(cli("recordings", "list").json()) == 2


def test_list_with_call_id_prints_that_calls_recordings(sim: VoiceSimulator, cli: Any) -> None:
    _, _, second_call, second = _two_recordings(sim)
    result = cli("recordings", "list", "--call-id", second_call)
    assert result.code == 0, result.err
    assert [r["recordingId"] for r in result.json()] == [second]
    assert len(sim.requests_for("list_call_recordings")) == 1
    assert sim.requests_for("list_account_call_recordings") == []


def test_list_with_nothing_recorded_is_an_empty_array(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("recordings", "list", "--call-id", _answered(sim))
    assert (result.code, result.out, result.err) == (0, "[]\n", "")


# -- get -------------------------------------------------------------------------------


def test_get_prints_the_recordings_metadata(sim: VoiceSimulator, cli: Any) -> None:
    first_call, first, _, _ = _two_recordings(sim)
    result = cli("recordings", "get", first_call, first)
    assert (result.code, result.err) == (0, "")
    printed = result.json()
    assert printed["recordingId"] == first and printed["callId"] == first_call
    assert printed["duration"] == "PT2S" and printed["fileFormat"] == "wav"
    assert printed["mediaUrl"].endswith(f"/calls/{first_call}/recordings/{first}/media")


def test_get_an_unknown_recording_is_a_404(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered(sim)
    result = cli("recordings", "get", call_id, "r-missing")
    assert result.code == 1
    assert result.expect_error_line() == (
        f"error: (404) Not Found: Recording r-missing of call {call_id} was not found."
    )


# -- download --------------------------------------------------------------------------


def test_download_saves_a_valid_wav_named_after_the_recording(
    sim: VoiceSimulator, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id, duration=2.0, channels=2)
    result = cli("recordings", "download", call_id, recording_id)
    assert (result.code, result.out) == (0, "")
    data = (tmp_path / f"{recording_id}.wav").read_bytes()
    assert result.err == f"saved {recording_id}.wav ({len(data)} bytes, audio/vnd.wave)\n"
    assert _wav(data) == (2, 8000, 2.0)
    assert _files(tmp_path) == [f"{recording_id}.wav"]
    # The name's extension came from the metadata, read first.
    assert [r.operation for r in sim.requests] == ["get_call_recording", "download_call_recording"]


def test_download_an_mp3_by_default_gets_the_mp3_extension(
    sim: VoiceSimulator, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id, file_format="mp3")
    result = cli("recordings", "download", call_id, recording_id)
    assert result.code == 0, result.err
    assert _files(tmp_path) == [f"{recording_id}.mp3"]
    assert result.err.endswith(", audio/mpeg)\n")


def test_download_to_a_named_file_sends_one_request(
    sim: VoiceSimulator, cli: Any, tmp_path: Path
) -> None:
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id, duration=1.0)
    target = tmp_path / "call.wav"
    target.write_bytes(b"an older file, replaced whole")
    result = cli("recordings", "download", call_id, recording_id, "-o", str(target))
    assert (result.code, result.out) == (0, "")
    assert _wav(target.read_bytes()) == (1, 8000, 1.0)
    assert result.err.startswith(f"saved {target} (16044 bytes, ")
    assert [r.operation for r in sim.requests] == ["download_call_recording"]
    assert _files(tmp_path) == ["call.wav"]


def test_download_to_stdout_writes_the_bytes_and_nothing_else(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id, duration=1.0)
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="utf-8"))
    result = cli("recordings", "download", call_id, recording_id, "-o", "-")
    assert (result.code, result.err) == (0, "")
    assert _wav(raw.getvalue()) == (1, 8000, 1.0)


class _Terminal(io.TextIOWrapper):
    def isatty(self) -> bool:
        return True


def test_download_to_stdout_refuses_a_terminal_and_sends_nothing(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id)
    terminal = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", _Terminal(terminal, encoding="utf-8"))
    result = cli("recordings", "download", call_id, recording_id, "-o", "-")
    assert result.code == 2
    assert result.expect_error_line() == (
        "error: -o -: stdout is a terminal; give -o FILE, or redirect stdout to a file or "
        "pipe (see 'bandwidth recordings download --help')"
    )
    assert terminal.getvalue() == b""
    assert sim.requests == []


def test_a_failed_download_leaves_no_file(
    sim: VoiceSimulator, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The connection drops after part of the media: exit 1, no file, no temporary file."""
    monkeypatch.chdir(tmp_path)
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: audio/vnd.wave\r\nContent-Length: 80044\r\n\r\n"
    sim.raw_next("download_call_recording", head + b"RIFF" + b"\0" * 5000)
    result = cli("recordings", "download", call_id, recording_id, "-o", "part.wav")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: ")
    assert _files(tmp_path) == []


def test_max_bytes_refuses_longer_media_and_leaves_no_file(
    sim: VoiceSimulator, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id, duration=1.0)
    argv = ["recordings", "download", call_id, recording_id, "-o", "small.wav", "--max-bytes"]
    for limit in ("100", "16000"):  # the media is 16044 bytes
        result = cli(*argv, limit)
        assert result.code == 1
        assert result.expect_error_line() == (
            f"error: the media is larger than --max-bytes {limit}; nothing was saved"
        )
        assert _files(tmp_path) == []
    assert cli(*argv, "20000").code == 0


def test_an_unknown_recording_downloads_nothing(
    sim: VoiceSimulator, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    call_id = _answered(sim)
    for output in ([], ["-o", "x.wav"]):
        result = cli("recordings", "download", call_id, "r-missing", *output)
        assert result.code == 1
        assert result.expect_error_line().startswith("error: (404) Not Found: Recording r-missing")
    assert _files(tmp_path) == []


def test_a_file_that_cannot_be_made_is_one_error_line(sim: VoiceSimulator, cli: Any) -> None:
    """Not even root makes files in /proc: the SDK's temporary file fails, before sending."""
    call_id = _answered(sim)
    recording_id = sim.add_recording(call_id)
    result = cli("recordings", "download", call_id, recording_id, "-o", "/proc/recording.wav")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: cannot write '/proc/recording.wav': ")
    assert sim.requests == []


@pytest.mark.parametrize(
    ("output", "message"),
    [
        (".", "-o '.' is a directory; give a file name"),
        ("/nonexistent/dir/x.wav", "-o '/nonexistent/dir/x.wav': no such directory"),
        ("", "-o: give a file name, or '-' for stdout"),
    ],
)
def test_bad_destinations_are_refused_before_sending(
    sim: VoiceSimulator, cli: Any, output: str, message: str
) -> None:
    result = cli("recordings", "download", "c-1", "r-1", "-o", output)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert sim.requests == []


# -- bad command lines: exit 2, one line, nothing sent ---------------------------------

BAD_INPUT = [
    (["recordings"], "the following arguments are required: OPERATION"),
    (["recordings", "delete", "c-1", "r-1"], "argument OPERATION: invalid choice: 'delete'"),
    (["recordings", "get", "c-1"], "the following arguments are required: RECORDING_ID"),
    (["recordings", "get", "c-1", ""], "RECORDING_ID must not be empty"),
    (["recordings", "get", "c-1", "r-1", "--bogus"],
     "unrecognized arguments: --bogus (see 'bandwidth recordings get --help')"),
    (["recordings", "list", "--call-id", ""], "--call-id must not be empty"),
    (["recordings", "list", "--call-id", "c-1", "--to", TO, "--max-start-time", "2024-01-01"],
     "the filters --to, --max-start-time apply to the account's recordings only, "
     "not with --call-id"),
    (["recordings", "list", "--min-start-time", "yesterday"],
     "--min-start-time must be an ISO 8601 date-time"),
    (["recordings", "list", "--page-size", "10"], "unrecognized arguments: --page-size 10"),
    (["recordings", "download", "c-1", "../r-1"],
     "RECORDING_ID '../r-1' is not a plain file name; give -o FILE"),
    (["recordings", "download", "c-1", "r-1", "--max-bytes", "0"],
     "argument --max-bytes: must be 1 or more, got 0"),
    (["recordings", "download", "c-1", "r-1", "--deadline", "0"],
     "argument --deadline: must be more than 0 seconds"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT, ids=lambda v: " ".join(v)[:60])
def test_bad_input_is_one_line_exit_2_and_nothing_is_sent(
    sim: VoiceSimulator, cli: Any, argv: List[str], message: str
) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert sim.requests == []


def test_help_of_every_operation(cli: Any) -> None:
    for operation in ("list", "get", "download"):
        result = cli("recordings", operation, "--help")
        assert (result.code, result.err) == (0, "")
        assert result.out.startswith(f"usage: bandwidth recordings {operation}")
    # "-o FILE, --output FILE"; Python 3.13 shows "-o, --output FILE"
    assert re.search(r"-o( FILE)?, --output FILE", cli("recordings", "download", "--help").out)


def test_list_flags_cover_every_list_account_call_recordings_parameter() -> None:
    import inspect

    from bandwidth import RecordingsApi
    from bandwidth._operation import OPTION_NAMES
    from bandwidth.cli._fields import RECORDING_LIST_FLAGS

    parameters = set(inspect.signature(RecordingsApi.list_account_call_recordings).parameters)
    parameters -= {"self", "account_id", *OPTION_NAMES}
    assert {flag.parameter for flag in RECORDING_LIST_FLAGS} == parameters

"""``bandwidth transcriptions list|get|delete`` and ``bandwidth statistics get``, in-process.

Each test runs ``bandwidth.cli.main(argv)`` against a VoiceSimulator named by
``BW_*`` variables and checks the exit status, what was printed and the
request that reached the simulator (``sim.requests``).
"""

from __future__ import annotations

from typing import Any, List

import pytest

from bandwidth.testing import VoiceSimulator


def _answered(sim: VoiceSimulator) -> str:
    call_id = sim.add_call(to="+19195551234", from_="+19195554321")
    sim.answer(call_id)
    return call_id


# -- transcriptions --------------------------------------------------------------------


def test_list_prints_the_calls_transcriptions_in_wire_format(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered(sim)
    first = sim.add_transcription(call_id, "hello there", name="greeting")
    second = sim.add_transcription(call_id, {"outbound": "goodbye"})
    result = cli("transcriptions", "list", call_id)
    assert (result.code, result.err) == (0, "")
    printed = result.json()
    assert [t["transcriptionId"] for t in printed] == [first, second]
    assert printed[0]["transcriptionName"] == "greeting"
    assert "transcription_id" not in printed[0]  # wire names, not Python ones
    (request,) = sim.requests
    assert (request.method, request.path) == (
        "GET",
        f"/api/v2/accounts/{sim.account_id}/calls/{call_id}/transcriptions",
    )


def test_list_with_nothing_transcribed_is_an_empty_array(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("transcriptions", "list", _answered(sim))
    assert (result.code, result.out, result.err) == (0, "[]\n", "")


def test_get_prints_what_each_track_said(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered(sim)
    transcription_id = sim.add_transcription(
        call_id, {"inbound": "I need help", "outbound": "How can I help"}
    )
    result = cli("transcriptions", "get", call_id, transcription_id)
    assert (result.code, result.err) == (0, "")
    printed = result.json()
    assert printed["callId"] == call_id and printed["transcriptionId"] == transcription_id
    said = {track["track"]: track["transcript"] for track in printed["tracks"]}
    assert said == {"inbound": "I need help", "outbound": "How can I help"}
    (request,) = sim.requests
    assert request.path.endswith(f"/calls/{call_id}/transcriptions/{transcription_id}")


def test_delete_removes_it_and_prints_nothing(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered(sim)
    transcription_id = sim.add_transcription(call_id, "delete me")
    result = cli("transcriptions", "delete", call_id, transcription_id)
    assert (result.code, result.out, result.err) == (0, "", "")
    (request,) = sim.requests
    assert request.method == "DELETE"
    assert request.path.endswith(f"/calls/{call_id}/transcriptions/{transcription_id}")
    again = cli("transcriptions", "get", call_id, transcription_id)
    assert again.code == 1
    assert again.expect_error_line() == (
        f"error: (404) Not Found: Transcription {transcription_id} of call {call_id} was not found."
    )


def test_an_unknown_call_is_a_404(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("transcriptions", "list", "c-missing")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (404) Not Found")


def test_a_server_error_is_one_line_exit_1(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered(sim)
    sim.fail_next("list_real_time_transcriptions", 500, count=10)
    result = cli("transcriptions", "list", call_id, "--retries", "0")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (500) ")


# -- statistics ------------------------------------------------------------------------


def test_statistics_prints_the_call_queue(sim: VoiceSimulator, cli: Any) -> None:
    sim.max_call_queue_size = 250
    result = cli("statistics", "get")
    assert (result.code, result.err) == (0, "")
    assert result.json() == {"currentCallQueueSize": 0, "maxCallQueueSize": 250}
    (request,) = sim.requests
    assert (request.method, request.path) == (
        "GET",
        f"/api/v2/accounts/{sim.account_id}/statistics",
    )


def test_statistics_with_wrong_credentials_is_a_401(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BW_PASSWORD", "not the password")
    result = cli("statistics", "get")
    assert result.code == 1
    line = result.expect_error_line()
    assert line.startswith("error: (401) ")
    assert "not the password" not in result.err


# -- bad command lines: exit 2, one line, nothing sent ---------------------------------

BAD_INPUT = [
    (["transcriptions"], "the following arguments are required: OPERATION"),
    (["transcriptions", "update", "c-1", "t-1"], "argument OPERATION: invalid choice: 'update'"),
    (["transcriptions", "list"], "the following arguments are required: CALL_ID"),
    (["transcriptions", "get", "c-1"], "the following arguments are required: TRANSCRIPTION_ID"),
    (["transcriptions", "get", "c-1", ""], "TRANSCRIPTION_ID must not be empty"),
    (["transcriptions", "delete", "", "t-1"], "CALL_ID must not be empty"),
    (["statistics"], "the following arguments are required: OPERATION"),
    (["statistics", "get", "extra"],
     "unrecognized arguments: extra (see 'bandwidth statistics get --help')"),
    (["statistics", "get", "--account-id", ""], "--account-id must not be empty"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("argv", "message"), BAD_INPUT, ids=lambda v: " ".join(v)[:60] if isinstance(v, list) else ""
)
def test_bad_input_is_one_line_exit_2_and_nothing_is_sent(
    sim: VoiceSimulator, cli: Any, argv: List[str], message: str
) -> None:
    result = cli(*argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert sim.requests == []


def test_help_of_every_operation(cli: Any) -> None:
    for argv in (
        ["transcriptions", "list"],
        ["transcriptions", "get"],
        ["transcriptions", "delete"],
        ["statistics", "get"],
    ):
        result = cli(*argv, "--help")
        assert (result.code, result.err) == (0, "")
        assert result.out.startswith(f"usage: bandwidth {' '.join(argv)}")
        assert "BW_PASSWORD" in result.out

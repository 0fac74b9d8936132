"""``bandwidth conferences ...``, in-process against a VoiceSimulator.

Each test runs ``bandwidth.cli.main(argv)`` with credentials in the
environment and checks the exit status, what was printed and, through
``sim.requests`` and ``sim.conference(...)``, what reached the server.
"""

from __future__ import annotations

import io
import os
import sys
import wave
from pathlib import Path
from typing import Any, Dict, List, Set, Tuple

import pytest

from bandwidth.testing import VoiceSimulator

FROM = "+19195554321"
REDIRECT = [
    "--redirect-url", "https://example.com/conf-next", "--redirect-method", "get",
    "--webhook-username", "r-user", "--webhook-password", "r-pass",
    "--redirect-fallback-url", "https://example.com/conf-fallback",
    "--redirect-fallback-method", "POST",
    "--fallback-username", "rf-user", "--fallback-password", "rf-pass",
]  # fmt: skip
REDIRECT_WIRE = {
    "redirectUrl": "https://example.com/conf-next",
    "redirectMethod": "GET",
    "username": "r-user",
    "password": "r-pass",
    "redirectFallbackUrl": "https://example.com/conf-fallback",
    "redirectFallbackMethod": "POST",
    "fallbackUsername": "rf-user",
    "fallbackPassword": "rf-pass",
}


def _answered(sim: VoiceSimulator) -> str:
    call_id = sim.add_call(to="+19195551234", from_=FROM)
    sim.answer(call_id)
    return call_id


def _conference(sim: VoiceSimulator, name: str = "standup", members: int = 2) -> Tuple[str, ...]:
    """A running conference's id, then its members' call ids."""
    calls = [_answered(sim) for _ in range(members)]
    return (sim.add_conference(name, calls, tag="daily"), *calls)


def _bodies(sim: VoiceSimulator, operation: str) -> List[Any]:
    return [request.json() for request in sim.requests_for(operation)]


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# -- list and get ------------------------------------------------------------------------


def test_list_prints_conferences_oldest_first_in_wire_format(sim: VoiceSimulator, cli: Any) -> None:
    first, *_ = _conference(sim, "first")
    second, *_ = _conference(sim, "second", members=0)
    result = cli("conferences", "list")
    assert (result.code, result.err) == (0, "")
    printed = result.json()
    assert [(c["id"], c["name"]) for c in printed] == [(first, "first"), (second, "second")]
    assert printed[0]["tag"] == "daily" and "createdTime" in printed[0]


def test_list_sends_every_filter(sim: VoiceSimulator, cli: Any) -> None:
    wanted, *_ = _conference(sim, "wanted")
    _conference(sim, "other")
    result = cli(
        "conferences", "list", "--name", "wanted", "--page-size", "1000",
        "--min-created-time", "2020-01-01T00:00:00Z", "--max-created-time", "2099-01-01T00:00:00Z",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert [c["id"] for c in result.json()] == [wanted]
    (request,) = sim.requests_for("list_conferences")
    assert request.query == {
        "name": ["wanted"],
        "minCreatedTime": ["2020-01-01T00:00:00Z"],
        "maxCreatedTime": ["2099-01-01T00:00:00Z"],
        "pageSize": ["1000"],
    }
    assert cli("conferences", "list", "--max-created-time", "2020-01-01T00:00:00Z").out == "[]\n"


def test_list_one_page_then_the_next_with_the_page_token(sim: VoiceSimulator, cli: Any) -> None:
    ids = [_conference(sim, f"c{n}", members=0)[0] for n in range(3)]
    first = cli("conferences", "list", "--page-size", "2")
    assert first.code == 0, first.err
    assert [c["id"] for c in first.json()] == ids[:2]
    note = first.err.splitlines()
    assert len(note) == 1 and note[0].startswith("more conferences: add --page-token ")
    assert note[0].endswith(" for the next page, or --all")
    token = note[0].split("--page-token ")[1].split()[0]
    second = cli("conferences", "list", "--page-size", "2", "--page-token", token)
    assert (second.code, second.err) == (0, "")
    assert [c["id"] for c in second.json()] == ids[2:]


def test_list_all_follows_every_page_into_one_array(sim: VoiceSimulator, cli: Any) -> None:
    ids = [_conference(sim, f"c{n}", members=0)[0] for n in range(5)]
    result = cli("conferences", "list", "--all", "--page-size", "2")
    assert (result.code, result.err) == (0, "")
    assert [c["id"] for c in result.json()] == ids
    assert len(sim.requests_for("list_conferences")) == 3


def test_get_prints_the_conference_and_its_members(sim: VoiceSimulator, cli: Any) -> None:
    conference_id, first, second = _conference(sim)
    result = cli("conferences", "get", conference_id)
    assert (result.code, result.err) == (0, "")
    printed = result.json()
    assert printed["id"] == conference_id and printed["completedTime"] is None
    assert [m["callId"] for m in printed["activeMembers"]] == [first, second]


def test_get_an_unknown_conference_is_a_404(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("conferences", "get", "conf-missing")
    assert result.code == 1
    assert result.expect_error_line() == (
        "error: (404) Not Found: Conference conf-missing was not found."
    )


# -- update ----------------------------------------------------------------------------


def test_update_redirect_with_every_flag(sim: VoiceSimulator, cli: Any) -> None:
    conference_id, *_ = _conference(sim)
    result = cli("conferences", "update", conference_id, *REDIRECT)
    assert (result.code, result.out) == (0, "")
    assert result.warned() == ["--webhook-password", "--fallback-password"]
    assert "r-pass" not in result.err and "rf-pass" not in result.err
    assert _bodies(sim, "update_conference") == [REDIRECT_WIRE]
    assert sim.conference(conference_id).redirects[0]["redirectUrl"] == REDIRECT_WIRE["redirectUrl"]


def test_update_status_completed_sends_exactly_that_and_ends_it(
    sim: VoiceSimulator, cli: Any
) -> None:
    conference_id, *_ = _conference(sim)
    result = cli("conferences", "update", conference_id, "--status", "completed")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert [r.body for r in sim.requests_for("update_conference")] == [b'{"status":"completed"}']
    assert sim.conference(conference_id).completed_time is not None
    again = cli("conferences", "update", conference_id, "--status", "completed")
    assert again.code == 1
    assert again.expect_error_line() == (
        f"error: (404) Not Found: Conference {conference_id} has ended; it takes no changes."
    )


def test_update_from_json_on_stdin_with_flags_overriding(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conference_id, *_ = _conference(sim)
    _stdin(monkeypatch, b'{"redirectUrl": "https://example.com/a", "password": "in-json"}')
    argv = ["--json", "-", "--redirect-url", "https://example.com/b", "--webhook-username", "u"]
    result = cli("conferences", "update", conference_id, *argv)
    assert (result.code, result.err) == (0, "")
    assert _bodies(sim, "update_conference") == [
        {"redirectUrl": "https://example.com/b", "password": "in-json", "username": "u"}
    ]


BAD_UPDATES = [
    ([], "nothing to update: give --status, --redirect-url, ... or --json"),
    (["--status", "active"], '--redirect-url is required when --status is "active"'),
    (["--status", "completed", "--redirect-url", "https://example.com/x"],
     '--redirect-url is not allowed when --status is "completed"'),
    (["--status", "paused"], "argument --status: invalid choice: 'paused'"),
    (["--redirect-url", "/relative"], "--redirect-url: must be an absolute http or https URL"),
    (["--redirect-method", "PUT"], "argument --redirect-method: invalid choice: 'PUT'"),
    (["--tag", "x"], "unrecognized arguments: --tag x"),
    (["--webhook-password", "x" * 1025, "--redirect-url", "https://example.com/x"],
     "--webhook-password: String should have at most 1024 characters"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), BAD_UPDATES, ids=lambda v: " ".join(v)[:50])
def test_bad_updates_are_refused_before_sending(
    sim: VoiceSimulator, cli: Any, argv: List[str], message: str
) -> None:
    result = cli("conferences", "update", "conf-1", *argv)
    assert result.code == 2
    line = result.expect_error_line()
    assert message in line and line.endswith("(see 'bandwidth conferences update --help')")
    assert "x" * 100 not in line
    assert sim.requests == []


# -- the webhook password's ways in (shared with calls create/update) -------------------


def test_webhook_password_from_stdin(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conference_id, *_ = _conference(sim)
    _stdin(monkeypatch, b"piped secret\nsecond line\n")
    argv = [*REDIRECT[:2], "--webhook-username", "u", "--webhook-password-stdin"]
    result = cli("conferences", "update", conference_id, *argv)
    assert (result.code, result.err) == (0, "")
    (body,) = _bodies(sim, "update_conference")
    assert body["password"] == "piped secret"


def test_webhook_password_from_the_environment_needs_a_webhook_user(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conference_id, *_ = _conference(sim)
    monkeypatch.setenv("BW_WEBHOOK_PASSWORD", "from-env")
    assert cli("conferences", "update", conference_id, *REDIRECT[:2]).code == 0
    with_user = [*REDIRECT[:2], "--webhook-username", "u"]
    assert cli("conferences", "update", conference_id, *with_user).code == 0
    flagged = cli("conferences", "update", conference_id, *with_user, "--webhook-password", "f")
    assert flagged.code == 0
    passwords = [body.get("password") for body in _bodies(sim, "update_conference")]
    assert passwords == [None, "from-env", "f"]  # no user: none; the flag wins


def test_webhook_password_is_prompted_for_on_a_terminal(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    asked: List[str] = []

    def typed(prompt: str) -> str:
        asked.append(prompt)
        return "typed secret"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("BW_WEBHOOK_PASSWORD", raising=False)
    monkeypatch.setattr(getpass, "getpass", typed)
    monkeypatch.setattr(sys, "stdin", Terminal())
    conference_id, *_ = _conference(sim)
    argv = [*REDIRECT[:2], "--webhook-username", "hooks"]
    result = cli("conferences", "update", conference_id, *argv)
    assert (result.code, result.err) == (0, "")
    assert asked == ["webhook password for hooks: "]
    assert _bodies(sim, "update_conference")[0]["password"] == "typed secret"


def test_the_calls_commands_take_the_webhook_password_the_same_ways(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    required = [
        "--to", "+19195551234", "--from", FROM, "--application-id", "app-1",
        "--answer-url", "https://example.com/answer", "--webhook-username", "u",
    ]  # fmt: skip
    monkeypatch.setenv("BW_WEBHOOK_PASSWORD", "from-env")
    assert cli("calls", "create", *required).code == 0
    monkeypatch.delenv("BW_WEBHOOK_PASSWORD")
    _stdin(monkeypatch, b"piped\n")
    call_id = _answered(sim)
    argv = ["--redirect-url", "https://example.com/r", "--webhook-username", "u"]
    assert cli("calls", "update", call_id, *argv, "--webhook-password-stdin").code == 0
    assert _bodies(sim, "create_call")[0]["password"] == "from-env"
    assert _bodies(sim, "update_call")[0]["password"] == "piped"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--webhook-password-stdin", "--password-stdin"],
         "--password-stdin and --webhook-password-stdin cannot both read stdin"),
        (["--webhook-password-stdin", "--json", "-"],
         "--webhook-password-stdin and --json - cannot both read stdin"),
        (["--webhook-password-stdin", "--webhook-password", "x"],
         "give --webhook-password or --webhook-password-stdin, not both"),
    ],
)  # fmt: skip
def test_webhook_password_stdin_conflicts(
    sim: VoiceSimulator,
    cli: Any,
    monkeypatch: pytest.MonkeyPatch,
    argv: List[str],
    message: str,
) -> None:
    _stdin(monkeypatch, b"secret\n")
    result = cli("conferences", "update", "conf-1", *REDIRECT[:2], *argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert sim.requests == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\n", "--webhook-password-stdin: the first line of stdin is empty"),
        (b"x" * 2000 + b"\n",
         "--webhook-password-stdin: String should have at most 1024 characters"),
        (b"\xff\xfe\n", "--webhook-password-stdin: the password is not UTF-8"),
    ],
)  # fmt: skip
def test_bad_webhook_passwords_on_stdin_are_named_and_not_echoed(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch, data: bytes, message: str
) -> None:
    _stdin(monkeypatch, data)
    argv = [*REDIRECT[:2], "--webhook-password-stdin"]
    result = cli("conferences", "update", "conf-1", *argv)
    assert result.code == 2
    line = result.expect_error_line()
    assert message in line and "xxxx" not in line
    assert sim.requests == []


# -- bxml ------------------------------------------------------------------------------


def test_bxml_from_a_file(sim: VoiceSimulator, cli: Any, tmp_path: Path) -> None:
    conference_id, *_ = _conference(sim)
    document = "<Bxml><SpeakSentence>Welcome, everyone.</SpeakSentence></Bxml>"
    (tmp_path / "c.xml").write_text(document)
    result = cli("conferences", "bxml", conference_id, str(tmp_path / "c.xml"))
    assert (result.code, result.out, result.err) == (0, "", "")
    assert sim.conference(conference_id).bxml == [document]


def test_bxml_the_server_refuses_is_exit_1(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    conference_id, *_ = _conference(sim)
    _stdin(monkeypatch, b"<Bxml><Gather/></Bxml>")
    result = cli("conferences", "bxml", conference_id, "-")
    assert result.code == 1
    assert result.expect_error_line().startswith(
        "error: (400) Bad Request: Invalid BXML: <Gather> cannot run on a conference"
    )


# -- members ---------------------------------------------------------------------------


def test_member_without_flags_prints_the_member(sim: VoiceSimulator, cli: Any) -> None:
    conference_id, member, _ = _conference(sim)
    result = cli("conferences", "member", conference_id, member)
    assert (result.code, result.err) == (0, "")
    assert result.json() == {
        "callId": member,
        "conferenceId": conference_id,
        "memberUrl": f"{sim.url}/accounts/{sim.account_id}/conferences/{conference_id}"
        f"/members/{member}",
        "mute": False,
        "hold": False,
        "callIdsToCoach": None,
    }
    assert sim.requests_for("update_conference_member") == []


def test_member_flags_change_only_what_is_given(sim: VoiceSimulator, cli: Any) -> None:
    conference_id, member, coached = _conference(sim)
    changes = [
        (["--mute", "--hold"], {"mute": True, "hold": True}),
        (["--no-mute"], {"mute": False}),
        (
            ["--no-hold", "--call-ids-to-coach", coached],
            {"hold": False, "callIdsToCoach": [coached]},
        ),
        (["--call-ids-to-coach"], {"callIdsToCoach": []}),
    ]
    for argv, body in changes:
        result = cli("conferences", "member", conference_id, member, *argv)
        assert (result.code, result.out, result.err) == (0, "", ""), argv
        assert _bodies(sim, "update_conference_member")[-1] == body
    printed = cli("conferences", "member", conference_id, member).json()
    assert (printed["mute"], printed["hold"], printed["callIdsToCoach"]) == (False, False, [])


def test_member_from_json(sim: VoiceSimulator, cli: Any, tmp_path: Path) -> None:
    conference_id, member, _ = _conference(sim)
    (tmp_path / "m.json").write_text('{"mute": true, "hold": false}')
    result = cli("conferences", "member", conference_id, member, "--json", str(tmp_path / "m.json"))
    assert (result.code, result.out) == (0, "")
    assert _bodies(sim, "update_conference_member") == [{"mute": True, "hold": False}]
    (tmp_path / "empty.json").write_text("{}")
    empty = cli(
        "conferences", "member", conference_id, member, "--json", str(tmp_path / "empty.json")
    )
    assert empty.code == 2
    assert "nothing to change" in empty.expect_error_line()


def test_member_not_in_the_conference_is_a_404(sim: VoiceSimulator, cli: Any) -> None:
    conference_id, *_ = _conference(sim)
    stranger = _answered(sim)
    for argv in ([], ["--mute"]):
        result = cli("conferences", "member", conference_id, stranger, *argv)
        assert result.code == 1
        assert result.expect_error_line() == (
            f"error: (404) Not Found: Call {stranger} is not a member of conference "
            f"{conference_id}."
        )


def test_member_bad_json_value_names_the_key(sim: VoiceSimulator, cli: Any, tmp_path: Path) -> None:
    (tmp_path / "m.json").write_text('{"mute": "yes"}')
    result = cli("conferences", "member", "conf-1", "c-1", "--json", str(tmp_path / "m.json"))
    assert result.code == 2
    assert result.expect_error_line().startswith("error: --json: mute: ")
    assert sim.requests == []


# -- recordings and their media ---------------------------------------------------------


def test_recordings_lists_then_gets_one(sim: VoiceSimulator, cli: Any) -> None:
    conference_id, *_ = _conference(sim)
    first = sim.add_conference_recording(conference_id, duration=3.0)
    second = sim.add_conference_recording(conference_id, duration=1.0, file_format="mp3")
    listed = cli("conferences", "recordings", conference_id)
    assert (listed.code, listed.err) == (0, "")
    assert [(r["recordingId"], r["fileFormat"]) for r in listed.json()] == [
        (first, "wav"),
        (second, "mp3"),
    ]
    got = cli("conferences", "recordings", conference_id, first)
    assert (got.code, got.err) == (0, "")
    printed = got.json()
    assert printed["recordingId"] == first and printed["conferenceId"] == conference_id
    assert printed["name"] == "standup" and printed["duration"] == "PT3S"


def test_recordings_of_an_unknown_recording_is_a_404(sim: VoiceSimulator, cli: Any) -> None:
    conference_id, *_ = _conference(sim)
    result = cli("conferences", "recordings", conference_id, "r-missing")
    assert result.code == 1
    assert result.expect_error_line() == (
        f"error: (404) Not Found: Recording r-missing of conference {conference_id} was not found."
    )


def test_download_saves_the_conference_recording(
    sim: VoiceSimulator, cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    conference_id, *_ = _conference(sim)
    recording_id = sim.add_conference_recording(conference_id, duration=1.5)
    result = cli("conferences", "download", conference_id, recording_id)
    assert (result.code, result.out) == (0, "")
    data = (tmp_path / f"{recording_id}.wav").read_bytes()
    assert result.err == f"saved {recording_id}.wav ({len(data)} bytes, audio/vnd.wave)\n"
    with wave.open(io.BytesIO(data)) as audio:
        assert (audio.getnchannels(), audio.getnframes() / audio.getframerate()) == (1, 1.5)
    named = cli("conferences", "download", conference_id, recording_id, "-o", "named.wav")
    assert named.code == 0, named.err
    assert (tmp_path / "named.wav").read_bytes() == data
    assert sorted(os.listdir(tmp_path)) == sorted([f"{recording_id}.wav", "named.wav"])
    missing = cli("conferences", "download", conference_id, "r-missing", "-o", "gone.wav")
    assert missing.code == 1
    assert not (tmp_path / "gone.wav").exists()


# -- server text and secrets in output ---------------------------------------------------

#: ESC (starts an ANSI sequence), BEL, CSI in its 8-bit form, DEL, RIGHT-TO-LEFT OVERRIDE.
HOSTILE = "red\x1b[31m bell\x07 csi\x9b2J del\x7f rlo\u202edrow"


def test_server_text_reaches_the_terminal_without_controls(sim: VoiceSimulator, cli: Any) -> None:
    conference_id = sim.add_conference("hostile", [], tag=HOSTILE)
    for argv in (["get", conference_id], ["list"], ["list", "--all"]):
        result = cli("conferences", *argv)
        assert result.code == 0, result.err
        assert all(ch.isprintable() or ch == "\n" for ch in result.out)
        data = result.json()
        assert (data if isinstance(data, dict) else data[0])["tag"] == HOSTILE
    sim.fail_next("get_conference", 404, body={"type": "x", "description": f"no {HOSTILE}"})
    line = cli("conferences", "get", conference_id).expect_error_line()
    assert line == "error: (404) Not Found: no red[31m bell csi2J del rlodrow"


def test_webhook_passwords_a_server_echoes_are_masked(
    wire: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    wire.answer(200, json={"id": "conf-1", "name": "n", "password": "in-clear"}, method="GET")
    monkeypatch.setenv("BW_VOICE_HOST", wire.url)
    monkeypatch.setenv("BW_ACCOUNT_ID", "9900000")
    monkeypatch.setenv("BW_USERNAME", "u")
    monkeypatch.setenv("BW_PASSWORD", "p")
    result = cli("conferences", "get", "conf-1")
    assert result.code == 0, result.err
    assert "in-clear" not in result.out and result.json()["password"] == "*****"


# -- bad command lines, help, and flag coverage -------------------------------------------

BAD_INPUT = [
    (["conferences"], "the following arguments are required: OPERATION"),
    (["conferences", "create"], "argument OPERATION: invalid choice: 'create'"),
    (["conferences", "get"], "the following arguments are required: CONF_ID"),
    (["conferences", "get", ""], "CONF_ID must not be empty"),
    (["conferences", "get", "conf-1", "--bogus"],
     "unrecognized arguments: --bogus (see 'bandwidth conferences get --help')"),
    (["conferences", "list", "--page-size", "1001"],
     "argument --page-size: must be between 1 and 1000, got 1001"),
    (["conferences", "list", "--all", "--page-token", "t"],
     "argument --page-token: not allowed with argument --all"),
    (["conferences", "list", "--min-created-time", "soon"],
     "--min-created-time must be an ISO 8601 date-time"),
    (["conferences", "member", "conf-1"], "the following arguments are required: MEMBER_ID"),
    (["conferences", "member", "conf-1", "", "--mute"], "MEMBER_ID must not be empty"),
    (["conferences", "recordings", "conf-1", "r-1", "r-2"], "unrecognized arguments: r-2"),
    (["conferences", "download", "conf-1"], "the following arguments are required: RECORDING_ID"),
    (["conferences", "download", "conf-1", "r/1"], "RECORDING_ID 'r/1' is not a plain file name"),
    (["conferences", "bxml", "conf-1", "/nonexistent/x.xml"],
     "FILE: cannot read '/nonexistent/x.xml'"),
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
    for operation in ("list", "get", "update", "bxml", "member", "recordings", "download"):
        result = cli("conferences", operation, "--help")
        assert (result.code, result.err) == (0, "")
        assert result.out.startswith(f"usage: bandwidth conferences {operation}")
    update = cli("conferences", "update", "--help").out
    assert "--webhook-password-stdin" in update and "BW_WEBHOOK_PASSWORD" in update


def _wire_names(model: Any) -> Set[Tuple[str, ...]]:
    return {
        (info.serialization_alias or name,)
        for name, info in model.model_fields.items()
        if name != "additional_properties"
    }


def test_every_body_field_has_exactly_one_flag() -> None:
    from bandwidth.cli._fields import CONFERENCE_UPDATE_FLAGS, MEMBER_FLAGS
    from bandwidth.models import UpdateConference, UpdateConferenceMember

    for flags, model in (
        (CONFERENCE_UPDATE_FLAGS, UpdateConference),
        (MEMBER_FLAGS, UpdateConferenceMember),
    ):
        assert {field.wire for field in flags} == _wire_names(model)
        assert len({field.flag for field in flags}) == len(flags)


def test_list_flags_cover_every_list_conferences_parameter() -> None:
    import inspect

    from bandwidth import ConferencesApi
    from bandwidth._operation import OPTION_NAMES
    from bandwidth.cli._fields import CONFERENCE_LIST_FLAGS

    parameters = set(inspect.signature(ConferencesApi.list_conferences).parameters)
    parameters -= {"self", "account_id", *OPTION_NAMES}
    assert {flag.parameter for flag in CONFERENCE_LIST_FLAGS} == parameters


def test_conference_states_match_the_enum() -> None:
    from bandwidth.cli._fields import CONFERENCE_STATES
    from bandwidth.models import ConferenceStateEnum

    values: Dict[str, None] = dict.fromkeys(member.value for member in ConferenceStateEnum)
    assert dict.fromkeys(CONFERENCE_STATES) == values

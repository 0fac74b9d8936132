"""The CLI keeps secrets out of ``ps`` and off the terminal, and server text off the terminal.

* the API password comes from BW_PASSWORD, a prompt or ``--password-stdin``;
  ``--password`` (and each body password flag) still works, with a warning;
* text a server sent is printed without terminal controls;
* credentials in the base URL are refused, and never echoed.

In-process through ``bandwidth.cli.main``; ``test_cli_process.py`` runs the
same rules in real processes (and a real terminal, for the prompt).
"""

from __future__ import annotations

import io
import json
import sys
from typing import Any

import pytest

from bandwidth.testing import VoiceSimulator

REQUIRED = [
    "--to", "+19195551234", "--from", "+19195554321", "--application-id", "app-1",
    "--answer-url", "https://example.com/answer",
]  # fmt: skip


class _Stdin(io.TextIOWrapper):
    """A stdin whose ``isatty()`` answers as told (a terminal or a pipe)."""

    def __init__(self, data: bytes, tty: bool) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes = b"", *, tty: bool = False) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data, tty))


def _authorized_as(sim: VoiceSimulator, password: str) -> bool:
    """Whether every request the simulator received carried ``password``."""
    import base64

    expected = "Basic " + base64.b64encode(f"{sim.username}:{password}".encode()).decode()
    return bool(sim.requests) and all(
        r.headers.get("authorization") == expected for r in sim.requests
    )


# -- where the password comes from -----------------------------------------------------


def test_password_flag_still_works_and_warns(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BW_PASSWORD", "wrong")
    result = cli("calls", "list", "--password", sim.password)
    assert result.code == 0, result.err
    assert result.json() == []
    (warning,) = result.err.splitlines()
    assert warning == (
        "warning: --password is visible to other users of this machine (ps); "
        "use BW_PASSWORD, the prompt or --password-stdin"
    )


def test_the_environment_gives_no_warning(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("calls", "list")
    assert (result.code, result.err) == (0, "")


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"", b"\nsecond line\n"])
def test_password_stdin_reads_the_first_line(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch, ending: bytes
) -> None:
    monkeypatch.delenv("BW_PASSWORD")
    _stdin(monkeypatch, sim.password.encode() + ending)
    result = cli("calls", "list", "--password-stdin")
    assert (result.code, result.err) == (0, "")
    assert _authorized_as(sim, sim.password)


def test_password_stdin_wins_over_the_environment(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BW_PASSWORD", "wrong")
    _stdin(monkeypatch, f"{sim.password}\n".encode())
    assert cli("calls", "--password-stdin", "list").code == 0
    assert _authorized_as(sim, sim.password)


def test_password_stdin_keeps_spaces(cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    password = " pass  word "
    with VoiceSimulator(password=password, deliver_webhooks=False) as sim:
        monkeypatch.setenv("BW_VOICE_HOST", sim.url)
        monkeypatch.setenv("BW_ACCOUNT_ID", sim.account_id)
        monkeypatch.setenv("BW_USERNAME", sim.username)
        _stdin(monkeypatch, f"{password}\n".encode())
        result = cli("calls", "list", "--password-stdin")
        assert result.code == 0, result.err
        assert _authorized_as(sim, password)


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["calls", "list", "--password-stdin"], b"\n", "the first line of stdin is empty"),
        (["calls", "list", "--password-stdin"], b"", "the first line of stdin is empty"),
        (["calls", "list", "--password-stdin"], b"x" * 5000, "longer than 4096 bytes"),
        (["calls", "list", "--password-stdin"], b"\xff\xfe\n", "is not UTF-8"),
        (
            ["calls", "list", "--password-stdin", "--password", "p"],
            b"p\n",
            "give --password or --password-stdin, not both",
        ),
        (
            ["calls", "create", "--json", "-", "--password-stdin"],
            b"p\n",
            "--password-stdin and --json - cannot both read stdin",
        ),
        (
            ["calls", "bxml", "c-1", "-", "--password-stdin"],
            b"p\n",
            "--password-stdin and FILE '-' cannot both read stdin",
        ),
    ],
)
def test_password_stdin_mistakes_are_usage_errors(
    sim: VoiceSimulator,
    cli: Any,
    monkeypatch: pytest.MonkeyPatch,
    argv: Any,
    stdin: bytes,
    message: str,
) -> None:
    _stdin(monkeypatch, stdin)
    result = cli(*argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert sim.requests == []


def test_a_terminal_prompts_for_a_missing_password(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    prompts = []

    def fake_getpass(prompt: str = "Password: ", stream: Any = None) -> str:
        prompts.append(prompt)
        return sim.password

    monkeypatch.delenv("BW_PASSWORD")
    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    _stdin(monkeypatch, tty=True)
    result = cli("calls", "list")
    assert result.code == 0, result.err
    assert prompts == [f"API password for {sim.username}: "]
    assert _authorized_as(sim, sim.password)


@pytest.mark.parametrize("answer", ["", EOFError()])
def test_an_empty_prompt_answer_sends_nothing(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch, answer: Any
) -> None:
    import getpass

    def fake_getpass(prompt: str = "Password: ", stream: Any = None) -> str:
        if isinstance(answer, BaseException):
            raise answer
        return str(answer)

    monkeypatch.delenv("BW_PASSWORD")
    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    _stdin(monkeypatch, tty=True)
    result = cli("calls", "list")
    assert result.code == 2
    assert "no password given" in result.expect_error_line()
    assert sim.requests == []


def test_no_terminal_and_no_password_says_where_to_give_it(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BW_PASSWORD")
    _stdin(monkeypatch, tty=False)
    result = cli("calls", "list")
    assert result.code == 2
    assert "missing BW_PASSWORD or --password-stdin" in result.expect_error_line()


def test_the_prompt_waits_for_the_other_settings(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing account id is reported at once, not after typing a password."""
    import getpass

    monkeypatch.delenv("BW_PASSWORD")
    monkeypatch.delenv("BW_ACCOUNT_ID")
    monkeypatch.setattr(getpass, "getpass", pytest.fail)
    _stdin(monkeypatch, tty=True)
    line = cli("calls", "list").expect_error_line()
    assert "missing BW_PASSWORD or --password-stdin, --account-id or BW_ACCOUNT_ID" in line


@pytest.mark.parametrize(
    "flag",
    [
        "--webhook-password",
        "--fallback-password",
        "--machine-detection-password",
        "--machine-detection-fallback-password",
    ],
)
def test_body_password_flags_warn_too(sim: VoiceSimulator, cli: Any, flag: str) -> None:
    result = cli("calls", "create", *REQUIRED, flag, "hook-secret")
    assert result.code == 0, result.err
    assert result.warned() == [flag]
    assert "put it in the --json file instead" in result.err
    assert "hook-secret" not in result.err


# -- text from the server ----------------------------------------------------------------

#: ESC (starts an ANSI sequence), BEL, CSI in its 8-bit form, DEL, RIGHT-TO-LEFT OVERRIDE.
HOSTILE = "red\x1b[31m bell\x07 csi\x9b2J del\x7f rlo\u202edrow"


def test_error_lines_carry_no_terminal_controls(sim: VoiceSimulator, cli: Any) -> None:
    sim.fail_next(
        "list_calls", 400, body={"type": "x", "description": f"bad {HOSTILE}\r\n\x1b]0;title\x07"}
    )
    line = cli("calls", "list", "--retries", "0").expect_error_line()
    assert line == "error: (400) Bad Request: bad red[31m bell csi2J del rlodrow ]0;title"


def test_json_output_escapes_terminal_controls_losslessly(sim: VoiceSimulator, cli: Any) -> None:
    (call_id,) = sim.bulk_create(
        1, state="disconnected", disconnect_cause="error", error_message=HOSTILE
    )
    for argv in (["get", call_id], ["list"], ["list", "--all"]):
        result = cli("calls", *argv)
        assert result.code == 0, result.err
        assert all(ch.isprintable() or ch == "\n" for ch in result.out)
        assert "\\u009b2J" in result.out and "\\u202edrow" in result.out
        data = result.json()
        assert (data if isinstance(data, dict) else data[0])["errorMessage"] == HOSTILE


def test_next_page_note_carries_no_terminal_controls(sim: VoiceSimulator, cli: Any) -> None:
    sim.fail_next(
        "list_calls",
        200,
        headers={"Link": f'<{sim.url}/calls?pageToken=ab%1B%5B2Jcd>; rel="next"'},
        body=[],
    )
    result = cli("calls", "list")
    assert result.code == 0, result.err
    assert result.err == "more calls: add --page-token ab[2Jcd for the next page, or --all\n"


# -- credentials in the base URL ---------------------------------------------------------


@pytest.mark.parametrize(
    "userinfo", ["user:s3cr3t@", "s3cr3t@", ":s3cr3t@", "user:s3cr3t@127.0.0.1@"]
)
def test_credentials_in_bw_voice_host_are_refused_unechoed(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch, userinfo: str
) -> None:
    monkeypatch.setenv("BW_VOICE_HOST", sim.url.replace("://", "://" + userinfo))
    result = cli("calls", "list")
    assert result.code == 2
    assert result.expect_error_line() == (
        "error: BW_VOICE_HOST must not contain a user or password (user:password@host); "
        "give them with BW_USERNAME and BW_PASSWORD instead "
        "(see 'bandwidth calls list --help')"
    )
    assert "s3cr3t" not in result.err + result.out
    assert sim.requests == []


@pytest.mark.parametrize(
    "host", ["ftp://user:s3cr3t@example.com/api", "https://user:s3cr3t@[::1/api", "//u:s3cr3t@x"]
)
def test_credentials_in_a_bad_host_flag_are_not_echoed(cli: Any, host: str) -> None:
    result = cli("calls", "list", "--username", "u", "--account-id", "1", "--host", host)
    assert result.code == 2
    line = result.expect_error_line()
    assert line.startswith("error: --host must not contain a user or password")
    assert "s3cr3t" not in result.err + result.out


def test_an_at_sign_after_the_host_is_not_userinfo(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``@`` in the path or query is not a credential: the URL is used as given."""
    monkeypatch.setenv("BW_VOICE_HOST", sim.url + "/x@y")
    result = cli("calls", "list", "--retries", "0")
    assert result.code == 1  # the simulator has no such path: a 404, so it was sent
    assert result.expect_error_line().startswith("error: (404)")
    assert json.dumps(sim.requests[0].path).find("x@y") >= 0

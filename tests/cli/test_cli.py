"""The ``bandwidth`` command line, run in-process against a VoiceSimulator over loopback.

Each test calls ``bandwidth.cli.main(argv)`` with credentials in the
environment and checks the exit status, stdout/stderr and, through
``sim.requests``, exactly what reached the server.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

from bandwidth.testing import VoiceSimulator
from tests.support.ports import closed_port

TO = "+19195551234"
FROM = "+19195554321"
REQUIRED = [
    "--to", TO, "--from", FROM, "--application-id", "app-1",
    "--answer-url", "https://example.com/answer",
]  # fmt: skip
REQUIRED_WIRE = {
    "to": TO,
    "from": FROM,
    "applicationId": "app-1",
    "answerUrl": "https://example.com/answer",
}


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def _bodies(sim: VoiceSimulator, operation: str) -> List[Any]:
    return [request.json() for request in sim.requests_for(operation)]


def _answered_call(sim: VoiceSimulator) -> str:
    call_id = sim.add_call(to=TO, from_=FROM)
    sim.answer(call_id)
    return call_id


# -- create ----------------------------------------------------------------------------


def test_create_sends_only_the_given_fields_and_prints_the_response(
    sim: VoiceSimulator, cli: Any
) -> None:
    result = cli("calls", "create", *REQUIRED)
    assert result.code == 0, result.err
    assert result.err == ""
    assert _bodies(sim, "create_call") == [REQUIRED_WIRE]
    printed = result.json()
    call_id = printed["callId"]
    assert printed["from"] == FROM and printed["applicationId"] == "app-1"
    assert printed["callUrl"] == sim.call_url(call_id)
    assert sim.call(call_id).state == "queued"
    # Wire format: camelCase keys exactly as the server sent them, nothing added.
    assert "call_id" not in printed and "var_from" not in printed


def test_create_every_top_level_flag(sim: VoiceSimulator, cli: Any) -> None:
    result = cli(
        "calls", "create",
        "--to", "sip:alice@sip.example.com", "--from", FROM,
        "--privacy", "--display-name", "Anonymous",
        "--uui", "bXl1dWk=;encoding=base64",
        "--application-id", "app-1",
        "--answer-url", "https://example.com/answer", "--answer-method", "GET",
        "--webhook-username", "hook-user", "--webhook-password", "hook-pass",
        "--answer-fallback-url", "https://example.com/fallback",
        "--answer-fallback-method", "get",
        "--fallback-username", "fb-user", "--fallback-password", "fb-pass",
        "--disconnect-url", "https://example.com/disconnect", "--disconnect-method", "POST",
        "--call-timeout", "45", "--callback-timeout", "7.5",
        "--priority", "2", "--tag", "my tag",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert _bodies(sim, "create_call") == [
        {
            "to": "sip:alice@sip.example.com",
            "from": FROM,
            "privacy": True,
            "displayName": "Anonymous",
            "uui": "bXl1dWk=;encoding=base64",
            "applicationId": "app-1",
            "answerUrl": "https://example.com/answer",
            "answerMethod": "GET",
            "username": "hook-user",
            "password": "hook-pass",
            "answerFallbackUrl": "https://example.com/fallback",
            "answerFallbackMethod": "GET",
            "fallbackUsername": "fb-user",
            "fallbackPassword": "fb-pass",
            "disconnectUrl": "https://example.com/disconnect",
            "disconnectMethod": "POST",
            "callTimeout": 45,
            "callbackTimeout": 7.5,
            "priority": 2,
            "tag": "my tag",
        }
    ]
    # Whole seconds go out as integers, not 45.0.
    assert b'"callTimeout":45,' in sim.requests_for("create_call")[0].body
    printed = result.json()
    assert printed["password"] == "*****" and printed["fallbackPassword"] == "*****"
    assert "hook-pass" not in result.out and "fb-pass" not in result.out


def test_create_every_machine_detection_flag(sim: VoiceSimulator, cli: Any) -> None:
    result = cli(
        "calls", "create", *REQUIRED,
        "--machine-detection-mode", "SYNC",
        "--machine-detection-detection-timeout", "20",
        "--machine-detection-silence-timeout", "5.5",
        "--machine-detection-speech-threshold", "8",
        "--machine-detection-speech-end-threshold", "3",
        "--machine-detection-machine-speech-end-threshold", "4",
        "--machine-detection-delay-result",
        "--machine-detection-callback-url", "https://example.com/amd",
        "--machine-detection-callback-method", "GET",
        "--machine-detection-username", "amd-user",
        "--machine-detection-password", "amd-pass",
        "--machine-detection-fallback-url", "https://example.com/amd-fallback",
        "--machine-detection-fallback-method", "POST",
        "--machine-detection-fallback-username", "amd-fb-user",
        "--machine-detection-fallback-password", "amd-fb-pass",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert _bodies(sim, "create_call") == [
        {
            **REQUIRED_WIRE,
            "machineDetection": {
                "mode": "sync",
                "detectionTimeout": 20,
                "silenceTimeout": 5.5,
                "speechThreshold": 8,
                "speechEndThreshold": 3,
                "machineSpeechEndThreshold": 4,
                "delayResult": True,
                "callbackUrl": "https://example.com/amd",
                "callbackMethod": "GET",
                "username": "amd-user",
                "password": "amd-pass",
                "fallbackUrl": "https://example.com/amd-fallback",
                "fallbackMethod": "POST",
                "fallbackUsername": "amd-fb-user",
                "fallbackPassword": "amd-fb-pass",
            },
        }
    ]
    assert "amd-pass" not in result.out


def test_create_negative_booleans_send_false(sim: VoiceSimulator, cli: Any) -> None:
    result = cli(
        "calls", "create", *REQUIRED, "--no-privacy", "--no-machine-detection-delay-result"
    )
    assert result.code == 0, result.err
    assert _bodies(sim, "create_call") == [
        {**REQUIRED_WIRE, "privacy": False, "machineDetection": {"delayResult": False}}
    ]


def test_create_from_a_json_file_with_flags_overriding(
    sim: VoiceSimulator, cli: Any, tmp_path: Path
) -> None:
    body = {
        **REQUIRED_WIRE,
        "tag": "from-file",
        "machineDetection": {"mode": "async", "detectionTimeout": 9},
        "someNewApiField": {"kept": True},
    }
    path = tmp_path / "call.json"
    path.write_text(json.dumps(body))
    result = cli(
        "calls", "create", "--json", str(path),
        "--tag", "from-flag", "--machine-detection-silence-timeout", "2",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert _bodies(sim, "create_call") == [
        {
            **REQUIRED_WIRE,
            "tag": "from-flag",
            "machineDetection": {"mode": "async", "detectionTimeout": 9, "silenceTimeout": 2},
            "someNewApiField": {"kept": True},
        }
    ]


def test_create_json_from_stdin(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, json.dumps(REQUIRED_WIRE).encode())
    result = cli("calls", "create", "--json", "-")
    assert result.code == 0, result.err
    assert _bodies(sim, "create_call") == [REQUIRED_WIRE]


# -- get -------------------------------------------------------------------------------


def test_get_prints_the_call_state_in_wire_format(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered_call(sim)
    result = cli("calls", "get", call_id)
    assert result.code == 0, result.err
    assert result.err == ""
    assert result.json() == sim.call(call_id).to_call_state()
    assert [r.path for r in sim.requests] == [f"/api/v2/accounts/{sim.account_id}/calls/{call_id}"]


# -- list ------------------------------------------------------------------------------


def test_list_sends_every_filter(sim: VoiceSimulator, cli: Any) -> None:
    result = cli(
        "calls", "list",
        "--to", TO, "--from", FROM,
        "--min-start-time", "2024-01-01T00:00:00Z", "--max-start-time", "2024-01-02T00:00:00Z",
        "--disconnect-cause", "busy", "--page-size", "50",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == "[]\n"
    (request,) = sim.requests_for("list_calls")
    assert request.query == {
        "to": [TO],
        "from": [FROM],
        "minStartTime": ["2024-01-01T00:00:00Z"],
        "maxStartTime": ["2024-01-02T00:00:00Z"],
        "disconnectCause": ["busy"],
        "pageSize": ["50"],
    }


def test_list_one_page_then_the_next_with_the_page_token(sim: VoiceSimulator, cli: Any) -> None:
    ids = sim.bulk_create(5, to=TO, from_=FROM)
    first = cli("calls", "list", "--page-size", "2")
    assert first.code == 0
    assert [c["callId"] for c in first.json()] == ids[:2]
    note = first.err.strip()
    assert note.startswith("more calls: add --page-token ") and note.endswith(", or --all")
    token = note.split("--page-token ", 1)[1].split(" ", 1)[0]

    second = cli("calls", "list", "--page-size", "2", "--page-token", token)
    assert second.code == 0, second.err
    assert [c["callId"] for c in second.json()] == ids[2:4]
    assert sim.requests_for("list_calls")[-1].query["pageToken"] == [token]

    last_token = second.err.split("--page-token ", 1)[1].split(" ", 1)[0]
    last = cli("calls", "list", "--page-size", "2", "--page-token", last_token)
    assert [c["callId"] for c in last.json()] == ids[4:]
    assert last.err == ""  # no next page, no note


def test_list_all_follows_every_page_into_one_array(sim: VoiceSimulator, cli: Any) -> None:
    ids = sim.bulk_create(7, to=TO, from_=FROM)
    result = cli("calls", "list", "--all", "--page-size", "3", "--to", TO)
    assert result.code == 0, result.err
    assert result.err == ""
    calls = result.json()
    assert [c["callId"] for c in calls] == ids
    assert len(sim.requests_for("list_calls")) == 3
    # Streamed, but byte-identical to dumping the whole list at once.
    assert result.out == json.dumps(calls, indent=2) + "\n"
    for request in sim.requests_for("list_calls"):
        assert request.query["to"] == [TO] and request.query["pageSize"] == ["3"]


def test_list_all_with_no_calls_prints_an_empty_array(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("calls", "list", "--all")
    assert (result.code, result.out, result.err) == (0, "[]\n", "")


# -- update ----------------------------------------------------------------------------


def test_update_redirect_with_every_flag(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered_call(sim)
    result = cli(
        "calls", "update", call_id,
        "--state", "active",
        "--redirect-url", "https://example.com/next", "--redirect-method", "get",
        "--webhook-username", "r-user", "--webhook-password", "r-pass",
        "--redirect-fallback-url", "https://example.com/next-fallback",
        "--redirect-fallback-method", "POST",
        "--fallback-username", "rf-user", "--fallback-password", "rf-pass",
        "--tag", "step-2",
    )  # fmt: skip
    assert (result.code, result.out) == (0, ""), result.err
    assert result.warned() == ["--webhook-password", "--fallback-password"]
    expected = {
        "state": "active",
        "redirectUrl": "https://example.com/next",
        "redirectMethod": "GET",
        "username": "r-user",
        "password": "r-pass",
        "redirectFallbackUrl": "https://example.com/next-fallback",
        "redirectFallbackMethod": "POST",
        "fallbackUsername": "rf-user",
        "fallbackPassword": "rf-pass",
        "tag": "step-2",
    }
    assert _bodies(sim, "update_call") == [expected]
    assert sim.call(call_id).redirects == [expected]
    assert sim.call(call_id).tag == "step-2"


def test_update_hang_up_sends_exactly_state_completed(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered_call(sim)
    result = cli("calls", "update", call_id, "--state", "completed")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert sim.requests_for("update_call")[0].body == b'{"state":"completed"}'
    assert sim.call(call_id).state == "disconnected"
    assert sim.call(call_id).disconnect_cause == "hangup"


def test_update_from_json(sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    call_id = _answered_call(sim)
    _stdin(monkeypatch, b'{"redirectUrl": "https://example.com/x"}')
    result = cli("calls", "update", call_id, "--json", "-", "--tag", "t")
    assert result.code == 0, result.err
    assert _bodies(sim, "update_call") == [{"redirectUrl": "https://example.com/x", "tag": "t"}]


# -- bxml ------------------------------------------------------------------------------

BXML = '<?xml version="1.0" encoding="UTF-8"?>\n<Bxml><SpeakSentence>Hé</SpeakSentence></Bxml>\n'


def test_bxml_from_a_file(sim: VoiceSimulator, cli: Any, tmp_path: Path) -> None:
    call_id = _answered_call(sim)
    path = tmp_path / "next.xml"
    path.write_bytes(BXML.encode())
    result = cli("calls", "bxml", call_id, str(path))
    assert (result.code, result.out, result.err) == (0, "", "")
    (request,) = sim.requests_for("update_call_bxml")
    assert request.method == "PUT"
    assert request.headers["content-type"].startswith("application/xml")
    assert request.body == BXML.encode()
    assert sim.call(call_id).bxml == [BXML]


def test_bxml_from_stdin(sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    call_id = _answered_call(sim)
    _stdin(monkeypatch, BXML.encode())
    result = cli("calls", "bxml", call_id, "-")
    assert (result.code, result.out, result.err) == (0, "", "")
    assert sim.requests_for("update_call_bxml")[0].body == BXML.encode()


# -- connection settings: environment and flags ----------------------------------------


def test_flags_win_over_the_environment(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_id = _answered_call(sim)
    monkeypatch.setenv("BW_USERNAME", "wrong-user")
    monkeypatch.setenv("BW_PASSWORD", "wrong-pass")
    monkeypatch.setenv("BW_ACCOUNT_ID", "111")
    monkeypatch.setenv("BW_VOICE_HOST", "http://127.0.0.1:9/api/v2")
    result = cli(
        "calls", "get", call_id,
        "--username", sim.username, "--password", sim.password,
        "--account-id", sim.account_id, "--host", sim.url,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.json()["callId"] == call_id


def test_connection_flags_also_go_before_the_operation(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_id = _answered_call(sim)
    monkeypatch.setenv("BW_PASSWORD", "wrong-pass")
    result = cli("calls", "--password", sim.password, "get", call_id)
    assert result.code == 0, result.err


def test_environment_alone_is_enough(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("calls", "list")
    assert result.code == 0, result.err
    assert sim.requests[0].headers["authorization"].startswith("Basic ")


def test_wrong_credentials_from_the_environment_are_a_401(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BW_PASSWORD", "not-the-password")
    line = cli("calls", "list").expect_error_line()
    assert line.startswith("error: (401) Unauthorized")
    assert "not-the-password" not in line


@pytest.mark.parametrize(
    ("unset", "named"),
    [
        ("BW_USERNAME", "--username or BW_USERNAME"),
        ("BW_PASSWORD", "BW_PASSWORD or --password-stdin"),
        ("BW_ACCOUNT_ID", "--account-id or BW_ACCOUNT_ID"),
    ],
)
def test_missing_settings_are_usage_errors(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch, unset: str, named: str
) -> None:
    monkeypatch.setenv(unset, "")
    result = cli("calls", "list")
    assert result.code == 2
    assert named in result.expect_error_line()
    assert sim.requests == []


def test_default_host_is_production(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from bandwidth.cli._connect import connection

    monkeypatch.delenv("BW_VOICE_HOST", raising=False)
    configuration, account = connection(
        argparse.Namespace(username="u", password="p", account_id="1"), {}, "bandwidth"
    )
    assert configuration.host == "https://voice.bandwidth.com/api/v2"
    assert account == "1"


# -- bad input: exit 2, one line, nothing sent -----------------------------------------

BAD_INPUT = [
    (["calls", "create", "--from", FROM, "--application-id", "a",
      "--answer-url", "https://e.com/a"], "--to is required"),
    (["calls", "create", *REQUIRED, "--call-timeout", "soon"],
     "argument --call-timeout: not a number: 'soon'"),
    (["calls", "create", *REQUIRED, "--call-timeout", "nan"], "not a finite number"),
    (["calls", "create", *REQUIRED, "--call-timeout", "301"],
     "--call-timeout: Input should be less than or equal to 300"),
    (["calls", "create", *REQUIRED, "--priority", "1.5"],
     "argument --priority: not a whole number: '1.5'"),
    (["calls", "create", *REQUIRED, "--priority", "9"], "--priority: "),
    (["calls", "create", *REQUIRED, "--answer-method", "PUT"],
     "argument --answer-method: invalid choice: 'PUT'"),
    (["calls", "create", *REQUIRED, "--machine-detection-mode", "maybe"],
     "argument --machine-detection-mode: invalid choice"),
    (["calls", "create", *REQUIRED, "--machine-detection-detection-timeout", "-1"],
     "--machine-detection-detection-timeout: Input should be greater than or equal to 0"),
    (["calls", "create", *REQUIRED[:-1], "not a url"],
     "--answer-url: must be an absolute http or https URL"),
    (["calls", "create", *REQUIRED, "--disconnect-url", "ftp://example.com/x"],
     "--disconnect-url: must be an absolute http or https URL"),
    (["calls", "create", *REQUIRED, "--to", "5551234"], "--to: must be an E.164 phone number"),
    (["calls", "create", *REQUIRED, "--privacy", "--display-name", "Bob"],
     "--display-name must be one of Anonymous, Private, Restricted, Unavailable when "
     "--privacy is true"),
    (["calls", "create", *REQUIRED, "--speed", "fast"], "unrecognized arguments: --speed fast"),
    (["calls", "create", *REQUIRED, "--json", "/nonexistent/body.json"],
     "--json: cannot read '/nonexistent/body.json'"),
    (["calls", "get"], "the following arguments are required: CALL_ID"),
    (["calls", "get", ""], "CALL_ID must not be empty"),
    (["calls", "get", "c-1", "c-2"], "unrecognized arguments: c-2"),
    (["calls", "list", "--page-size", "0"], "argument --page-size: must be between 1 and 10000"),
    (["calls", "list", "--page-size", "ten"], "argument --page-size: not a whole number"),
    (["calls", "list", "--min-start-time", "yesterday"],
     "--min-start-time must be an ISO 8601 date-time"),
    (["calls", "list", "--all", "--page-token", "abc"],
     "argument --page-token: not allowed with argument --all"),
    (["calls", "list", "--timeout", "0"], "argument --timeout: must be more than 0 seconds"),
    (["calls", "list", "--retries", "-1"], "argument --retries: must be 0 or more"),
    (["calls", "list", "--host", "voice.example.com"], "--host: must be an absolute http(s) URL"),
    (["calls", "update", "c-1"], "nothing to update"),
    (["calls", "update", "c-1", "--state", "active"],
     '--redirect-url is required when --state is "active"'),
    (["calls", "update", "c-1", "--state", "completed", "--tag", "x"],
     '--tag is not allowed when --state is "completed"'),
    (["calls", "update", "c-1", "--state", "paused"], "argument --state: invalid choice"),
    (["calls", "update", "c-1", "--redirect-url", "/relative"],
     "--redirect-url: must be an absolute http or https URL"),
    (["calls", "bxml", "c-1"], "the following arguments are required: FILE"),
    (["calls", "bxml", "c-1", "/nonexistent/x.xml"], "FILE: cannot read '/nonexistent/x.xml'"),
    (["calls"], "the following arguments are required: OPERATION"),
    (["calls", "hangup", "c-1"], "argument OPERATION: invalid choice: 'hangup'"),
    ([], "the following arguments are required: COMMAND"),
    (["simulator", "--port", "70000"], "argument --port: must be between 0 and 65535"),
    (["demo", "--fast"], "unrecognized arguments: --fast"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), BAD_INPUT, ids=lambda v: " ".join(v)[:60])
def test_bad_input_is_one_line_exit_2_and_nothing_is_sent(
    sim: VoiceSimulator, cli: Any, argv: List[str], message: str
) -> None:
    result = cli(*argv)
    assert result.code == 2
    line = result.expect_error_line()
    assert message in line
    assert line.endswith("--help')")
    assert sim.requests == []


def test_usage_errors_name_the_subcommand_help(sim: VoiceSimulator, cli: Any) -> None:
    line = cli("calls", "list", "--bogus").expect_error_line()
    assert line.endswith("(see 'bandwidth calls list --help')")


def test_several_problems_are_reported_on_one_line(sim: VoiceSimulator, cli: Any) -> None:
    line = cli("calls", "create", "--to", "nope").expect_error_line()
    for part in ("--to: must be", "--from is required", "--application-id is required",
                 "--answer-url is required"):  # fmt: skip
        assert part in line


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "--json: not valid JSON"),
        (b"[1, 2]", "--json: expected a JSON object"),
        (b'{"to": "+19195551234", "from": 5}', "--json: from: Input should be a valid string"),
        (b'{"machineDetection": 3}', "--json: machineDetection must be an object"),
    ],
)
def test_bad_json_bodies(
    sim: VoiceSimulator,
    cli: Any,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    message: str,
) -> None:
    _stdin(monkeypatch, content)
    extra = ["--machine-detection-mode", "sync"] if b"machineDetection" in content else []
    result = cli("calls", "create", "--json", "-", *extra)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert sim.requests == []


def test_json_errors_name_the_json_key_and_missing_fields_mention_both(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, json.dumps({**REQUIRED_WIRE, "answerUrl": "x", "to": None}).encode())
    line = cli("calls", "create", "--json", "-").expect_error_line()
    assert "--json: answerUrl: must be an absolute http or https URL" in line
    assert "--json: to: " in line


def test_empty_bxml_is_a_usage_error(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"  \n")
    result = cli("calls", "bxml", "c-1", "-")
    assert result.code == 2
    assert "is empty: expected a BXML document" in result.expect_error_line()
    assert sim.requests == []


def test_secrets_are_not_echoed_in_errors(sim: VoiceSimulator, cli: Any) -> None:
    result = cli(
        "calls", "create", *REQUIRED,
        "--webhook-password", "x" * 2000, "--fallback-password", "s3cr3t-value",
        "--answer-fallback-url", "nope",
    )  # fmt: skip
    assert result.code == 2
    assert result.warned() == ["--webhook-password", "--fallback-password"]
    line = result.expect_error_line()
    assert "--webhook-password: String should have at most 1024 characters" in line
    assert "s3cr3t-value" not in line and "xxxx" not in line


# -- API and transport errors: exit 1, one line ----------------------------------------


def test_unknown_call_is_a_404(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("calls", "get", "c-missing")
    assert result.code == 1
    assert result.expect_error_line() == "error: (404) Not Found: Call c-missing was not found."


def test_updating_an_ended_call_is_a_409(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered_call(sim)
    sim.hangup(call_id)
    result = cli("calls", "update", call_id, "--state", "completed")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (409) Conflict: ")


def test_bxml_for_a_call_not_answered_is_a_409(
    sim: VoiceSimulator, cli: Any, tmp_path: Path
) -> None:
    call_id = sim.add_call(to=TO, from_=FROM)
    path = tmp_path / "b.xml"
    path.write_text(BXML)
    result = cli("calls", "bxml", call_id, str(path))
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (409) Conflict")


def test_a_bad_uui_is_refused_before_sending(sim: VoiceSimulator, cli: Any) -> None:
    result = cli("calls", "create", *REQUIRED, "--uui", "no-encoding-here")
    assert result.code == 2
    assert "--uui: must be" in result.expect_error_line()
    assert sim.requests_for("create_call") == []


def test_server_side_validation_is_a_400(sim: VoiceSimulator, cli: Any) -> None:
    # The SDK and the simulator share every value rule, so the server's 400 is injected.
    sim.fail_next("create_call", 400)
    result = cli("calls", "create", *REQUIRED)
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (400) Bad Request")
    assert len(sim.requests_for("create_call")) == 1


def test_bad_bxml_is_rejected_by_the_server(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    call_id = _answered_call(sim)
    _stdin(monkeypatch, b"<Response><Hangup/>")
    result = cli("calls", "bxml", call_id, "-")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (400) Bad Request")


def test_injected_503_on_create_is_not_retried(sim: VoiceSimulator, cli: Any) -> None:
    sim.fail_next("create_call", 503)
    result = cli("calls", "create", *REQUIRED)
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (503) Service Unavailable")
    assert len(sim.requests_for("create_call")) == 1
    assert sim.calls == []


def test_injected_429_with_retries_off(sim: VoiceSimulator, cli: Any) -> None:
    sim.fail_next("get_call_state", 429, headers={"Retry-After": "7"})
    result = cli("calls", "get", "c-1", "--retries", "0")
    assert result.code == 1
    line = result.expect_error_line()
    assert line.startswith("error: (429) Too Many Requests")
    assert "(retry after 7s)" in line
    assert len(sim.requests) == 1


def test_injected_429_is_retried_by_default(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered_call(sim)
    sim.fail_next("get_call_state", 429)  # Retry-After: 0
    result = cli("calls", "get", call_id)
    assert result.code == 0, result.err
    assert len(sim.requests_for("get_call_state")) == 2


def test_list_all_first_page_failing_prints_nothing(sim: VoiceSimulator, cli: Any) -> None:
    sim.bulk_create(4)
    sim.fail_next("list_calls", 503)
    result = cli("calls", "list", "--all", "--page-size", "2", "--retries", "0")
    assert result.code == 1
    assert result.expect_error_line().startswith("error: (503) Service Unavailable")


def test_list_all_failing_mid_stream_leaves_a_partial_array_and_exit_1(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bandwidth.cli._calls as calls_module
    from bandwidth.cli._output import write_json_array as original

    ids = sim.bulk_create(4)

    def fail_after_first_page(models: Iterator[Any]) -> None:
        def items() -> Iterator[Any]:
            for index, model in enumerate(models):
                if index == 0:  # page 1 has arrived; the request for page 2 will fail
                    sim.fail_next("list_calls", 503)
                yield model

        original(items())

    monkeypatch.setattr(calls_module, "write_json_array", fail_after_first_page)
    result = cli("calls", "list", "--all", "--page-size", "2", "--retries", "0")
    assert result.code == 1
    assert result.out.startswith("[\n") and ids[1] in result.out and ids[2] not in result.out
    assert not result.out.rstrip().endswith("]")  # visibly incomplete, as documented
    lines = result.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: (503)")
    assert len(sim.requests_for("list_calls")) == 2


def test_malformed_answer_is_exit_1(sim: VoiceSimulator, cli: Any) -> None:
    call_id = _answered_call(sim)
    sim.malformed_next("get_call_state")
    result = cli("calls", "get", call_id)
    assert result.code == 1
    assert "unreadable body" in result.expect_error_line()


def test_connection_refused_is_exit_1(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BW_VOICE_HOST", f"http://127.0.0.1:{closed_port()}/api/v2")
    result = cli("calls", "list", "--retries", "0")
    assert result.code == 1
    line = result.expect_error_line()
    assert "Connection refused" in line
    assert sim.password not in line


# -- interrupts ------------------------------------------------------------------------


def test_keyboard_interrupt_exits_130_quietly(
    sim: VoiceSimulator, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bandwidth.cli._calls as calls_module

    def interrupted(*args: Any, **kwargs: Any) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(calls_module, "run_calls", interrupted)
    result = cli("calls", "list")
    assert (result.code, result.out, result.err) == (130, "", "")


# -- help, version, and flag coverage --------------------------------------------------


def test_help_exits_0(cli: Any) -> None:
    for argv in ([], ["calls"], ["calls", "create"], ["calls", "list"], ["simulator"]):
        result = cli(*argv, "--help")
        assert result.code == 0
        assert result.out.startswith("usage: bandwidth")
        assert result.err == ""


def test_create_help_lists_every_flag(cli: Any) -> None:
    from bandwidth.cli._fields import CREATE_FLAGS

    text = cli("calls", "create", "--help").out
    for field in CREATE_FLAGS:
        assert field.flag in text
    assert "--no-privacy" in text and "[machineDetection.detectionTimeout]" in text


def test_version(cli: Any) -> None:
    import bandwidth

    result = cli("--version")
    assert (result.code, result.out) == (0, f"bandwidth {bandwidth.__version__}\n")


def _wire_names(model: Any) -> List[str]:
    names = []
    for name, info in model.model_fields.items():
        if name != "additional_properties":
            names.append(info.serialization_alias or name)
    return names


def test_every_request_field_has_exactly_one_flag() -> None:
    from bandwidth.cli._fields import CREATE_FLAGS, UPDATE_FLAGS
    from bandwidth.models import CreateCall, MachineDetectionConfiguration, UpdateCall

    create = {field.wire for field in CREATE_FLAGS}
    expected: Set[Tuple[str, ...]] = {
        (name,) for name in _wire_names(CreateCall) if name != "machineDetection"
    }
    expected |= {("machineDetection", n) for n in _wire_names(MachineDetectionConfiguration)}
    assert create == expected
    assert len(CREATE_FLAGS) == len(create)
    assert {field.wire for field in UPDATE_FLAGS} == {(n,) for n in _wire_names(UpdateCall)}
    for flags in (CREATE_FLAGS, UPDATE_FLAGS):
        assert len({field.flag for field in flags}) == len(flags)


def test_flag_names_follow_the_field_names() -> None:
    import re

    from bandwidth.cli._fields import CREATE_FLAGS, UPDATE_FLAGS

    def kebab(name: str) -> str:
        return re.sub(r"([A-Z])", lambda m: "-" + m.group(1).lower(), name)

    renamed = {("username",): "--webhook-username", ("password",): "--webhook-password"}
    for field in CREATE_FLAGS + UPDATE_FLAGS:
        if field.wire in renamed:
            assert field.flag == renamed[field.wire]
        elif field.wire[0] == "machineDetection":
            assert field.flag == "--machine-detection-" + kebab(field.wire[1])
        else:
            assert field.flag == "--" + kebab(field.wire[0])


def test_choices_match_the_enums() -> None:
    from bandwidth.cli import _fields
    from bandwidth.models import (
        CallbackMethodEnum,
        CallStateEnum,
        MachineDetectionModeEnum,
        RedirectMethodEnum,
    )

    def values(enum: Any) -> Dict[str, None]:
        return dict.fromkeys(member.value for member in enum)

    assert dict.fromkeys(_fields.CALLBACK_METHODS) == values(CallbackMethodEnum)
    assert dict.fromkeys(_fields.REDIRECT_METHODS) == values(RedirectMethodEnum)
    assert set(_fields.CALL_STATES) == set(values(CallStateEnum))
    assert set(_fields.MACHINE_DETECTION_MODES) == set(values(MachineDetectionModeEnum))


def test_list_flags_cover_every_list_calls_parameter() -> None:
    import inspect

    from bandwidth import CallsApi
    from bandwidth._operation import OPTION_NAMES
    from bandwidth.cli._fields import LIST_FLAGS

    parameters = set(inspect.signature(CallsApi.list_calls).parameters) - {
        "self", "account_id", *OPTION_NAMES,
    }  # fmt: skip
    assert {flag.parameter for flag in LIST_FLAGS} == parameters


# -- demo ------------------------------------------------------------------------------


def test_demo_walks_a_call_through_its_life(cli: Any) -> None:
    result = cli("demo")
    assert result.code == 0, result.err
    assert result.err == ""
    out = result.out
    steps = [
        "Create an outbound call",
        "-> 201 Created  callId=c-",
        "state=queued",
        "state=answered",
        "List the account's calls",
        "-> 1 call(s)",
        "Replace the call's BXML",
        "-> 204 No Content",
        "Redirect the call",
        "Hang up",
        "state=disconnected  disconnectCause=hangup",
        "What the simulator received",
        "PUT  /accounts/9900000/calls/{callId}/bxml",
        '{"state":"completed"}',
        "<Bxml><SpeakSentence",
        '"redirectUrl": "https://example.com/webhooks/next-step"',
    ]
    position = 0
    for step in steps:
        found = out.find(step, position)
        assert found >= 0, f"{step!r} missing (in order) from:\n{out}"
        position = found


# -- secrets in output -------------------------------------------------------------------


def test_passwords_a_server_echoes_are_masked(
    wire: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that echoes webhook passwords in clear still never gets them printed."""
    answer = {
        "applicationId": "app-1",
        "accountId": "9900000",
        "callId": "c-1",
        "to": TO,
        "from": FROM,
        "callUrl": "https://voice.example/calls/c-1",
        "answerUrl": "https://example.com/answer",
        "username": "hook-user",
        "password": "hook-pass-in-clear",
        "fallbackPassword": "fallback-in-clear",
        "fallbackUsername": None,
        "machineDetection": {"password": "nested-in-clear", "fallbackPassword": None},
    }
    wire.answer(201, json=answer, method="POST")
    monkeypatch.setenv("BW_VOICE_HOST", wire.url)
    monkeypatch.setenv("BW_ACCOUNT_ID", "9900000")
    monkeypatch.setenv("BW_USERNAME", "u")
    monkeypatch.setenv("BW_PASSWORD", "p")
    result = cli("calls", "create", *REQUIRED, "--webhook-password", "hook-pass-in-clear")
    assert result.code == 0, result.err
    assert "in-clear" not in result.out
    printed = result.json()
    assert printed["password"] == "*****" and printed["fallbackPassword"] == "*****"
    assert printed["machineDetection"] == {"password": "*****", "fallbackPassword": None}
    assert printed["username"] == "hook-user" and printed["fallbackUsername"] is None

"""``bandwidth phone`` in-process, through ``bandwidth.cli.main``, with ``--app``.

The apps live in a module written into a temporary directory the test makes
the current one (``--app`` imports from there, as uvicorn does): the shipped
example app, and a few small ones for the cases it does not reach. Every
call here runs ``--fast`` (the default with ``--press``), so the simulated
clock jumps and nothing waits; real time, the terminal's keypad and Ctrl-C
run in real processes in ``test_phone_process.py``.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any, Iterator, List

import pytest

from bandwidth.callbacks import DisconnectCallback

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "webhook_app.py"
USER, PASSWORD = "bandwidth", "s3cret-pass"
GREETING = "Thanks for calling Example Company."
PROMPT = "Press 1 for sales or 2 for support."

APPS = f"""
import importlib.util

_spec = importlib.util.spec_from_file_location("phone_example_app", {str(EXAMPLE)!r})
example = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(example)

app = example.WebhookApp({USER!r}, {PASSWORD!r})


def _bxml(start_response, text, status="200 OK"):
    body = text.encode()
    headers = [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))]
    start_response(status, headers)
    return [body]


def broken(environ, start_response):
    raise ValueError("boom \\x1b[2J")


def garbled(environ, start_response):
    return _bxml(start_response, "<Response><Dance/></Response>")


def sneaky(environ, start_response):
    text = "Hi\\u202eevil\\x9b31m"
    return _bxml(start_response, f"<Response><SpeakSentence>{{text}}</SpeakSentence></Response>")


def menu_forever(environ, start_response):
    return _bxml(
        start_response,
        '<Response><Gather gatherUrl="/again" maxDigits="1" firstDigitTimeout="3">'
        "<SpeakSentence>Press a key.</SpeakSentence></Gather></Response>",
    )


async def asgi(scope, receive, send):
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({{"type": "lifespan.startup.complete"}})
            elif message["type"] == "lifespan.shutdown":
                await send({{"type": "lifespan.shutdown.complete"}})
                return
    await receive()
    body = b"<Response><SpeakSentence>Hello from ASGI.</SpeakSentence></Response>"
    await send({{"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/xml")]}})
    await send({{"type": "http.response.body", "body": body}})


not_an_app = 42


class project:
    application = app
"""


class _Stdin(io.TextIOWrapper):
    """A stdin whose ``isatty()`` answers as told."""

    def __init__(self, data: bytes, tty: bool = False) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


@pytest.fixture
def apps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """``phoneapps.py`` in the current directory, and the webhook credentials in the env."""
    (tmp_path / "phoneapps.py").write_text(APPS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", list(sys.path))  # --app puts the cwd first
    monkeypatch.setenv("BW_WEBHOOK_USERNAME", USER)
    monkeypatch.setenv("BW_WEBHOOK_PASSWORD", PASSWORD)
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    yield lambda: sys.modules["phoneapps"]
    sys.modules.pop("phoneapps", None)
    sys.modules.pop("phone_example_app", None)


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, *, tty: bool = False) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(data, tty))


def _live(text: str) -> List[str]:
    """The live lines (before the blank line and the timeline), without the header."""
    head, _, _ = text.partition("\n\n")
    return [line.strip() for line in head.splitlines()[1:]]


# -- scripted calls ------------------------------------------------------------------------


def test_press_answers_the_menu_and_the_call_is_printed(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:app", "/callbacks/answer", "--press", "2")
    assert (result.code, result.err) == (0, "")
    assert result.out.splitlines()[0] == (
        "calling http://localhost/callbacks/answer from +19195554321 to +19195551234"
    )
    assert _live(result.out) == [
        "+0.000s  answered",
        f'+0.000s  heard "{GREETING}"',
        f'+2.000s  heard "{PROMPT}"',
        "+5.200s  pressed 2",  # once the prompt has played
        '+5.200s  heard "Connecting you to support. Goodbye for now."',
        "+8.000s  the app hung up (hangup)",
    ]
    timeline = result.out.partition("\n\n")[2]
    assert timeline.startswith("call c-") and "now disconnected, hangup" in timeline
    assert "webhook gather: POST http://localhost/callbacks/gather -> 200" in timeline
    assert PASSWORD not in result.out  # the app's <Gather password=...> is masked
    events = apps().app.events
    assert [type(e).__name__ for e in events] == [
        "InitiateCallback",
        "GatherCallback",
        "DisconnectCallback",
    ]


def test_json_timeline(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:app", "--press", "1", "--json")
    assert result.code == 0, result.err
    timeline = result.json()
    assert list(timeline) == [
        "callId", "from", "to", "answerUrl", "startTime", "answerTime", "endTime",
        "disconnectCause", "errorMessage", "hungUpBy", "heard", "pressed", "events",
    ]  # fmt: skip
    assert timeline["heard"] == [GREETING, PROMPT, "Connecting you to sales. Goodbye for now."]
    assert (timeline["pressed"], timeline["hungUpBy"]) == (["1"], "app")
    assert timeline["disconnectCause"] == "hangup"
    assert timeline["answerUrl"] == "http://localhost/"
    shown = [
        (e["at"], e["type"], e.get("eventType") or e.get("text") or e.get("digits") or e.get("by"))
        for e in timeline["events"]
    ]
    assert shown == [
        (0.0, "webhook", "initiate"),
        (0.0, "answered", None),
        (0.0, "heard", GREETING),
        (2.0, "heard", PROMPT),
        (5.2, "pressed", "1"),
        (5.2, "webhook", "gather"),
        (5.2, "heard", "Connecting you to sales. Goodbye for now."),
        (8.0, "hangup", "app"),
        (8.0, "webhook", "disconnect"),
    ]
    gather = timeline["events"][5]
    assert gather["payload"]["digits"] == "1" and gather["status"] == 200
    assert gather["url"] == "http://localhost/callbacks/gather"
    assert 'password="*****"' in timeline["events"][0]["reply"]
    assert PASSWORD not in result.out
    # The live lines went to stderr; stdout is the JSON alone.
    assert "+5.200s  pressed 1" in result.err


def test_an_empty_press_answers_nothing(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:app", "--press", "", "--json")
    timeline = result.json()
    assert timeline["heard"][-1] == "Sorry, nothing is not an option. Goodbye."
    assert timeline["pressed"] == []
    gather = next(e for e in timeline["events"] if e.get("eventType") == "gather")
    assert gather["at"] == 10.2  # the prompt ends at 5.2 s, then firstDigitTimeout 5 s


def test_presses_that_run_out_leave_the_rest_unanswered_until_hangup_after(
    apps: Any, cli: Any
) -> None:
    result = cli(
        "phone", "--app", "phoneapps:menu_forever", "--press", "1", "--press", "2",
        "--hangup-after", "30", "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    timeline = result.json()
    assert timeline["pressed"] == ["1", "2"]
    assert (timeline["hungUpBy"], timeline["disconnectCause"]) == ("caller", "hangup")
    assert timeline["endTime"] > timeline["startTime"]
    gathers = [e for e in timeline["events"] if e.get("eventType") == "gather"]
    assert [g["payload"]["digits"] for g in gathers][:3] == ["1", "2", ""]
    assert timeline["events"][-2]["type"] == "hangup" and timeline["events"][-2]["at"] == 30.0


def test_get_method_and_a_relative_disconnect_url(apps: Any, cli: Any) -> None:
    result = cli(
        "phone", "--app", "phoneapps:app", "/in", "--answer-method", "get",
        "--disconnect-url", "bye", "--press", "1", "--json",
    )  # fmt: skip
    events = result.json()["events"]
    hooks = [(e["eventType"], e["method"], e["url"]) for e in events if e["type"] == "webhook"]
    assert hooks == [
        ("initiate", "GET", "http://localhost/in"),
        ("gather", "POST", "http://localhost/callbacks/gather"),
        ("disconnect", "POST", "http://localhost/bye"),
    ]


def test_a_dotted_attribute(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:project.application", "--press", "2", "--json")
    assert result.json()["heard"][-1] == "Connecting you to support. Goodbye for now."


def test_an_asgi_app(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:asgi", "--press", "1", "--json")
    assert result.code == 0, result.err
    assert result.json()["heard"] == ["Hello from ASGI."]


def test_verbose_streams_the_simulators_timeline(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:app", "--press", "1", "--verbose")
    assert result.code == 0, result.err
    lines = [line.strip() for line in result.out.splitlines()]
    assert "+0.000s  webhook initiate: POST http://localhost/ -> 200  (before: 401 from " \
        "http://localhost/)" in lines  # fmt: skip
    assert any(line.startswith("reply: <Response><SpeakSentence") for line in lines)
    assert "+5.200s  gathered '1'" in lines
    assert "+8.000s  disconnected: hangup" in lines
    assert sum(line.startswith("call c-") for line in lines) == 0  # streamed, not repeated
    assert PASSWORD not in result.out


# -- keys from stdin -----------------------------------------------------------------------


def test_lines_of_stdin_answer_the_gathers(
    apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"xyz\n 2 \n")
    result = cli("phone", "--app", "phoneapps:app", "--fast")
    assert result.code == 0, result.err
    live = _live(result.out)
    assert "+5.200s  (ignored 'xyz': keys are 0-9 * # A-D)" in live
    assert "+5.200s  pressed 2" in live
    assert live[-1] == "+8.000s  the app hung up (hangup)"
    assert result.err == ""  # not a terminal: no prompt


def test_end_of_input_hangs_up_and_the_app_hears_it(
    apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"")
    result = cli("phone", "--app", "phoneapps:app", "--fast", "--json")
    assert result.code == 0, result.err
    timeline = result.json()
    assert (timeline["hungUpBy"], timeline["disconnectCause"]) == ("caller", "hangup")
    assert timeline["events"][-2]["at"] == 5.2  # when the gather asked
    assert isinstance(apps().app.events[-1], DisconnectCallback)


def test_real_time_with_piped_keys(apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # 8 s of call at 100 times the speed: about 0.1 s. The line waits for the gather.
    _stdin(monkeypatch, b"2\n")
    result = cli("phone", "--app", "phoneapps:app", "--speed", "100", "--json")
    assert result.code == 0, result.err
    timeline = result.json()
    assert timeline["pressed"] == ["2"]
    pressed = next(e for e in timeline["events"] if e["type"] == "pressed")
    assert pressed["at"] >= 5.2  # not before the prompt had played
    assert timeline["heard"][-1] == "Connecting you to support. Goodbye for now."
    assert "(Ctrl-C hangs up)" in result.err.splitlines()[0]


def test_press_does_not_read_stdin(apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = _Stdin(b"9\n")
    monkeypatch.setattr(sys, "stdin", stdin)
    result = cli("phone", "--app", "phoneapps:app", "--press", "1", "--json")
    assert result.json()["pressed"] == ["1"]
    assert stdin.read() == "9\n"


def test_a_terminal_in_fast_mode_is_prompted_for_each_gather(
    apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    _stdin(monkeypatch, b"1\n", tty=True)
    result = cli("phone", "--app", "phoneapps:app", "--fast", "--json")
    assert result.json()["pressed"] == ["1"]
    assert "keys for this gather (0-9 * # A-D, Enter; empty: none)> " in result.err


# -- failures ------------------------------------------------------------------------------


def test_an_app_that_raises(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:broken", "--press", "1")
    assert result.code == 1
    err = result.err.splitlines()
    assert err[0] == "the app raised ValueError while handling a webhook:"
    assert err[1] == "Traceback (most recent call last):"
    assert err[-2] == "ValueError: boom [2J"  # no terminal control reaches the terminal
    assert err[-1].startswith(
        "error: the call ended with callback-error: The initiate webhook to http://localhost/ "
        "failed: the app raised ValueError: boom [2J"
    )
    assert "\x1b" not in result.out + result.err
    assert "the call ended: callback-error" in result.out


def test_invalid_bxml_is_exit_1_with_the_json_still_printed(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:garbled", "--press", "1", "--json")
    assert result.code == 1
    assert result.json()["disconnectCause"] == "invalid-bxml"
    assert result.err.splitlines()[-1].startswith("error: the call ended with invalid-bxml: ")


def test_what_the_app_says_reaches_the_terminal_without_controls(apps: Any, cli: Any) -> None:
    result = cli("phone", "--app", "phoneapps:sneaky", "--press", "1")
    assert '+0.000s  heard "Hievil31m"' in _live(result.out)
    as_json = cli("phone", "--app", "phoneapps:sneaky", "--press", "1", "--json")
    assert "Hi\\u202eevil\\u009b31m" in as_json.out  # kept, escaped
    assert as_json.json()["heard"] == ["Hi\u202eevil\x9b31m"]


def test_a_wrong_webhook_password_fails_the_call(
    apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BW_WEBHOOK_PASSWORD", "wrong")
    result = cli("phone", "--app", "phoneapps:app", "--press", "1")
    assert result.code == 1
    assert "failed: the app answered HTTP 401" in result.err
    assert "wrong" not in result.out + result.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "URL is required (or --app MODULE:ATTRIBUTE)"),
        (["/path"], "URL: must be an absolute http or https URL"),
        (["ftp://x/a"], "URL: must be an absolute http or https URL"),
        (["--app", "phoneapps"], "--app: expected MODULE:ATTRIBUTE, e.g. myapp:app"),
        (["--app", "nowhere_at_all:app"], "--app: no module named 'nowhere_at_all' in "),
        (["--app", "phoneapps:missing"], "--app: phoneapps has no attribute 'missing'"),
        (["--app", "phoneapps:not_an_app"], "--app: phoneapps:not_an_app is not a WSGI or ASGI"),
        (["--app", "phoneapps:app", "--press", "12x"], "--press '12x': keys are 0-9, *, #, A-D"),
        (["--app", "phoneapps:app", "--to", "555"], "--to: must be an E.164 number"),
        (["--app", "phoneapps:app", "--fast", "--speed", "2"], "--speed paces real time"),
        (["--app", "phoneapps:app", "--fast", "--real-time"], "not allowed with argument"),
        (["--app", "phoneapps:app", "--callback-timeout", "30"], "must be between 1 and 25"),
    ],
)
def test_usage_errors(apps: Any, cli: Any, argv: List[str], message: str) -> None:
    result = cli("phone", *argv)
    assert result.code == 2
    assert message in result.expect_error_line()
    assert result.expect_error_line().endswith("(see 'bandwidth phone --help')")


def test_an_app_module_that_fails_to_import(apps: Any, cli: Any, tmp_path: Path) -> None:
    (tmp_path / "failing_app.py").write_text("raise RuntimeError('no config')\n")
    try:
        result = cli("phone", "--app", "failing_app:app")
    finally:
        sys.modules.pop("failing_app", None)
    assert result.code == 1
    assert result.err.splitlines()[0] == "the app raised RuntimeError while importing failing_app:"
    assert result.err.splitlines()[-1] == (
        "error: --app: importing failing_app raised RuntimeError: no config"
    )


# -- the webhook password ------------------------------------------------------------------


def test_password_flag_warns(apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BW_WEBHOOK_PASSWORD")
    result = cli("phone", "--app", "phoneapps:app", "--press", "1", "--password", PASSWORD)
    assert result.code == 0
    assert result.err == (
        "warning: --password is visible to other users of this machine (ps); "
        "use BW_WEBHOOK_PASSWORD, the prompt or --password-stdin\n"
    )


def test_password_stdin(apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BW_WEBHOOK_PASSWORD")
    monkeypatch.delenv("BW_WEBHOOK_USERNAME")
    _stdin(monkeypatch, f"{PASSWORD}\n1\n".encode())
    result = cli(
        "phone", "--app", "phoneapps:app", "--fast", "--username", USER, "--password-stdin"
    )
    assert (result.code, result.err) == (0, "")
    assert "pressed 1" in result.out  # the lines after the password are the keys


def test_a_terminal_prompts_for_the_password(
    apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import getpass

    prompts: List[str] = []

    def fake_getpass(prompt: str = "Password: ", stream: Any = None) -> str:
        prompts.append(prompt)
        return PASSWORD

    monkeypatch.delenv("BW_WEBHOOK_PASSWORD")
    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    _stdin(monkeypatch, b"", tty=True)
    result = cli("phone", "--app", "phoneapps:app", "--press", "1", "--json")
    assert result.code == 0, result.err
    assert prompts == [f"webhook password for {USER}: "]


@pytest.mark.parametrize(
    ("unset", "message"),
    [
        ("BW_WEBHOOK_PASSWORD", "missing the webhook password for --username"),
        ("BW_WEBHOOK_USERNAME", "a webhook password needs a user"),
    ],
)
def test_half_the_credentials_is_a_usage_error(
    apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch, unset: str, message: str
) -> None:
    monkeypatch.delenv(unset)
    result = cli("phone", "--app", "phoneapps:app", "--press", "1")
    assert result.code == 2
    assert message in result.expect_error_line()


def test_no_credentials_at_all_sends_none(
    apps: Any, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BW_WEBHOOK_PASSWORD")
    monkeypatch.delenv("BW_WEBHOOK_USERNAME")
    result = cli("phone", "--app", "phoneapps:sneaky", "--press", "1", "--json")
    assert result.code == 0
    (initiate,) = [e for e in result.json()["events"] if e.get("eventType") == "initiate"]
    assert json.dumps(initiate).count("authorization") == 0

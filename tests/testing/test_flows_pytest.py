"""The pytest plugin with call flows: the app by marker or by fixture, timelines on failure.

Each test runs pytest on a small test module in a fresh process, as a user's
suite would run with the SDK installed.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

APP = """
from bandwidth.models.bxml import Gather, Response, SpeakSentence


def menu_app(environ, start_response):
    if environ["PATH_INFO"] == "/answer":
        body = Response([Gather([SpeakSentence("Press 1.")], gather_url="/g", max_digits=1)])
    else:
        body = Response([SpeakSentence("Thanks for pressing.")])
    start_response("200 OK", [("Content-Type", "application/xml")])
    return [body.to_bytes()]


def place(sim):
    from bandwidth import ApiClient, CallsApi, CreateCall

    with ApiClient(sim.configuration()) as client:
        created = CallsApi(client).create_call(sim.account_id, CreateCall(
            to="+19195551234", var_from="+19195554321", application_id="a",
            answer_url="https://myapp.example/answer"))
    sim.answer(created.call_id)
    return created.call_id
"""


def run_pytest(tmp_path: Path, files: dict) -> subprocess.CompletedProcess:
    for name, text in files.items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_app_comes_from_a_marker_or_an_overridden_fixture(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "helpers.py": APP,
            "conftest.py": """
                import pytest
                from helpers import menu_app

                @pytest.fixture
                def voice_simulator_app():
                    return menu_app
            """,
            "test_user.py": """
                import pytest
                from helpers import place

                def test_from_the_fixture(voice_simulator):
                    call_id = place(voice_simulator)
                    voice_simulator.press(call_id, "1")
                    heard = voice_simulator.call(call_id).heard
                    assert heard == ["Press 1.", "Thanks for pressing."]

                def other_app(environ, start_response):
                    start_response("200 OK", [])
                    return [b"<Response><SpeakSentence>Other.</SpeakSentence></Response>"]

                @pytest.mark.voice_simulator(app=other_app)
                def test_the_marker_wins(voice_simulator):
                    call_id = place(voice_simulator)
                    assert voice_simulator.call(call_id).heard == ["Other."]
            """,
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_a_failing_test_shows_the_timeline(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        {
            "helpers.py": APP,
            "test_user.py": """
                from bandwidth.testing import VoiceSimulator
                from helpers import menu_app, place

                def test_wrong_expectation():
                    with VoiceSimulator(app=menu_app) as sim:
                        call_id = place(sim)
                        sim.press(call_id, "1")
                        assert sim.call(call_id).heard[-1] == "Goodbye."

                def test_passing_has_no_timeline(voice_simulator):
                    place(voice_simulator)
            """,
        },
    )
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "1 failed, 1 passed" in out
    assert out.count("voice simulator timeline") == 1
    section = out[out.index("voice simulator timeline") :]
    for step in [
        "webhook answer: POST https://myapp.example/answer -> 200",
        'speak "Press 1."',
        "pressed 1",
        "gathered '1'",
        "webhook gather: POST https://myapp.example/g -> 200",
        "reply: <Response><SpeakSentence>Thanks for pressing.</SpeakSentence></Response>",
        'speak "Thanks for pressing."',
    ]:
        assert step in section, out

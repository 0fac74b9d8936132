"""`bandwidth demo` runs one call through the shipped example app and prints its timeline."""

from __future__ import annotations

import pytest

from bandwidth.cli._demo import run_demo


def test_the_demo_walks_a_call_through_the_example_app(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_demo() == 0
    out = capsys.readouterr().out
    section = out[out.index("A whole call through your webhook app") :]
    steps = [
        "webhook answer: POST https://myapp.example/answer -> 200",
        'speak "Thanks for calling Example Company."',
        'speak "Press 1 for sales or 2 for support."',
        "+4.000s  pressed 1",
        "the prompt stops: a key was pressed (barge-in)",
        "webhook gather: POST https://myapp.example/callbacks/gather -> 200",
        'speak "Connecting you to sales. Goodbye for now."',
        "disconnected: hangup",
        "webhook disconnect: POST https://myapp.example/bye -> 204",
        "webhooks:           answer (200), gather (200), disconnect (204)",
        "the call ended:     disconnected, disconnectCause=hangup",
    ]
    position = 0
    for step in steps:
        found = section.find(step, position)
        assert found >= 0, f"{step!r} missing (in order) from:\n{section}"
        position = found
    assert "demo-password" not in out

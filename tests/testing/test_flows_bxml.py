"""The BXML interpreter on the simulated clock: each verb, Gather's rules, and the REST API.

Every flow is driven through the public test API (``answer``, ``press``,
``advance``, ``hangup``) and the SDK; durations follow the documented time
rules (speech at 150 words a minute, PlayAudio 3 s, ...).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Dict, Iterator, List, Tuple
from urllib.parse import urlsplit

import pytest

from bandwidth import ApiClient, CallsApi, UpdateCall
from bandwidth.testing import SimulatedCall, Timing, VoiceSimulator
from tests.support.flows import ScriptedApp, bxml, outbound_call


@pytest.fixture
def app() -> ScriptedApp:
    return ScriptedApp()


@pytest.fixture
def sim(app: ScriptedApp) -> Iterator[VoiceSimulator]:
    with VoiceSimulator(app=app) as simulator:
        yield simulator


def run(sim: VoiceSimulator, app: ScriptedApp, document: str, **fields: Any) -> str:
    """Answer a new call whose answer webhook returns ``document``."""
    app.routes[urlsplit(fields.get("answer_url", "https://app.example/answer")).path] = document
    call_id = outbound_call(sim, **fields)
    sim.answer(call_id)
    return call_id


def seconds(call: SimulatedCall) -> float:
    assert call.end_time is not None and call.answer_time is not None
    return (call.end_time - call.answer_time).total_seconds()


def gather_events(app: ScriptedApp) -> List[Tuple[str, str]]:
    return [
        (r["event"]["digits"], r["event"]["terminatingDigit"])
        for r in app.requests
        if r["event"].get("eventType") == "gather"
    ]


# -- time rules ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("verbs", "expected"),
    [
        ("<SpeakSentence>One two three four five.</SpeakSentence>", 2.0),  # 0.4 s a word
        ('<SpeakSentence>Wait <break time="1500ms"/> now.</SpeakSentence>', 0.8 + 1.5),
        ("<PlayAudio>/a.mp3</PlayAudio>", 3.0),
        ("<Pause/>", 1.0),
        ('<Pause duration="2.5"/>', 2.5),
        ("<Ring/>", 5.0),
        ('<Ring duration="0.5"/>', 0.5),
        ("<SendDtmf>12</SendDtmf>", 1.2),  # 200 ms tone + 400 ms gap each
        ('<SendDtmf toneDuration="100" toneInterval="100">1w2W</SendDtmf>', 0.2 + 0.5 + 0.2 + 1),
        ("<Tag>x</Tag><Tag/>", 0.0),
    ],
)
def test_each_verb_takes_its_documented_time(
    sim: VoiceSimulator, app: ScriptedApp, verbs: str, expected: float
) -> None:
    call_id = run(sim, app, bxml(verbs))
    sim.advance(100)
    call = sim.call(call_id)
    assert call.disconnect_cause == "hangup"  # the end of the document hangs up
    assert seconds(call) == pytest.approx(expected)


def test_what_the_far_end_hears(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim,
        app,
        bxml(
            '<SpeakSentence voice="julie">Hello <emphasis level="strong">there</emphasis>,'
            ' <say-as interpret-as="characters">ABC</say-as>.</SpeakSentence>',
            '<SpeakSentence><sub alias="World Wide Web">WWW</sub>   rocks &amp; rolls'
            "</SpeakSentence>",
            "<PlayAudio>/prompts/menu.mp3</PlayAudio>",
            "<PlayAudio>https://cdn.example/x.wav</PlayAudio>",
            "<SendDtmf>9#</SendDtmf>",
        ),
        answer_url="https://app.example/calls/answer",
    )
    sim.advance(60)
    call = sim.call(call_id)
    assert call.heard == [
        "Hello there, ABC.",
        "World Wide Web rocks & rolls",
        "https://app.example/prompts/menu.mp3",  # relative: resolved against the answer URL
        "https://cdn.example/x.wav",
    ]
    assert call.dtmf_sent == ["9#"]


def test_audio_durations_can_follow_the_url() -> None:
    app = ScriptedApp(
        {"/answer": bxml("<PlayAudio>/long.mp3</PlayAudio><PlayAudio>/s.mp3</PlayAudio>")}
    )
    timing = Timing(words_per_minute=60, audio_duration=lambda url: 20 if "long" in url else 1)
    with VoiceSimulator(app=app, timing=timing) as sim:
        call_id = outbound_call(sim)
        sim.answer(call_id)
        sim.advance(20.5)
        assert sim.call(call_id).heard == [
            "https://app.example/long.mp3",
            "https://app.example/s.mp3",
        ]
        sim.advance(1)
        assert seconds(sim.call(call_id)) == pytest.approx(21)


def test_timing_is_checked() -> None:
    with pytest.raises(ValueError, match="words_per_minute must be positive"):
        Timing(words_per_minute=0)
    with pytest.raises(ValueError, match="audio_duration must be"):
        Timing(audio_duration=-1)


def test_nothing_sleeps_a_ten_minute_call_runs_at_once(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(
        sim, app, bxml('<Pause duration="600"/>', "<SpeakSentence>Bye now.</SpeakSentence>")
    )
    sim.advance(599)
    assert sim.call(call_id).heard == []
    sim.advance(2)
    assert sim.call(call_id).heard == ["Bye now."]
    sim.advance(1)
    assert seconds(sim.call(call_id)) == pytest.approx(600.8)


# -- Gather ------------------------------------------------------------------------------------

PROMPTS = (
    "<SpeakSentence>First prompt here.</SpeakSentence>"  # 1.2 s
    "<SpeakSentence>Second prompt here.</SpeakSentence>"  # 1.2 s
)


def test_max_digits_ends_the_gather(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, bxml(f'<Gather gatherUrl="/g" maxDigits="3">{PROMPTS}</Gather>'))
    sim.press(call_id, "12")
    assert gather_events(app) == []
    sim.press(call_id, "3")
    assert gather_events(app) == [("123", "")]
    # Barge-in: the first digit stopped the prompts, so the second was never heard.
    assert sim.call(call_id).heard == ["First prompt here."]


def test_a_terminating_digit_ends_it_and_is_reported(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, bxml('<Gather gatherUrl="/g" terminatingDigits="#*"/>'))
    sim.press(call_id, "42*")
    assert gather_events(app) == [("42", "*")]
    assert sim.call(call_id).pressed == ["42*"]


def test_inter_digit_timeout(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(sim, app, bxml('<Gather gatherUrl="/g" interDigitTimeout="2"/>'))
    sim.press(call_id, "7")
    sim.advance(1.9)
    sim.press(call_id, "8")  # restarts the wait
    sim.advance(1.9)
    assert gather_events(app) == []
    sim.advance(0.2)
    assert gather_events(app) == [("78", "")]
    gather = next(w for w in sim.webhooks if w.event_type == "gather")
    assert gather.time - sim.call(call_id).answer_time == timedelta(seconds=3.9)  # type: ignore[operator]


def test_first_digit_timeout_counts_after_the_prompts(
    sim: VoiceSimulator, app: ScriptedApp
) -> None:
    call_id = run(
        sim, app, bxml(f'<Gather gatherUrl="/g" firstDigitTimeout="3">{PROMPTS}</Gather>')
    )
    sim.advance(5.3)  # prompts 2.4 s + 3 s = 5.4 s
    assert gather_events(app) == []
    sim.advance(0.1)
    assert gather_events(app) == [("", "")]
    assert sim.call(call_id).heard == ["First prompt here.", "Second prompt here."]


def test_repeat_count_plays_the_prompts_again(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim,
        app,
        bxml(f'<Gather gatherUrl="/g" firstDigitTimeout="1" repeatCount="3">{PROMPTS}</Gather>'),
    )
    sim.advance(3.4 * 2 + 0.5)  # two rounds of prompts + wait, into the third round
    sim.press(call_id, "5")
    sim.advance(6)
    # The digit came during the third round's first prompt: barge-in cuts the rest.
    heard = sim.call(call_id).heard
    assert heard == ["First prompt here.", "Second prompt here."] * 2 + ["First prompt here."]
    assert gather_events(app) == [("5", "")]


def test_without_a_gather_url_the_document_goes_on(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim,
        app,
        bxml('<Gather maxDigits="1"/>', "<SpeakSentence>After the gather.</SpeakSentence>"),
    )
    sim.press(call_id, "9")
    sim.advance(5)
    call = sim.call(call_id)
    assert call.heard == ["After the gather."]
    assert gather_events(app) == []
    assert call.disconnect_cause == "hangup"


def test_digits_pressed_ahead_go_to_the_next_gather(sim: VoiceSimulator, app: ScriptedApp) -> None:
    app.routes["/g"] = lambda event: bxml('<Gather gatherUrl="/g" maxDigits="1"/>')
    call_id = run(sim, app, bxml('<Gather gatherUrl="/g" maxDigits="1"/>'))
    sim.press(call_id, "123")
    assert gather_events(app) == [("1", ""), ("2", ""), ("3", "")]


def test_digits_without_a_gather_are_not_collected(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim, app, bxml('<Pause duration="10"/>', '<Gather gatherUrl="/g" maxDigits="1"/>')
    )
    sim.press(call_id, "1")
    sim.advance(10)
    sim.press(call_id, "2")
    assert gather_events(app) == [("2", "")]
    assert "digit 1 not collected (no Gather is running)" in sim.call(call_id).timeline()


def test_press_checks_its_input(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = outbound_call(sim)
    with pytest.raises(ValueError, match="only an answered call hears digits"):
        sim.press(call_id, "1")
    for bad in ["", "12x", "1 2", 5]:
        with pytest.raises(ValueError, match="digits must be DTMF characters"):
            sim.press(call_id, bad)  # type: ignore[arg-type]
    with pytest.raises(KeyError):
        sim.press("c-unknown", "1")


# -- Redirect, Hangup, Tag -----------------------------------------------------------------


def test_redirect_fetches_the_next_document(sim: VoiceSimulator, app: ScriptedApp) -> None:
    app.routes["/next"] = bxml("<SpeakSentence>Redirected.</SpeakSentence><Hangup/>")
    call_id = run(
        sim,
        app,
        bxml('<Redirect redirectUrl="/next"/>', "<SpeakSentence>Never said.</SpeakSentence>"),
    )
    sim.advance(5)
    call = sim.call(call_id)
    assert call.heard == ["Redirected."]
    assert [w.event_type for w in call.webhooks] == ["answer", "redirect"]


def test_a_redirect_loop_is_cut(sim: VoiceSimulator, app: ScriptedApp) -> None:
    app.routes["/loop"] = bxml('<Redirect redirectUrl="/loop"/>')
    call_id = run(sim, app, bxml('<Redirect redirectUrl="/loop"/>'))
    call = sim.call(call_id)
    assert call.disconnect_cause == "application-error"
    assert call.error_message == (
        "More than 100 webhooks at one instant: the app seems to redirect in a loop."
    )


def test_the_far_end_hanging_up_stops_the_verb(sim: VoiceSimulator, app: ScriptedApp) -> None:
    call_id = run(
        sim,
        app,
        bxml(
            "<SpeakSentence>A long sentence of many words.</SpeakSentence>",
            "<PlayAudio>/x</PlayAudio>",
        ),
        disconnect_url="https://app.example/bye",
    )
    sim.advance(1)
    sim.hangup(call_id)
    sim.advance(60)
    call = sim.call(call_id)
    assert call.heard == ["A long sentence of many words."]
    assert seconds(call) == pytest.approx(1)
    assert [w.event_type for w in sim.webhooks] == ["answer", "disconnect"]


# -- the REST API drives the flow ---------------------------------------------------------------


@pytest.fixture
def api(sim: VoiceSimulator) -> Iterator[CallsApi]:
    with ApiClient(sim.configuration()) as client:
        yield CallsApi(client)


def test_update_call_redirect_sends_redirect_and_runs_its_answer(
    sim: VoiceSimulator, app: ScriptedApp, api: CallsApi
) -> None:
    app.routes["/moved"] = bxml("<SpeakSentence>Moved along.</SpeakSentence>")
    call_id = run(sim, app, bxml('<Pause duration="100"/>'))
    sim.advance(3)
    api.update_call(
        sim.account_id,
        call_id,
        UpdateCall(redirect_url="https://app.example/moved", redirect_method="GET", tag="moved"),
    )
    call = sim.call(call_id)  # the redirect happened before update_call returned
    assert call.heard == ["Moved along."]
    redirect = call.webhooks[-1]
    assert (redirect.event_type, redirect.method, redirect.payload["tag"]) == (
        "redirect",
        "GET",
        "moved",
    )
    sim.advance(2)
    assert seconds(sim.call(call_id)) == pytest.approx(3 + 0.8)


def test_update_call_bxml_replaces_what_runs(
    sim: VoiceSimulator, app: ScriptedApp, api: CallsApi
) -> None:
    call_id = run(sim, app, bxml('<Pause duration="100"/>', "<SpeakSentence>Old.</SpeakSentence>"))
    sim.advance(1)
    api.update_call_bxml(
        sim.account_id,
        call_id,
        '<?xml version="1.0" encoding="UTF-8"?><Bxml><SpeakSentence>New words.</SpeakSentence>'
        '<Gather gatherUrl="/g" maxDigits="1"/></Bxml>',
    )
    sim.advance(1)
    sim.press(call_id, "4")
    call = sim.call(call_id)
    assert call.heard == ["New words."]
    assert gather_events(app) == [("4", "")]
    assert call.webhooks[-1].url == "https://app.example/g"  # relative to the answer URL


def test_update_call_bxml_must_be_valid_bxml(
    sim: VoiceSimulator, app: ScriptedApp, api: CallsApi
) -> None:
    from bandwidth.exceptions import BadRequestException

    call_id = run(sim, app, bxml('<Pause duration="100"/>'))
    with pytest.raises(BadRequestException) as raised:
        api.update_call_bxml(sim.account_id, call_id, "<Bxml><Gather maxDigits='0'/></Bxml>")
    assert "Invalid BXML" in str(raised.value.body)


def test_update_call_completed_ends_the_call(
    sim: VoiceSimulator, app: ScriptedApp, api: CallsApi
) -> None:
    call_id = run(
        sim, app, bxml('<Pause duration="100"/>'), disconnect_url="https://app.example/bye"
    )
    sim.advance(4)
    api.update_call(sim.account_id, call_id, UpdateCall(state="completed"))
    call = sim.call(call_id)
    assert (call.state, call.disconnect_cause) == ("disconnected", "hangup")
    assert seconds(call) == pytest.approx(4)
    assert [w.event_type for w in sim.webhooks] == ["answer", "disconnect"]


def test_an_app_calling_the_api_from_a_webhook_does_not_deadlock() -> None:
    seen: Dict[str, Any] = {}

    def app(environ: Dict[str, Any], start_response: Any) -> List[bytes]:
        # A webhook handler that looks the call up through the REST API.
        with ApiClient(sim.configuration()) as client:
            state = CallsApi(client).get_call_state(sim.account_id, seen["call_id"])
        seen["state"] = state.state
        start_response("200 OK", [])
        return [bxml('<Pause duration="5"/>').encode()]

    with VoiceSimulator(app=app) as sim:
        seen["call_id"] = call_id = outbound_call(sim)
        sim.answer(call_id)
        assert seen["state"] == "answered"


def test_the_timeline_tells_the_story(sim: VoiceSimulator, app: ScriptedApp) -> None:
    app.routes["/g"] = bxml("<SpeakSentence>Thanks.</SpeakSentence>")
    call_id = run(
        sim,
        app,
        bxml(
            '<Gather gatherUrl="/g" maxDigits="1"><SpeakSentence>Pick one.</SpeakSentence></Gather>'
        ),
    )
    sim.advance(1)
    sim.press(call_id, "3")
    sim.advance(5)
    text = sim.call(call_id).timeline()
    lines = [line.strip() for line in text.splitlines()]
    assert lines[0].startswith(f"call {call_id}  outbound  +19195554321 -> +19195551234")
    assert lines[0].endswith("now disconnected, hangup)")
    assert lines[1:] == [
        "+0.000s  create_call: queued, answerUrl https://app.example/answer",
        "+0.000s  answered",
        "+0.000s  webhook answer: POST https://app.example/answer -> 200",
        'reply: <Response><Gather gatherUrl="/g" maxDigits="1"><SpeakSentence>Pick one.'
        "</SpeakSentence></Gather></Response>",
        "+0.000s  gather up to 1 digit(s) (firstDigitTimeout 5s, interDigitTimeout 5s)",
        '+0.000s  speak "Pick one."',
        "+1.000s  pressed 3",
        "+1.000s  gathered '3'",
        "+1.000s  webhook gather: POST https://app.example/g -> 200",
        "reply: <Response><SpeakSentence>Thanks.</SpeakSentence></Response>",
        '+1.000s  speak "Thanks."',
        "+1.400s  end of the BXML: hang up",
        "+1.400s  disconnected: hangup",
    ]
    assert sim.timeline() == text


def test_the_timeline_masks_passwords_in_replies(sim: VoiceSimulator, app: ScriptedApp) -> None:
    document = bxml(
        '<Gather gatherUrl="/g" username="u" password="hunter2" fallbackPassword=\'fb-secret\'/>'
    )
    call_id = run(sim, app, document)
    text = sim.call(call_id).timeline()
    assert "hunter2" not in text and "fb-secret" not in text
    assert 'password="*****" fallbackPassword="*****"' in text
    assert sim.webhooks[0].bxml == document  # the record keeps what the app sent

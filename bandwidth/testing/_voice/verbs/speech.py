"""The verbs that only take time: ``<SpeakSentence>``, ``<PlayAudio>``, ``<Pause>``,
``<Ring>`` and ``<SendDtmf>``.

Each notes what the call hears or sends and answers how many seconds it
lasts (see :class:`~bandwidth.testing._voice.interpreter.Timing`). ``<Gather>``
plays its prompts with :func:`play`.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable, Dict, Tuple, Type

from bandwidth.models.bxml import Pause, PlayAudio, Ring, SendDtmf, SpeakSentence
from bandwidth.testing._voice.bxml_reading import number, speech, text
from bandwidth.testing._voice.calls import OUTBOUND, Utterance
from bandwidth.testing._voice.interpreter import CallFlow, Step, VerbFamily, VerbRunner, answering

__all__ = ["dtmf_seconds", "family", "play"]


def dtmf_seconds(verb: Any) -> Tuple[str, float]:
    """The digits a SendDtmf plays and how long it takes.

    Each tone lasts ``toneDuration`` and is followed by ``toneInterval``
    (defaults 200 ms and 400 ms); ``,`` and ``w`` are 0.5 s, ``W`` 1 s.
    """
    digits = text(verb, "digits") or ""
    tone = number(verb, "tone_duration", 200.0) / 1000
    gap = number(verb, "tone_interval", 400.0) / 1000
    seconds = 0.0
    for char in digits:
        if char in ",w":
            seconds += 0.5
        elif char == "W":
            seconds += 1.0
        else:
            seconds += tone + gap
    return digits, seconds


def _speak(flow: CallFlow, verb: Any, when: datetime) -> float:
    said, pauses = speech(verb)
    seconds = flow.host.timing.speech_seconds(len(said.split())) + pauses
    call = flow.call
    call.hears(said, Utterance(when, when + timedelta(seconds=seconds), said, OUTBOUND))
    call.note(when, f'speak "{said}"')
    return seconds


def _play_audio(flow: CallFlow, verb: Any, when: datetime) -> float:
    url = flow.resolve(text(verb, "audio_uri") or "")
    flow.call.hears(url)
    flow.call.note(when, f"play {url}")
    return flow.host.timing.audio_seconds(url)


def _pause(flow: CallFlow, verb: Any, when: datetime) -> float:
    seconds = number(verb, "duration", 1.0)
    flow.call.note(when, f"pause {seconds:g}s")
    return seconds


def _ring(flow: CallFlow, verb: Any, when: datetime) -> float:
    seconds = number(verb, "duration", 5.0)
    flow.call.note(when, f"ring {seconds:g}s")
    return seconds


def _send_dtmf(flow: CallFlow, verb: Any, when: datetime) -> float:
    digits, seconds = dtmf_seconds(verb)
    flow.call.sends_dtmf(digits)
    flow.call.note(when, f"send DTMF {digits}")
    return seconds


_PLAYERS: Dict[Type[Any], Callable[[CallFlow, Any, datetime], float]] = {
    SpeakSentence: _speak,
    PlayAudio: _play_audio,
    Pause: _pause,
    Ring: _ring,
    SendDtmf: _send_dtmf,
}


def play(flow: CallFlow, verb: Any, when: datetime) -> float:
    """Start a verb that only takes time (a Gather's prompt too); returns how long it lasts."""
    return _PLAYERS[type(verb)](flow, verb, when)


def _rings_answer(verb: Any) -> bool:
    """``<Ring answerCall="false">`` leaves an inbound call unanswered."""
    value = getattr(verb, "answer_call", None)
    return value is None or str(value).lower() not in ("false", "0")


def _run(flow: CallFlow, verb: Any, when: datetime) -> Step:
    return play(flow, verb, when)


def family() -> VerbFamily:
    """The runners of the verbs that only take time (each answers an inbound call)."""
    runners: Dict[Type[Any], VerbRunner] = {
        cls: answering(_run) for cls in (SpeakSentence, PlayAudio, Pause, SendDtmf)
    }
    runners[Ring] = VerbRunner(_run, _rings_answer)
    return VerbFamily(runners)

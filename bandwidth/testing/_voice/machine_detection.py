"""Answering-machine detection on outbound calls (``createCall.machineDetection``).

When a call with ``machineDetection`` is answered, the detector listens to
what picked up (the callee's :class:`~bandwidth.testing.AnsweredBy`, a
human by default) and decides the way the spec's settings describe:

- no speech within ``silenceTimeout`` (10 s): ``silence``;
- speech lasting ``speechThreshold`` (10 s) or more: ``answering-machine``,
  as soon as it has lasted that long;
- shorter speech, then ``speechEndThreshold`` (5 s) of silence: ``human``;
- a beep before any of those: ``answering-machine`` (``tone-detected`` needs
  an account setting the simulator does not have);
- nothing decided within ``detectionTimeout`` (15 s): ``timeout``.

With ``delayResult`` an ``answering-machine`` result waits until the machine
is done speaking (``machineSpeechEndThreshold`` of silence after its
greeting, default ``speechEndThreshold``), its beep, or ``detectionTimeout``,
whichever comes first. The result's ``duration`` is the time from the answer
to the result.

In ``sync`` mode the ``answer`` webhook waits for the result and carries it
as ``machineDetectionResult``. In ``async`` mode (the default) ``answer``
goes out at once and ``machineDetectionComplete`` follows with the result,
to ``callbackUrl`` (``fallbackUrl`` if it fails, each with its method and
credentials); its reply is ignored. Async mode without a ``callbackUrl``
sends nothing (the docs say the URL is needed); the timeline says so.
Neither is sent once the call has ended.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Dict, Mapping, Optional, Tuple

from bandwidth.testing._core.webhooks import DEFAULT_METHOD, Delivery, Target
from bandwidth.testing._voice.callees import AnsweredBy
from bandwidth.testing._voice.calls import DISCONNECTED, SimulatedCall
from bandwidth.testing._voice.interpreter import FlowHost

__all__ = ["DetectionSettings", "MachineDetection", "detect", "iso_duration"]


@dataclass(frozen=True)
class DetectionSettings:
    """The thresholds of ``machineDetectionConfiguration``, with the spec's defaults."""

    detection_timeout: float = 15.0
    silence_timeout: float = 10.0
    speech_threshold: float = 10.0
    speech_end_threshold: float = 5.0
    machine_speech_end_threshold: Optional[float] = None
    delay_result: bool = False

    @classmethod
    def of(cls, config: Mapping[str, Any]) -> DetectionSettings:
        """Read a ``machineDetection`` object (``null`` or absent: the default)."""

        def seconds(key: str, default: float) -> float:
            value = config.get(key)
            return default if value is None else float(value)

        machine_end = config.get("machineSpeechEndThreshold")
        return cls(
            detection_timeout=seconds("detectionTimeout", cls.detection_timeout),
            silence_timeout=seconds("silenceTimeout", cls.silence_timeout),
            speech_threshold=seconds("speechThreshold", cls.speech_threshold),
            speech_end_threshold=seconds("speechEndThreshold", cls.speech_end_threshold),
            machine_speech_end_threshold=None if machine_end is None else float(machine_end),
            delay_result=bool(config.get("delayResult")),
        )


def detect(heard: AnsweredBy, settings: DetectionSettings) -> Tuple[str, float]:
    """The result and when it is known, in seconds after the answer (see the module docstring)."""
    start, speech, beep = heard.speech_start, heard.speech, heard.beep
    if speech <= 0 or start >= settings.silence_timeout:
        value, at = "silence", settings.silence_timeout
    elif speech >= settings.speech_threshold:
        value, at = "answering-machine", start + settings.speech_threshold
    else:
        value, at = "human", start + speech + settings.speech_end_threshold
    if beep is not None and beep < at:
        value, at = "answering-machine", beep
    if at > settings.detection_timeout:
        return "timeout", settings.detection_timeout
    if value == "answering-machine" and settings.delay_result:
        end = settings.machine_speech_end_threshold
        if end is None:
            end = settings.speech_end_threshold
        waits = [settings.detection_timeout]
        if speech > 0:
            waits.append(start + speech + end)
        if beep is not None and beep >= at:
            waits.append(beep)
        at = max(at, min(waits))
    return value, at


def iso_duration(seconds: float) -> str:
    """``seconds`` as an ISO 8601 duration, the way the platform writes them (``PT4.5S``)."""
    return f"PT{round(seconds, 3):g}S"


class MachineDetection:
    """The engine extension that runs machine detection when an outbound call answers."""

    def __init__(self, enabled: bool) -> None:
        #: whether call flows run (with them off, nothing is detected)
        self.enabled = enabled

    def answered(self, host: FlowHost, call: SimulatedCall, when: datetime) -> bool:
        """Start detecting; in sync mode the ``answer`` webhook waits (``True``)."""
        config = call.request.get("machineDetection")
        if not (self.enabled and isinstance(config, dict)):
            return False
        if call.direction != "outbound" or call.parent_call_id is not None:
            return False
        script = host.store.callees.of(call)
        heard = (script.answered_by if script else None) or AnsweredBy.human()
        value, seconds = detect(heard, DetectionSettings.of(config))
        result = {"value": value, "duration": iso_duration(seconds)}
        mode = config.get("mode") or "async"
        call.note(
            when,
            f"machine detection ({mode}): a {heard.kind} answered; "
            f"the result, {value}, is known after {seconds:g}s",
        )
        due = when + timedelta(seconds=seconds)
        if mode == "sync":
            answer = functools.partial(
                host.first_webhook, call, "answer", machineDetectionResult=result
            )
            host.later(due, answer)
            return True
        host.later(due, functools.partial(self._complete, host, call, config, result))
        return False

    def _complete(
        self,
        host: FlowHost,
        call: SimulatedCall,
        config: Dict[str, Any],
        result: Dict[str, str],
        when: datetime,
    ) -> Optional[Delivery]:
        if call.state == DISCONNECTED or host.store.calls.get(call.call_id) is not call:
            return None
        url = config.get("callbackUrl")
        if not url:
            call.note(when, "machine detection: no callbackUrl, so no machineDetectionComplete")
            return None
        method = config.get("callbackMethod") or DEFAULT_METHOD
        primary = Target(url, method, config.get("username"), config.get("password"))
        fallback = None
        if config.get("fallbackUrl"):
            fallback = Target(
                config["fallbackUrl"],
                config.get("fallbackMethod") or DEFAULT_METHOD,
                config.get("fallbackUsername"),
                config.get("fallbackPassword"),
            )
        event = "machineDetectionComplete"
        delivery = host.webhook(
            call, event, when, primary, fallback, 0, machineDetectionResult=result
        )
        delivery.expects_bxml = False
        return delivery

    def ended(self, call: SimulatedCall, when: datetime) -> None:
        """Nothing to do: a result due after the end is not sent."""

    def clear(self) -> None:
        """Nothing kept."""

"""Appointment reminders with answering-machine detection: a Bandwidth Voice sample app (Flask).

``POST /reminders`` with ``{"to": "+15555550100"}`` calls a patient from your
Bandwidth number with machine detection on. A person hears the reminder and
presses 1 to confirm or 2 to cancel; an answering machine gets a message
after its beep (``delayResult`` waits for it); silence or no decision hangs
up. ``GET /reminders/<callId>`` tells how each call went.

Both detection modes are shown (``MACHINE_DETECTION_MODE``):

* ``async`` (the default): the ``answer`` webhook comes at once and the app
  keeps the line open (a pause); the result arrives in a
  ``machineDetectionComplete`` webhook, and the app redirects the call
  (``update_call``) to the right BXML;
* ``sync``: the ``answer`` webhook waits for the result and carries it, and
  the app answers with the right BXML at once.

Run it::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... BW_VOICE_APPLICATION_ID=... \\
    BW_NUMBER=+19195550000 BASE_CALLBACK_URL=https://abc123.ngrok.app LOCAL_PORT=3000 \\
    python examples/machine_detection_app.py

Callback paths: ``/callbacks/answer``, ``/callbacks/machineDetection``,
``/callbacks/person``, ``/callbacks/voicemail``, ``/callbacks/confirm`` and
``/callbacks/status``. Test it offline with ``bandwidth.testing.VoiceSimulator``
(see ``tests/examples/test_machine_detection_example.py``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from typing import Any, Dict, Optional

from flask import Flask, jsonify, request
from flask import Response as HttpResponse

from bandwidth import (
    ApiClient,
    ApiException,
    CallsApi,
    Configuration,
    CreateCall,
    MachineDetectionConfiguration,
    UpdateCall,
)
from bandwidth.callbacks import (
    AnswerCallback,
    Callback,
    DisconnectCallback,
    GatherCallback,
    MachineDetectionCompleteCallback,
    MachineDetectionResult,
    parse_callback,
)
from bandwidth.models.bxml import Gather, Hangup, Pause, Response, SpeakSentence

log = logging.getLogger("machine_detection_app")

VOICE = "julie"
REMINDER = "Hello, this is Example Clinic with a reminder of your appointment tomorrow at 10 AM."
VOICEMAIL = REMINDER + " Please call us back at 919 555 0000 to confirm. Goodbye."
#: The whole detection may take this long (the spec's default is 15 s); the
#: async answer BXML keeps the line open a little longer.
DETECTION_TIMEOUT = 20


@dataclass(frozen=True)
class Settings:
    """What the app needs to know about your account (see the module docstring)."""

    account_id: str
    application_id: str
    bw_number: str
    base_url: str
    mode: str = "async"


def say(text: str) -> SpeakSentence:
    return SpeakSentence(text, voice=VOICE)


def create_app(configuration: Configuration, settings: Settings) -> Flask:
    """The app; ``configuration`` reaches the Voice API (to place and redirect calls)."""
    if settings.mode not in ("sync", "async"):
        raise ValueError("mode is sync or async")
    app = Flask(__name__)
    api = CallsApi(ApiClient(configuration))
    base = settings.base_url.rstrip("/")
    #: how each reminder call went, by call id: calling, confirmed, cancelled,
    #: no-choice, voicemail, no-answer (busy, ...), or nobody (silence, ...)
    outcomes: Dict[str, str] = {}
    lock = threading.Lock()

    def event() -> Callback:
        return parse_callback(request.get_data(), request.content_type)

    def bxml(*verbs: object) -> HttpResponse:
        return HttpResponse(Response(list(verbs)).to_bxml(), mimetype="application/xml")

    def outcome(call_id: Optional[str], value: str, *, unless_set: bool = False) -> None:
        with lock:
            if not unless_set or outcomes.get(call_id or "") in (None, "calling"):
                outcomes[call_id or ""] = value

    def person() -> HttpResponse:
        menu = Gather(
            [say("Press 1 to confirm, or 2 to cancel.")],
            gather_url="/callbacks/confirm",
            max_digits=1,
            first_digit_timeout=8,
        )
        return bxml(say(REMINDER), menu)

    def voicemail(call_id: Optional[str]) -> HttpResponse:
        outcome(call_id, "voicemail")
        return bxml(say(VOICEMAIL), Hangup())

    def decided(call_id: Optional[str], result: Optional[MachineDetectionResult]) -> str:
        value = result.value if result is not None else None
        log.info("call %s: %s", call_id, value)
        return {"human": "person", "answering-machine": "voicemail"}.get(value or "", "nobody")

    @app.post("/reminders")
    def remind() -> Any:
        to = (request.get_json(silent=True) or {}).get("to")
        detection = MachineDetectionConfiguration(
            mode=settings.mode,
            detection_timeout=DETECTION_TIMEOUT,
            delay_result=True,  # an answering machine's result waits for its beep
            callback_url=f"{base}/callbacks/machineDetection",
        )
        call = CreateCall(
            to=to,
            var_from=settings.bw_number,
            application_id=settings.application_id,
            answer_url=f"{base}/callbacks/answer",
            disconnect_url=f"{base}/callbacks/status",
            machine_detection=detection,
        )
        try:
            created = api.create_call(settings.account_id, call)
        except (ApiException, ValueError) as exc:
            return jsonify({"error": str(exc)}), 400
        # Webhooks may come before this answer does (a busy line answers at once):
        # keep what they said.
        outcome(created.call_id, "calling", unless_set=True)
        return jsonify({"callId": created.call_id}), 201

    @app.get("/reminders/<call_id>")
    def reminder(call_id: str) -> Any:
        with lock:
            found = outcomes.get(call_id)
        if found is None:
            return jsonify({"error": "no such reminder"}), 404
        return jsonify({"callId": call_id, "outcome": found})

    @app.post("/callbacks/answer")
    def answer() -> HttpResponse:
        answered = event()
        assert isinstance(answered, AnswerCallback)
        if settings.mode == "async":  # keep the line open until the result comes
            return bxml(Pause(duration=DETECTION_TIMEOUT + 5))
        who = decided(answered.call_id, answered.machine_detection_result)
        if who == "person":
            return person()
        if who == "voicemail":
            return voicemail(answered.call_id)
        outcome(answered.call_id, "nobody")
        return bxml(Hangup())

    @app.post("/callbacks/machineDetection")
    def machine_detection() -> HttpResponse:
        done = event()
        assert isinstance(done, MachineDetectionCompleteCallback)
        who = decided(done.call_id, done.machine_detection_result)
        change = UpdateCall(redirect_url=f"{base}/callbacks/{who}")
        if who == "nobody":
            outcome(done.call_id, "nobody")
            change = UpdateCall(state="completed")
        try:
            api.update_call(settings.account_id, done.call_id or "", change)
        except ApiException as exc:  # the call ended meanwhile
            log.info("call %s is gone: %s", done.call_id, exc.status)
        return HttpResponse(status=204)

    @app.post("/callbacks/person")
    def redirected_to_person() -> HttpResponse:
        return person()

    @app.post("/callbacks/voicemail")
    def redirected_to_voicemail() -> HttpResponse:
        return voicemail(event().call_id)

    @app.post("/callbacks/confirm")
    def confirm() -> HttpResponse:
        choice = event()
        assert isinstance(choice, GatherCallback)
        if choice.digits == "1":
            outcome(choice.call_id, "confirmed")
            return bxml(say("Thank you. See you tomorrow."), Hangup())
        if choice.digits == "2":
            outcome(choice.call_id, "cancelled")
            return bxml(say("Your appointment is cancelled. Goodbye."), Hangup())
        outcome(choice.call_id, "no-choice")
        return bxml(say("We did not get a choice. Please call us back. Goodbye."), Hangup())

    @app.post("/callbacks/status")
    def status() -> HttpResponse:
        ended = event()
        assert isinstance(ended, DisconnectCallback)
        if ended.cause != "hangup":  # busy, timeout, rejected, ... before any outcome
            outcome(ended.call_id, "no-answer", unless_set=True)
        return HttpResponse(status=204)

    return app


def main() -> int:
    """Run the app with the settings from the environment (see the module docstring)."""
    names = ("BW_USERNAME", "BW_PASSWORD", "BW_ACCOUNT_ID", "BW_VOICE_APPLICATION_ID")
    names += ("BW_NUMBER", "BASE_CALLBACK_URL")
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        print("set " + ", ".join(missing), file=sys.stderr)
        return 2
    env = os.environ
    settings = Settings(
        account_id=env["BW_ACCOUNT_ID"],
        application_id=env["BW_VOICE_APPLICATION_ID"],
        bw_number=env["BW_NUMBER"],
        base_url=env["BASE_CALLBACK_URL"],
        mode=env.get("MACHINE_DETECTION_MODE", "async"),
    )
    configuration = Configuration(username=env["BW_USERNAME"], password=env["BW_PASSWORD"])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    create_app(configuration, settings).run(port=int(env.get("LOCAL_PORT", "3000")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

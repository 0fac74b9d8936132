"""Number masking with ``<Bridge>``: a Bandwidth Voice sample app (Flask).

Anyone who calls your Bandwidth number is connected to a private number
without either party seeing the other's number. The caller waits (ringback)
while the app calls the private number from your Bandwidth number; when it
answers, its BXML bridges the waiting caller in. Either side hanging up ends
the other with a goodbye. If the private number is busy, declines or does
not answer, the app redirects the waiting caller to an apology; if the
caller gives up first, the app cancels the call it placed.

Run it::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... BW_VOICE_APPLICATION_ID=... \\
    BW_NUMBER=+19195550000 USER_NUMBER=+15555550100 \\
    BASE_CALLBACK_URL=https://abc123.ngrok.app LOCAL_PORT=3000 python examples/bridge_app.py

and point your Voice application's call-initiated URL at
``{BASE_CALLBACK_URL}/callbacks/inboundCall`` and its call-status URL at
``{BASE_CALLBACK_URL}/callbacks/status``. Callback paths:

* ``/callbacks/inboundCall``: ``initiate``: place the masked call, keep the caller waiting
* ``/callbacks/outboundCall``: ``answer`` of the masked call: bridge the caller in
* ``/callbacks/bridgeComplete``: the caller left the bridge (BXML for the callee)
* ``/callbacks/bridgeTargetComplete``: the callee left (BXML for the caller)
* ``/callbacks/outboundStatus``: the masked call ended (busy, no answer, ...)
* ``/callbacks/unavailable``: ``redirect`` of the waiting caller: the apology
* ``/callbacks/status``: the caller's call ended

Test it offline with ``bandwidth.testing.VoiceSimulator`` (see
``tests/examples/test_bridge_example.py``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from typing import Dict

from flask import Flask, request
from flask import Response as HttpResponse

from bandwidth import ApiClient, ApiException, CallsApi, Configuration, CreateCall, UpdateCall
from bandwidth.callbacks import AnswerCallback, Callback, DisconnectCallback, parse_callback
from bandwidth.models.bxml import Bridge, Hangup, Response, Ring, SpeakSentence

log = logging.getLogger("bridge_app")

VOICE = "julie"
#: How long the masked number rings before the caller hears the apology.
CALL_TIMEOUT = 25
#: Causes of a masked call that never connected.
UNREACHED = frozenset({"busy", "timeout", "rejected", "callback-error", "error", "unknown"})


@dataclass(frozen=True)
class Settings:
    """What the app needs to know about your account (see the module docstring)."""

    account_id: str
    application_id: str
    bw_number: str
    user_number: str
    base_url: str


def say(text: str) -> SpeakSentence:
    return SpeakSentence(text, voice=VOICE)


def create_app(configuration: Configuration, settings: Settings) -> Flask:
    """The webhook app; ``configuration`` reaches the Voice API (for calls and redirects)."""
    app = Flask(__name__)
    api = CallsApi(ApiClient(configuration))
    base = settings.base_url.rstrip("/")
    # the masked call placed for each waiting caller, by the caller's call id
    placed: Dict[str, str] = {}
    lock = threading.Lock()

    def event() -> Callback:
        return parse_callback(request.get_data(), request.content_type)

    def bxml(*verbs: object) -> HttpResponse:
        return HttpResponse(Response(list(verbs)).to_bxml(), mimetype="application/xml")

    def no_content() -> HttpResponse:
        return HttpResponse(status=204)

    @app.post("/callbacks/inboundCall")
    def inbound_call() -> HttpResponse:
        caller = event()
        masked = CreateCall(
            to=settings.user_number,
            var_from=settings.bw_number,
            application_id=settings.application_id,
            answer_url=f"{base}/callbacks/outboundCall",
            disconnect_url=f"{base}/callbacks/outboundStatus",
            call_timeout=CALL_TIMEOUT,
            tag=caller.call_id,  # the answer webhook tells which caller to bridge in
        )
        try:
            created = api.create_call(settings.account_id, masked)
        except ApiException as exc:
            log.warning("could not place the masked call: %s", exc)
            return bxml(say("Sorry, we cannot connect your call right now. Goodbye."), Hangup())
        with lock:
            placed[caller.call_id or ""] = created.call_id
        # Ringback until the bridge (which cancels this BXML) or the apology redirect.
        return bxml(say("Hold while we connect you."), Ring(duration=CALL_TIMEOUT + 30))

    @app.post("/callbacks/outboundCall")
    def outbound_call() -> HttpResponse:
        answered = event()
        assert isinstance(answered, AnswerCallback)
        with lock:  # the caller no longer waits: from now on the bridge's events say who left
            placed.pop(answered.tag or "", None)
        bridge = Bridge(
            answered.tag or "",
            bridge_complete_url="/callbacks/bridgeComplete",
            bridge_target_complete_url="/callbacks/bridgeTargetComplete",
        )
        return bxml(say("You have a call. Connecting you now."), bridge)

    @app.post("/callbacks/bridgeComplete")
    def bridge_complete() -> HttpResponse:
        # Runs on the masked call: the caller hung up (or was gone before the bridge).
        return bxml(say("The caller has hung up. Goodbye."), Hangup())

    @app.post("/callbacks/bridgeTargetComplete")
    def bridge_target_complete() -> HttpResponse:
        # Runs on the caller: the other side hung up.
        return bxml(say("The other party has hung up. Goodbye."), Hangup())

    @app.post("/callbacks/outboundStatus")
    def outbound_status() -> HttpResponse:
        ended = event()
        assert isinstance(ended, DisconnectCallback)
        with lock:
            waiting = next((c for c, o in placed.items() if o == ended.call_id), None)
            if waiting is not None:
                del placed[waiting]
        if waiting is not None and ended.cause in UNREACHED:
            redirect = UpdateCall(redirect_url=f"{base}/callbacks/unavailable")
            try:
                api.update_call(settings.account_id, waiting, redirect)
            except ApiException as exc:  # the caller hung up meanwhile
                log.info("caller %s is gone: %s", waiting, exc.status)
        return no_content()

    @app.post("/callbacks/unavailable")
    def unavailable() -> HttpResponse:
        return bxml(say("Sorry, the person you are calling is not available. Goodbye."), Hangup())

    @app.post("/callbacks/status")
    def status() -> HttpResponse:
        ended = event()
        with lock:
            masked = placed.pop(ended.call_id or "", None)
        if masked is not None:  # the caller gave up while the masked call rang
            try:
                api.update_call(settings.account_id, masked, UpdateCall(state="completed"))
            except ApiException as exc:
                log.info("masked call %s already ended: %s", masked, exc.status)
        return no_content()

    return app


def main() -> int:
    """Run the app with the settings from the environment (see the module docstring)."""
    names = ("BW_USERNAME", "BW_PASSWORD", "BW_ACCOUNT_ID", "BW_VOICE_APPLICATION_ID")
    names += ("BW_NUMBER", "USER_NUMBER", "BASE_CALLBACK_URL")
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        print("set " + ", ".join(missing), file=sys.stderr)
        return 2
    env = os.environ
    settings = Settings(
        account_id=env["BW_ACCOUNT_ID"],
        application_id=env["BW_VOICE_APPLICATION_ID"],
        bw_number=env["BW_NUMBER"],
        user_number=env["USER_NUMBER"],
        base_url=env["BASE_CALLBACK_URL"],
    )
    configuration = Configuration(username=env["BW_USERNAME"], password=env["BW_PASSWORD"])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    create_app(configuration, settings).run(port=int(env.get("LOCAL_PORT", "3000")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

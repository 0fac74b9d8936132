"""Call transfer with call screening: a Bandwidth Voice sample app (Flask).

A caller dials your Bandwidth number. The app rings every agent at once
(one ``<Transfer>`` with a ``<PhoneNumber>`` per agent). The first agent to
pick up hears who is calling and presses 1 to take the call; the caller and
the agent are then bridged. When the transfer ends the caller hears a
goodbye, or an apology if no agent took the call (nobody answered, every
line was busy, or the agent who answered passed).

Run it::

    AGENT_NUMBERS=+15555550100,+15555550101 LOCAL_PORT=3000 python examples/transfer_app.py

then point your Voice application's callbacks at it (through a tunnel such as
ngrok for a local run):

* call-initiated URL: ``{your base URL}/callbacks/inboundCall``
* call-status URL: ``{your base URL}/callbacks/status``

Every other URL is relative, in the BXML the app returns, so the platform
resolves it against the URL that served that BXML. Callback paths:

* ``/callbacks/inboundCall``: ``initiate``: ring the agents
* ``/callbacks/transferAnswer``: ``transferAnswer`` (BXML for the agent only)
* ``/callbacks/screen``: ``gather`` on the agent's leg: 1 accepts
* ``/callbacks/transferComplete``: ``transferComplete`` (BXML for the caller)
* ``/callbacks/transferDisconnect``, ``/callbacks/status``: leg and call ends

Test it offline with ``bandwidth.testing.VoiceSimulator(app=create_app([...]))``
(see ``tests/examples/test_transfer_example.py``).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from typing import Sequence, Set

from flask import Flask, request
from flask import Response as HttpResponse

from bandwidth.callbacks import (
    Callback,
    GatherCallback,
    TransferAnswerCallback,
    TransferCompleteCallback,
    parse_callback,
)
from bandwidth.models.bxml import Gather, Hangup, PhoneNumber, Response, SpeakSentence, Transfer

log = logging.getLogger("transfer_app")

VOICE = "julie"
#: How long the agents' phones ring before the caller hears the apology.
RING_SECONDS = 20


def say(text: str) -> SpeakSentence:
    return SpeakSentence(text, voice=VOICE)


def create_app(agent_numbers: Sequence[str], *, ring_seconds: float = RING_SECONDS) -> Flask:
    """The webhook app, ringing ``agent_numbers`` (1 to 8 E.164 numbers) for each caller."""
    if not 1 <= len(agent_numbers) <= 8:
        raise ValueError("a transfer rings 1 to 8 agents")
    app = Flask(__name__)
    # Callers whose agent pressed 1, by the caller's call id (the agent's leg
    # events carry it as parentCallId). A real app would use shared storage.
    accepted: Set[str] = set()
    lock = threading.Lock()

    def event() -> Callback:
        return parse_callback(request.get_data(), request.content_type)

    def bxml(*verbs: object) -> HttpResponse:
        return HttpResponse(Response(list(verbs)).to_bxml(), mimetype="application/xml")

    @app.post("/callbacks/inboundCall")
    def inbound_call() -> HttpResponse:
        caller = event()
        log.info("call %s from %s: ringing the agents", caller.call_id, caller.var_from)
        agents = [
            PhoneNumber(
                number,
                transfer_answer_url="/callbacks/transferAnswer",
                transfer_disconnect_url="/callbacks/transferDisconnect",
            )
            for number in agent_numbers
        ]
        transfer = Transfer(
            agents,
            call_timeout=ring_seconds,
            transfer_complete_url="/callbacks/transferComplete",
        )
        return bxml(say("Thanks for calling. Please hold while we find an agent."), transfer)

    @app.post("/callbacks/transferAnswer")
    def transfer_answer() -> HttpResponse:
        # Runs on the agent's leg only: the caller keeps hearing ringback.
        answered = event()
        assert isinstance(answered, TransferAnswerCallback)
        screen = Gather(
            [say(f"Call from {answered.var_from}. Press 1 to take it.")],
            gather_url="/callbacks/screen",
            max_digits=1,
            first_digit_timeout=5,
        )
        return bxml(screen)

    @app.post("/callbacks/screen")
    def screen() -> HttpResponse:
        choice = event()
        assert isinstance(choice, GatherCallback)
        if choice.digits == "1" and choice.parent_call_id:
            with lock:
                accepted.add(choice.parent_call_id)
            # The document ends here: the agent is bridged with the caller.
            return bxml(say("Connecting you now."))
        return bxml(Hangup())  # the agent passes; the caller hears the apology

    @app.post("/callbacks/transferComplete")
    def transfer_complete() -> HttpResponse:
        done = event()
        assert isinstance(done, TransferCompleteCallback)
        with lock:
            talked = done.call_id in accepted
            accepted.discard(done.call_id or "")
        log.info("transfer of %s over: %s (%s)", done.call_id, done.cause, done.transfer_to)
        if talked:
            return bxml(say("Thank you for calling. Goodbye."), Hangup())
        return bxml(say("Sorry, no agent can take your call right now. Please try again later."))

    @app.post("/callbacks/transferDisconnect")
    @app.post("/callbacks/status")
    def ended() -> HttpResponse:
        gone = event()
        log.info("%s %s ended: %s", gone.event_type, gone.call_id, getattr(gone, "cause", None))
        return HttpResponse(status=204)

    return app


def main() -> int:
    """Run the app on ``LOCAL_PORT`` (default 3000) for the agents in ``AGENT_NUMBERS``."""
    numbers = [n.strip() for n in os.environ.get("AGENT_NUMBERS", "").split(",") if n.strip()]
    if not numbers:
        print("set AGENT_NUMBERS to the agents' E.164 numbers, comma-separated", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    create_app(numbers).run(port=int(os.environ.get("LOCAL_PORT", "3000")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

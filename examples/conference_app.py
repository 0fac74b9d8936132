"""A conference line on Bandwidth Voice: a host and muted guests, recorded.

A Flask app in the style of Bandwidth's sample apps. Everyone who calls
your Bandwidth number joins one conference (``<Conference>``):

* the host (``HOST_NUMBER``) joins unmuted; guests join muted, so they hear
  the host but the host does not hear them;
* when the conference is created, the app records it (``<StartRecording>``
  in the reply to ``conferenceCreated``) and announces each guest
  (``conferenceMemberJoin``);
* the host presses 1 to open the floor: the app unmutes every guest through
  the Voice API (``ConferencesApi.update_conference_member``), reached by
  ``<StartGather>``'s ``dtmf`` events while the host is in the conference;
* when the host hangs up, the app ends the conference for everyone
  (``ConferencesApi.update_conference`` with ``status="completed"``); guests
  then hear a goodbye (the verb after ``<Conference>``);
* ``conferenceRecordingAvailable``: the app saves the recording to a file
  (``ConferencesApi.download_conference_recording_to``: streamed, so memory
  stays flat however long the conference).

Run it (Flask's development server), then set your Voice application's
call-initiated callback URL to ``{BASE_URL}/callbacks/callInitiated``::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... HOST_NUMBER=+1... \\
    RECORDINGS_DIR=./recordings python examples/conference_app.py

Or test whole conferences offline: ``VoiceSimulator(app=create_app(...))``
(see ``tests/examples``).
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

from flask import Flask, Response, request

from bandwidth import (
    ApiClient,
    ApiException,
    ConferencesApi,
    Configuration,
    UpdateConference,
    UpdateConferenceMember,
)
from bandwidth.callbacks import (
    CallbackParseError,
    ConferenceCompletedCallback,
    ConferenceCreatedCallback,
    ConferenceMemberExitCallback,
    ConferenceMemberJoinCallback,
    ConferenceRecordingAvailableCallback,
    DtmfCallback,
    InitiateCallback,
    parse_callback,
)
from bandwidth.models.bxml import (
    Conference,
    SpeakSentence,
    StartGather,
    StartRecording,
)
from bandwidth.models.bxml import Response as Bxml

log = logging.getLogger("conference_app")

CONFERENCE_NAME = "example-conference"
HOST_WELCOME = "Welcome. Your conference is starting. Press 1 to let your guests speak."
GUEST_WELCOME = "Welcome. You are joining the conference muted."
GOODBYE = "The conference has ended. Goodbye."
#: What a Bandwidth id looks like (``r-fbe05094-...``): it names a file, so nothing else will do.
SAFE_ID = re.compile(r"[A-Za-z0-9-]{1,128}")


@dataclass
class ConferenceState:
    """What the app knows of its conference (thread-safe: webhooks arrive concurrently)."""

    conference_id: Optional[str] = None
    #: call id -> caller number, of the members in it now
    members: Dict[str, str] = field(default_factory=dict)
    host_call_id: Optional[str] = None
    completed: bool = False
    #: the files the conference's recordings were saved to
    recordings: List[Path] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


def join_bxml(host: bool) -> Bxml:
    """Welcome the caller and join the conference; the goodbye plays once it ends."""
    verbs: List[Any] = []
    if host:
        verbs += [
            SpeakSentence(HOST_WELCOME, voice="julie"),
            StartGather(dtmf_url="/callbacks/hostDtmf"),
        ]
    else:
        verbs.append(SpeakSentence(GUEST_WELCOME, voice="julie"))
    verbs += [
        Conference(
            CONFERENCE_NAME,
            mute=not host,
            conference_event_url="/callbacks/conferenceEvent",
            tag="example",
        ),
        SpeakSentence(GOODBYE, voice="julie"),
    ]
    return Bxml(verbs)


def create_app(
    configuration: Configuration,
    account_id: str,
    host_number: str,
    state: Optional[ConferenceState] = None,
    *,
    recordings_dir: Union[str, Path] = "recordings",
) -> Flask:
    """The conference app; ``host_number`` is the caller who leads the conference.

    ``configuration`` reaches the Voice API (to unmute guests, end the
    conference and download its recording, saved in ``recordings_dir``).
    """
    app = Flask(__name__)
    conference = state if state is not None else ConferenceState()
    # One client for the app's life: it keeps connections alive and is thread-safe.
    conferences_api = ConferencesApi(ApiClient(configuration))
    app.config["CONFERENCE"] = conference

    def event() -> object:
        return parse_callback(request.get_data(), request.content_type)

    def xml(document: Bxml) -> Response:
        return Response(document.to_bxml(), mimetype="application/xml")

    @app.post("/callbacks/callInitiated")
    def call_initiated() -> Response:
        callback = event()
        if not isinstance(callback, InitiateCallback):
            return Response(status=400)
        host = callback.var_from == host_number
        if host:
            with conference.lock:
                conference.host_call_id = callback.call_id
        return xml(join_bxml(host))

    @app.post("/callbacks/conferenceEvent")
    def conference_event() -> Response:
        callback = event()
        if isinstance(callback, ConferenceCreatedCallback):
            with conference.lock:
                conference.conference_id = callback.conference_id
            recording = StartRecording(
                recording_available_url="/callbacks/conferenceRecordingAvailable"
            )
            return xml(Bxml([recording]))
        if isinstance(callback, ConferenceMemberJoinCallback):
            with conference.lock:
                conference.members[callback.call_id or ""] = callback.var_from or ""
            if callback.var_from != host_number:
                return xml(Bxml([SpeakSentence("A guest has joined.", voice="julie")]))
        elif isinstance(callback, ConferenceMemberExitCallback):
            with conference.lock:
                conference.members.pop(callback.call_id or "", None)
                host_left = callback.call_id == conference.host_call_id
                still_running = not conference.completed and bool(conference.members)
            if host_left and still_running and callback.conference_id:
                end = UpdateConference(status="completed")  # every member leaves
                try:
                    conferences_api.update_conference(account_id, callback.conference_id, end)
                except ApiException as exc:  # it ended meanwhile (the last guest left)
                    log.info("conference %s not ended: %s", callback.conference_id, exc.status)
        elif isinstance(callback, ConferenceCompletedCallback):
            with conference.lock:
                conference.completed = True
        return Response(status=204)

    @app.post("/callbacks/hostDtmf")
    def host_dtmf() -> Response:
        callback = event()
        if not isinstance(callback, DtmfCallback):
            return Response(status=400)
        with conference.lock:
            conference_id = conference.conference_id
            guests = [c for c in conference.members if c != conference.host_call_id]
        if callback.digit == "1" and conference_id:
            unmute = UpdateConferenceMember(mute=False)
            for call_id in guests:
                try:
                    conferences_api.update_conference_member(
                        account_id, conference_id, call_id, unmute
                    )
                except ApiException as exc:  # the guest left meanwhile
                    log.info("guest %s not unmuted: %s", call_id, exc.status)
        return Response(status=204)

    @app.post("/callbacks/conferenceRecordingAvailable")
    def recording_available() -> Response:
        callback = event()
        if not isinstance(callback, ConferenceRecordingAvailableCallback):
            return Response(status=400)
        conference_id = callback.conference_id or ""
        recording_id = callback.recording_id or ""
        if not (SAFE_ID.fullmatch(conference_id) and SAFE_ID.fullmatch(recording_id)):
            return Response(status=400)
        suffix = "mp3" if callback.file_format == "mp3" else "wav"
        directory = Path(recordings_dir)
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{recording_id}.{suffix}"
        try:
            conferences_api.download_conference_recording_to(
                account_id, conference_id, recording_id, path
            )
        except ApiException as exc:  # not resent: it stays on Bandwidth's side for later
            log.warning("recording %s not downloaded: %s", recording_id, exc.status)
            return Response(status=204)
        with conference.lock:
            conference.recordings.append(path)
        return Response(status=204)

    @app.errorhandler(CallbackParseError)
    def not_a_callback(error: CallbackParseError) -> Response:
        return Response(str(error), status=400, mimetype="text/plain")

    return app


def main() -> int:
    """Run with Flask's development server; settings come from the environment."""
    env = os.environ
    names = ("BW_USERNAME", "BW_PASSWORD", "BW_ACCOUNT_ID", "HOST_NUMBER")
    missing = [name for name in names if not env.get(name)]
    if missing:
        print("set " + ", ".join(missing), file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)
    configuration = Configuration(username=env["BW_USERNAME"], password=env["BW_PASSWORD"])
    app = create_app(
        configuration,
        env["BW_ACCOUNT_ID"],
        env["HOST_NUMBER"],
        recordings_dir=env.get("RECORDINGS_DIR", "recordings"),
    )
    app.run(port=int(env.get("LOCAL_PORT", "8080")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

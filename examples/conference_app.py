"""A conference line on Bandwidth Voice: a host and muted guests, recorded.

A Flask app in the style of Bandwidth's sample apps. Everyone who calls
your Bandwidth number joins one conference (``<Conference>``):

* the host (``HOST_NUMBER``) joins unmuted; guests join muted, so they hear
  the host but the host does not hear them;
* when the conference is created, the app records it (``<StartRecording>``
  in the reply to ``conferenceCreated``) and announces each guest
  (``conferenceMemberJoin``);
* the host presses 1 to open the floor: the app unmutes every guest through
  the Voice API (``updateConferenceMember``), reached by ``<StartGather>``'s
  ``dtmf`` events while the host is in the conference;
* when the host hangs up, the app ends the conference for everyone
  (``updateConference`` with ``status: completed``); guests then hear a
  goodbye (the verb after ``<Conference>``);
* ``conferenceRecordingAvailable``: the app downloads the recording.

Run it (Flask's development server), then set your Voice application's
call-initiated callback URL to ``{BASE_URL}/callbacks/callInitiated``::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... HOST_NUMBER=+1... \\
        python examples/conference_app.py

Or test whole conferences offline: ``VoiceSimulator(app=create_app(...))``
(see ``tests/examples``).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional
from urllib.parse import quote

import urllib3
from flask import Flask, Response, request

from bandwidth import Configuration
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
MAX_RECORDING_BYTES = 64 * 1024 * 1024


@dataclass
class ConferenceState:
    """What the app knows of its conference (thread-safe: webhooks arrive concurrently)."""

    conference_id: Optional[str] = None
    #: call id -> caller number, of the members in it now
    members: Dict[str, str] = field(default_factory=dict)
    host_call_id: Optional[str] = None
    completed: bool = False
    recordings: List[bytes] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


class VoiceApi:
    """The Voice API calls this app makes, with the account's credentials."""

    def __init__(self, configuration: Configuration, account_id: str) -> None:
        self._base = f"{configuration.host.rstrip('/')}/accounts/{quote(account_id, safe='')}"
        self._headers = urllib3.make_headers(
            basic_auth=f"{configuration.username}:{configuration.password}"
        )
        self._http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=5, read=30))

    def _send(self, method: str, path: str, body: Dict[str, Any]) -> None:
        headers = {**self._headers, "Content-Type": "application/json"}
        response = self._http.request(
            method, self._base + path, body=json.dumps(body).encode(), headers=headers
        )
        if response.status >= 300:
            raise RuntimeError(f"{method} {path}: HTTP {response.status}")

    def end_conference(self, conference_id: str) -> None:
        """``updateConference``: every member leaves."""
        self._send("POST", f"/conferences/{quote(conference_id, safe='')}", {"status": "completed"})

    def update_member(self, conference_id: str, call_id: str, **changes: Any) -> None:
        """``updateConferenceMember``: mute, hold or coaching."""
        path = f"/conferences/{quote(conference_id, safe='')}/members/{quote(call_id, safe='')}"
        self._send("PUT", path, changes)

    def download(self, media_url: str) -> bytes:
        """A recording's media."""
        response = self._http.request(
            "GET", media_url, headers=self._headers, preload_content=False
        )
        try:
            if response.status != 200:
                raise RuntimeError(f"downloading {media_url}: HTTP {response.status}")
            data = response.read(MAX_RECORDING_BYTES + 1)
            if len(data) > MAX_RECORDING_BYTES:
                raise RuntimeError(f"{media_url} is larger than {MAX_RECORDING_BYTES} bytes")
            return bytes(data)
        finally:
            response.release_conn()


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
) -> Flask:
    """The conference app; ``host_number`` is the caller who leads the conference."""
    app = Flask(__name__)
    conference = state if state is not None else ConferenceState()
    api = VoiceApi(configuration, account_id)
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
                api.end_conference(callback.conference_id)
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
            for call_id in guests:
                api.update_member(conference_id, call_id, mute=False)
        return Response(status=204)

    @app.post("/callbacks/conferenceRecordingAvailable")
    def recording_available() -> Response:
        callback = event()
        if not isinstance(callback, ConferenceRecordingAvailableCallback):
            return Response(status=400)
        if callback.media_url:
            audio = api.download(callback.media_url)
            with conference.lock:
                conference.recordings.append(audio)
        return Response(status=204)

    @app.errorhandler(CallbackParseError)
    def not_a_callback(error: CallbackParseError) -> Response:
        return Response(str(error), status=400, mimetype="text/plain")

    return app


def main() -> int:
    """Run with Flask's development server; settings come from the environment."""
    try:
        username = os.environ["BW_USERNAME"]
        password = os.environ["BW_PASSWORD"]
        account_id = os.environ["BW_ACCOUNT_ID"]
        host_number = os.environ["HOST_NUMBER"]
    except KeyError as missing:
        print(f"Please set the environment variable {missing}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)
    configuration = Configuration(username=username, password=password)
    app = create_app(configuration, account_id, host_number)
    app.run(port=int(os.environ.get("LOCAL_PORT", "8080")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

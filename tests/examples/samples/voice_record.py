"""What Bandwidth's voice-record sample does, written here for the tests (not its code).

The shape a user's app has: everything built at import time from the
environment (``BW_USERNAME``, ``BW_PASSWORD``, ``BW_ACCOUNT_ID``), a
``Configuration`` with **no host** (so it talks to Bandwidth's real servers),
a Flask app whose call-initiated webhook answers with BXML that greets the
caller and records them, and whose recording-available webhook downloads the
recording with ``RecordingsApi.download_call_recording`` and writes it to
``{recordingId}.wav`` in the working directory. Not a line here knows about
the simulator: ``BW_BASE_URL`` alone points it there.
"""

from __future__ import annotations

import os

from flask import Flask, request

from bandwidth import ApiClient, Configuration, RecordingsApi
from bandwidth.models.bxml import Record, Response, SpeakSentence

BW_USERNAME = os.environ["BW_USERNAME"]
BW_PASSWORD = os.environ["BW_PASSWORD"]
BW_ACCOUNT_ID = os.environ["BW_ACCOUNT_ID"]

configuration = Configuration(username=BW_USERNAME, password=BW_PASSWORD)
api_client = ApiClient(configuration)
recordings_api_instance = RecordingsApi(api_client)

app = Flask(__name__)


@app.route("/callbacks/callInitiatedCallback", methods=["POST"])
def handle_call_initiated():  # type: ignore[no-untyped-def]
    speak = SpeakSentence(text="Please leave a message after the beep.")
    record = Record(
        recording_available_url="/callbacks/recordingAvailableCallback",
        max_duration=30,
    )
    return Response([speak, record]).to_bxml(), 200, {"Content-Type": "application/xml"}


@app.route("/callbacks/recordingAvailableCallback", methods=["POST"])
def handle_recording_available():  # type: ignore[no-untyped-def]
    data = request.get_json()
    if data["eventType"] == "recordingAvailable":
        recording = recordings_api_instance.download_call_recording(
            BW_ACCOUNT_ID, data["callId"], data["recordingId"]
        )
        with open(f"{data['recordingId']}.wav", "wb") as file:
            file.write(recording)
    return "", 204

"""Voicemail on Bandwidth Voice: a caller leaves a message; the app keeps its audio and text.

A Flask app in the style of Bandwidth's sample apps (``voice-record-*``).
When someone calls your Bandwidth number, the app greets them, plays a tone
and records them (``<Record>``) until they press ``#``, stay silent for 5
seconds, or talk for 2 minutes. Bandwidth then sends:

* ``recordComplete``: the app thanks the caller and hangs up;
* ``recordingAvailable``: the app downloads the audio through the Voice API
  and files the message in its mailbox;
* ``transcriptionAvailable``: the app adds the transcript to the message.

Run it (Flask's development server), then set your Voice application's
call-initiated callback URL to ``{BASE_URL}/callbacks/callInitiated``::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... python examples/voicemail_app.py

Or test whole calls without a server or an account:
``VoiceSimulator(app=create_app(sim.configuration(), sim.account_id))``
delivers the webhooks in-process, plays the caller (``sim.speak``,
``sim.press``) and serves the recording (see ``tests/examples``).
"""

from __future__ import annotations

import io
import logging
import math
import os
import struct
import sys
import threading
import wave
from dataclasses import dataclass
from typing import Dict, List, Optional

import urllib3
from flask import Flask, Response, request

from bandwidth import Configuration
from bandwidth.callbacks import (
    CallbackParseError,
    InitiateCallback,
    RecordingAvailableCallback,
    RecordingCompleteCallback,
    TranscriptionAvailableCallback,
    parse_callback,
)
from bandwidth.models.bxml import Hangup, PlayAudio, Record, SpeakSentence
from bandwidth.models.bxml import Response as Bxml

log = logging.getLogger("voicemail_app")

GREETING = "You have reached Example Company. Nobody can take your call right now."
INSTRUCTIONS = "Please leave a message after the tone, and press pound when you are done."
THANKS = "Thank you. Your message has been saved. Goodbye."
#: A recording is at most this large to download (two minutes of WAV is about 2 MB).
MAX_RECORDING_BYTES = 16 * 1024 * 1024


@dataclass
class Message:
    """One voicemail: who left it, its audio, and (once ready) what was said."""

    recording_id: str
    call_id: str
    caller: str
    duration: str
    file_format: str
    audio: bytes = b""
    transcript: Optional[str] = None


class Mailbox:
    """The messages received, by recording id (thread-safe: webhooks arrive concurrently)."""

    def __init__(self) -> None:
        self._messages: Dict[str, Message] = {}
        self._lock = threading.Lock()

    def file(self, message: Message) -> None:
        with self._lock:
            self._messages[message.recording_id] = message

    def transcribe(self, recording_id: str, text: str) -> None:
        with self._lock:
            message = self._messages.get(recording_id)
            if message is not None:
                message.transcript = text

    @property
    def messages(self) -> List[Message]:
        with self._lock:
            return list(self._messages.values())


def tone_wav(seconds: float = 0.5, frequency: float = 1000.0, rate: int = 8000) -> bytes:
    """The beep: a short sine tone as 8 kHz 16-bit mono WAV."""
    frames = b"".join(
        struct.pack("<h", int(12000 * math.sin(2 * math.pi * frequency * n / rate)))
        for n in range(int(seconds * rate))
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(frames)
    return out.getvalue()


def voicemail_bxml() -> Bxml:
    """Greeting, tone, then record the caller (URLs relative to the initiate callback's)."""
    return Bxml(
        [
            SpeakSentence(GREETING, voice="julie"),
            SpeakSentence(INSTRUCTIONS, voice="julie"),
            PlayAudio("/tone.wav"),
            Record(
                record_complete_url="/callbacks/recordComplete",
                recording_available_url="/callbacks/recordingAvailable",
                transcribe=True,
                transcription_available_url="/callbacks/transcriptionAvailable",
                terminating_digits="#",
                max_duration=120,
                silence_timeout=5,
                file_format="wav",
            ),
        ]
    )


class VoiceApi:
    """The one Voice API call this app makes: download a recording's media."""

    def __init__(self, configuration: Configuration) -> None:
        self._headers = urllib3.make_headers(
            basic_auth=f"{configuration.username}:{configuration.password}"
        )
        self._http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=5, read=30))

    def download(self, media_url: str) -> bytes:
        """The recording's audio (``mediaUrl`` of the recordingAvailable event)."""
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


def create_app(
    configuration: Configuration, account_id: str, mailbox: Optional[Mailbox] = None
) -> Flask:
    """The voicemail app, using ``configuration`` (your API credentials) for downloads."""
    app = Flask(__name__)
    box = mailbox if mailbox is not None else Mailbox()
    api = VoiceApi(configuration)
    app.config["MAILBOX"] = box
    app.config["ACCOUNT_ID"] = account_id

    def event() -> object:
        return parse_callback(request.get_data(), request.content_type)

    def xml(document: Bxml) -> Response:
        return Response(document.to_bxml(), mimetype="application/xml")

    @app.post("/callbacks/callInitiated")
    def call_initiated() -> Response:
        callback = event()
        if not isinstance(callback, InitiateCallback):
            return Response(status=400)
        log.info("call %s from %s", callback.call_id, callback.var_from)
        return xml(voicemail_bxml())

    @app.get("/tone.wav")
    def tone() -> Response:
        return Response(tone_wav(), mimetype="audio/wav")

    @app.post("/callbacks/recordComplete")
    def record_complete() -> Response:
        if not isinstance(event(), RecordingCompleteCallback):
            return Response(status=400)
        return xml(Bxml([SpeakSentence(THANKS, voice="julie"), Hangup()]))

    @app.post("/callbacks/recordingAvailable")
    def recording_available() -> Response:
        callback = event()
        if not isinstance(callback, RecordingAvailableCallback) or not callback.media_url:
            return Response(status=400)
        audio = api.download(callback.media_url)
        box.file(
            Message(
                recording_id=callback.recording_id or "",
                call_id=callback.call_id or "",
                caller=callback.var_from or "",
                duration=callback.duration or "",
                file_format=str(callback.file_format or "wav"),
                audio=audio,
            )
        )
        return Response(status=204)

    @app.post("/callbacks/transcriptionAvailable")
    def transcription_available() -> Response:
        callback = event()
        if not isinstance(callback, TranscriptionAvailableCallback):
            return Response(status=400)
        transcription = callback.transcription
        text = transcription.text if transcription is not None else None
        box.transcribe(callback.recording_id or "", text or "")
        return Response(status=204)

    @app.errorhandler(CallbackParseError)
    def not_a_callback(error: CallbackParseError) -> Response:
        return Response(str(error), status=400, mimetype="text/plain")

    return app


def main() -> int:
    """Run with Flask's development server; credentials come from the environment."""
    try:
        username = os.environ["BW_USERNAME"]
        password = os.environ["BW_PASSWORD"]
        account_id = os.environ["BW_ACCOUNT_ID"]
    except KeyError as missing:
        print(f"Please set the environment variable {missing}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)
    app = create_app(Configuration(username=username, password=password), account_id)
    app.run(port=int(os.environ.get("LOCAL_PORT", "8080")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Voicemail on Bandwidth Voice: a caller leaves a message; the app keeps its audio and text.

A Flask app in the style of Bandwidth's sample apps (``voice-record-*``).
When someone calls your Bandwidth number, the app greets them, plays a tone
and records them (``<Record>``) until they press ``#``, stay silent for 5
seconds, or talk for 2 minutes. Bandwidth then sends:

* ``recordComplete``: the app thanks the caller and hangs up;
* ``recordingAvailable``: the app files the message in its mailbox and
  saves the audio to a file (``RecordingsApi.download_call_recording_to``:
  streamed, so memory stays flat however long the message);
* ``transcriptionAvailable``: the app adds the transcript to the message.

Run it (Flask's development server), then set your Voice application's
call-initiated callback URL to ``{BASE_URL}/callbacks/callInitiated`` and its
call-status URL to ``{BASE_URL}/callbacks/status``::

    BW_USERNAME=... BW_PASSWORD=... BW_ACCOUNT_ID=... VOICEMAIL_DIR=./voicemail \\
        python examples/voicemail_app.py

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
import re
import struct
import sys
import threading
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Union

from flask import Flask, Response, request

from bandwidth import ApiClient, ApiException, Configuration, RecordingsApi
from bandwidth.callbacks import (
    CallbackParseError,
    DisconnectCallback,
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
#: A recording is at most this large to save (two minutes of WAV is about 2 MB).
MAX_RECORDING_BYTES = 16 * 1024 * 1024
#: What a Bandwidth id looks like (``r-fbe05094-...``): it names a file, so nothing else will do.
SAFE_ID = re.compile(r"[A-Za-z0-9-]{1,128}")


@dataclass
class Message:
    """One voicemail: who left it, where its audio is, and (once ready) what was said."""

    recording_id: str
    call_id: str
    caller: str
    duration: str
    file_format: str
    #: the saved audio; ``None`` until it is downloaded, or if that failed (the
    #: recording stays on Bandwidth's side: ``RecordingsApi`` can fetch it later)
    path: Optional[Path] = None
    transcript: Optional[str] = None


class Mailbox:
    """The messages received, by recording id, their audio saved in ``directory``.

    Thread-safe: webhooks arrive concurrently.
    """

    def __init__(self, directory: Union[str, Path] = "voicemail") -> None:
        self.directory = Path(directory)
        self._messages: Dict[str, Message] = {}
        self._lock = threading.Lock()

    def file(self, message: Message) -> Path:
        """Keep ``message``; returns where its audio goes (the directory is made if need be)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        with self._lock:
            self._messages[message.recording_id] = message
        return self.directory / f"{message.recording_id}.{message.file_format}"

    def saved(self, recording_id: str, path: Path) -> None:
        """The audio of ``recording_id`` is in ``path`` now."""
        with self._lock:
            message = self._messages.get(recording_id)
            if message is not None:
                message.path = path

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


def create_app(
    configuration: Configuration, account_id: str, mailbox: Optional[Mailbox] = None
) -> Flask:
    """The voicemail app, using ``configuration`` (your API credentials) for downloads."""
    app = Flask(__name__)
    box = mailbox if mailbox is not None else Mailbox()
    # One client for the app's life: it keeps connections alive and is thread-safe.
    recordings_api = RecordingsApi(ApiClient(configuration))
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
        if not isinstance(callback, RecordingAvailableCallback):
            return Response(status=400)
        call_id, recording_id = callback.call_id or "", callback.recording_id or ""
        if not (SAFE_ID.fullmatch(call_id) and SAFE_ID.fullmatch(recording_id)):
            return Response(status=400)
        message = Message(
            recording_id=recording_id,
            call_id=call_id,
            caller=callback.var_from or "",
            duration=callback.duration or "",
            file_format="mp3" if callback.file_format == "mp3" else "wav",
        )
        # Filed first: the transcript may arrive while the audio downloads.
        path = box.file(message)
        try:
            recordings_api.download_call_recording_to(
                account_id, call_id, recording_id, path, max_bytes=MAX_RECORDING_BYTES
            )
        except ApiException as exc:  # Bandwidth does not resend the webhook: keep the message
            log.warning("recording %s not downloaded: %s", recording_id, exc.status)
        else:
            box.saved(recording_id, path)
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

    @app.post("/callbacks/status")
    def status() -> Response:
        ended = event()
        if isinstance(ended, DisconnectCallback):
            log.info("call %s ended: %s", ended.call_id, ended.cause)
        return Response(status=204)

    @app.errorhandler(CallbackParseError)
    def not_a_callback(error: CallbackParseError) -> Response:
        return Response(str(error), status=400, mimetype="text/plain")

    return app


def main() -> int:
    """Run with Flask's development server; credentials come from the environment."""
    env = os.environ
    names = ("BW_USERNAME", "BW_PASSWORD", "BW_ACCOUNT_ID")
    missing = [name for name in names if not env.get(name)]
    if missing:
        print("set " + ", ".join(missing), file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)
    configuration = Configuration(username=env["BW_USERNAME"], password=env["BW_PASSWORD"])
    mailbox = Mailbox(env.get("VOICEMAIL_DIR", "voicemail"))
    app = create_app(configuration, env["BW_ACCOUNT_ID"], mailbox)
    app.run(port=int(env.get("LOCAL_PORT", "8080")))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Recordings operations, and the conference-recording ones of Conferences.

Metadata, media (generated audio of the recording's length), the live
recording's pause and resume, and a recording's transcription. A recording
shows once it has ended; what does not show (unknown, in progress, deleted,
past retention, under another call) is a 404, as is media once deleted and a
transcription not made (or not ``available``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Optional

from bandwidth.testing._core.handlers import (
    Problem,
    Request,
    empty,
    json_answer,
    parse_json_object,
    require_media_type,
)
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._voice.recording_audio import CONTENT_TYPES
from bandwidth.testing._voice.recordings import SimulatedRecording
from bandwidth.testing._voice.request_checks import (
    check_transcribe_recording,
    check_update_call_recording,
)
from bandwidth.testing._voice.routes.calls import live_call
from bandwidth.testing._voice.routes.common import (
    RouteHost,
    account_url,
    locked,
)
from bandwidth.testing._voice.routes.conferences import find_conference

__all__ = ["HANDLERS"]

#: ``list_account_call_recordings`` answers at most this many (the spec's cap).
MAX_LISTED = 1000


def _call_recording(host: RouteHost, request: Request, now: datetime) -> SimulatedRecording:
    call_id, recording_id = request.params["callId"], request.params["recordingId"]
    rec = host.store.recordings.find(recording_id, now, call_id=call_id)
    if rec is None:
        raise Problem(404, f"Recording {recording_id} of call {call_id} was not found.")
    return rec


def _conference_recording(host: RouteHost, request: Request, now: datetime) -> SimulatedRecording:
    conference_id, recording_id = request.params["conferenceId"], request.params["recordingId"]
    rec = host.store.recordings.find(recording_id, now, conference_id=conference_id)
    if rec is None:
        raise Problem(404, f"Recording {recording_id} of conference {conference_id} was not found.")
    return rec


def _no_media(rec: SimulatedRecording) -> Problem:
    why = "was deleted" if rec.status == "deleted" else f"is not available ({rec.status})"
    return Problem(404, f"The media of recording {rec.recording_id} {why}.")


def _media(rec: SimulatedRecording) -> Response:
    if not rec.has_media:
        raise _no_media(rec)
    return 200, [("Content-Type", CONTENT_TYPES[rec.file_format])], rec.media()


# -- call recordings -----------------------------------------------------------------------


def list_account_call_recordings(host: RouteHost, request: Request) -> Response:
    query = request.parsed_query()
    low, high = query.time("minStartTime"), query.time("maxStartTime")
    to, sender = query.get("to"), query.get("from")
    base = account_url(host.sim)
    book = host.store.recordings
    page = []
    with locked(host) as now:
        for rec in book.order:
            if (
                rec.call_id is None
                or not book.visible(rec, now)
                or (to is not None and rec.to != to)
                or (sender is not None and rec.from_ != sender)
                or (low is not None and rec.start_time < low)  # minStartTime: inclusive
                or (high is not None and rec.start_time >= high)  # maxStartTime: before
            ):
                continue
            page.append(rec.to_call_metadata(base))
            if len(page) == MAX_LISTED:
                break
    return json_answer(page)


def update_call_recording_state(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/json")
    state = check_update_call_recording(parse_json_object(request.body))
    book = host.store.recordings
    with locked(host) as now:
        call = live_call(host, request.params["callId"], now)
        rec = book.running(call.call_id)
        if rec is None:
            raise Problem(404, f"Call {call.call_id} has no recording in progress.")
        changed = book.pause(rec, now) if state == "paused" else book.resume(rec, now)
        if changed and book.listener is not None:
            book.listener.recording_changed(rec, now)
    return empty(200)


def list_call_recordings(host: RouteHost, request: Request) -> Response:
    # 200 [] for a call the account never had, not 404: what Bandwidth's own smoke
    # test for the official SDK records of the real API (docs/simulator.md).
    call_id = request.params["callId"]
    book = host.store.recordings
    with locked(host) as now:
        base = account_url(host.sim)
        shown = book.of_call(call_id, now)
        return json_answer([r.to_call_metadata(base) for r in shown])


def get_call_recording(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        rec = _call_recording(host, request, now)
        return json_answer(rec.to_call_metadata(account_url(host.sim)))


def delete_recording(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        host.store.recordings.delete(_call_recording(host, request, now))
    return empty(204)


def download_call_recording(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        rec = _call_recording(host, request, now).snapshot()
    return _media(rec)  # generated outside the lock


def delete_recording_media(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        rec = _call_recording(host, request, now)
        if not rec.has_media:
            raise _no_media(rec)
        host.store.recordings.delete_media(rec)
    return empty(204)


# -- a call recording's transcription ------------------------------------------------------


def get_recording_transcription(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        rec = _call_recording(host, request, now)
        transcript = rec.transcription
        if transcript is None or transcript.status != "available":
            status: Optional[str] = None if transcript is None else transcript.status
            why = "was not transcribed" if status is None else f"has no transcript ({status})"
            raise Problem(404, f"Recording {rec.recording_id} {why}.")
        return json_answer(transcript.to_json(rec.seconds))


def transcribe_call_recording(host: RouteHost, request: Request) -> Response:
    require_media_type(request.headers, "application/json")
    body = parse_json_object(request.body)
    check_transcribe_recording(body)
    book = host.store.recordings
    with locked(host) as now:
        rec = _call_recording(host, request, now)
        if not rec.has_media:
            raise _no_media(rec)
        book.transcribe(rec, now, request=body)
        if book.listener is not None:
            book.listener.transcription_requested(rec, now)
    return empty(204)


def delete_recording_transcription(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        rec = _call_recording(host, request, now)
        if rec.transcription is None:
            raise Problem(404, f"Recording {rec.recording_id} has no transcription.")
        host.store.recordings.delete_transcription(rec)
    return empty(204)


# -- conference recordings -----------------------------------------------------------------


def list_conference_recordings(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        conf = find_conference(host, request.params["conferenceId"])
        base = account_url(host.sim)
        recordings = host.store.recordings.of_conference(conf.conference_id, now)
        return json_answer([r.to_conference_metadata(base) for r in recordings])


def get_conference_recording(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        rec = _conference_recording(host, request, now)
        return json_answer(rec.to_conference_metadata(account_url(host.sim)))


def download_conference_recording(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        rec = _conference_recording(host, request, now).snapshot()
    return _media(rec)


HANDLERS = {
    "list_account_call_recordings": list_account_call_recordings,
    "update_call_recording_state": update_call_recording_state,
    "list_call_recordings": list_call_recordings,
    "get_call_recording": get_call_recording,
    "delete_recording": delete_recording,
    "download_call_recording": download_call_recording,
    "delete_recording_media": delete_recording_media,
    "get_recording_transcription": get_recording_transcription,
    "transcribe_call_recording": transcribe_call_recording,
    "delete_recording_transcription": delete_recording_transcription,
    "list_conference_recordings": list_conference_recordings,
    "get_conference_recording": get_conference_recording,
    "download_conference_recording": download_conference_recording,
}

"""The real-time Transcriptions operations: list, get and delete a call's transcriptions.

A transcription shows once it has stopped; one that does not show (unknown,
running, deleted, under another call) is a 404. Listing a call the
simulator never knew (no call, no transcription) is a 404 too.
"""

from __future__ import annotations

from datetime import datetime

from bandwidth.testing._core.handlers import Problem, Request, empty, json_answer
from bandwidth.testing._core.http_answers import Response
from bandwidth.testing._voice.routes.common import (
    RouteHost,
    account_url,
    locked,
    require_known_call,
)
from bandwidth.testing._voice.transcriptions import SimulatedTranscription

__all__ = ["HANDLERS"]


def _find(host: RouteHost, request: Request, now: datetime) -> SimulatedTranscription:
    call_id, transcription_id = request.params["callId"], request.params["transcriptionId"]
    found = host.store.transcriptions.find(transcription_id, call_id, now)
    if found is None:
        raise Problem(404, f"Transcription {transcription_id} of call {call_id} was not found.")
    return found


def list_real_time_transcriptions(host: RouteHost, request: Request) -> Response:
    call_id = request.params["callId"]
    book = host.store.transcriptions
    with locked(host) as now:
        require_known_call(host, call_id, book.knows_call)
        base = account_url(host.sim)
        shown = book.of_call(call_id, now)
        return json_answer([t.to_metadata(base) for t in shown])


def get_real_time_transcription(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        return json_answer(_find(host, request, now).to_json())


def delete_real_time_transcription(host: RouteHost, request: Request) -> Response:
    with locked(host) as now:
        host.store.transcriptions.delete(_find(host, request, now))
    return empty(200)  # the spec's answer: 200 with no content


HANDLERS = {
    "list_real_time_transcriptions": list_real_time_transcriptions,
    "get_real_time_transcription": get_real_time_transcription,
    "delete_real_time_transcription": delete_real_time_transcription,
}

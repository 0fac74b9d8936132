"""The simulator's test API to seed calls, conferences, recordings and transcriptions.

:class:`ResourceControls` stores calls, conferences, recordings and real-time
transcriptions directly (no HTTP), through the same store methods the REST
API and the call-flow interpreter use, so the API serves them exactly as it
serves those a flow makes; and it hands out copies of them for assertions.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime, timedelta
from typing import (
    Any,
    List,
    Mapping,
    Optional,
    Sequence,
    Union,
)

from bandwidth.testing._voice.action_runner import ActionRunner
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import ANSWERED, DISCONNECTED, QUEUED, STATES, SimulatedCall
from bandwidth.testing._voice.conferences import MAX_MEMBERS, SimulatedConference
from bandwidth.testing._voice.flow_engine import FlowEngine
from bandwidth.testing._voice.recordings import SimulatedRecording
from bandwidth.testing._voice.request_checks import CREATE_CALL_FIELDS
from bandwidth.testing._voice.transcriptions import TRACKS, SimulatedTranscription

__all__ = ["ResourceControls", "camel"]

#: A conference name: up to 100 letters, digits, ``-``, ``_`` and ``.`` (the BXML reference).
_CONFERENCE_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,100}")
Texts = Union[str, Sequence[str], None]
_CALL_STATE_EXTRAS = {
    "parentCallId",
    "stirShaken",
    "identity",
    "disconnectCause",
    "errorMessage",
    "errorId",
}


def camel(name: str) -> str:
    """A snake_case keyword as its JSON field (``from_`` and ``var_from`` are ``from``)."""
    if name in ("from_", "var_from"):
        return "from"
    head, *rest = name.split("_")
    return head + "".join(word[:1].upper() + word[1:] for word in rest)


class ResourceControls:
    """Seeding and inspection of calls, conferences, recordings, transcriptions."""

    def __init__(self, store: CallStore, engine: FlowEngine, actions: ActionRunner) -> None:
        self._store = store
        self._engine = engine
        self._lock: threading.Lock = store.lock
        self._act = actions.act
        self._now = actions.now

    # -- calls -----------------------------------------------------------------------------

    def add_call(self, **fields: Any) -> str:
        """Store one call directly (no HTTP) and return its id; see :meth:`bulk_create`."""
        return self.bulk_create(1, **fields)[0]

    def bulk_create(
        self,
        n: int,
        *,
        state: str = QUEUED,
        direction: str = "outbound",
        spacing: float = 0.0,
        **fields: Any,
    ) -> List[str]:
        """Store ``n`` calls directly (no HTTP) and return their ids, oldest first.

        ``fields`` are ``createCall`` fields (``to``, ``from_``, ``answer_url``,
        ``tag``, ...) or ``callState`` extras (``disconnect_cause``,
        ``parent_call_id``, ``stir_shaken``, ``identity``, ``error_message``,
        ``error_id``), in snake_case or JSON spelling. Calls are created
        ``spacing`` seconds apart, the newest now. A call in a later ``state``
        has all its timestamps at its creation time; ``disconnected`` calls
        default to ``disconnectCause`` ``hangup``.
        """
        if state not in STATES:
            raise ValueError(f"state must be one of {STATES}")
        if direction not in ("inbound", "outbound"):
            raise ValueError("direction must be 'inbound' or 'outbound'")
        data = {camel(key): value for key, value in fields.items()}
        unknown = set(data) - CREATE_CALL_FIELDS - _CALL_STATE_EXTRAS
        if unknown:
            raise TypeError(f"unknown call fields: {sorted(unknown)}")
        request = {k: v for k, v in data.items() if k in CREATE_CALL_FIELDS}
        request.setdefault("to", "+19195551234")
        request.setdefault("from", "+19195554321")
        request.setdefault("applicationId", "04e88489-df02-4e34-a0ee-27a91849555f")
        request.setdefault("answerUrl", "https://myServer.example/bandwidth/webhooks/answer")
        cause = data.get("disconnectCause")
        if state == DISCONNECTED and cause is None:
            cause = "hangup"
        ids: List[str] = []
        self._engine.run()
        with self._lock:
            now = self._now()
            self._engine.tick(now)
            for index in range(n):
                created = now - timedelta(seconds=spacing * (n - 1 - index))
                call = self._store.new_call(dict(request), created)
                call.seed(state, direction, data, cause)
                self._store.insert(call)
                self._store.schedule(call, now)
                ids.append(call.call_id)
        return ids

    # -- conferences -----------------------------------------------------------------------

    def add_conference(
        self,
        name: str,
        members: Sequence[str] = (),
        *,
        tag: Optional[str] = None,
        conference_event_url: Optional[str] = None,
        conference_event_method: str = "POST",
    ) -> str:
        """Start a conference named ``name`` now with ``members`` (answered calls' ids).

        Returns its id. ``ValueError`` for a name the ``<Conference>`` verb
        refuses (up to 100 letters, digits, ``-``, ``_``, ``.``), a name a
        running conference has, or a member that cannot join (not answered,
        in a conference already, the 21st); ``KeyError`` for an unknown call.
        Add members later with :meth:`join_conference`.
        """
        if not isinstance(name, str) or not _CONFERENCE_NAME.fullmatch(name):
            raise ValueError("a conference name is 1 to 100 letters, digits, '-', '_' or '.'")
        if conference_event_method not in ("GET", "POST"):
            raise ValueError("conference_event_method must be GET or POST")

        def change(now: datetime) -> str:
            store = self._store
            book = store.conferences
            if book.running(name) is not None:
                raise ValueError(f"a conference named {name!r} is running already")
            calls = [self._answered(call_id) for call_id in members]
            if len(set(members)) != len(members):
                raise ValueError("a call can join a conference once")
            if len(calls) > MAX_MEMBERS:
                raise ValueError(f"a conference has at most {MAX_MEMBERS} members")
            conf = book.create(
                store.account_id,
                name,
                now,
                tag=tag,
                event_url=conference_event_url,
                event_method=conference_event_method,
            )
            for call in calls:  # checked above: every join succeeds
                book.join(conf, call, now)
            return conf.conference_id

        return self._act(change)

    def _answered(self, call_id: str) -> SimulatedCall:
        """An answered call not in a conference, ready to join one."""
        call = self._store.get(call_id)
        if call.state != ANSWERED:
            raise ValueError(f"call {call_id} is {call.state}; only an answered call joins")
        if self._store.conferences.of_call(call_id) is not None:
            raise ValueError(f"call {call_id} is in a conference already")
        return call

    def join_conference(
        self,
        conference_id: str,
        call_id: str,
        *,
        mute: bool = False,
        hold: bool = False,
        call_ids_to_coach: Optional[Sequence[str]] = None,
    ) -> None:
        """Add an answered call to a running conference (``ValueError``/``KeyError`` as above)."""

        def change(now: datetime) -> None:
            book = self._store.conferences
            conf = book.get(conference_id)
            call = self._answered(call_id)
            book.join(conf, call, now, mute=mute, hold=hold, call_ids_to_coach=call_ids_to_coach)

        self._act(change)

    def leave_conference(self, conference_id: str, call_id: str) -> None:
        """A member leaves now (the conference completes when its last member leaves)."""

        def change(now: datetime) -> None:
            book = self._store.conferences
            if book.leave(book.get(conference_id), call_id, now) is None:
                raise ValueError(f"call {call_id} is not in conference {conference_id}")

        self._act(change)

    def end_conference(self, conference_id: str) -> None:
        """End a conference now: every member leaves, its recordings in progress end."""

        def change(now: datetime) -> None:
            book = self._store.conferences
            book.complete(book.get(conference_id), now)

        self._act(change)

    def conference(self, conference_id: str) -> SimulatedConference:
        """A copy of one conference (members, redirects, BXML received); ``KeyError`` if none."""
        return self._act(lambda now: self._store.conferences.get(conference_id).snapshot())

    @property
    def conferences(self) -> List[SimulatedConference]:
        """Copies of every conference, oldest first (the ``list_conferences`` order)."""
        return self._act(lambda now: [c.snapshot() for c in self._store.conferences.order])

    # -- recordings ------------------------------------------------------------------------

    def add_recording(
        self,
        call_id: str,
        *,
        duration: float = 5.0,
        file_format: str = "wav",
        channels: int = 1,
        name: Optional[str] = None,
        status: str = "complete",
        transcript: Texts = None,
        start_time: Optional[datetime] = None,
        transfer_caller_id: Optional[str] = None,
        transfer_to: Optional[str] = None,
    ) -> str:
        """Store a finished recording of a call and return its id.

        It ran ``duration`` seconds from ``start_time`` (default: it ended
        now). ``transcript`` (a text, or one per channel) is what was said:
        the recording is then transcribed, and a transcription requested
        through the API reads it too (otherwise it reads ``""``).
        ``KeyError`` for an unknown call; ``ValueError`` for a bad format,
        channel count, status or duration.
        """

        def change(now: datetime) -> str:
            call = self._store.get(call_id)
            start = _start(start_time, now, duration)
            book = self._store.recordings
            rec = book.add(
                call,
                start,
                duration,
                status=status,
                file_format=file_format,
                channels=channels,
                name=name,
                transfer_caller_id=transfer_caller_id,
                transfer_to=transfer_to,
                speech=transcript,
            )
            if transcript is not None:
                book.transcribe(rec, rec.end_time or start)
            return rec.recording_id

        return self._act(change)

    def add_conference_recording(
        self,
        conference_id: str,
        *,
        duration: float = 5.0,
        file_format: str = "wav",
        name: Optional[str] = None,
        status: str = "complete",
        start_time: Optional[datetime] = None,
    ) -> str:
        """Store a finished recording of a conference (one channel) and return its id."""

        def change(now: datetime) -> str:
            conf = self._store.conferences.get(conference_id)
            start = _start(start_time, now, duration)
            rec = self._store.recordings.add(
                conf, start, duration, status=status, file_format=file_format, name=name
            )
            return rec.recording_id

        return self._act(change)

    def start_recording(
        self,
        call_id: str,
        *,
        file_format: str = "wav",
        channels: int = 1,
        name: Optional[str] = None,
        transcript: Texts = None,
    ) -> str:
        """Start recording an answered call now (as ``<StartRecording>``); returns its id.

        It runs until :meth:`stop_recording` or the call ends, and may be
        paused and resumed meanwhile (``update_call_recording_state``). One
        at a time: ``ValueError`` if the call is recording already.
        """

        def change(now: datetime) -> str:
            call = self._store.get(call_id)
            if call.state != ANSWERED:
                raise ValueError(f"call {call_id} is {call.state}; only an answered call records")
            book = self._store.recordings
            if book.running(call_id) is not None:
                raise ValueError(f"call {call_id} is recording already")
            rec = book.start(
                call, now, file_format=file_format, channels=channels, name=name, speech=transcript
            )
            return rec.recording_id

        return self._act(change)

    def stop_recording(self, recording_id: str) -> None:
        """End a recording in progress now (``ValueError`` if it has ended)."""

        def change(now: datetime) -> None:
            book = self._store.recordings
            if not book.finish(book.get(recording_id), now):
                raise ValueError(f"recording {recording_id} has ended already")

        self._act(change)

    def recording(self, recording_id: str) -> SimulatedRecording:
        """A copy of one recording (deleted ones too); ``KeyError`` if there is none."""
        return self._act(lambda now: self._store.recordings.get(recording_id).snapshot())

    @property
    def recordings(self) -> List[SimulatedRecording]:
        """Copies of every recording, in start order (in progress and deleted ones too)."""
        return self._act(lambda now: [r.snapshot() for r in self._store.recordings.order])

    # -- real-time transcriptions ----------------------------------------------------------

    def add_transcription(
        self,
        call_id: str,
        text: Union[str, Mapping[str, str]],
        *,
        name: Optional[str] = None,
        language: str = "en-US",
        confidence: float = 0.9,
    ) -> str:
        """Store a finished real-time transcription of a call and return its id.

        ``text`` is what the ``inbound`` track (the far end) said, or a
        mapping of track (``inbound``, ``outbound``) to text. ``name``
        defaults to the id, as ``<StartTranscription>``'s does.
        """
        tracks = {"inbound": text} if isinstance(text, str) else dict(text)
        unknown = set(tracks) - set(TRACKS)
        if unknown or not tracks:
            raise ValueError(f"text must be a string or a mapping of {TRACKS} to strings")

        def change(now: datetime) -> str:
            call = self._store.get(call_id)
            book = self._store.transcriptions
            transcription = book.start(
                call, now, name=name, tracks=tuple(tracks), language=language, confidence=confidence
            )
            for track, words in tracks.items():
                book.hear(transcription, track, words)
            book.stop(transcription, now)
            return transcription.transcription_id

        return self._act(change)

    def transcription(self, transcription_id: str) -> SimulatedTranscription:
        """A copy of one real-time transcription; ``KeyError`` if there is none."""
        return self._act(lambda now: self._store.transcriptions.get(transcription_id).snapshot())

    @property
    def transcriptions(self) -> List[SimulatedTranscription]:
        """Copies of every real-time transcription, in start order."""
        return self._act(lambda now: [t.snapshot() for t in self._store.transcriptions.order])


def _start(start: Optional[datetime], now: datetime, seconds: float) -> datetime:
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
        raise ValueError("duration must be a number of seconds, at least 0")
    if start is None:
        return now - timedelta(seconds=seconds)
    if start.tzinfo is None:
        raise ValueError("start_time must be timezone-aware")
    return start

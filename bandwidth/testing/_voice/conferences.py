"""Conferences and their members: their life, the API's changes, and wire forms.

:class:`Conferences` is the part of the simulator's store that holds them.
The call-flow interpreter writes into it when a ``<Conference>`` verb runs,
and the seeding API (``sim.add_conference``) uses the same methods::

    conf = store.conferences.running(name) or store.conferences.create(name, now, tag=...)
    member = store.conferences.join(conf, call, now, mute=False, hold=False)
    store.conferences.leave(conf, call.call_id, now)   # the member hangs up or leaves
    store.conferences.complete(conf, now)              # ends it; every member leaves

A conference completes when its last member leaves, as on the platform, and
its recordings in progress end with it.
The REST API's changes go through :meth:`Conferences.redirect`,
:meth:`Conferences.replace_bxml` and :meth:`Conferences.update_member`,
which record them on the conference or member and tell
``Conferences.listener`` (set by the flow engine, which sends
``conferenceRedirect`` and runs the BXML).

A member's id is its call's id. Not thread-safe on its own: every method
expects the store's lock held.
"""

from __future__ import annotations

import bisect
import copy
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Protocol, Sequence, Tuple
from urllib.parse import quote

from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.webhooks import DEFAULT_METHOD
from bandwidth.testing._voice.calls import DISCONNECTED, SimulatedCall, new_id
from bandwidth.testing._voice.recording_book import Recordings
from bandwidth.testing._voice.wire_forms import wire_form

__all__ = [
    "CONFERENCE_VERBS",
    "MAX_MEMBERS",
    "ConferenceListener",
    "Conferences",
    "SimulatedConference",
    "SimulatedMember",
]

#: At most this many calls in one conference (the BXML reference).
MAX_MEMBERS = 20


#: The only verbs BXML sent to a conference may hold (the BXML reference).
CONFERENCE_VERBS = frozenset(
    {
        "PlayAudio",
        "SpeakSentence",
        "StartRecording",
        "StopRecording",
        "PauseRecording",
        "ResumeRecording",
    }
)


def _q(value: str) -> str:
    return quote(value, safe="")


@dataclass
class SimulatedMember:
    """One call in a conference. ``updates`` holds every ``update_conference_member`` body."""

    call_id: str
    conference_id: str
    join_time: datetime
    mute: bool = False
    hold: bool = False
    call_ids_to_coach: Optional[List[str]] = None
    leave_time: Optional[datetime] = None
    updates: List[Dict[str, Any]] = field(default_factory=list)

    @property
    def active(self) -> bool:
        """Whether the call is still in the conference."""
        return self.leave_time is None

    def to_json(self, account_url: str) -> Dict[str, Any]:
        """The ``conferenceMember`` object (the SDK's ``ConferenceMember``)."""
        coached = None if self.call_ids_to_coach is None else list(self.call_ids_to_coach)
        url = f"{account_url}/conferences/{_q(self.conference_id)}/members/{_q(self.call_id)}"
        return wire_form(
            "ConferenceMember",
            {
                "call_id": self.call_id,
                "conference_id": self.conference_id,
                "member_url": url,
                "mute": self.mute,
                "hold": self.hold,
                "call_ids_to_coach": coached,
            },
        )


@dataclass
class SimulatedConference:
    """One conference. ``members`` holds every call that joined, in join order.

    ``request`` holds the creating verb's attributes (event URLs, methods,
    credentials); ``redirects`` every ``update_conference`` body and ``bxml``
    every ``update_conference_bxml`` document, oldest first.
    """

    conference_id: str
    account_id: str
    name: str
    created_time: datetime
    completed_time: Optional[datetime] = None
    tag: Optional[str] = None
    event_url: Optional[str] = None
    event_method: str = DEFAULT_METHOD
    request: Dict[str, Any] = field(default_factory=dict)
    members: Dict[str, SimulatedMember] = field(default_factory=dict)
    redirects: List[Dict[str, Any]] = field(default_factory=list)
    bxml: List[str] = field(default_factory=list)
    seq: int = field(default=0, repr=False, compare=False)

    @property
    def active(self) -> bool:
        """Whether the conference is still running."""
        return self.completed_time is None

    @property
    def active_members(self) -> List[SimulatedMember]:
        """The members in it now, in join order."""
        return [m for m in self.members.values() if m.active]

    @property
    def sort_key(self) -> Tuple[datetime, int]:
        """Position in ``list_conferences``: creation time, then creation order."""
        return (self.created_time, self.seq)

    def to_json(self, account_url: str, *, members: bool = True) -> Dict[str, Any]:
        """The ``conference`` object (the SDK's ``Conference``); ``members=False`` leaves
        out ``activeMembers`` (lists)."""
        values: Dict[str, Any] = {
            "id": self.conference_id,
            "name": self.name,
            "created_time": format_time(self.created_time),
            "completed_time": None
            if self.completed_time is None
            else format_time(self.completed_time),
            "conference_event_url": self.event_url,
            "conference_event_method": self.event_method,
            "tag": self.tag,
        }
        if members:
            values["active_members"] = [m.to_json(account_url) for m in self.active_members]
        return wire_form("Conference", values)

    def snapshot(self) -> SimulatedConference:
        """An independent copy, safe to read while the simulator keeps serving."""
        clone = copy.copy(self)
        clone.request = copy.deepcopy(self.request)
        clone.members = {key: copy.deepcopy(m) for key, m in self.members.items()}
        clone.redirects = copy.deepcopy(self.redirects)
        clone.bxml = list(self.bxml)
        return clone


class ConferenceListener(Protocol):
    """Told of each change to a conference (under the store's lock)."""

    def conference_redirected(
        self, conference: SimulatedConference, request: Mapping[str, Any], when: datetime
    ) -> None:
        """``update_conference`` with a ``redirectUrl``: ``conferenceRedirect`` is due."""

    def conference_bxml(
        self, conference: SimulatedConference, document: str, when: datetime
    ) -> None:
        """``update_conference_bxml``: the document is to run on the conference."""

    def member_updated(
        self, conference: SimulatedConference, member: SimulatedMember, when: datetime
    ) -> None:
        """``update_conference_member`` changed a member's mute, hold or coaching."""

    def member_left(
        self, conference: SimulatedConference, member: SimulatedMember, when: datetime
    ) -> None:
        """A member left (``conferenceMemberExit``); its call goes on after ``<Conference>``."""

    def conference_completed(self, conference: SimulatedConference, when: datetime) -> None:
        """The conference ended (``conferenceCompleted``)."""


class Conferences:
    """Every conference of one simulator, by creation time (see the module docstring)."""

    def __init__(self, recordings: Recordings) -> None:
        self._recordings = recordings
        self.by_id: Dict[str, SimulatedConference] = {}
        #: sorted by ``sort_key`` (the ``list_conferences`` order)
        self.order: List[SimulatedConference] = []
        #: parallel to ``order``, for bisect
        self.keys: List[Tuple[datetime, int]] = []
        self._seq = 0
        self.listener: Optional[ConferenceListener] = None

    # -- their life ------------------------------------------------------------------------

    def create(
        self,
        account_id: str,
        name: str,
        when: datetime,
        *,
        tag: Optional[str] = None,
        event_url: Optional[str] = None,
        event_method: str = "POST",
        request: Optional[Mapping[str, Any]] = None,
    ) -> SimulatedConference:
        """A new conference named ``name``, begun at ``when`` (no members yet)."""
        self._seq += 1
        conf = SimulatedConference(
            conference_id=new_id("conf"),
            account_id=account_id,
            name=name,
            created_time=when,
            tag=tag,
            event_url=event_url,
            event_method=event_method,
            request=dict(request or {}),
            seq=self._seq,
        )
        self.by_id[conf.conference_id] = conf
        index = bisect.bisect_right(self.keys, conf.sort_key)
        self.keys.insert(index, conf.sort_key)
        self.order.insert(index, conf)
        return conf

    def running(self, name: str) -> Optional[SimulatedConference]:
        """The conference named ``name`` that is still running (``<Conference>`` joins it)."""
        for conf in reversed(self.order):
            if conf.name == name and conf.active:
                return conf
        return None

    def of_call(self, call_id: str) -> Optional[SimulatedConference]:
        """The running conference the call is a member of, or ``None``."""
        for conf in reversed(self.order):
            member = conf.members.get(call_id)
            if conf.active and member is not None and member.active:
                return conf
        return None

    def join(
        self,
        conf: SimulatedConference,
        call: SimulatedCall,
        when: datetime,
        *,
        mute: bool = False,
        hold: bool = False,
        call_ids_to_coach: Optional[Sequence[str]] = None,
    ) -> SimulatedMember:
        """Add ``call`` to the running ``conf``; ``ValueError`` if it cannot join.

        It cannot when the conference has ended or has :data:`MAX_MEMBERS`
        members, or when the call has ended or is in a conference already.
        """
        if not conf.active:
            raise ValueError(f"conference {conf.conference_id} has ended")
        if call.state == DISCONNECTED:
            raise ValueError(f"call {call.call_id} has ended")
        if self.of_call(call.call_id) is not None:
            raise ValueError(f"call {call.call_id} is in a conference already")
        if len(conf.active_members) >= MAX_MEMBERS:
            raise ValueError(f"conference {conf.conference_id} has {MAX_MEMBERS} members already")
        member = SimulatedMember(
            call_id=call.call_id,
            conference_id=conf.conference_id,
            join_time=when,
            mute=mute,
            hold=hold,
            call_ids_to_coach=None if call_ids_to_coach is None else list(call_ids_to_coach),
        )
        conf.members.pop(call.call_id, None)  # a call that left and joins again: newest last
        conf.members[call.call_id] = member
        return member

    def leave(
        self, conf: SimulatedConference, call_id: str, when: datetime
    ) -> Optional[SimulatedMember]:
        """The member ``call_id`` leaves; the conference completes if it was the last one."""
        member = conf.members.get(call_id)
        if member is None or not member.active:
            return None
        member.leave_time = when
        if self.listener is not None:
            self.listener.member_left(conf, member, when)
        if not conf.active_members and conf.active:
            self._complete(conf, when)
        return member

    def complete(self, conf: SimulatedConference, when: datetime) -> List[SimulatedMember]:
        """End the conference now: every member leaves; returns those who were in it."""
        if not conf.active:
            return []
        members = conf.active_members
        for member in members:
            member.leave_time = when
            if self.listener is not None:
                self.listener.member_left(conf, member, when)
        self._complete(conf, when)
        return members

    def _complete(self, conf: SimulatedConference, when: datetime) -> None:
        conf.completed_time = when
        self._recordings.conference_ended(conf.conference_id, when)
        if self.listener is not None:
            self.listener.conference_completed(conf, when)

    def call_ended(self, call_id: str, when: datetime) -> Optional[SimulatedConference]:
        """The call hung up: it leaves its conference, if any; returns that conference."""
        conf = self.of_call(call_id)
        if conf is not None:
            self.leave(conf, call_id, when)
        return conf

    # -- what the REST API changes ---------------------------------------------------------

    def redirect(
        self, conf: SimulatedConference, request: Mapping[str, Any], when: datetime
    ) -> None:
        """``update_conference`` with ``redirectUrl``: recorded, then the listener acts."""
        conf.redirects.append(dict(request))
        if self.listener is not None:
            self.listener.conference_redirected(conf, request, when)

    def replace_bxml(self, conf: SimulatedConference, document: str, when: datetime) -> None:
        """``update_conference_bxml``: recorded, then the listener runs it."""
        conf.bxml.append(document)
        if self.listener is not None:
            self.listener.conference_bxml(conf, document, when)

    def update_member(
        self,
        conf: SimulatedConference,
        member: SimulatedMember,
        changes: Mapping[str, Any],
        when: datetime,
    ) -> None:
        """``update_conference_member``: apply ``mute``, ``hold``, ``callIdsToCoach`` if given."""
        member.updates.append(dict(changes))
        if changes.get("mute") is not None:
            member.mute = bool(changes["mute"])
        if changes.get("hold") is not None:
            member.hold = bool(changes["hold"])
        if "callIdsToCoach" in changes:
            coached = changes["callIdsToCoach"]
            member.call_ids_to_coach = None if coached is None else list(coached)
        if self.listener is not None:
            self.listener.member_updated(conf, member, when)

    # -- reading them ----------------------------------------------------------------------

    def get(self, conference_id: str) -> SimulatedConference:
        """The stored conference; ``KeyError`` if there is none."""
        conf = self.by_id.get(conference_id)
        if conf is None:
            raise KeyError(conference_id)
        return conf

    def clear(self) -> None:
        """Forget every conference."""
        self.by_id.clear()
        self.order.clear()
        self.keys.clear()

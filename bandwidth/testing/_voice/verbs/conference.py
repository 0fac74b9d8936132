"""``<Conference>``: calls meet in a named conference, and the conference's own BXML.

The verb joins the call to the running conference of that name, creating it
(``conferenceCreated``) if there is none, and holds the call while it is a
member (``conferenceMemberJoin``, then ``conferenceMemberExit`` when it
leaves). The creating verb's event URL, method, credentials, ``tag`` and
``callbackTimeout`` are the conference's; later members' are ignored, as on
the platform. A member leaves when its call hangs up, when it is redirected
or given new BXML, or when the conference is ended through the API (its
call then goes on with the verb after ``<Conference>``). The conference
completes when its last member leaves (``conferenceCompleted``), or after
24 hours.

What members hear (``call.heard``): a member's words (``sim.speak``) reach
every other member, unless the speaker is muted or on hold, or the listener
is on hold; a coach (``callIdsToCoach``) is heard by the calls it coaches
only. The conference's own audio (``PlayAudio``/``SpeakSentence`` in the
BXML answering its events, or ``update_conference_bxml``) reaches every
member not on hold. Its recordings hold the words of members neither muted
nor on hold, and its audio. :class:`ConferenceEngine` is the store's
conference listener, so the REST API's member updates, redirect and BXML go
through it too.
"""

from __future__ import annotations

import functools
from collections import deque
from datetime import datetime, timedelta
from typing import Any, Deque, Dict, List, Mapping, Optional, Tuple

from bandwidth.models.bxml import Conference, PlayAudio, SpeakSentence
from bandwidth.testing._core.webhook_urls import join_url
from bandwidth.testing._core.webhooks import (
    DEFAULT_METHOD,
    Delivery,
    Reply,
    Target,
    Webhook,
    request_targets,
    targets_for,
)
from bandwidth.testing._voice.bxml_reading import (
    BxmlRoots,
    InvalidBxml,
    read_document,
    read_verbs,
    speech,
    text,
    verb_name,
)
from bandwidth.testing._voice.calls import OUTBOUND, SimulatedCall, Utterance
from bandwidth.testing._voice.conferences import (
    CONFERENCE_VERBS,
    SimulatedConference,
    SimulatedMember,
)
from bandwidth.testing._voice.event_payloads import conference_values, member_values, payload
from bandwidth.testing._voice.interpreter import HALT, CallFlow, Step, VerbFamily, answering
from bandwidth.testing._voice.media_delivery import MediaDelivery
from bandwidth.testing._voice.verbs.media_reading import conference_spec
from bandwidth.testing._voice.verbs.recording import RecordingEngine, recording_verb

__all__ = ["MAX_CONFERENCE_SECONDS", "ConferenceEngine", "MemberHold", "family"]

#: A conference lasts at most 24 hours (the BXML reference).
MAX_CONFERENCE_SECONDS = 24 * 3600.0


class MemberHold:
    """A call held by ``<Conference>`` while it is a member."""

    def __init__(self, flow: CallFlow, conference_id: str) -> None:
        self.flow = flow
        self.conference_id = conference_id
        self.released = False

    def digit(self, digit: str, when: datetime) -> Optional[Delivery]:
        """Digits in a conference reach only a ``<StartGather>``."""
        self.flow.call.note(when, f"digit {digit} pressed in the conference")
        return None

    def release(self, when: datetime) -> None:
        """The call's document stopped (redirect, new BXML, hang-up): it leaves."""
        if self.released:
            return
        self.released = True
        book = self.flow.host.store.conferences
        conf = book.by_id.get(self.conference_id)
        if conf is not None:
            book.leave(conf, self.flow.call.call_id, when)


class ConferenceEngine:
    """Runs ``<Conference>``, the conferences' BXML and events (the store's listener)."""

    def __init__(
        self, media: MediaDelivery, recordings: RecordingEngine, roots: Optional[BxmlRoots] = None
    ) -> None:
        self.media = media
        self.recordings = recordings
        #: which BXML roots an event's reply may have (the flow engine's, shared)
        self.roots = BxmlRoots() if roots is None else roots
        #: conference id -> what its recordings hear (the one writer of it)
        self._audio: Dict[str, List[Utterance]] = media.conference_audio
        #: conference id -> its BXML verbs waiting to play (verb, base URL)
        self._queue: Dict[str, Deque[Tuple[Any, str]]] = {}
        self._playing: Dict[str, bool] = {}

    def clear(self) -> None:
        """Forget every conference's audio and BXML."""
        self._audio.clear()
        self._queue.clear()
        self._playing.clear()

    def audio(self, conference_id: str) -> List[Utterance]:
        """What the conference's recordings hear."""
        return self._audio.get(conference_id, [])

    # -- the verb --------------------------------------------------------------------------

    def enter(self, flow: CallFlow, verb: Any, when: datetime) -> Step:
        """Run ``<Conference>`` on ``flow``'s call: join (creating if needed) and hold."""
        spec = conference_spec(verb)
        call = flow.call
        book = self.media.store.conferences
        if book.of_call(call.call_id) is not None:
            call.note(when, f"<Conference> {spec.name}: the call is in a conference already")
            return 0.0
        conf = book.running(spec.name)
        created = conf is None
        if conf is None:
            conf = self._create(flow, spec.name, spec.events, spec.tag, spec.callback_timeout, when)
        elif spec.events.url:
            call.note(when, "the conference exists: its creator's event URL stays in use")
        try:
            book.join(
                conf,
                call,
                when,
                mute=spec.mute,
                hold=spec.hold,
                call_ids_to_coach=spec.call_ids_to_coach,
            )
        except ValueError as exc:  # the 21st member
            call.note(when, f"<Conference> {spec.name}: cannot join ({exc}); the next verb runs")
            return 0.0
        how = [f"{k}" for k, v in (("muted", spec.mute), ("on hold", spec.hold)) if v]
        if spec.call_ids_to_coach is not None:
            how.append("coaching " + ", ".join(spec.call_ids_to_coach))
        shown = f" ({', '.join(how)})" if how else ""
        call.note(when, f"joined conference {spec.name} ({conf.conference_id}){shown}")
        flow.holding = MemberHold(flow, conf.conference_id)
        if created:
            self._event(conf, "conferenceCreated", when, call)
        self._event(conf, "conferenceMemberJoin", when, call)
        return HALT

    def _create(
        self,
        flow: CallFlow,
        name: str,
        events: Any,
        tag: Optional[str],
        callback_timeout: Optional[float],
        when: datetime,
    ) -> SimulatedConference:
        found = targets_for(events, flow.base_url)
        request: Dict[str, Any] = {
            "callbackTimeout": callback_timeout or self.media.timeout(flow.call),
        }
        primary: Optional[Target] = None
        if found is not None:
            primary, fallback = found
            request.update(username=primary.username, password=primary.password)
            if fallback is not None:
                request.update(
                    conferenceEventFallbackUrl=fallback.url,
                    conferenceEventFallbackMethod=fallback.method,
                    fallbackUsername=fallback.username,
                    fallbackPassword=fallback.password,
                )
        conf = self.media.store.conferences.create(
            flow.call.account_id,
            name,
            when,
            tag=tag or None,
            event_url=primary.url if primary else None,
            event_method=primary.method if primary else DEFAULT_METHOD,
            request=request,
        )
        self._audio[conf.conference_id] = []
        due = when + timedelta(seconds=MAX_CONFERENCE_SECONDS)
        self.media.later(due, functools.partial(self._expire, conf))
        return conf

    def _expire(self, conf: SimulatedConference, when: datetime) -> None:
        if conf.active and self.media.store.conferences.by_id.get(conf.conference_id) is conf:
            self._note(conf, when, "the conference ends: 24 hours are up")
            self.media.store.conferences.complete(conf, when)

    # -- audio -----------------------------------------------------------------------------

    def spoken(self, call: SimulatedCall, utterance: Utterance, when: datetime) -> None:
        """A member's far end spoke: who hears it, and the conference's recordings."""
        conf = self.media.store.conferences.of_call(call.call_id)
        if conf is None:
            return
        speaker = conf.members[call.call_id]
        if speaker.mute or speaker.hold:
            state = "muted" if speaker.mute else "on hold"
            call.note(when, f"the conference does not hear it ({state})")
            return
        self._audio.setdefault(conf.conference_id, []).append(utterance)
        coached = speaker.call_ids_to_coach
        for member in conf.active_members:
            if member is speaker or (coached is not None and member.call_id not in coached):
                continue
            self._hear(member, utterance.text, utterance.start, utterance.end)

    def _hear(self, member: SimulatedMember, said: str, start: datetime, end: datetime) -> None:
        """A member hears ``said`` (nothing while on hold)."""
        call = self.media.store.calls.get(member.call_id)
        if call is None or member.hold:
            return
        call.hears(said, Utterance(start, end, said, OUTBOUND))

    # -- the conference's BXML -------------------------------------------------------------

    def play(
        self, conf: SimulatedConference, verbs: List[Any], base_url: str, when: datetime
    ) -> None:
        """Queue conference BXML; its verbs run one after the other."""
        queue = self._queue.setdefault(conf.conference_id, deque())
        queue.extend((verb, base_url) for verb in verbs)
        if not self._playing.get(conf.conference_id):
            self._step(conf, when)

    def _step(self, conf: SimulatedConference, when: datetime) -> None:
        queue = self._queue.get(conf.conference_id)
        if not conf.active or not queue:
            self._playing[conf.conference_id] = False
            return
        self._playing[conf.conference_id] = True
        verb, base_url = queue.popleft()
        seconds = self._run(conf, verb, base_url, when)
        self.media.later(when + timedelta(seconds=seconds), functools.partial(self._step, conf))

    def _run(self, conf: SimulatedConference, verb: Any, base_url: str, when: datetime) -> float:
        """Run one conference verb; returns how long it takes."""
        name = verb_name(verb)
        timing = self.media.timing
        if isinstance(verb, SpeakSentence):
            said, pauses = speech(verb)
            seconds = timing.speech_seconds(len(said.split())) + pauses
            end = when + timedelta(seconds=seconds)
            self._audio.setdefault(conf.conference_id, []).append(
                Utterance(when, end, said, OUTBOUND)
            )
            self._note(conf, when, f'the conference speaks "{said}"')
            for member in conf.active_members:
                self._hear(member, said, when, end)
            return seconds
        if isinstance(verb, PlayAudio):
            given = text(verb, "audio_uri") or ""
            url = join_url(base_url, given)
            seconds = timing.audio_seconds(url)
            self._note(conf, when, f"the conference plays {url}")
            for member in conf.active_members:
                call = self.media.store.calls.get(member.call_id)
                if call is not None and not member.hold:
                    call.hears(url)
            return seconds
        done = recording_verb(self.recordings, conf, name, verb, when, base_url)
        self._note(conf, when, done)
        return 0.0

    def _replied(self, conference_id: str, record: Webhook, reply: Optional[Reply]) -> None:
        """An event's reply: BXML (of the six conference verbs) runs on the conference."""
        conf = self.media.store.conferences.by_id.get(conference_id)
        if reply is None or not reply.body.strip() or conf is None or not conf.active:
            return
        when = record.time
        try:
            verbs, note = read_document(reply.body, either_root=not self.roots.strict)
        except InvalidBxml as exc:
            self._note(conf, when, f"conference BXML refused: {exc}")
            return
        if note is not None:
            self._note(conf, when, f"conference BXML: {note}")
        refused = sorted({verb_name(v) for v in verbs} - CONFERENCE_VERBS)
        if refused:
            allowed = ", ".join(sorted(CONFERENCE_VERBS))
            self._note(
                conf,
                when,
                f"conference BXML refused: <{refused[0]}> cannot run on a conference "
                f"(only {allowed})",
            )
            return
        self.play(conf, verbs, record.url, when)

    # -- events ----------------------------------------------------------------------------

    def values(self, conf: SimulatedConference, event_type: str, when: datetime) -> Dict[str, Any]:
        """The conference base set of an event."""
        return conference_values(conf, event_type, when)

    def timeout(self, conf: SimulatedConference) -> float:
        """The conference's ``callbackTimeout``: its creator's verb's, else its call's."""
        return self.media.conference_timeout(conf)

    def _event(
        self,
        conf: SimulatedConference,
        event_type: str,
        when: datetime,
        call: Optional[SimulatedCall] = None,
        target: Optional[Tuple[Target, Optional[Target]]] = None,
    ) -> None:
        """Send a conference event to its event URL (or ``target``)."""
        if target is None:
            if not conf.event_url:
                return
            request = conf.request
            primary = Target(
                conf.event_url, conf.event_method, request.get("username"), request.get("password")
            )
            fallback = None
            if request.get("conferenceEventFallbackUrl"):
                fallback = Target(
                    request["conferenceEventFallbackUrl"],
                    request.get("conferenceEventFallbackMethod") or DEFAULT_METHOD,
                    request.get("fallbackUsername"),
                    request.get("fallbackPassword"),
                )
            target = (primary, fallback)
        values = conference_values(conf, event_type, when)
        if call is not None:
            values.update(member_values(call))
        on_reply = None
        if event_type != "conferenceCompleted":  # the only one that may not answer BXML
            on_reply = _on_reply(self, conf.conference_id)
        self.media.send(
            event_type,
            call.call_id if call is not None else "",
            payload(event_type, values),
            target[0],
            when=when,
            fallback=target[1],
            timeout=self.timeout(conf),
            on_reply=on_reply,
        )

    def _note(self, conf: SimulatedConference, when: datetime, what: str) -> None:
        """Tell every member's timeline."""
        for member in conf.active_members:
            call = self.media.store.calls.get(member.call_id)
            if call is not None:
                call.note(when, what)

    # -- the store's listener --------------------------------------------------------------

    def conference_redirected(
        self, conference: SimulatedConference, request: Mapping[str, Any], when: datetime
    ) -> None:
        """``update_conference`` with a ``redirectUrl``: ``conferenceRedirect`` goes there."""
        self._note(conference, when, f"update_conference: redirect to {request['redirectUrl']}")
        self._event(
            conference, "conferenceRedirect", when, target=request_targets(request, "redirect")
        )

    def conference_bxml(
        self, conference: SimulatedConference, document: str, when: datetime
    ) -> None:
        """``update_conference_bxml``: the document plays on the conference (checked already)."""
        if not self.media.enabled:
            return
        verbs = read_verbs(document, root="Bxml", either_root=True)  # the route chose
        self._note(conference, when, "update_conference_bxml: BXML for the conference")
        self.play(conference, verbs, conference.event_url or "", when)

    def member_updated(
        self, conference: SimulatedConference, member: SimulatedMember, when: datetime
    ) -> None:
        """``update_conference_member``: mute, hold and coaching apply from now."""
        call = self.media.store.calls.get(member.call_id)
        if call is not None:
            coached = member.call_ids_to_coach
            call.note(
                when,
                f"update_conference_member: mute={str(member.mute).lower()}, "
                f"hold={str(member.hold).lower()}, "
                f"callIdsToCoach={','.join(coached) if coached is not None else 'none'}",
            )

    def member_left(
        self, conference: SimulatedConference, member: SimulatedMember, when: datetime
    ) -> None:
        """A member left: ``conferenceMemberExit``; removed by the API, its call goes on."""
        call = self.media.store.calls.get(member.call_id)
        if call is None:
            return
        call.note(when, f"left conference {conference.name} ({conference.conference_id})")
        self._event(conference, "conferenceMemberExit", when, call)
        flow = self.media.flow(call.call_id)
        hold = flow.holding if flow is not None else None
        if (
            flow is not None
            and isinstance(hold, MemberHold)
            and hold.conference_id == conference.conference_id
            and not hold.released
        ):
            hold.released = True
            flow.holding = None
            self.media.later(when, flow.bind(flow.resume))

    def conference_completed(self, conference: SimulatedConference, when: datetime) -> None:
        """The conference ended: ``conferenceCompleted``; its BXML stops."""
        self._queue.pop(conference.conference_id, None)
        self._playing.pop(conference.conference_id, None)
        self._event(conference, "conferenceCompleted", when)


def _on_reply(engine: ConferenceEngine, conference_id: str) -> Any:
    def replied(record: Webhook, reply: Optional[Reply]) -> Optional[Delivery]:
        engine._replied(conference_id, record, reply)
        return None

    return replied


def family(conferences: ConferenceEngine) -> VerbFamily:
    """The runner of ``<Conference>`` (it answers an inbound call)."""
    return VerbFamily({Conference: answering(conferences.enter)})

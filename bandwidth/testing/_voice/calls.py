"""Stored call records and their wire forms (``callState``, ``createCallResponse``, webhooks)."""

from __future__ import annotations

import copy
import json
import re
import uuid
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bandwidth.testing._core.clock import format_time
from bandwidth.testing._core.masking import masked_request, shown_document
from bandwidth.testing._core.webhooks import DEFAULT_METHOD, Webhook
from bandwidth.testing._voice.event_fields import EVENT_FIELDS, payload
from bandwidth.testing._voice.wire_forms import model_fields

__all__ = [
    "DEFAULT_CALLBACK_TIMEOUT",
    "DEFAULT_CALL_TIMEOUT",
    "DTMF",
    "INBOUND",
    "OUTBOUND",
    "AutoProgress",
    "SimulatedCall",
    "Utterance",
    "new_id",
]

QUEUED = "queued"
INITIATED = "initiated"
ANSWERED = "answered"
DISCONNECTED = "disconnected"
STATES = (QUEUED, INITIATED, ANSWERED, DISCONNECTED)
#: The two directions of a call's audio, named from the platform's side (as stream and
#: transcription ``tracks`` are): ``inbound`` comes from the far end, ``outbound`` goes to it.
INBOUND = "inbound"
OUTBOUND = "outbound"
#: ``callbackTimeout`` (seconds a webhook may take) when a call or verb sets none.
DEFAULT_CALLBACK_TIMEOUT = 15.0
#: ``callTimeout`` (seconds a call rings before it times out) when a call or verb sets none.
DEFAULT_CALL_TIMEOUT = 30.0
#: The keys a far end can press: DTMF ``0-9``, ``*``, ``#`` and ``A-D``.
DTMF = re.compile(r"[0-9*#A-Da-d]+")


def new_id(prefix: str) -> str:
    """A new id in the platform's shape: ``c-15ac29a2-1331029c-2cb0-...`` for prefix ``c``."""
    return f"{prefix}-{uuid.uuid4().hex[:8]}-{uuid.uuid4()}"


@dataclass(frozen=True)
class AutoProgress:
    """How calls move through their lifecycle on their own, timed by the simulator's clock.

    Each delay is in seconds from entering the previous state; ``None`` means
    "never on its own" (the test drives that step with ``answer``/``hangup``).
    A ringing call that is not answered within its ``callTimeout`` (default
    30) ends with ``disconnectCause`` ``timeout``, as the real API does.
    """

    #: queued -> initiated (the call leaves the queue and starts ringing)
    initiate_after: Optional[float] = 0.0
    #: initiated -> answered
    answer_after: Optional[float] = 1.0
    #: answered -> disconnected with :attr:`hangup_cause`
    hangup_after: Optional[float] = None
    hangup_cause: str = "hangup"


@dataclass(frozen=True)
class Utterance:
    """Words said on a call over a span of simulated time, in one direction.

    The far end's speech (``sim.speak``) is ``inbound``; what the call hears
    (the app's ``SpeakSentence``, a conference's audio and members) is
    ``outbound``. Recordings and transcriptions are made of these.
    """

    start: datetime
    end: datetime
    text: str
    track: str


@dataclass
class SimulatedCall:
    """One call as the simulator stores it; ``VoiceSimulator.call()`` returns a copy.

    ``request`` is the ``createCall`` body as received; ``redirects`` holds the
    body of every accepted ``update_call`` redirect and ``bxml`` every accepted
    ``update_call_bxml`` document, oldest first.

    When the simulator runs call flows: ``heard`` is what the far end heard,
    in order (each ``SpeakSentence`` as plain text, each ``PlayAudio`` as its
    URL); ``pressed`` the digits the far end pressed (one entry per
    ``sim.press``); ``dtmf_sent`` the digits ``SendDtmf`` played to it;
    ``webhooks`` this call's deliveries. :meth:`timeline` tells it all.
    ``audio`` is what was said on the call, both ways, with times
    (:class:`Utterance`): what its recordings and transcriptions hold.

    Other legs: ``legs`` lists the ids of the calls this one placed
    (``<Transfer>``, ``<Forward>``), oldest first; each of those has
    ``parent_call_id`` set to this call's id.
    """

    call_id: str
    account_id: str
    application_id: str
    to: str
    from_: str
    direction: str
    state: str
    enqueued_time: datetime
    last_update: datetime
    start_time: Optional[datetime] = None
    answer_time: Optional[datetime] = None
    end_time: Optional[datetime] = None
    disconnect_cause: Optional[str] = None
    error_message: Optional[str] = None
    error_id: Optional[str] = None
    parent_call_id: Optional[str] = None
    stir_shaken: Optional[Dict[str, str]] = None
    identity: Optional[str] = None
    tag: Optional[str] = None
    request: Dict[str, Any] = field(default_factory=dict)
    redirects: List[Dict[str, Any]] = field(default_factory=list)
    bxml: List[str] = field(default_factory=list)
    heard: List[str] = field(default_factory=list)
    pressed: List[str] = field(default_factory=list)
    dtmf_sent: List[str] = field(default_factory=list)
    audio: List[Utterance] = field(default_factory=list, repr=False, compare=False)
    #: ids of the calls this one placed (``<Transfer>``, ``<Forward>`` legs), oldest first
    legs: List[str] = field(default_factory=list)
    #: the SIP status the callee refused the INVITE with (486 busy, 603 rejected), if it did
    sip_response_code: Optional[int] = None
    #: a ``<Transfer>`` B-leg: the A-leg's ``(from, to)``, which its webhooks carry as
    #: ``from``/``to`` (its own go in ``transferCallerId``/``transferTo``)
    transfer_parties: Optional[Tuple[str, str]] = None
    webhooks: List[Webhook] = field(default_factory=list, repr=False, compare=False)
    #: ``(time, what happened)``, oldest first: what :meth:`timeline` prints
    log: List[Tuple[datetime, str]] = field(default_factory=list, repr=False, compare=False)
    seq: int = field(default=0, repr=False, compare=False)
    _json: Optional[bytes] = field(default=None, repr=False, compare=False)

    @property
    def callback_timeout(self) -> float:
        """Seconds each of its webhooks may take (``callbackTimeout``, default 15)."""
        return float(self.request.get("callbackTimeout") or DEFAULT_CALLBACK_TIMEOUT)

    @property
    def call_timeout(self) -> float:
        """Seconds it rings before it times out (``callTimeout``, default 30)."""
        return float(self.request.get("callTimeout") or DEFAULT_CALL_TIMEOUT)

    @property
    def sort_key(self) -> Tuple[datetime, int]:
        """Position in ``list_calls``: creation time, then creation order."""
        return (self.enqueued_time, self.seq)

    def changed(self, when: datetime) -> None:
        """Note a state change at ``when`` and drop the cached JSON."""
        self.last_update = when
        self._json = None

    def state_json(self) -> bytes:
        """The ``callState`` JSON of this call, serialized once per change."""
        if self._json is None:
            self._json = json.dumps(self.to_call_state(), separators=(",", ":")).encode()
        return self._json

    def to_call_state(self) -> Dict[str, Any]:
        """This call as a ``callState`` object: every field of the SDK's
        :class:`~bandwidth.models.call_state.CallState`, in its order (null when unset)."""
        return {wire: _wire(getattr(self, attribute)) for wire, attribute in call_state_fields()}

    def to_create_response(self, call_url: str) -> Dict[str, Any]:
        """The ``createCallResponse`` for this call: every field of the SDK's
        :class:`~bandwidth.models.create_call_response.CreateCallResponse`, from the call
        or its request (the API's defaults where it set none); passwords masked as the API
        masks them."""
        request = self.request
        own = {
            "applicationId": self.application_id,
            "accountId": self.account_id,
            "callId": self.call_id,
            "to": self.to,
            "from": self.from_,
            "enqueuedTime": _wire(self.enqueued_time),
            "callUrl": call_url,
            "tag": self.tag,
        }
        answer: Dict[str, Any] = {}
        for wire in create_response_fields():
            if wire in own:
                answer[wire] = own[wire]
            elif wire in _MASKED:
                answer[wire] = None if request.get(wire) is None else "*****"
            else:
                answer[wire] = _or(request.get(wire), CREATE_CALL_DEFAULTS.get(wire))
        return answer

    def __repr__(self) -> str:
        # The dataclass's repr, with the bodies' and documents' secrets masked.
        shown = []
        for item in fields(self):
            if not item.repr:
                continue
            value = getattr(self, item.name)
            if item.name == "request":
                value = masked_request(value)
            elif item.name == "redirects":
                value = [masked_request(body) for body in value]
            elif item.name == "bxml":
                value = [shown_document(document) for document in value]
            shown.append(f"{item.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def note(self, when: datetime, what: str) -> None:
        """Add a line to the call's timeline."""
        self.log.append((when, what))

    def timeline(self) -> str:
        """What happened on this call, one line per step, times from its creation.

        Webhooks with their replies, what was said and played, digits pressed,
        state changes: print it when a flow does not do what a test expects.
        """
        head = (
            f"call {self.call_id}  {self.direction}  {self.from_} -> {self.to}  "
            f"(created {format_time(self.enqueued_time)}; now {self.state}"
            + (f", {self.disconnect_cause}" if self.disconnect_cause else "")
            + ")"
        )
        lines = [head]
        for when, what in self.log:
            offset = (when - self.enqueued_time).total_seconds()
            rows = what.splitlines() or [""]
            lines.append(f"  {offset:>+9.3f}s  {rows[0]}")
            lines.extend(f"  {'':>10}     {row}" for row in rows[1:])
        return "\n".join(lines)

    def callback_payload(self, event_type: str, when: datetime, call_url: str) -> Dict[str, Any]:
        """The fields Bandwidth sends with ``event_type`` for this call, as they are now.

        The fields of the event's table (``event_fields.EVENT_FIELDS``), from
        :meth:`event_values`; what the event adds beyond the call (a gather's
        ``digits``, ...) is not in it.
        """
        values = self.event_values(event_type, when, call_url, leg_parent=False)
        known = event_type if event_type in EVENT_FIELDS else "redirect"  # the call base set
        data = payload(known, values)
        data["eventType"] = event_type
        return data

    def event_values(
        self, event_type: str, when: datetime, call_url: str, *, leg_parent: bool = True
    ) -> Dict[str, Any]:
        """The call's fields as they are at ``when``: the call base set, how it ended, and its
        transfer leg (a ``<Transfer>`` B-leg carries the A-leg's ``from`` and ``to``, and its own
        numbers as ``transferCallerId``/``transferTo``; no ``enqueuedTime``: the platform placed
        it). ``leg_parent``: ``parentCallId`` for any leg (the media events), not only a transfer's.
        """
        call, transfer = self, self.transfer_parties
        values: Dict[str, Any] = {
            "eventType": event_type,
            "eventTime": format_time(when),
            "accountId": call.account_id,
            "applicationId": call.application_id,
            "from": call.from_,
            "to": call.to,
            "direction": call.direction,
            "callId": call.call_id,
            "callUrl": call_url,
            "enqueuedTime": None,
            "startTime": format_time(call.start_time or when),
            "answerTime": _time(call.answer_time),
            "tag": call.tag,
            "parentCallId": call.parent_call_id if leg_parent or transfer else None,
        }
        if event_type == "disconnect":  # how it ended (the other events that say so pass it)
            values["endTime"] = format_time(call.end_time or when)
            values["cause"] = call.disconnect_cause
            values["errorMessage"] = call.error_message
            values["errorId"] = call.error_id
            values["sipResponseCode"] = call.sip_response_code
        if call.direction == "outbound" and transfer is None:
            values["enqueuedTime"] = format_time(call.enqueued_time)
        if transfer is not None:
            values["from"], values["to"] = transfer
            values["transferCallerId"] = call.from_
            values["transferTo"] = call.to
        return values

    # -- changes (the call's own writers; the store moves its lifecycle) --------------------

    def seed(
        self,
        state: str,
        direction: str,
        extras: Mapping[str, Any],
        cause: Optional[str],
    ) -> None:
        """Make a stored-as-seeded call look as if it got to ``state`` at its creation time.

        ``extras`` holds the ``callState`` fields a test may give (``parentCallId``,
        ``stirShaken``, ``identity``, ``errorMessage``, ``errorId``).
        """
        created = self.enqueued_time
        self.direction = direction
        self.state = state
        self.parent_call_id = extras.get("parentCallId")
        self.stir_shaken = extras.get("stirShaken")
        self.identity = extras.get("identity")
        if state != QUEUED:
            self.start_time = created
        if state == ANSWERED or (state == DISCONNECTED and cause == "hangup"):
            self.answer_time = created
        if state == DISCONNECTED:
            self.end_time = created
            self.disconnect_cause = cause
            self.error_message = extras.get("errorMessage")
            self.error_id = extras.get("errorId")

    def redirected(self, body: Dict[str, Any]) -> None:
        """An accepted ``update_call`` redirect (not a state change: ``lastUpdate`` stays)."""
        self.redirects.append(body)
        if body.get("tag") is not None:
            self.tag = body["tag"] or None

    def replaced(self, document: str) -> None:
        """An accepted ``update_call_bxml`` document."""
        self.bxml.append(document)

    def hears(self, what: str, utterance: Optional[Utterance] = None) -> None:
        """The far end hears ``what`` (words said, or a played file's URL), said as
        ``utterance`` (what recordings and transcriptions hold); ``""`` adds to ``heard``
        nothing (a conference's silence still takes its time in ``audio``)."""
        if what:
            self.heard.append(what)
        if utterance is not None:
            self.audio.append(utterance)

    def far_end_says(self, utterance: Utterance) -> None:
        """The far end talks (``sim.speak``)."""
        self.audio.append(utterance)

    def sends_dtmf(self, digits: str) -> None:
        """A ``<SendDtmf>`` plays ``digits`` to the far end."""
        self.dtmf_sent.append(digits)

    def presses(self, digits: str) -> None:
        """The far end presses ``digits`` (``sim.press``)."""
        self.pressed.append(digits)

    def delivered(self, record: Webhook) -> None:
        """A webhook of this call was delivered."""
        self.webhooks.append(record)

    def refused(self, sip_status: int) -> None:
        """The callee refused the INVITE with ``sip_status`` (486 busy, 603 rejected)."""
        self.sip_response_code = sip_status

    def set_tag(self, tag: Optional[str], when: datetime) -> None:
        """A verb's ``tag`` goes with its webhook and every later one (``""`` clears it)."""
        if tag is not None:
            self.tag = tag or None
            self.note(when, f"tag set to {tag!r}" if tag else "tag cleared")

    def snapshot(self) -> SimulatedCall:
        """An independent copy, safe to read while the simulator keeps serving."""
        clone = copy.copy(self)
        clone.request = copy.deepcopy(self.request)
        clone.redirects = copy.deepcopy(self.redirects)
        clone.bxml = list(self.bxml)
        clone.heard = list(self.heard)
        clone.pressed = list(self.pressed)
        clone.dtmf_sent = list(self.dtmf_sent)
        clone.audio = list(self.audio)
        clone.legs = list(self.legs)
        clone.webhooks = list(self.webhooks)
        clone.log = list(self.log)
        clone.stir_shaken = None if self.stir_shaken is None else dict(self.stir_shaken)
        return clone


#: What ``createCall`` defaults when a request leaves a field out (the API reference).
CREATE_CALL_DEFAULTS: Mapping[str, Any] = {
    "callTimeout": DEFAULT_CALL_TIMEOUT,
    "callbackTimeout": DEFAULT_CALLBACK_TIMEOUT,
    "answerMethod": DEFAULT_METHOD,
    "answerFallbackMethod": DEFAULT_METHOD,
    "disconnectMethod": DEFAULT_METHOD,
    "priority": 5,
}
#: Request fields the API answers masked.
_MASKED = frozenset({"password", "fallbackPassword"})
#: The call's attribute that holds a model field, where the names differ.
_ATTRIBUTE = {"var_from": "from_"}


def call_state_fields() -> Tuple[Tuple[str, str], ...]:
    """``(wire name, call attribute)`` of every ``callState`` field: the SDK model's."""
    return tuple((wire, _ATTRIBUTE.get(name, name)) for name, wire in model_fields("CallState"))


def create_response_fields() -> Tuple[str, ...]:
    """The wire names of every ``createCallResponse`` field: the SDK model's."""
    return tuple(wire for _, wire in model_fields("CreateCallResponse"))


def _wire(value: Any) -> Any:
    """A value as the wire has it: times in ISO 8601, the rest as they are."""
    return format_time(value) if isinstance(value, datetime) else value


def _time(value: Optional[datetime]) -> Optional[str]:
    return None if value is None else format_time(value)


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value

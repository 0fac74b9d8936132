"""Stored call records and their wire form (``callState`` and ``createCallResponse``)."""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Dict, List, Optional, Tuple

from bandwidth.testing._clock import format_time

__all__ = ["AutoProgress", "SimulatedCall"]

QUEUED = "queued"
INITIATED = "initiated"
ANSWERED = "answered"
DISCONNECTED = "disconnected"
STATES = (QUEUED, INITIATED, ANSWERED, DISCONNECTED)


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


@dataclass
class SimulatedCall:
    """One call as the simulator stores it; ``VoiceSimulator.call()`` returns a copy.

    ``request`` is the ``createCall`` body as received; ``redirects`` holds the
    body of every accepted ``update_call`` redirect and ``bxml`` every accepted
    ``update_call_bxml`` document, oldest first.
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
    seq: int = field(default=0, repr=False, compare=False)
    _json: Optional[bytes] = field(default=None, repr=False, compare=False)

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
        """This call as a ``callState`` object (every documented key; null when unset)."""
        return {
            "applicationId": self.application_id,
            "accountId": self.account_id,
            "callId": self.call_id,
            "parentCallId": self.parent_call_id,
            "to": self.to,
            "from": self.from_,
            "direction": self.direction,
            "state": self.state,
            "stirShaken": self.stir_shaken,
            "identity": self.identity,
            "enqueuedTime": _time(self.enqueued_time),
            "startTime": _time(self.start_time),
            "answerTime": _time(self.answer_time),
            "endTime": _time(self.end_time),
            "disconnectCause": self.disconnect_cause,
            "errorMessage": self.error_message,
            "errorId": self.error_id,
            "lastUpdate": _time(self.last_update),
        }

    def to_create_response(self, call_url: str) -> Dict[str, Any]:
        """The ``createCallResponse`` for this call; passwords are masked like the API does."""
        req = self.request

        def secret(key: str) -> Optional[str]:
            return None if req.get(key) is None else "*****"

        return {
            "applicationId": self.application_id,
            "accountId": self.account_id,
            "callId": self.call_id,
            "to": self.to,
            "from": self.from_,
            "enqueuedTime": _time(self.enqueued_time),
            "callUrl": call_url,
            "callTimeout": _or(req.get("callTimeout"), 30),
            "callbackTimeout": _or(req.get("callbackTimeout"), 15),
            "tag": self.tag,
            "answerMethod": _or(req.get("answerMethod"), "POST"),
            "answerUrl": req.get("answerUrl"),
            "answerFallbackMethod": _or(req.get("answerFallbackMethod"), "POST"),
            "answerFallbackUrl": req.get("answerFallbackUrl"),
            "disconnectMethod": _or(req.get("disconnectMethod"), "POST"),
            "disconnectUrl": req.get("disconnectUrl"),
            "username": req.get("username"),
            "password": secret("password"),
            "fallbackUsername": req.get("fallbackUsername"),
            "fallbackPassword": secret("fallbackPassword"),
            "priority": _or(req.get("priority"), 5),
        }

    def snapshot(self) -> SimulatedCall:
        """An independent copy, safe to read while the simulator keeps serving."""
        clone = copy.copy(self)
        clone.request = copy.deepcopy(self.request)
        clone.redirects = copy.deepcopy(self.redirects)
        clone.bxml = list(self.bxml)
        clone.stir_shaken = None if self.stir_shaken is None else dict(self.stir_shaken)
        return clone


def _time(value: Optional[datetime]) -> Optional[str]:
    return None if value is None else format_time(value)


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value

"""The events of other legs and machine detection: one table of fields per event, and the checks.

``FIELDS`` says, per event, which fields a payload has beyond the call base
set, and ``assert_event`` holds a payload to it, to the official callback
model of its event (``model_validate``, no unknown field left over) and to
the spec's callback schema. Where the docs and the spec disagree the table
says so: ``transferAnswer`` carries ``parentCallId`` (the docs list it, the
spec schema lacks it), and ``referComplete`` has no schema in the spec.
"""

from __future__ import annotations

from typing import Any, Dict, FrozenSet, Optional, Type

from bandwidth.callbacks import (
    AnswerCallback,
    BridgeCompleteCallback,
    BridgeTargetCompleteCallback,
    Callback,
    DisconnectCallback,
    GatherCallback,
    MachineDetectionCompleteCallback,
    RedirectCallback,
    ReferCompleteCallback,
    TransferAnswerCallback,
    TransferCompleteCallback,
    TransferDisconnectCallback,
)
from tests.support.flows import assert_matches_spec

#: every call event (``initiate`` aside): the call base set
BASE = frozenset(
    {
        "eventType",
        "eventTime",
        "accountId",
        "applicationId",
        "from",
        "to",
        "direction",
        "callId",
        "callUrl",
        "startTime",
        "answerTime",
    }
)
#: what a Transfer B-leg's events add (its own numbers, the A-leg's id)
B_LEG = frozenset({"parentCallId", "transferCallerId", "transferTo"})
CAUSE = frozenset({"cause", "errorMessage", "errorId"})

#: event -> (model, the fields beyond the base set it always has)
FIELDS: Dict[str, Any] = {
    "answer": (AnswerCallback, frozenset()),
    "disconnect": (DisconnectCallback, frozenset({"endTime"}) | CAUSE),
    "gather": (GatherCallback, frozenset({"digits", "terminatingDigit"})),
    "redirect": (RedirectCallback, frozenset()),
    "transferAnswer": (TransferAnswerCallback, B_LEG),
    "transferDisconnect": (TransferDisconnectCallback, B_LEG | {"endTime"} | CAUSE),
    "transferComplete": (TransferCompleteCallback, {"transferCallerId", "transferTo"} | CAUSE),
    "bridgeComplete": (BridgeCompleteCallback, frozenset()),
    "bridgeTargetComplete": (BridgeTargetCompleteCallback, frozenset()),
    "machineDetectionComplete": (
        MachineDetectionCompleteCallback,
        frozenset({"machineDetectionResult"}),
    ),
    "referComplete": (
        ReferCompleteCallback,
        frozenset({"referCallStatus", "referSipResponseCode"}),
    ),
}
#: fields the docs give an event but its spec schema lacks
NOT_IN_SPEC: Dict[str, FrozenSet[str]] = {"transferAnswer": frozenset({"parentCallId"})}
#: events the spec has no schema for
NO_SCHEMA = frozenset({"referComplete"})


def assert_event(payload: Dict[str, Any], *, extra: FrozenSet[str] = frozenset()) -> Callback:
    """``payload`` has exactly its event's fields (plus ``extra``, the optional ones it
    should carry here: ``tag``, ``enqueuedTime``, a failure's cause, ...), validates
    against the official model with nothing left over, and against the spec schema."""
    kind = payload["eventType"]
    model: Type[Callback]
    model, fields = FIELDS[kind]
    assert set(payload) == BASE | fields | extra, (kind, set(payload) ^ (BASE | fields | extra))
    event = model.model_validate(payload)
    assert not event.additional_properties, payload
    if kind not in NO_SCHEMA:
        spec = {k: v for k, v in payload.items() if k not in NOT_IN_SPEC.get(kind, ())}
        assert_matches_spec(spec)
    return event


def expect_one(hooks: Any, event_type: str, call_id: Optional[str] = None) -> Dict[str, Any]:
    """The one payload of ``event_type`` (for ``call_id``) among the webhooks."""
    found = [
        h.payload
        for h in hooks
        if h.event_type == event_type and (call_id is None or h.call_id == call_id)
    ]
    assert len(found) == 1, (event_type, [h.event_type for h in hooks])
    return found[0]

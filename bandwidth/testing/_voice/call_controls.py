"""The simulator's test API for calls: move them through their life, press keys, read them.

``sim.answer``, ``sim.hangup``, ``sim.press``, ``sim.inbound_call`` and the
rest change a call the way its far end (or the platform) would, through the
store's lifecycle and the flow engine, as :class:`CallControls`; the facade
forwards to it.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any, Dict, List, Optional

from bandwidth.testing._core.handlers import InvalidRequest
from bandwidth.testing._core.webhooks import Webhook
from bandwidth.testing._voice.action_runner import ActionRunner
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.calls import (
    ANSWERED,
    DISCONNECTED,
    DTMF,
    INITIATED,
    QUEUED,
    SimulatedCall,
)
from bandwidth.testing._voice.flow_engine import FlowEngine
from bandwidth.testing._voice.request_checks import CREATE_CALL_FIELDS, check_create_call
from bandwidth.testing._voice.resource_controls import camel

__all__ = ["CallControls"]


class CallControls:
    """Calls driven by the test: lifecycle steps, digits, inbound calls, copies."""

    def __init__(self, store: CallStore, engine: FlowEngine, actions: ActionRunner) -> None:
        self._store = store
        self._engine = engine
        self._lock: threading.Lock = store.lock
        self._act = actions.act

    def initiate(self, call_id: str) -> None:
        """Move a queued call to ``initiated`` (dequeued and ringing)."""

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state != QUEUED:
                raise ValueError(f"call {call_id} is {call.state}, not queued")
            self._store.move(call, "initiate", now)

        self._act(change)

    def answer(self, call_id: str) -> None:
        """Answer a queued or ringing call (a queued one is initiated first).

        With call flows on, the ``answer`` webhook goes out and the BXML it
        returns starts (whatever of it takes no time runs before this returns).
        """

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state not in (QUEUED, INITIATED):
                raise ValueError(f"call {call_id} is {call.state}; only a ringing call answers")
            self._store.move(call, "answer", now)

        self._act(change)

    def hangup(
        self,
        call_id: str,
        cause: str = "hangup",
        *,
        error_message: Optional[str] = None,
        error_id: Optional[str] = None,
    ) -> None:
        """End a call that has not ended yet, with ``disconnectCause`` ``cause``.

        The far end hanging up: whatever verb runs stops, and the
        ``disconnect`` webhook goes out.
        """

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state == DISCONNECTED:
                raise ValueError(f"call {call_id} has already ended")
            self._store.disconnect(call, cause, now, error_message, error_id)

        self._act(change)

    def press(self, call_id: str, digits: str) -> None:
        """The far end presses ``digits`` (DTMF ``0-9``, ``*``, ``#``, ``A-D``) now.

        The digits reach a running ``<Gather>`` one after the other; if one
        ends the gather and its webhook's BXML starts another, the rest go to
        that one. Digits pressed while no Gather runs are not collected.
        """
        if not isinstance(digits, str) or not digits or not DTMF.fullmatch(digits):
            raise ValueError("digits must be DTMF characters: 0-9, *, #, A-D")

        def change(now: datetime) -> None:
            call = self._store.get(call_id)
            if call.state != ANSWERED:
                raise ValueError(
                    f"call {call_id} is {call.state}; only an answered call hears digits"
                )
            self._engine.press(call, digits, now)

        self._act(change)

    def inbound_call(
        self,
        to: str,
        from_: str,
        *,
        answer_url: str,
        answer_method: str = "POST",
        **fields: Any,
    ) -> str:
        """Place an inbound call to your application; returns its call id.

        The ``initiate`` webhook goes to ``answer_url`` (the application's
        call-initiated callback URL) and the BXML it returns runs on the
        unanswered call, which its first spoken, played or gathering verb
        answers. ``fields`` are the other ``CreateCall`` keywords, in
        snake_case (``disconnect_url``, ``username``, ``password``,
        ``answer_fallback_url``, ``callback_timeout``, ``tag``, ...) and are
        checked the way ``create_call`` checks them (``ValueError``).
        """
        if not self._engine.enabled:
            raise RuntimeError(
                "inbound_call() needs call flows: this simulator has deliver_webhooks=False"
            )
        data = {camel(key): value for key, value in fields.items()}
        unknown = set(data) - CREATE_CALL_FIELDS
        if unknown:
            raise TypeError(f"unknown call fields: {sorted(unknown)}")
        request: Dict[str, Any] = {
            "to": to,
            "from": from_,
            "answerUrl": answer_url,
            "answerMethod": answer_method,
            **{key: value for key, value in data.items() if value is not None},
        }
        request.setdefault("applicationId", "04e88489-df02-4e34-a0ee-27a91849555f")
        try:
            check_create_call(request)
        except InvalidRequest as exc:
            raise ValueError(str(exc)) from None

        def change(now: datetime) -> str:
            store = self._store
            call = store.place_ringing(request, now, "inbound")
            call.note(now, f"inbound call to {to} from {from_}")
            self._engine.inbound(call, now)
            return call.call_id

        return self._act(change)

    @property
    def calls(self) -> List[SimulatedCall]:
        """Copies of every stored call, oldest first (the ``list_calls`` order)."""
        return self._act(lambda now: [call.snapshot() for call in self._store.order])

    def call(self, call_id: str) -> SimulatedCall:
        """A copy of one stored call; ``KeyError`` if there is none."""
        return self._act(lambda now: self._store.get(call_id).snapshot())

    @property
    def webhooks(self) -> List[Webhook]:
        """Every webhook delivered so far, oldest first (a copy)."""
        return self._act(lambda now: list(self._engine.webhooks))

    def timeline(self) -> str:
        """Every call's :meth:`SimulatedCall.timeline`, oldest call first."""
        return "\n\n".join(call.timeline() for call in self.calls)

    def clear_calls(self) -> None:
        """Forget every call, what calls made (conferences, recordings, transcriptions), and
        the webhooks delivered so far."""
        with self._lock:
            self._store.clear()
            self._engine.clear()
            self._engine.webhooks.clear()

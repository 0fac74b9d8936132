"""The simulator's test API for the other ends of calls: scripted callees and call legs.

``sim.callee(destination, ...)`` says what the party at a number or SIP URI
does when called (see :class:`~bandwidth.testing.Callee`); ``sim.legs(call_id)``
lists the calls a ``<Transfer>`` or ``<Forward>`` placed for a call.
:class:`FarEndControls` holds them; the facade forwards to it.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Any, Dict, List, Optional

from bandwidth.testing._voice.action_runner import ActionRunner
from bandwidth.testing._voice.call_store import CallStore
from bandwidth.testing._voice.callees import Callee
from bandwidth.testing._voice.calls import SimulatedCall

__all__ = ["FarEndControls"]


class FarEndControls:
    """Scripting who answers, and inspecting call legs."""

    def __init__(self, store: CallStore, actions: ActionRunner) -> None:
        self._store = store
        self._lock: threading.Lock = store.lock
        self._act = actions.act

    def callee(
        self, destination: str, behaviour: Optional[Callee] = None, **options: Any
    ) -> Callee:
        """Script what the party at ``destination`` does when the simulator calls it.

        ``destination`` is an E.164 number or a SIP URI. Give a
        :class:`~bandwidth.testing.Callee`, or its fields as keywords:
        ``answer_after`` (seconds of ringing, default 1), ``busy``,
        ``rejected``, ``never_answers``, ``hang_up_after`` (seconds after
        answering) and ``answered_by`` (what machine detection hears: an
        :class:`~bandwidth.testing.AnsweredBy`, or ``"human"``,
        ``"machine"``, ``"silence"``). Every call placed to it from now on
        follows the script: ``create_call``, ``<Transfer>`` and ``<Forward>``
        legs, and ``<Refer>`` targets. Scripting it again replaces the script
        for later calls. Returns the script.
        """
        if behaviour is not None and options:
            raise TypeError("give a Callee or its fields as keywords, not both")
        if behaviour is not None and not isinstance(behaviour, Callee):
            raise TypeError(f"behaviour must be a Callee, not {type(behaviour).__name__}")
        script = behaviour if behaviour is not None else Callee(**options)
        with self._lock:
            self._store.callees.script(destination, script)
        return script

    @property
    def callees(self) -> Dict[str, Callee]:
        """The scripted destinations and what each does (a copy)."""
        with self._lock:
            return dict(self._store.callees.scripts)

    def clear_callees(self) -> None:
        """Forget every script: calls placed from now on wait for the test (or auto-progress)."""
        with self._lock:
            self._store.callees.clear()

    def legs(self, call_id: str) -> List[SimulatedCall]:
        """Copies of the calls ``call_id`` placed (``<Transfer>``/``<Forward>`` legs), oldest first.

        Each is a call of its own, with ``parent_call_id`` set: answer and hang
        it up with :meth:`answer` and :meth:`hangup` as any other call.
        ``KeyError`` for an unknown call.
        """

        def read(now: datetime) -> List[SimulatedCall]:
            store = self._store
            return [
                store.calls[leg].snapshot() for leg in store.get(call_id).legs if leg in store.calls
            ]

        return self._act(read)
